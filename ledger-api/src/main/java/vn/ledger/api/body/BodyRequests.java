package vn.ledger.api.body;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.ledger.api.input.SingleLine;
import vn.ledger.core.body.BodyLevel;

import java.time.LocalDate;

/** Request bodies of the body operations. Dates: ISO (2026-03-20) or as officials write them (20/3/2026). */
public final class BodyRequests {

    /** Body codes: upper-case ASCII letters, digits, '-', '_' and '.', e.g. TU-DIENBIEN. */
    public static final String CODE = "[A-Z0-9][A-Z0-9._-]{0,63}";

    private BodyRequests() {
    }

    public record Register(
            @NotBlank @Pattern(regexp = CODE) @Schema(example = "TU-DIENBIEN") String code,
            @NotBlank @SingleLine @Size(max = 300) @Schema(example = "Tỉnh ủy Điện Biên") String name,
            @Pattern(regexp = CODE) @Schema(description = "null for a root of the hierarchy") String parentCode,
            @NotNull BodyLevel level,
            @Schema(description = "date the body exists from; today when left out", example = "2025-07-01")
            LocalDate effectiveDate) {
    }

    public record Rename(@NotBlank @SingleLine @Size(max = 300) String newName, LocalDate effectiveDate) {
    }

    public record Close(@NotBlank @Size(max = 2000) String reason, LocalDate effectiveDate) {
    }

    public record Merge(@NotBlank @Pattern(regexp = CODE) String intoCode, LocalDate effectiveDate) {
    }
}

package vn.ledger.api.body;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.ledger.api.input.SingleLine;
import vn.ledger.core.body.BodyLevel;
import vn.ledger.core.shared.BodyGroup;

import java.time.LocalDate;
import java.util.List;

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

    /** A list id of {@code ledger.groups.<id>}, or a body code. */
    public static final String GROUP_OF = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    /**
     * A group of bodies as written, expanded to its members on the date of the act (registered by then, not
     * closed or merged). Each member receives, or leads its own task, and is counted on its own.
     */
    public record Group(
            @NotNull @Schema(description = "ALL_PROVINCES, ALL_MINISTRIES, DIRECTLY_UNDER (the body `of`, or the "
                    + "writing body when left out), NAMED (the list `of` configured as ledger.groups.<id>)",
                    example = "ALL_PROVINCES") BodyGroup.Kind kind,
            @Pattern(regexp = GROUP_OF) @Schema(description = "body code (DIRECTLY_UNDER) or list id (NAMED); "
                    + "left out for the others") String of,
            @NotBlank @SingleLine @Size(max = 500) @Schema(description = "the group as written in the document",
                    example = "Các tỉnh ủy, thành ủy") String wording) {

        public BodyGroup toGroup() {
            return new BodyGroup(kind, of, wording);
        }

        public static List<BodyGroup> all(List<Group> groups) {
            return groups == null ? List.of() : groups.stream().map(Group::toGroup).toList();
        }
    }
}

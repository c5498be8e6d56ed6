package vn.ledger.api.directive;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.ledger.api.input.SingleLine;
import vn.ledger.api.body.BodyRequests;
import vn.ledger.api.task.TaskRequests;
import vn.ledger.core.directive.DirectiveField;
import vn.ledger.core.directive.DirectiveKind;
import vn.ledger.core.directive.SigningCapacity;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of the directive operations. */
public final class DirectiveRequests {

    /** Directive ids: letters, digits and '-' (a UUID is generated when the caller gives none). */
    public static final String ID = "[A-Za-z0-9][A-Za-z0-9-]{0,63}";

    private DirectiveRequests() {
    }

    public record SignerRequest(
            @SingleLine @Size(max = 200) @Schema(example = "Lê Thành Đô") String name,
            @SingleLine @Size(max = 300) @Schema(example = "Phó Bí thư") String position,
            @Schema(description = "T/M, KT, TL, TUQ or NONE", example = "TM") SigningCapacity capacity) {
    }

    public record CitationRequest(
            @NotBlank @SingleLine @Size(max = 100) @Schema(description = "the symbol as written in the document",
                    example = "22-TB/VPTW") String asWritten) {
    }

    public record Issue(
            @Pattern(regexp = ID) @Schema(description = "optional; a UUID is generated when left out") String directiveId,
            @NotBlank @SingleLine @Size(max = 100) @Schema(example = "569-CV/TU") String symbol,
            @NotNull DirectiveKind kind,
            @Pattern(regexp = BodyRequests.CODE) @Schema(description = "defaults to the caller's body; must be it")
            String issuingBodyCode,
            @NotNull @Valid SignerRequest signer,
            @NotNull @Schema(description = "date of issue, 2026-03-23 or 23/3/2026", type = "string",
                    example = "23/3/2026") LocalDate issuedOn,
            @NotBlank @Size(max = 2000) String subject,
            List<@NotBlank @Pattern(regexp = BodyRequests.CODE) String> recipientsForAction,
            List<@NotBlank @Pattern(regexp = BodyRequests.CODE) String> recipientsForInformation,
            @Schema(description = "recipients \"for report\" (b/c)")
            List<@NotBlank @Pattern(regexp = BodyRequests.CODE) String> recipientsForReport,
            @Schema(description = "groups of recipients as written (\"Các tỉnh ủy, thành ủy\"), each expanded to "
                    + "its members on the date of issue; a body also named in recipientsForAction is listed once")
            List<BodyRequests.@NotNull @Valid Group> recipientGroupsForAction,
            List<BodyRequests.@NotNull @Valid Group> recipientGroupsForInformation,
            List<BodyRequests.@NotNull @Valid Group> recipientGroupsForReport,
            @Schema(description = "guidance without deadline or product; kept apart from tasks")
            List<@NotBlank @Size(max = 10000) String> orientations,
            @Schema(description = "the directives this one implements, each as cited")
            List<@NotNull @Valid CitationRequest> implementsDirectives,
            List<TaskRequests.@NotNull @Valid Spec> tasks,
            @Pattern(regexp = ID) @Schema(description = "a directive of the same issuer this one replaces; only its "
                    + "number and symbol may be reused in the same year, and it is recorded as replaced by this one")
            String replacesDirectiveId) {
    }

    public record Receipt(@Schema(description = "business date of receipt; today when left out", type = "string",
            example = "24/3/2026") LocalDate receivedOn) {
    }

    public record Recall(@NotBlank @Size(max = 2000) String reason,
                         @Schema(description = "business date; today when left out, never in the future nor before what it acts on",
                    type = "string", example = "25/3/2026") LocalDate recalledOn) {
    }

    public record Replace(@NotBlank @Pattern(regexp = ID) String replacementDirectiveId,
                          @NotBlank @Size(max = 2000) String reason,
                          @Schema(description = "business date; today when left out, never in the future nor before what it acts on",
                    type = "string", example = "25/3/2026") LocalDate replacedOn) {
    }

    public record Correction(@NotNull DirectiveField field,
                             @NotBlank @Size(max = 2000) @Schema(description = "ISSUED_ON as 2026-03-20 or 20/3/2026, "
                                     + "KIND as a kind name") String newValue,
                             @NotBlank @Size(max = 2000) String reason,
                             @Schema(description = "business date; today when left out, never in the future nor before what it acts on",
                    type = "string", example = "25/3/2026") LocalDate correctedOn) {
    }

    public record Alias(@NotBlank @SingleLine @Size(max = 100) @Schema(example = "22-TB/VPTW") String alias) {
    }
}

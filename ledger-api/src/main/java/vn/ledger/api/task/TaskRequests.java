package vn.ledger.api.task;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.ledger.api.input.SingleLine;
import vn.ledger.api.body.BodyRequests;
import vn.ledger.core.shared.Attachment;
import vn.ledger.core.shared.Person;
import vn.ledger.core.shared.TaskSpec;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** Request bodies of the task operations. */
public final class TaskRequests {

    /**
     * Task codes as numbered in the document ("II.1", "App.1", "3"); no '/', '#', '?', '%', '@' or spaces ('@'
     * joins the code and the body in the codes of a group's tasks, "II.6@BKHCN").
     */
    public static final String CODE = "[^/#?@\\s\\\\%]{1,32}";
    public static final String SHA256 = "[0-9a-f]{64}";

    private TaskRequests() {
    }

    public record PersonRequest(@SingleLine @Size(max = 200) String name, @SingleLine @Size(max = 300) String position) {
        Person toPerson() {
            return new Person(name, position);
        }
    }

    /** One assignment as written ("6 rõ": person, work, lead/cooperating bodies, deadline, authority, product). */
    public record Spec(
            @NotBlank @Pattern(regexp = CODE) @Schema(description = "the task's number in the document; "
                    + "the task id is directiveId/code", example = "II.1") String code,
            @Size(max = 10000) @Schema(description = "rõ việc") String work,
            @Valid @Schema(description = "rõ người: the accountable person (may be left out: recorded as missing)")
            PersonRequest responsible,
            @Schema(description = "rõ trách nhiệm: body codes that lead (chủ trì)")
            List<@NotBlank @Pattern(regexp = BodyRequests.CODE) String> leadBodies,
            @Schema(description = "body codes that cooperate (phối hợp)")
            List<@NotBlank @Pattern(regexp = BodyRequests.CODE) String> cooperatingBodies,
            @SingleLine @Size(max = 500) @Schema(description = "rõ thời gian, as written", example = "trước ngày 05/4/2026")
            String deadline,
            @Size(max = 2000) @Schema(description = "rõ sản phẩm: the expected deliverable") String product,
            @Schema(description = "business date of a task added to an issued directive (POST .../tasks); today "
                    + "when left out. A task issued with its directive is assigned on the date of issue: leave it out "
                    + "there", type = "string", example = "25/3/2026") LocalDate assignedOn,
            @Schema(description = "the tasks of the cited directives this task makes concrete: the code printed in "
                    + "the cited directive (\"II.1\", resolved through implementsDirectives) or a task id "
                    + "(directiveId/code). Its deadline may not be later than theirs (task.deadline.after-parent)",
                    example = "[\"II.1\"]")
            List<@NotBlank @Size(max = 200) String> implementsTasks,
            @Schema(description = "groups of lead bodies as written (\"các bộ, cơ quan ngang bộ\"): each member "
                    + "body, and each body of leadBodies, gets a task of its own, id directiveId/code@BODY")
            List<BodyRequests.@NotNull @Valid Group> leadGroups,
            @Schema(description = "groups of cooperating bodies as written; their members join cooperatingBodies")
            List<BodyRequests.@NotNull @Valid Group> cooperatingGroups) {

        public TaskSpec toSpec() {
            return new TaskSpec(code, work, responsible == null ? null : responsible.toPerson(), leadBodies,
                    cooperatingBodies, deadline, product, implementsTasks, BodyRequests.Group.all(leadGroups),
                    BodyRequests.Group.all(cooperatingGroups));
        }
    }

    public record AttachmentRequest(@NotBlank @SingleLine @Size(max = 300) String name,
                                    @NotBlank @Pattern(regexp = SHA256) @Schema(description = "64 lowercase hex")
                                    String sha256) {
        Attachment toAttachment() {
            return new Attachment(name, sha256);
        }

        static List<Attachment> all(List<AttachmentRequest> list) {
            return list == null ? List.of() : list.stream().map(AttachmentRequest::toAttachment).toList();
        }
    }

    public record Report(
            @NotBlank @Size(max = 20000) String text,
            @Min(0) @Max(100) Integer percent,
            @Schema(description = "the month covered (required for monthly duties): 2026-04 or 4/2026", type = "string",
                    example = "2026-04") YearMonth period,
            @Schema(description = "business date of the report; today when left out", type = "string",
                    example = "25/3/2026") LocalDate reportedOn,
            List<@NotNull @Valid AttachmentRequest> attachments) {
    }

    /** Optional body of an acknowledgement. */
    public record Acknowledgement(@Schema(description = "business date; today when left out, never in the future nor before what it acts on",
                    type = "string", example = "25/3/2026") LocalDate acknowledgedOn) {
    }

    public record Urge(@NotBlank @Size(max = 5000) String message,
                       @Schema(description = "business date; today when left out, never in the future nor before what it acts on",
                    type = "string", example = "25/3/2026") LocalDate urgedOn) {
    }

    public record ExtensionRequest(
            @NotBlank @SingleLine @Size(max = 500) @Schema(example = "trong tháng 7/2026") String requestedDeadline,
            @NotBlank @Size(max = 5000) String reason,
            @Schema(description = "business date; today when left out, never in the future nor before what it acts on",
                    type = "string", example = "25/3/2026") LocalDate requestedOn) {
    }

    /** Optional body of a grant. */
    public record Grant(@Schema(description = "business date of the decision; today when left out, never in the future nor before what it acts on",
                    type = "string", example = "25/3/2026") LocalDate grantedOn) {
    }

    public record Refusal(@NotBlank @Size(max = 5000) String reason,
                          @Schema(description = "business date of the decision; today when left out, never in the future nor before what it acts on",
                    type = "string", example = "25/3/2026") LocalDate refusedOn) {
    }

    public record Reassign(List<@NotBlank @Pattern(regexp = BodyRequests.CODE) String> newLeadBodies,
                           List<@NotBlank @Pattern(regexp = BodyRequests.CODE) String> newCooperatingBodies,
                           @NotBlank @Size(max = 5000) String reason,
                           @Schema(description = "business date; today when left out, never in the future nor before what it acts on",
                    type = "string", example = "25/3/2026") LocalDate reassignedOn) {
    }

    public record Cancel(@NotBlank @Size(max = 5000) String reason,
                         @Schema(description = "business date; today when left out, never in the future nor before what it acts on",
                    type = "string", example = "25/3/2026") LocalDate cancelledOn) {
    }

    public record Complete(@NotBlank @Size(max = 10000) String productDescription,
                           List<@NotNull @Valid AttachmentRequest> evidence,
                           @Schema(type = "string", example = "30/4/2026") LocalDate completedOn) {
    }

    /** Optional body of an acceptance. */
    public record Acceptance(@Schema(description = "business date; today when left out, never in the future nor before what it acts on",
                    type = "string", example = "2/5/2026") LocalDate acceptedOn) {
    }

    public record Rejection(@NotBlank @Size(max = 5000) String reason,
                            @Schema(description = "business date; today when left out, never in the future nor before what it acts on",
                    type = "string", example = "2/5/2026") LocalDate rejectedOn) {
    }

    /** Delegation to subordinate bodies: the child task is parentTaskId + "." + number. */
    public record Delegation(
            @NotNull @Min(1) @Max(9999) @Schema(description = "n of the child task id parentTaskId.n", example = "1")
            Integer number,
            @Size(max = 10000) String work,
            @Valid PersonRequest responsible,
            @NotEmpty List<@NotBlank @Pattern(regexp = BodyRequests.CODE) String> leadBodies,
            List<@NotBlank @Pattern(regexp = BodyRequests.CODE) String> cooperatingBodies,
            @SingleLine @Size(max = 500) String deadline,
            @Size(max = 2000) String product,
            @Schema(description = "business date of the delegation (also the child's assignment); today when left out, never in the future nor before what it acts on",
                    type = "string", example = "25/3/2026") LocalDate delegatedOn) {
    }
}

package vn.ledger.projections.task;

import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.Attachment;
import vn.ledger.core.shared.Deadline;
import vn.ledger.core.shared.Person;
import vn.ledger.core.shared.Ro;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A task's state at an instant: all recorded facts, its timeliness under the versioned rule, and for recurring
 * duties the expected and received reports per month.
 *
 * @param deadlineAsWritten the deadline of the assignment, as written and parsed
 * @param deadlineInForce   the deadline after the granted extensions (equal to the written one without any)
 * @param completion        the standing completion (the last one, unless it was rejected), or null
 * @param completions       every declared completion with its outcome (PENDING, ACCEPTED, REJECTED)
 * @param ruleVersion       the version of {@link TimelinessRule} that produced {@code timeliness}
 * @param schedule          the monthly reporting schedule, null unless the deadline asks for monthly reports
 * @param version           the last applied sequence number of the task's event stream
 */
public record TaskView(String taskId, String directiveId, String parentTaskId, String code, String work,
                       Person responsible, List<String> leadBodies, List<String> cooperatingBodies,
                       String assignerBodyCode, String product, List<Ro> missing, LocalDate assignedOn,
                       Actor assignedBy, Instant recordedAt, Deadline deadlineAsWritten, Deadline deadlineInForce,
                       List<DeadlineChange> deadlineHistory, List<Acknowledgement> acknowledgements,
                       List<Report> reports, Integer lastPercent, List<Urging> urgings,
                       List<ExtensionRequest> extensionRequests, List<Reassignment> reassignments,
                       List<String> childTaskIds, List<Delegation> delegations, Completion completion,
                       List<Completion> completions, Cancellation cancellation, TaskProjection.Status status,
                       Timeliness timeliness, String ruleVersion, Schedule schedule, long version) {

    public record Acknowledgement(String bodyCode, LocalDate acknowledgedOn, Actor by, Instant recordedAt) {
    }

    /** @param reportedOn business date; recordedAt the instant the ledger recorded it */
    public record Report(String bodyCode, String text, Integer percent, YearMonth period, LocalDate reportedOn,
                         Instant recordedAt, List<Attachment> attachments, Actor by) {
    }

    public record Urging(String message, LocalDate urgedOn, Actor by, Instant recordedAt) {
    }

    /** @param decision PENDING, GRANTED or REFUSED */
    public record ExtensionRequest(String requestId, Deadline currentDeadline, Deadline requestedDeadline,
                                   String reason, LocalDate requestedOn, Actor requestedBy, Instant recordedAt,
                                   String decision, LocalDate decidedOn, Actor decidedBy, Instant decidedAt,
                                   String refusalReason) {
    }

    /** A granted extension: the deadline in force before and after. */
    public record DeadlineChange(Deadline from, Deadline to, String requestId, LocalDate grantedOn, Actor grantedBy,
                                 Instant recordedAt) {
    }

    public record Reassignment(List<String> oldLeadBodies, List<String> oldCooperatingBodies,
                               List<String> newLeadBodies, List<String> newCooperatingBodies, String reason,
                               LocalDate reassignedOn, Actor by, Instant recordedAt) {
    }

    public record Delegation(String childTaskId, String delegatingBodyCode, List<String> leadBodies,
                             List<String> cooperatingBodies, Deadline deadline, LocalDate delegatedOn, Actor by,
                             Instant recordedAt) {
    }

    /**
     * @param dueAtInForce the deadline in force when the completion was declared (what the rule judges it by)
     * @param outcome      PENDING, ACCEPTED or REJECTED
     */
    public record Completion(LocalDate completedOn, String productDescription, List<Attachment> evidence, Actor by,
                             Instant recordedAt, Instant dueAtInForce, String outcome, LocalDate decidedOn,
                             Actor decidedBy, Instant decidedAt, String reason) {
    }

    public record Cancellation(String reason, LocalDate cancelledOn, Actor by, Instant recordedAt) {
    }

    /**
     * Monthly reports expected from the month of assignment through the current month (or the month the task
     * was closed), in Vietnam's calendar.
     *
     * @param expected      number of periods listed (one report expected in each)
     * @param received      periods with at least one report
     * @param missedPeriods periods whose month has ended without any report for them
     */
    public record Schedule(List<Period> periods, int expected, int received, int missed, List<YearMonth> missedPeriods) {
    }

    /** @param state RECEIVED, RECEIVED_LATE (first report dated after the month), MISSED, or DUE (month running) */
    public record Period(YearMonth period, int reports, LocalDate firstReportedOn, PeriodState state) {
    }

    public enum PeriodState { RECEIVED, RECEIVED_LATE, MISSED, DUE }
}

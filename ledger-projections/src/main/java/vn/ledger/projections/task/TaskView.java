package vn.ledger.projections.task;

import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.Attachment;
import vn.ledger.core.shared.Deadline;
import vn.ledger.core.shared.Person;
import vn.ledger.core.shared.Ro;

import vn.ledger.core.task.ProgressReported;
import vn.ledger.core.task.TaskAcknowledged;
import vn.ledger.core.task.TaskUrged;
import vn.ledger.projections.store.StoredForm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static vn.ledger.projections.store.Docs.instant;
import static vn.ledger.projections.store.Docs.integer;
import static vn.ledger.projections.store.Docs.iso;
import static vn.ledger.projections.store.Docs.localDate;
import static vn.ledger.projections.store.Docs.month;
import static vn.ledger.projections.store.Docs.yearMonth;
import static vn.ledger.projections.store.SharedValues.addActor;
import static vn.ledger.projections.store.SharedValues.addAttachments;
import static vn.ledger.projections.store.SharedValues.readActor;
import static vn.ledger.projections.store.SharedValues.readAttachments;
import static vn.ledger.projections.store.SharedValues.toActor;
import static vn.ledger.projections.store.SharedValues.toAttachments;

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

    /**
     * Stored packed (a task's most numerous items, four in five task events nationally, are read whole): body,
     * business date, actor, recorded at (epoch ms). The previous layout's sub-document reads too.
     */
    public record Acknowledgement(String bodyCode, LocalDate acknowledgedOn, Actor by, Instant recordedAt) {

        public static final StoredForm<Acknowledgement> FORM = StoredForm.packed(
                (w, a) -> addActor(w.add(a.bodyCode()).add(iso(a.acknowledgedOn())), a.by()).add(a.recordedAt()),
                r -> new Acknowledgement(r.string(), localDate(r.string()), readActor(r), r.instant()),
                d -> new Acknowledgement(d.getString("body"), localDate(d.get("on")), toActor(d.get("by")),
                        instant(d.get("at"))));

        /** The acknowledgement the event records, recorded at {@code at}. */
        public static Acknowledgement of(TaskAcknowledged e, Instant at) {
            return new Acknowledgement(e.bodyCode(), e.acknowledgedOn(), e.actor(), at);
        }
    }

    /**
     * Stored packed: body, text, percent, period, business date, recorded at, attachments, actor. The previous
     * layout's sub-document reads too.
     *
     * @param reportedOn business date; recordedAt the instant the ledger recorded it
     */
    public record Report(String bodyCode, String text, Integer percent, YearMonth period, LocalDate reportedOn,
                         Instant recordedAt, List<Attachment> attachments, Actor by) {

        public static final StoredForm<Report> FORM = StoredForm.packed(
                (w, r) -> addActor(addAttachments(w.add(r.bodyCode()).add(r.text())
                        .add(r.percent() == null ? null : (long) r.percent()).add(month(r.period()))
                        .add(iso(r.reportedOn())).add(r.recordedAt()), r.attachments()), r.by()),
                r -> {
                    String body = r.string();
                    String text = r.string();
                    Long percent = r.lngOrNull();
                    return new Report(body, text, percent == null ? null : percent.intValue(), yearMonth(r.string()),
                            localDate(r.string()), r.instant(), readAttachments(r), readActor(r));
                },
                d -> new Report(d.getString("body"), d.getString("text"), integer(d.get("percent")),
                        yearMonth(d.get("period")), localDate(d.get("on")), instant(d.get("at")),
                        toAttachments(d, "attachments"), toActor(d.get("by"))));

        /** The report the event records, recorded at {@code at}. */
        public static Report of(ProgressReported e, Instant at) {
            return new Report(e.bodyCode(), e.text(), e.percent(), e.period(), e.reportedOn(), at,
                    e.attachments() == null ? List.of() : List.copyOf(e.attachments()), e.actor());
        }
    }

    /** Stored packed: message, business date, actor, recorded at. The previous layout's sub-document reads too. */
    public record Urging(String message, LocalDate urgedOn, Actor by, Instant recordedAt) {

        public static final StoredForm<Urging> FORM = StoredForm.packed(
                (w, u) -> addActor(w.add(u.message()).add(iso(u.urgedOn())), u.by()).add(u.recordedAt()),
                r -> new Urging(r.string(), localDate(r.string()), readActor(r), r.instant()),
                d -> new Urging(d.getString("message"), localDate(d.get("on")), toActor(d.get("by")),
                        instant(d.get("at"))));

        /** The urging the event records, recorded at {@code at}. */
        public static Urging of(TaskUrged e, Instant at) {
            return new Urging(e.message(), e.urgedOn(), e.actor(), at);
        }
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

package vn.ledger.projections.task;

import org.bson.Document;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.BodyGroup;
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

import static vn.ledger.projections.store.Docs.appendPresent;
import static vn.ledger.projections.store.Docs.date;
import static vn.ledger.projections.store.Docs.instant;
import static vn.ledger.projections.store.Docs.strings;
import static vn.ledger.projections.store.SharedValues.ACTOR;
import static vn.ledger.projections.store.SharedValues.ATTACHMENT;
import static vn.ledger.projections.store.SharedValues.DEADLINE;
import static vn.ledger.projections.store.SharedValues.toDeadline;
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
 * @param leadGroups        the groups of bodies as written ("các bộ, cơ quan ngang bộ") its lead was named through:
 *                          a group's assignment is one task per member, this one the member's (code "II.6@BODY")
 * @param cooperatingGroups the groups of cooperating bodies as written; their members are among cooperatingBodies
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
                       List<BodyGroup> leadGroups, List<BodyGroup> cooperatingGroups, String assignerBodyCode,
                       String product, List<Ro> missing, LocalDate assignedOn,
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

    /**
     * A sub-document, absent values left out: {@code requestId}, {@code current}, {@code requested} (deadlines),
     * {@code reason}, {@code on}, {@code by}, {@code at}, {@code decision}, {@code decidedOn}, {@code decidedBy},
     * {@code decidedAt}, {@code refusal}.
     *
     * @param decision PENDING, GRANTED or REFUSED
     */
    public record ExtensionRequest(String requestId, Deadline currentDeadline, Deadline requestedDeadline,
                                   String reason, LocalDate requestedOn, Actor requestedBy, Instant recordedAt,
                                   String decision, LocalDate decidedOn, Actor decidedBy, Instant decidedAt,
                                   String refusalReason) {

        public static final StoredForm<ExtensionRequest> FORM = StoredForm.document(x -> {
            Document d = new Document("requestId", x.requestId());
            appendPresent(d, "current", DEADLINE.write(x.currentDeadline()));
            appendPresent(d, "requested", DEADLINE.write(x.requestedDeadline()));
            appendPresent(d, "reason", x.reason());
            appendPresent(d, "on", iso(x.requestedOn()));
            appendPresent(d, "by", ACTOR.write(x.requestedBy()));
            appendPresent(d, "at", date(x.recordedAt()));
            appendPresent(d, "decision", x.decision());
            appendPresent(d, "decidedOn", iso(x.decidedOn()));
            appendPresent(d, "decidedBy", ACTOR.write(x.decidedBy()));
            appendPresent(d, "decidedAt", date(x.decidedAt()));
            return appendPresent(d, "refusal", x.refusalReason());
        }, x -> new ExtensionRequest(x.getString("requestId"), toDeadline(x.get("current")),
                toDeadline(x.get("requested")), x.getString("reason"), localDate(x.get("on")), toActor(x.get("by")),
                instant(x.get("at")), x.getString("decision"), localDate(x.get("decidedOn")),
                toActor(x.get("decidedBy")), instant(x.get("decidedAt")), x.getString("refusal")), null);

        /** Decided: GRANTED or REFUSED (with its reason). */
        public ExtensionRequest decided(String outcome, LocalDate on, Actor by, Instant at, String refusal) {
            return new ExtensionRequest(requestId, currentDeadline, requestedDeadline, reason, requestedOn,
                    requestedBy, recordedAt, outcome, on, by, at, refusal);
        }
    }

    /**
     * A granted extension: the deadline in force before and after. A sub-document, absent values left out:
     * {@code from}, {@code to}, {@code requestId}, {@code on}, {@code by}, {@code at}.
     */
    public record DeadlineChange(Deadline from, Deadline to, String requestId, LocalDate grantedOn, Actor grantedBy,
                                 Instant recordedAt) {

        public static final StoredForm<DeadlineChange> FORM = StoredForm.document(h -> {
            Document d = new Document();
            appendPresent(d, "from", DEADLINE.write(h.from()));
            appendPresent(d, "to", DEADLINE.write(h.to()));
            appendPresent(d, "requestId", h.requestId());
            appendPresent(d, "on", iso(h.grantedOn()));
            appendPresent(d, "by", ACTOR.write(h.grantedBy()));
            return appendPresent(d, "at", date(h.recordedAt()));
        }, h -> new DeadlineChange(toDeadline(h.get("from")), toDeadline(h.get("to")), h.getString("requestId"),
                localDate(h.get("on")), toActor(h.get("by")), instant(h.get("at"))), null);
    }

    /**
     * A sub-document, absent values left out: {@code oldLead}, {@code oldCoop}, {@code newLead}, {@code newCoop},
     * {@code reason}, {@code on}, {@code by}, {@code at}.
     */
    public record Reassignment(List<String> oldLeadBodies, List<String> oldCooperatingBodies,
                               List<String> newLeadBodies, List<String> newCooperatingBodies, String reason,
                               LocalDate reassignedOn, Actor by, Instant recordedAt) {

        public static final StoredForm<Reassignment> FORM = StoredForm.document(r -> {
            Document d = new Document("oldLead", strings(r.oldLeadBodies())).append("oldCoop",
                    strings(r.oldCooperatingBodies())).append("newLead", strings(r.newLeadBodies()))
                    .append("newCoop", strings(r.newCooperatingBodies()));
            appendPresent(d, "reason", r.reason());
            appendPresent(d, "on", iso(r.reassignedOn()));
            appendPresent(d, "by", ACTOR.write(r.by()));
            return appendPresent(d, "at", date(r.recordedAt()));
        }, r -> new Reassignment(List.copyOf(strings(r, "oldLead")), List.copyOf(strings(r, "oldCoop")),
                List.copyOf(strings(r, "newLead")), List.copyOf(strings(r, "newCoop")), r.getString("reason"),
                localDate(r.get("on")), toActor(r.get("by")), instant(r.get("at"))), null);
    }

    /**
     * A sub-document, absent values left out: {@code child}, {@code body}, {@code lead}, {@code coop},
     * {@code deadline}, {@code on}, {@code by}, {@code at}.
     */
    public record Delegation(String childTaskId, String delegatingBodyCode, List<String> leadBodies,
                             List<String> cooperatingBodies, Deadline deadline, LocalDate delegatedOn, Actor by,
                             Instant recordedAt) {

        public static final StoredForm<Delegation> FORM = StoredForm.document(x -> {
            Document d = new Document();
            appendPresent(d, "child", x.childTaskId());
            appendPresent(d, "body", x.delegatingBodyCode());
            d.append("lead", strings(x.leadBodies())).append("coop", strings(x.cooperatingBodies()));
            appendPresent(d, "deadline", DEADLINE.write(x.deadline()));
            appendPresent(d, "on", iso(x.delegatedOn()));
            appendPresent(d, "by", ACTOR.write(x.by()));
            return appendPresent(d, "at", date(x.recordedAt()));
        }, x -> new Delegation(x.getString("child"), x.getString("body"), List.copyOf(strings(x, "lead")),
                List.copyOf(strings(x, "coop")), toDeadline(x.get("deadline")), localDate(x.get("on")),
                toActor(x.get("by")), instant(x.get("at"))), null);
    }

    /**
     * A sub-document, absent values left out: {@code on}, {@code product}, {@code evidence}, {@code by}, {@code at},
     * {@code dueAt}, {@code outcome}, {@code decidedOn}, {@code decidedBy}, {@code decidedAt}, {@code reason}.
     *
     * @param dueAtInForce the deadline in force when the completion was entered, as stored; as shown (the task's
     *                     standing completion), the deadline in force on its business date, which the rule judges
     *                     it by
     * @param outcome      PENDING, ACCEPTED or REJECTED
     */
    public record Completion(LocalDate completedOn, String productDescription, List<Attachment> evidence, Actor by,
                             Instant recordedAt, Instant dueAtInForce, String outcome, LocalDate decidedOn,
                             Actor decidedBy, Instant decidedAt, String reason) {

        public static final StoredForm<Completion> FORM = StoredForm.document(c -> {
            Document d = new Document();
            appendPresent(d, "on", iso(c.completedOn()));
            appendPresent(d, "product", c.productDescription());
            d.append("evidence", ATTACHMENT.writeAll(c.evidence()));
            appendPresent(d, "by", ACTOR.write(c.by()));
            appendPresent(d, "at", date(c.recordedAt()));
            appendPresent(d, "dueAt", date(c.dueAtInForce()));
            appendPresent(d, "outcome", c.outcome());
            appendPresent(d, "decidedOn", iso(c.decidedOn()));
            appendPresent(d, "decidedBy", ACTOR.write(c.decidedBy()));
            appendPresent(d, "decidedAt", date(c.decidedAt()));
            return appendPresent(d, "reason", c.reason());
        }, c -> new Completion(localDate(c.get("on")), c.getString("product"), toAttachments(c, "evidence"),
                toActor(c.get("by")), instant(c.get("at")), instant(c.get("dueAt")), c.getString("outcome"),
                localDate(c.get("decidedOn")), toActor(c.get("decidedBy")), instant(c.get("decidedAt")),
                c.getString("reason")), null);

        /** Judged by the deadline ending at {@code dueAt} (the one in force on its business date). */
        public Completion judgedBy(Instant dueAt) {
            return new Completion(completedOn, productDescription, evidence, by, recordedAt, dueAt, outcome,
                    decidedOn, decidedBy, decidedAt, reason);
        }

        /** Decided: ACCEPTED or REJECTED (with its reason). */
        public Completion decided(String decision, LocalDate on, Actor byWhom, Instant at, String why) {
            return new Completion(completedOn, productDescription, evidence, by, recordedAt, dueAtInForce, decision,
                    on, byWhom, at, why);
        }
    }

    /** A sub-document, absent values left out: {@code reason}, {@code on}, {@code by}, {@code at}. */
    public record Cancellation(String reason, LocalDate cancelledOn, Actor by, Instant recordedAt) {

        public static final StoredForm<Cancellation> FORM = StoredForm.document(c -> {
            Document d = new Document();
            appendPresent(d, "reason", c.reason());
            appendPresent(d, "on", iso(c.cancelledOn()));
            appendPresent(d, "by", ACTOR.write(c.by()));
            return appendPresent(d, "at", date(c.recordedAt()));
        }, c -> new Cancellation(c.getString("reason"), localDate(c.get("on")), toActor(c.get("by")),
                instant(c.get("at"))), null);
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

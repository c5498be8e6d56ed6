package vn.ledger.projections.task;

import org.bson.Document;
import vn.ledger.core.shared.Deadline;
import vn.ledger.core.shared.Recurrence;
import vn.ledger.core.shared.Ro;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.store.SharedValues;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static vn.ledger.projections.store.Docs.doc;
import static vn.ledger.projections.store.Docs.docs;
import static vn.ledger.projections.store.Docs.instant;
import static vn.ledger.projections.store.Docs.integer;
import static vn.ledger.projections.store.Docs.localDate;
import static vn.ledger.projections.store.Docs.strings;
import static vn.ledger.projections.store.Docs.yearMonth;
import static vn.ledger.projections.store.SharedValues.toActor;
import static vn.ledger.projections.store.SharedValues.toAttachments;
import static vn.ledger.projections.store.SharedValues.toDeadline;

/**
 * Reads task state from {@value TaskProjection#COLLECTION}. {@link #state} is one {@code find} by {@code _id};
 * {@link #states} one {@code $in}. Timeliness and the monthly schedule are derived from the stored facts at the
 * instant asked, by {@link TimelinessRule} (its version is returned with the view).
 */
public final class TaskQueries {

    private final ReadStore store;
    private final Clock clock;

    public TaskQueries(ReadStore store) {
        this(store, Clock.systemUTC());
    }

    /** @param clock gives "now" to {@link #state(String)} */
    public TaskQueries(ReadStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The task as it stands now, by the clock given at construction. */
    public Optional<TaskView> state(String taskId) {
        return state(taskId, clock.instant());
    }

    /** The task as it stands at {@code now} (timeliness and schedule are judged at that instant). */
    public Optional<TaskView> state(String taskId, Instant now) {
        return store.find(TaskProjection.COLLECTION, taskId)
                .filter(TaskQueries::assigned)
                .map(d -> {
                    SealedItems.restore(store, List.of(d));
                    return view(d, now);
                });
    }

    /** Several tasks with one {@code $in} round trip, in the order asked; unknown ids are left out. */
    public List<TaskView> states(Collection<String> taskIds, Instant now) {
        Map<String, Document> found = store.findAll(TaskProjection.COLLECTION, taskIds);
        SealedItems.restore(store, found.values());
        List<TaskView> out = new ArrayList<>();
        for (String id : taskIds) {
            Document d = found.get(id);
            if (d != null && assigned(d)) {
                out.add(view(d, now));
            }
        }
        return out;
    }

    static boolean assigned(Document d) {
        return d.get("assignedOn") != null || d.get("directiveId") != null;
    }

    /**
     * The timeliness of a stored task document at {@code now}, under {@link TimelinessRule#VERSION}: cancelled;
     * done (on time or late) by the standing completion judged against the deadline in force when it was
     * declared; otherwise overdue once the deadline in force has passed; in progress once acknowledged or reported.
     *
     * @param inForce the task's deadline in force ({@code SharedValues.toDeadline(d.get("deadline"))}, which the caller
     *                reads once for the view too)
     */
    public static Timeliness timeliness(Document d, Deadline inForce, Instant now) {
        boolean cancelled = TaskProjection.Status.CANCELLED.name().equals(d.getString("status"));
        boolean started = !Docs.items(d, "acks").isEmpty() || d.getInteger("reportCount", 0) > 0;
        Document standing = standingCompletion(d);
        if (standing != null) {
            return TimelinessRule.evaluate(cancelled, started, localDate(standing.get("on")),
                    instant(standing.get("dueAt")), now);
        }
        return TimelinessRule.evaluate(cancelled, started, null, inForce == null ? null : inForce.dueAt(), now);
    }

    /** The last declared completion unless it was rejected. */
    static Document standingCompletion(Document d) {
        List<Document> completions = docs(d, "completions");
        if (completions.isEmpty()) {
            return null;
        }
        Document last = completions.get(completions.size() - 1);
        return "REJECTED".equals(last.getString("outcome")) ? null : last;
    }

    /** The view of a stored task document at {@code now}. */
    public static TaskView view(Document d, Instant now) {
        List<TaskView.Completion> completions = new ArrayList<>();
        for (Document c : docs(d, "completions")) {
            completions.add(new TaskView.Completion(localDate(c.get("on")), c.getString("product"),
                    toAttachments(c, "evidence"), toActor(c.get("by")), instant(c.get("at")), instant(c.get("dueAt")),
                    c.getString("outcome"), localDate(c.get("decidedOn")), toActor(c.get("decidedBy")),
                    instant(c.get("decidedAt")), c.getString("reason")));
        }
        TaskView.Completion standing = completions.isEmpty()
                || "REJECTED".equals(completions.get(completions.size() - 1).outcome())
                ? null : completions.get(completions.size() - 1);

        List<TaskView.Acknowledgement> acks = TaskView.Acknowledgement.FORM.readAll(d.get("acks"));
        List<TaskView.Report> reports = TaskView.Report.FORM.readAll(d.get("reports"));
        List<TaskView.Urging> urgings = TaskView.Urging.FORM.readAll(d.get("urgings"));
        List<TaskView.ExtensionRequest> extensions = new ArrayList<>();
        for (Document x : docs(d, "extensions")) {
            extensions.add(new TaskView.ExtensionRequest(x.getString("requestId"), toDeadline(x.get("current")),
                    toDeadline(x.get("requested")), x.getString("reason"), localDate(x.get("on")),
                    toActor(x.get("by")), instant(x.get("at")), x.getString("decision"),
                    localDate(x.get("decidedOn")), toActor(x.get("decidedBy")), instant(x.get("decidedAt")),
                    x.getString("refusal")));
        }
        List<TaskView.DeadlineChange> history = new ArrayList<>();
        for (Document h : docs(d, "deadlineHistory")) {
            history.add(new TaskView.DeadlineChange(toDeadline(h.get("from")), toDeadline(h.get("to")),
                    h.getString("requestId"), localDate(h.get("on")), toActor(h.get("by")), instant(h.get("at"))));
        }
        List<TaskView.Reassignment> reassignments = new ArrayList<>();
        for (Document r : docs(d, "reassignments")) {
            reassignments.add(new TaskView.Reassignment(List.copyOf(strings(r, "oldLead")),
                    List.copyOf(strings(r, "oldCoop")), List.copyOf(strings(r, "newLead")),
                    List.copyOf(strings(r, "newCoop")), r.getString("reason"), localDate(r.get("on")),
                    toActor(r.get("by")), instant(r.get("at"))));
        }
        List<TaskView.Delegation> delegations = new ArrayList<>();
        for (Document x : docs(d, "delegations")) {
            delegations.add(new TaskView.Delegation(x.getString("child"), x.getString("body"),
                    List.copyOf(strings(x, "lead")), List.copyOf(strings(x, "coop")), toDeadline(x.get("deadline")),
                    localDate(x.get("on")), toActor(x.get("by")), instant(x.get("at"))));
        }
        Document c = doc(d, "cancellation");
        TaskView.Cancellation cancellation = c == null ? null : new TaskView.Cancellation(c.getString("reason"),
                localDate(c.get("on")), toActor(c.get("by")), instant(c.get("at")));
        List<Ro> missing = strings(d, "missing").stream().map(Ro::valueOf).toList();
        TaskProjection.Status status = Docs.enumOf(TaskProjection.Status.class, d.get("status"));
        Deadline inForce = toDeadline(d.get("deadline"));

        return new TaskView(d.getString("_id"), d.getString("directiveId"), d.getString("parentTaskId"),
                d.getString("code"), d.getString("work"), SharedValues.toPerson(d.get("responsible")),
                List.copyOf(strings(d, "lead")), List.copyOf(strings(d, "coop")), d.getString("assigner"),
                d.getString("product"), missing, localDate(d.get("assignedOn")), toActor(d.get("assignedBy")),
                instant(d.get("assignedAt")), toDeadline(d.get("deadlineWritten")), inForce,
                List.copyOf(history), List.copyOf(acks), List.copyOf(reports), integer(d.get("lastPercent")),
                List.copyOf(urgings), List.copyOf(extensions), List.copyOf(reassignments),
                List.copyOf(strings(d, "children")), List.copyOf(delegations), standing, List.copyOf(completions),
                cancellation, status, timeliness(d, inForce, now), TimelinessRule.VERSION, schedule(d, inForce, now),
                Docs.lng(d.get("seq"), -1));
    }

    /**
     * The monthly schedule of a recurring duty at {@code now}, or null when the deadline in force asks for no
     * periodic report. Periods run from the month of assignment through the current month in Vietnam, or through
     * the month the duty ended (cancelled, or completed and not rejected; that month is listed only when a report
     * covers it, since the duty ended before its report fell due). A period is MISSED once its month has
     * ended (first instant of the next month in Asia/Ho_Chi_Minh) without a report for it; a report dated after
     * its month counts as RECEIVED_LATE.
     */
    public static TaskView.Schedule schedule(Document d, Deadline inForce, Instant now) {
        if (inForce == null || inForce.recurrence() != Recurrence.MONTHLY) {
            return null;
        }
        LocalDate assignedOn = localDate(d.get("assignedOn"));
        if (assignedOn == null) {
            return null;
        }
        YearMonth first = YearMonth.from(assignedOn);
        YearMonth last = YearMonth.from(now.atZone(TimelinessRule.VIETNAM));
        LocalDate endedOn = endedOn(d);
        YearMonth closedIn = endedOn == null ? null : YearMonth.from(endedOn);
        if (closedIn != null && !closedIn.isAfter(last)) {
            last = closedIn;
        }
        Map<YearMonth, Document> byPeriod = new LinkedHashMap<>();
        for (Document p : docs(d, "periods")) {
            byPeriod.put(yearMonth(p.get("p")), p);
        }
        List<TaskView.Period> periods = new ArrayList<>();
        List<YearMonth> missed = new ArrayList<>();
        int received = 0;
        for (YearMonth p = first; !p.isAfter(last); p = p.plusMonths(1)) {
            Document slot = byPeriod.get(p);
            int n = slot == null ? 0 : slot.getInteger("n", 0);
            if (n == 0 && p.equals(closedIn)) {
                continue; // closed during this month: its report is no longer expected
            }
            LocalDate firstOn = slot == null ? null : localDate(slot.get("first"));
            TaskView.PeriodState state;
            if (n > 0) {
                received++;
                state = firstOn != null && firstOn.isAfter(p.atEndOfMonth())
                        ? TaskView.PeriodState.RECEIVED_LATE : TaskView.PeriodState.RECEIVED;
            } else if (!now.isBefore(p.plusMonths(1).atDay(1).atStartOfDay(TimelinessRule.VIETNAM).toInstant())) {
                state = TaskView.PeriodState.MISSED;
                missed.add(p);
            } else {
                state = TaskView.PeriodState.DUE;
            }
            periods.add(new TaskView.Period(p, n, firstOn, state));
        }
        return new TaskView.Schedule(List.copyOf(periods), periods.size(), received, missed.size(), List.copyOf(missed));
    }

    /** Business date from which no more reports are expected: cancellation or standing completion. */
    private static LocalDate endedOn(Document d) {
        Document c = doc(d, "cancellation");
        if (c != null && localDate(c.get("on")) != null) {
            return localDate(c.get("on"));
        }
        Document standing = standingCompletion(d);
        return standing == null ? null : localDate(standing.get("on"));
    }
}

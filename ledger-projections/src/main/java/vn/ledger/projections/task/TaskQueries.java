package vn.ledger.projections.task;

import org.bson.Document;
import vn.ledger.core.shared.Deadline;
import vn.ledger.core.shared.Recurrence;
import vn.ledger.projections.store.ReadStore;

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

import static vn.ledger.projections.store.Docs.localDate;
import static vn.ledger.projections.store.Docs.yearMonth;


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
        return store.find(TaskProjection.COLLECTION, taskId).map(StoredTask.FORM::read)
                .filter(StoredTask::assigned)
                .map(t -> view(SealedItems.restore(store, List.of(t)).get(0), now));
    }

    /** Several tasks with one {@code $in} round trip, in the order asked; unknown ids are left out. */
    public List<TaskView> states(Collection<String> taskIds, Instant now) {
        Map<String, Document> found = store.findAll(TaskProjection.COLLECTION, taskIds);
        List<StoredTask> tasks = new ArrayList<>();
        for (String id : taskIds) {
            Document d = found.get(id);
            if (d != null && assigned(d)) {
                tasks.add(StoredTask.FORM.read(d));
            }
        }
        List<TaskView> out = new ArrayList<>();
        for (StoredTask t : SealedItems.restore(store, tasks)) {
            out.add(view(t, now));
        }
        return out;
    }

    /** Whether a stored task document (of this layout or the previous one) was assigned. */
    static boolean assigned(Document d) {
        return d.get("assignedOn") != null || d.get("directiveId") != null;
    }

    /**
     * The timeliness of a stored task at {@code now}, under {@link TimelinessRule#VERSION}: cancelled; done (on
     * time or late) by the standing completion judged against the deadline in force when it was declared;
     * otherwise overdue once the deadline in force has passed; in progress once acknowledged or reported.
     */
    public static Timeliness timeliness(StoredTask t, Instant now) {
        boolean cancelled = t.status() == TaskProjection.Status.CANCELLED;
        boolean started = !t.acks().isEmpty() || t.reportCount() > 0;
        TaskView.Completion standing = standingCompletion(t);
        if (standing != null) {
            return TimelinessRule.evaluate(cancelled, started, standing.completedOn(), standing.dueAtInForce(), now);
        }
        return TimelinessRule.evaluate(cancelled, started, null, t.deadline() == null ? null : t.deadline().dueAt(),
                now);
    }

    /**
     * The last declared completion unless it was rejected, with the deadline in force on its business date
     * ({@link TimelinessRule#dueInForceOn}), whatever was in force when it was entered.
     */
    static TaskView.Completion standingCompletion(StoredTask t) {
        List<TaskView.Completion> completions = t.completions();
        if (completions.isEmpty()) {
            return null;
        }
        TaskView.Completion last = completions.get(completions.size() - 1);
        return "REJECTED".equals(last.outcome()) ? null : last.judgedBy(dueAtOn(t, last.completedOn(),
                last.dueAtInForce()));
    }

    /** The end of the due day in force on {@code day} by business dates; {@code entered} when the task tells none. */
    static Instant dueAtOn(StoredTask t, LocalDate day, Instant entered) {
        Deadline written = t.assignment() == null ? null : t.assignment().deadlineWritten();
        if (written == null) {
            return entered;
        }
        List<TimelinessRule.Grant> grants = new ArrayList<>();
        for (TaskView.DeadlineChange c : t.deadlineHistory()) {
            grants.add(new TimelinessRule.Grant(c.grantedOn(), c.to() == null ? null : c.to().dueDate()));
        }
        LocalDate due = TimelinessRule.dueInForceOn(day, written.dueDate(), grants);
        return due == null ? null : Deadline.endOfDay(due);
    }

    /** The view of a stored task (its reports and urgings restored whole) at {@code now}. */
    public static TaskView view(StoredTask t, Instant now) {
        StoredTask.Assignment a = t.assignment();
        return new TaskView(t.id(), a.directiveId(), a.parentTaskId(), a.code(), a.work(), a.responsible(), t.lead(),
                t.coop(), a.leadGroups(), a.cooperatingGroups(), a.assigner(), a.product(), a.missing(), a.assignedOn(), a.assignedBy(), a.assignedAt(),
                a.deadlineWritten(), t.deadline(), t.deadlineHistory(), t.acks(),
                List.copyOf(TaskView.Report.FORM.readAll(t.reports())), t.lastPercent(),
                List.copyOf(TaskView.Urging.FORM.readAll(t.urgings())), t.extensions(), t.reassignments(),
                t.children(), t.delegations(), standingCompletion(t), t.completions(), t.cancellation(), t.status(),
                timeliness(t, now), TimelinessRule.VERSION, schedule(t, now), t.seq());
    }

    /**
     * The monthly schedule of a recurring duty at {@code now}, or null when the deadline in force asks for no
     * periodic report. Periods run from the month of assignment through the current month in Vietnam, or through
     * the month the duty ended (cancelled, or completed and not rejected; that month is listed only when a report
     * covers it, since the duty ended before its report fell due). A period is MISSED once its month has
     * ended (first instant of the next month in Asia/Ho_Chi_Minh) without a report for it; a report dated after
     * its month counts as RECEIVED_LATE.
     */
    public static TaskView.Schedule schedule(StoredTask t, Instant now) {
        Deadline inForce = t.deadline();
        if (inForce == null || inForce.recurrence() != Recurrence.MONTHLY) {
            return null;
        }
        LocalDate assignedOn = t.assignment() == null ? null : t.assignment().assignedOn();
        if (assignedOn == null) {
            return null;
        }
        YearMonth first = YearMonth.from(assignedOn);
        YearMonth last = YearMonth.from(now.atZone(TimelinessRule.VIETNAM));
        LocalDate endedOn = endedOn(t);
        YearMonth closedIn = endedOn == null ? null : YearMonth.from(endedOn);
        if (closedIn != null && !closedIn.isAfter(last)) {
            last = closedIn;
        }
        Map<YearMonth, StoredTask.Period> byPeriod = new LinkedHashMap<>();
        for (StoredTask.Period p : t.periods()) {
            byPeriod.put(yearMonth(p.period()), p);
        }
        List<TaskView.Period> periods = new ArrayList<>();
        List<YearMonth> missed = new ArrayList<>();
        int received = 0;
        for (YearMonth p = first; !p.isAfter(last); p = p.plusMonths(1)) {
            StoredTask.Period slot = byPeriod.get(p);
            int n = slot == null ? 0 : slot.reports();
            if (n == 0 && p.equals(closedIn)) {
                continue; // closed during this month: its report is no longer expected
            }
            LocalDate firstOn = slot == null ? null : localDate(slot.firstReportedOn());
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
    private static LocalDate endedOn(StoredTask t) {
        if (t.cancellation() != null && t.cancellation().cancelledOn() != null) {
            return t.cancellation().cancelledOn();
        }
        TaskView.Completion standing = standingCompletion(t);
        return standing == null ? null : standing.completedOn();
    }
}

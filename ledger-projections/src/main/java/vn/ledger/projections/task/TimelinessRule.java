package vn.ledger.projections.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Derives a task's {@link Timeliness} from its facts. The rule has a version that is shown with every result,
 * so a dashboard figure can always be traced to the rule that produced it; a change of rule is a new version.
 *
 * <p>Version 1: a task is done when a completion is reported and not rejected (acceptance is shown apart, it
 * does not move the date); done on time when the business date of completion is on or before the deadline in
 * force at that moment (the original, or the last granted extension), compared as calendar days in
 * Asia/Ho_Chi_Minh; overdue when not done and the deadline instant has passed; in progress once acknowledged
 * or reported on; recurring duties and tasks without a deadline are never overdue as a whole (their missed
 * periods are counted apart).
 *
 * <p>Version 2: the deadline a completion is judged by is the one in force on the completion's business date
 * ({@link #dueInForceOn}): the original, or the extension granted last (by business date) on or before that day.
 * An extension granted after the completion's day does not make it on time, and one granted before it counts even
 * when it was entered after the completion: the order of entry never decides.
 */
public final class TimelinessRule {

    public static final String VERSION = "vn-task-timeliness/2";
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private TimelinessRule() {
    }

    /** An extension: granted on a business date, the due day it set (null: no due day). */
    public record Grant(LocalDate grantedOn, LocalDate due) {
    }

    /**
     * The due day in force on {@code day}: the due day of the extension granted last on or before it (by business
     * date; of two on the same day, the later in the list, which is log order), else {@code original}. A grant
     * without a business date counts from the start.
     */
    public static LocalDate dueInForceOn(LocalDate day, LocalDate original, List<Grant> grants) {
        LocalDate due = original;
        LocalDate latest = null;
        for (Grant g : grants) {
            LocalDate on = g.grantedOn();
            boolean inForce = on == null || day == null || !on.isAfter(day);
            if (inForce && (latest == null || on == null || !on.isBefore(latest))) {
                due = g.due();
                latest = on == null ? latest : on;
            }
        }
        return due;
    }

    /**
     * @param cancelled   the task was cancelled
     * @param started     acknowledged or reported on
     * @param completedOn business date of the standing (not rejected) completion, or null
     * @param dueAt       the deadline in force (last instant of the due day), or null when there is none
     * @param now         the instant at which the standing is asked
     */
    public static Timeliness evaluate(boolean cancelled, boolean started, LocalDate completedOn, Instant dueAt,
                                      Instant now) {
        if (cancelled) {
            return Timeliness.CANCELLED;
        }
        if (completedOn != null) {
            if (dueAt == null) {
                return Timeliness.DONE_ON_TIME;
            }
            LocalDate dueDay = dueAt.atZone(VIETNAM).toLocalDate();
            return completedOn.isAfter(dueDay) ? Timeliness.DONE_LATE : Timeliness.DONE_ON_TIME;
        }
        if (dueAt != null && now.isAfter(dueAt)) {
            return Timeliness.OVERDUE_NOT_DONE;
        }
        return started ? Timeliness.IN_PROGRESS_ON_TIME : Timeliness.NOT_STARTED;
    }
}

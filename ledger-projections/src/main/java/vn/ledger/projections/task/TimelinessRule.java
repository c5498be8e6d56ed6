package vn.ledger.projections.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

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
 */
public final class TimelinessRule {

    public static final String VERSION = "vn-task-timeliness/1";
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private TimelinessRule() {
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

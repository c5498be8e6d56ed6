package vn.ledger.projections.chain;

import vn.ledger.core.shared.Deadline;
import vn.ledger.projections.task.Timeliness;
import vn.ledger.projections.task.TimelinessRule;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The facts of a task node that decide its {@link Timeliness}.
 *
 * @param due      the due day in force now
 * @param judgedBy the due day a completion is judged by: in force on its business date ({@link
 *                 TimelinessRule#dueInForceOn})
 */
record TaskState(boolean cancelled, boolean stopped, boolean started, LocalDate due, LocalDate completedOn,
                 LocalDate judgedBy) {

    /** Cancelled when cancelled, or stopped by its directive before it was done; done stays done. */
    boolean cancelledOrStopped() {
        return cancelled || (stopped && completedOn == null);
    }

    /** The timeliness at {@code now} by {@link TimelinessRule}. */
    Timeliness at(Instant now) {
        return TimelinessRule.evaluate(cancelledOrStopped(), started, completedOn, dueAt(), now);
    }

    /** The timeliness without the clock: overdue is left to the query (open tasks as not started / in progress). */
    Timeliness stateWithoutClock() {
        return TimelinessRule.evaluate(cancelledOrStopped(), started, completedOn, dueAt(), Instant.MIN);
    }

    private Instant dueAt() {
        LocalDate day = completedOn != null ? judgedBy : due;
        return day == null ? null : Deadline.endOfDay(day);
    }
}

package vn.ledger.projections.dashboard;

import vn.ledger.core.shared.Deadline;
import vn.ledger.projections.task.Timeliness;
import vn.ledger.projections.task.TimelinessRule;

import java.time.LocalDate;
import java.time.YearMonth;

/** What one task adds to the dashboard counters, from the dashboard's own facts about it ({@link StoredDashboardTask}). */
final class TaskContribution {

    private TaskContribution() {
    }

    /** What the task adds to each of its lead bodies' counters: nothing before it is assigned. */
    static Tally of(StoredDashboardTask task) {
        Tally t = new Tally();
        if (!task.assigned()) {
            return t;
        }
        LocalDate assignedOn = task.assignedOn();
        t.count("assigned", 1);
        if (assignedOn != null) {
            t.bucket("assignedByMonth", YearMonth.from(assignedOn).toString(), 1);
        }
        LocalDate due = task.due();
        LocalDate completedOn = task.completedOn();
        if (task.cancelled() || (completedOn == null && task.stopped())) {
            t.count("cancelled", 1);
            if (!task.cancelled()) {
                t.count("stopped", 1);
            }
        } else if (completedOn != null) {
            LocalDate judgedBy = task.extensions().isEmpty() ? due
                    : TimelinessRule.dueInForceOn(completedOn, task.dueWritten(), task.extensions());
            Timeliness status = TimelinessRule.evaluate(false, true, completedOn,
                    judgedBy == null ? null : Deadline.endOfDay(judgedBy), Deadline.endOfDay(completedOn));
            String month = YearMonth.from(completedOn).toString();
            if (status == Timeliness.DONE_LATE) {
                t.count("doneLate", 1).bucket("doneLateByMonth", month, 1);
            } else {
                t.count("doneOnTime", 1).bucket("doneOnTimeByMonth", month, 1);
            }
        } else {
            t.count("open", 1);
            if (due != null) {
                t.bucket("openByDue", due.toString(), 1);
            } else {
                t.count("openNoDue", 1);
            }
        }
        return t;
    }
}

package vn.ledger.projections.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A body's dashboard at {@code now}. Counts are of assignments (task × lead body).
 *
 * @param subtree            true: the body and every body below it; false: the body alone
 * @param today              {@code now} as a date in Asia/Ho_Chi_Minh
 * @param assigned           every task the body(ies) lead, whatever its state
 * @param dueSoon            open, not overdue, due on or before today + dueWithinDays
 * @param overdue            open, and the end of the due day (Vietnam) has passed
 * @param openWithoutDueDate open recurring duties and tasks with no deadline (never overdue as a whole)
 * @param cancelled          cancelled, or stopped by the recall/replacement of the directive ({@code stopped})
 * @param onTimeRate         doneOnTime / (doneOnTime + doneLate), null when nothing is done
 * @param ruleVersion        the timeliness rule that decided on time / late / overdue
 */
public record DashboardView(String bodyCode, String name, String level, boolean closed, String successor,
                            boolean subtree, Instant now, LocalDate today, int dueWithinDays, long assigned,
                            long open, long dueSoon, long overdue, long openWithoutDueDate, long doneOnTime,
                            long doneLate, long cancelled, long stopped, Double onTimeRate, List<MonthTrend> trends,
                            String ruleVersion) {

    /** Per month of the business dates: tasks assigned, and tasks completed on time / late. */
    public record MonthTrend(YearMonth month, long assigned, long doneOnTime, long doneLate) {
    }
}

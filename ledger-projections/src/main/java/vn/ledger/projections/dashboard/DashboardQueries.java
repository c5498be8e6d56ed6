package vn.ledger.projections.dashboard;

import org.bson.Document;
import vn.ledger.core.shared.Deadline;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.task.TimelinessRule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Dashboard queries on {@link DashboardProjection}. A dashboard, of one body or of its whole subtree (a
 * province, a commune), is <b>one read by {@code _id}</b> of one document in {@value DashboardProjection#DASHBOARD}:
 * the counters are kept by the projection, and "overdue" / "due within N days" sum the buckets of the
 * open-tasks-by-due-day histogram (at most one bucket per calendar day that is someone's deadline).
 */
public class DashboardQueries {

    private final ReadStore store;

    public DashboardQueries(ReadStore store) {
        this.store = store;
    }

    /**
     * @param subtree       include every body below
     * @param dueWithinDays "due soon" window: open tasks due from now to the end of today + this many days
     * @param now           the instant of the question (overdue depends on it)
     * @return empty when the body is unknown to the dashboard
     */
    public Optional<DashboardView> dashboard(String bodyCode, boolean subtree, int dueWithinDays, Instant now) {
        return store.find(DashboardProjection.DASHBOARD, bodyCode)
                .map(d -> view(d, subtree, dueWithinDays, now));
    }

    static DashboardView view(Document d, boolean subtree, int dueWithinDays, Instant now) {
        Tally t = Tally.of(d.get(subtree ? "tree" : "self"));
        LocalDate today = LocalDate.ofInstant(now, TimelinessRule.VIETNAM);
        LocalDate soonLimit = today.plusDays(Math.max(0, dueWithinDays));
        long overdue = 0;
        long dueSoon = 0;
        for (Map.Entry<String, Long> bucket : t.histogram("openByDue").entrySet()) {
            LocalDate day = LocalDate.parse(bucket.getKey());
            if (now.isAfter(Deadline.endOfDay(day))) {
                overdue += bucket.getValue();
            } else if (!day.isAfter(soonLimit)) {
                dueSoon += bucket.getValue();
            } else {
                break; // ascending: every later bucket is further away
            }
        }
        long onTime = t.get("doneOnTime");
        long late = t.get("doneLate");
        Double rate = onTime + late == 0 ? null : (double) onTime / (onTime + late);
        TreeSet<String> months = new TreeSet<>(t.histogram("assignedByMonth").keySet());
        months.addAll(t.histogram("doneOnTimeByMonth").keySet());
        months.addAll(t.histogram("doneLateByMonth").keySet());
        List<DashboardView.MonthTrend> trends = new ArrayList<>();
        for (String m : months) {
            trends.add(new DashboardView.MonthTrend(YearMonth.parse(m),
                    t.histogram("assignedByMonth").getOrDefault(m, 0L),
                    t.histogram("doneOnTimeByMonth").getOrDefault(m, 0L),
                    t.histogram("doneLateByMonth").getOrDefault(m, 0L)));
        }
        return new DashboardView(Docs.str(d, "_id"), Docs.str(d, "name"), Docs.str(d, "level"),
                Docs.bool(d, "closed"), Docs.str(d, "successor"), subtree, now, today, dueWithinDays,
                t.get("assigned"), t.get("open"), dueSoon, overdue, t.get("openNoDue"), onTime, late,
                t.get("cancelled"), t.get("stopped"), rate, List.copyOf(trends), TimelinessRule.VERSION);
    }
}

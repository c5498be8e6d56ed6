package vn.ledger.projections.chain;

import vn.ledger.core.shared.Deadline;
import vn.ledger.core.shared.Ro;
import vn.ledger.projections.dashboard.Tally;
import vn.ledger.projections.store.Docs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A node's roll-up as a chain view shows it at {@code now}: overdue tasks, completion, levels. */
record RollupView(Tally t, int height, Instant now) {

    ChainView.Rollup view() {
        long overdue = 0;
        long notStarted = t.get("openNSNoDue");
        long inProgress = t.get("openIPNoDue");
        for (String h : List.of("openNS", "openIP")) {
            for (Map.Entry<String, Long> b : t.histogram(h).entrySet()) {
                if (now.isAfter(Deadline.endOfDay(Docs.day(b.getKey())))) {
                    overdue += b.getValue();
                } else if (h.equals("openNS")) {
                    notStarted += b.getValue();
                } else {
                    inProgress += b.getValue();
                }
            }
        }
        long tasks = t.get("tasks");
        long done = t.get("doneOnTime") + t.get("doneLate");
        long live = tasks - t.get("cancelled");
        Double percent = live <= 0 ? null : Math.round(1000.0 * done / live) / 10.0;
        String lastDue = t.lastBucket("due");
        LocalDate latest = lastDue == null ? null : Docs.day(lastDue);
        Map<String, Long> missing = new LinkedHashMap<>();
        for (Ro ro : Ro.values()) {
            long n = t.histogram("missing").getOrDefault(ro.name(), 0L);
            if (n > 0) {
                missing.put(ro.label(), n);
            }
        }
        long neverAck = t.histogram("unreceivedSince").values().stream().mapToLong(Long::longValue).sum();
        long awaiting = t.histogram("awaitingSince").values().stream().mapToLong(Long::longValue).sum();
        List<ChainView.Level> levels = new ArrayList<>();
        for (int i = 0; i < t.levelCount(); i++) {
            levels.add(new ChainView.Level(i, t.level(i, "directives"), t.level(i, "recipients"),
                    t.level(i, "received"), avg(t.level(i, "receiveDays"), t.level(i, "received")),
                    t.level(i, "acted"), avg(t.level(i, "actDays"), t.level(i, "acted")), t.level(i, "tasks"),
                    t.level(i, "delegated"), avg(t.level(i, "delegateDays"), t.level(i, "delegated"))));
        }
        return new ChainView.Rollup(t.get("directives"), tasks, notStarted, inProgress, overdue,
                t.get("doneOnTime"), t.get("doneLate"), t.get("cancelled"), percent, latest,
                t.get("tasksWithGaps"), missing, t.get("coverageGaps"), t.get("recipients"), t.get("received"),
                t.get("acted"), neverAck, awaiting, height, levels);
    }

    private static Double avg(long sum, long n) {
        return n == 0 ? null : Math.round(10.0 * sum / n) / 10.0;
    }
}

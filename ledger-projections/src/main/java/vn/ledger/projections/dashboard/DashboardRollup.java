package vn.ledger.projections.dashboard;

import org.bson.Document;
import vn.ledger.projections.body.BodyTree;
import vn.ledger.projections.store.ReadStore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static vn.ledger.projections.dashboard.DashboardProjection.DASHBOARD;
import static vn.ledger.projections.dashboard.DashboardProjection.TASKS;

/**
 * The roll-up of task contributions into the {@code self} and {@code tree} tallies of the dashboards (split from
 * {@link DashboardProjection}, which owns the event handlers).
 */
final class DashboardRollup {

    private final ReadStore store;
    private final BodyTree bodies;

    DashboardRollup(ReadStore store, BodyTree bodies) {
        this.store = store;
        this.bodies = bodies;
    }

    /** Moves a body's {@code tree} totals from the ancestors it left to the ones it gained. */
    void moveTree(Tally tree, List<String> oldPath, List<String> newPath) {
        Map<String, Tally> treeDeltas = new LinkedHashMap<>();
        Set<String> keep = new HashSet<>(newPath);
        Set<String> was = new HashSet<>(oldPath);
        for (String a : oldPath) {
            if (!keep.contains(a)) {
                treeDeltas.computeIfAbsent(a, k -> new Tally()).add(tree, -1, 0);
            }
        }
        for (String a : newPath) {
            if (!was.contains(a)) {
                treeDeltas.computeIfAbsent(a, k -> new Tally()).add(tree, 1, 0);
            }
        }
        apply(Map.of(), treeDeltas);
    }

    /**
     * Applies the change of the task's contribution to every dashboard that sums it, then stores the task with what
     * it adds now counted.
     */
    void recompute(StoredDashboardTask task) {
        Tally after = task.contribution();
        List<String> afterLeads = task.leads();
        StoredDashboardTask.Counted before = task.counted();
        StoredDashboardTask stored = task;
        if (!(after.equals(before.tally()) && afterLeads.equals(before.leads()))) {
            Set<String> all = new LinkedHashSet<>(before.leads());
            all.addAll(afterLeads);
            Map<String, List<String>> paths = bodies.paths(new ArrayList<>(all));
            Map<String, Tally> self = new LinkedHashMap<>();
            Map<String, Tally> tree = new LinkedHashMap<>();
            for (String lead : before.leads()) {
                spread(lead, paths.get(lead), before.tally(), -1, self, tree);
            }
            for (String lead : afterLeads) {
                spread(lead, paths.get(lead), after, 1, self, tree);
            }
            apply(self, tree);
            stored = task.counted(new StoredDashboardTask.Counted(afterLeads, after));
        }
        store.put(TASKS, StoredDashboardTask.FORM.document(stored));
    }

    private static void spread(String lead, List<String> path, Tally t, int sign, Map<String, Tally> self,
                               Map<String, Tally> tree) {
        self.computeIfAbsent(lead, k -> new Tally()).add(t, sign, 0);
        tree.computeIfAbsent(lead, k -> new Tally()).add(t, sign, 0);
        for (String a : path) {
            tree.computeIfAbsent(a, k -> new Tally()).add(t, sign, 0);
        }
    }

    /** Adds the deltas to the {@code self} and {@code tree} tallies: one read, one write per changed body. */
    private void apply(Map<String, Tally> selfDeltas, Map<String, Tally> treeDeltas) {
        Set<String> codes = new LinkedHashSet<>();
        selfDeltas.forEach((k, v) -> {
            if (!v.isZero()) {
                codes.add(k);
            }
        });
        treeDeltas.forEach((k, v) -> {
            if (!v.isZero()) {
                codes.add(k);
            }
        });
        if (codes.isEmpty()) {
            return;
        }
        Map<String, Document> docs = store.findAll(DASHBOARD, codes);
        for (String code : codes) {
            Document found = docs.get(code);
            StoredDashboard d = found == null ? StoredDashboard.none(code) : StoredDashboard.FORM.read(found);
            d.count(nonZero(selfDeltas.get(code)), nonZero(treeDeltas.get(code)));
            store.put(DASHBOARD, StoredDashboard.FORM.document(d));
        }
    }

    private static Tally nonZero(Tally delta) {
        return delta == null || delta.isZero() ? null : delta;
    }
}

package vn.ledger.projections.dashboard;

import org.bson.Document;
import vn.ledger.projections.body.BodyTree;
import vn.ledger.projections.store.Docs;
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
 * The roll-up of task contributions into the {@code self} and {@code tree} tallies of the dashboard documents
 * (split from {@link DashboardProjection}, which owns the event handlers).
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

    /** Applies the change of the task's contribution to every counter document that sums it, then saves it. */
    void recompute(Document facts) {
        Tally after = TaskContribution.contribution(facts);
        List<String> afterLeads = Docs.strings(facts, "leads");
        Document contrib = Docs.doc(facts, "contrib");
        Tally before = Tally.read(contrib == null ? null : contrib.get("tally"));
        List<String> beforeLeads = Docs.strings(contrib, "leads");
        if (!(after.equals(before) && afterLeads.equals(beforeLeads))) {
            Set<String> all = new LinkedHashSet<>(beforeLeads);
            all.addAll(afterLeads);
            Map<String, List<String>> paths = bodies.paths(new ArrayList<>(all));
            Map<String, Tally> self = new LinkedHashMap<>();
            Map<String, Tally> tree = new LinkedHashMap<>();
            for (String lead : beforeLeads) {
                spread(lead, paths.get(lead), before, -1, self, tree);
            }
            for (String lead : afterLeads) {
                spread(lead, paths.get(lead), after, 1, self, tree);
            }
            apply(self, tree);
            facts.put("contrib", new Document("leads", afterLeads).append("tally", after));
        }
        store.put(TASKS, facts);
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
            Document d = docs.getOrDefault(code, new Document("_id", code));
            addTo(d, "self", selfDeltas.get(code));
            addTo(d, "tree", treeDeltas.get(code));
            store.put(DASHBOARD, d);
        }
    }

    /** Adds the delta to the tally under key in place: a province's tree holds histograms by day and month. */
    private static void addTo(Document d, String key, Tally delta) {
        if (delta == null || delta.isZero()) {
            return;
        }
        Tally.in(d, key).add(delta, 1, 0);
    }
}

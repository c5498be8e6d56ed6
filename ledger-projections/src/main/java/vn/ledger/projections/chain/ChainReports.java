package vn.ledger.projections.chain;

import vn.ledger.projections.dashboard.Tally;
import vn.ledger.projections.task.TimelinessRule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stall and coverage reports of {@link ChainQueries}: counts from the asked node's roll-up, and a listing that
 * descends only into children whose roll-up holds a stall or gap, one {@code $in} per level, stopping at the limit.
 */
final class ChainReports {

    private ChainReports() {
    }

    // ------------------------------------------------------------------ stalls

    /**
     * Stalls below a directive or task (see {@link ChainRules#STALL}).
     *
     * @param afterDays N: waiting for more than this many days counts
     * @param limit     at most this many stalls listed (the counts are always complete)
     */
    static Optional<StallReport> stalls(ChainReads reads, String id, int afterDays, int limit, Instant now) {
        Optional<Node> root = reads.one(id);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.ofInstant(now, TimelinessRule.VIETNAM);
        LocalDate cutoff = today.minusDays(afterDays);
        String last = cutoff.toString();
        Tally total = root.get().rollup;
        List<StallReport.Stall> items = new ArrayList<>();
        boolean truncated = walk(root.get(), reads, limit,
                n -> stallCount(n.rollup, last) > 0,
                (n, depth) -> ownStalls(n, today, cutoff, depth), items);
        List<StallReport.Branch> branches = new ArrayList<>();
        for (Node c : reads.many(ChainQueries.slice(root.get(), 0, ChainQueries.MAX_BRANCHES)).values()) {
            branches.add(new StallReport.Branch(c.id, c.kind, c.isDirective() ? c.symbol : c.code, 1 + c.height));
        }
        return Optional.of(new StallReport(id, ChainRules.STALL, now, afterDays, cutoff,
                total.sumUpTo("awaitingSince", last), total.sumUpTo("unreceivedSince", last),
                total.sumUpTo("notStartedSince", last), items, truncated, root.get().height,
                branches));
    }

    private static long stallCount(Tally t, String last) {
        return t.sumUpTo("awaitingSince", last) + t.sumUpTo("unreceivedSince", last)
                + t.sumUpTo("notStartedSince", last);
    }

    private static List<StallReport.Stall> ownStalls(Node n, LocalDate today, LocalDate cutoff, int depth) {
        List<StallReport.Stall> out = new ArrayList<>();
        if (!n.exists || stallCount(n.own, cutoff.toString()) == 0) {
            return out;
        }
        String id = n.id;
        if (n.isDirective()) {
            LocalDate issuedOn = n.issuedOn;
            for (Recipients.Entry r : n.recipients()) {
                String body = r.body();
                if (!"ACTION".equals(r.role()) || r.actedOn() != null) {
                    continue;
                }
                LocalDate received = r.received();
                LocalDate since = received != null ? received : issuedOn;
                if (since != null && !since.isAfter(cutoff)) {
                    out.add(new StallReport.Stall(id, Node.DIRECTIVE, n.symbol,
                            received != null ? StallReport.Reason.RECEIVED_NOT_ACTED
                                    : StallReport.Reason.NEVER_ACKNOWLEDGED,
                            body, since, ChronoUnit.DAYS.between(since, today), depth));
                }
            }
        } else {
            LocalDate assignedOn = n.assignedOn;
            out.add(new StallReport.Stall(id, Node.TASK, n.code,
                    StallReport.Reason.TASK_NOT_STARTED, String.join(", ", n.leads), assignedOn,
                    ChronoUnit.DAYS.between(assignedOn, today), depth));
        }
        return out;
    }

    // ------------------------------------------------------------------ coverage

    /** Coverage gaps below a directive or task (see {@link ChainRules#COVERAGE}); at most {@code limit} listed. */
    static Optional<CoverageReport> coverage(ChainReads reads, String id, int limit, Instant now) {
        Optional<Node> root = reads.one(id);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        long total = root.get().rollup.get("coverageGaps");
        List<Uncovered> found = new ArrayList<>();
        boolean truncated = walk(root.get(), reads, limit,
                n -> n.rollup.get("coverageGaps") > 0, ChainReports::ownGaps, found);
        Map<String, List<String>> letters = letters(reads, found);
        List<CoverageReport.Gap> items = new ArrayList<>();
        Map<String, List<String>> tasksByLead = new java.util.LinkedHashMap<>();
        Map<String, java.util.Set<String>> lettersByLead = new java.util.HashMap<>();
        for (Uncovered u : found) {
            Node n = u.task();
            List<String> passedOn = letters.getOrDefault(u.key(), List.of());
            TaskState st = n.taskState();
            items.add(new CoverageReport.Gap(n.id, n.directiveId, n.code, n.work, u.lead(),
                    passedOn.isEmpty() ? CoverageReport.Reason.NOT_PASSED_ON
                            : CoverageReport.Reason.PASSED_ON_WITHOUT_CONCRETE_TASKS,
                    passedOn, st.at(now).name(), n.assignedOn, st.due(), u.level()));
            tasksByLead.computeIfAbsent(u.lead(), l -> new ArrayList<>()).add(n.id);
            lettersByLead.computeIfAbsent(u.lead(), l -> new java.util.LinkedHashSet<>()).addAll(passedOn);
        }
        List<CoverageReport.ByLead> byLead = new ArrayList<>();
        tasksByLead.forEach((lead, tasks) -> byLead.add(new CoverageReport.ByLead(lead, List.copyOf(tasks),
                List.copyOf(lettersByLead.get(lead)))));
        return Optional.of(new CoverageReport(id, ChainRules.COVERAGE, ChainRules.COVERAGE_PREVIOUS, total, items,
                byLead, truncated));
    }

    /** A (task, lead) gap found by the walk, before its reason is read. */
    private record Uncovered(Node task, String lead, int level) {

        String key() {
            return task.directiveId + "|" + lead;
        }
    }

    private static List<Uncovered> ownGaps(Node n, int depth) {
        List<Uncovered> out = new ArrayList<>();
        if (n.isDirective() || n.own.get("coverageGaps") == 0) {
            return out;
        }
        for (String lead : n.uncoveredLeads) {
            out.add(new Uncovered(n, lead, depth));
        }
        return out;
    }

    /**
     * The letters each gap's lead issued citing the gap's directive (its forwards in the acts on that directive),
     * by {@link Uncovered#key}: the buckets of all listed gaps in one {@code $in}.
     */
    private static Map<String, List<String>> letters(ChainReads reads, List<Uncovered> gaps) {
        java.util.Set<String> bucketIds = new java.util.LinkedHashSet<>();
        for (Uncovered u : gaps) {
            if (u.task().directiveId != null) {
                bucketIds.add(NodeCodec.actsBucketId(u.task().directiveId, Acts.bucket(u.lead())));
            }
        }
        Map<String, List<String>> out = new java.util.HashMap<>();
        reads.acts(bucketIds).forEach((bucketId, d) -> {
            String directiveId = bucketId.substring(0, bucketId.lastIndexOf('#'));
            for (Acts.ByBody b : NodeCodec.readActs(d)) {
                if (!b.forwards.isEmpty()) {
                    out.put(directiveId + "|" + b.body, b.forwardIds());
                }
            }
        });
        return out;
    }

    /**
     * Breadth first below {@code root}, nearest levels first, descending only into nodes whose roll-up
     * {@code holds} something; children are read by {@code $in} in chunks of about the limit, and the walk
     * stops as soon as {@code limit} items are listed.
     *
     * @return true when items were left out
     */
    private static <T> boolean walk(Node root, ChainReads reads, int limit, java.util.function.Predicate<Node> holds,
                                    java.util.function.BiFunction<Node, Integer, List<T>> own, List<T> items) {
        int rootDepth = root.ancestors.size();
        int chunk = Math.max(16, Math.min(256, limit));
        java.util.ArrayDeque<String> pending = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Node> ready = new java.util.ArrayDeque<>();
        ready.add(root);
        while (!ready.isEmpty() || !pending.isEmpty()) {
            if (ready.isEmpty()) {
                List<String> ids = new ArrayList<>();
                while (ids.size() < chunk && !pending.isEmpty()) {
                    ids.add(pending.poll());
                }
                Map<String, Node> found = reads.many(ids);
                for (String i : ids) {
                    Node d = found.get(i);
                    if (d != null && holds.test(d)) {
                        ready.add(d);
                    }
                }
                continue;
            }
            Node n = ready.poll();
            for (T item : own.apply(n, n.ancestors.size() - rootDepth)) {
                if (items.size() >= limit) {
                    return true;
                }
                items.add(item);
            }
            pending.addAll(n.childIds());
        }
        return false;
    }
}

package vn.ledger.projections.chain;

import vn.ledger.core.shared.Deadline;
import vn.ledger.core.shared.Ro;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.dashboard.Tally;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.task.Timeliness;
import vn.ledger.projections.task.TimelinessRule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Queries on {@link ChainProjection}. Every read is by {@code _id} ({@code find}) or by a list of ids
 * ({@code $in}); totals come from the roll-ups, so the top of a national tree costs a few documents:
 * <ul>
 *   <li>{@link #chain}: 1 read for the node, then 1 {@code $in} per level shown, of at most
 *   {@code childPage} children per node shown;</li>
 *   <li>{@link #stalls} and {@link #coverage}: counts from the node's roll-up; the listing descends only into
 *   children whose roll-up holds a stall / gap, 1 {@code $in} per level, and stops at the limit.</li>
 * </ul>
 * An {@code $in} of more than {@value #MAX_IN} ids is sent in parts of that many.
 */
public class ChainQueries {

    public static final int DEFAULT_CHILD_PAGE = 50;

    /** Branches listed by {@link #stalls} at most (the children of the node asked about). */
    public static final int MAX_BRANCHES = 1000;

    /**
     * Ids in one {@code $in} at most: a level of a depth-2 view of the central notice holds ~1,700 nodes, and the
     * embedded server checks each document it finds against the whole list, so one {@code $in} of 1,700 ids
     * costs more than seven of 256 (a real MongoDB takes either well).
     */
    static final int MAX_IN = 256;

    private final ReadStore store;
    private final Executor parts;

    /** Reads the parts of a level one after the other, on the caller's thread. */
    public ChainQueries(ReadStore store) {
        this(store, Runnable::run);
    }

    /**
     * @param parts runs the parts of a level's read (an {@code $in} of more than {@value #MAX_IN} ids is sent in
     *              parts) side by side: the server encodes, and the driver decodes, each part on its own thread, so
     *              a deep view of a national tree takes the time of its largest part rather than their sum. The
     *              store must then take reads from several threads at once (MongoDB's does).
     */
    public ChainQueries(ReadStore store, Executor parts) {
        this.store = store;
        this.parts = parts;
    }

    /**
     * A pool for {@link #ChainQueries(ReadStore, Executor)}, shared by all requests: {@code threads} daemon threads
     * and a short queue, beyond which a part is read on the requesting thread, so that a burst of requests slows
     * down rather than piling up parts.
     */
    public static ExecutorService partsPool(int threads) {
        int n = Math.max(1, threads);
        AtomicInteger made = new AtomicInteger();
        return new ThreadPoolExecutor(n, n, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(4 * n), r -> {
            Thread t = new Thread(r, "read-part-" + made.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** The chain of a directive or task, {@value #DEFAULT_CHILD_PAGE} children per node at most. */
    public Optional<ChainView> chain(String directiveOrTaskId, int maxDepth, Instant now) {
        return chain(directiveOrTaskId, maxDepth, DEFAULT_CHILD_PAGE, now);
    }

    /** @param maxDepth 0: the node alone (with its roll-up); 1: and its children; ... */
    public Optional<ChainView> chain(String directiveOrTaskId, int maxDepth, int childPage, Instant now) {
        return page(directiveOrTaskId, 0, childPage, maxDepth, childPage, now);
    }

    /**
     * The node with a page of its children ({@code offset}, {@code limit}), each shown {@code maxDepth − 1}
     * levels deep with at most {@code childPage} children per node.
     */
    public Optional<ChainView> page(String id, int offset, int limit, int maxDepth, int childPage, Instant now) {
        Reads reads = new Reads();
        Optional<Node> root = reads.one(id);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Node> docs = new LinkedHashMap<>();
        docs.put(id, root.get());
        // breadth first: the ids to show at each level, then one $in per level
        Map<String, List<String>> shownChildren = new LinkedHashMap<>();
        List<String> level = List.of(id);
        // the deepest level shown is most of the nodes: each part turns its own into views, beside the others
        Map<String, ChainView.ChainNode> leaves = new java.util.concurrent.ConcurrentHashMap<>();
        for (int depth = 0; depth < maxDepth && !level.isEmpty(); depth++) {
            List<String> next = new ArrayList<>();
            for (String parentId : level) {
                int from = depth == 0 ? Math.max(0, offset) : 0;
                int size = depth == 0 ? limit : childPage;
                List<String> slice = slice(docs.get(parentId), from, from + Math.max(0, size));
                shownChildren.put(parentId, slice);
                next.addAll(slice);
            }
            int leafDepth = depth + 1;
            docs.putAll(leafDepth < maxDepth ? reads.many(next)
                    : reads.many(next, d -> leaves.put(d.id, leaf(d, leafDepth, now))));
            level = next.stream().filter(docs::containsKey).toList();
        }
        ChainView.ChainNode node = build(id, docs, shownChildren, leaves, 0, Math.max(0, offset), now);
        return Optional.of(new ChainView(node, now, maxDepth, childPage, ChainRules.TREE, TimelinessRule.VERSION,
                reads.documents, reads.trips));
    }

    private ChainView.ChainNode build(String id, Map<String, Node> docs, Map<String, List<String>> shown,
                                      Map<String, ChainView.ChainNode> leaves, int depth, int rootOffset,
                                      Instant now) {
        List<String> slice = shown.get(id);
        ChainView.ChainNode leaf = slice == null ? leaves.get(id) : null;
        if (leaf != null && leaf.depth() == depth) {
            return leaf;
        }
        Node d = docs.get(id);
        List<ChainView.ChainNode> children = new ArrayList<>();
        Integer nextOffset = null;
        int childCount = NodeCodec.childCount(d);
        if (slice != null) {
            for (String c : slice) {
                if (docs.containsKey(c)) {
                    children.add(build(c, docs, shown, leaves, depth + 1, 0, now));
                }
            }
            int start = depth == 0 ? rootOffset : 0;
            if (start + slice.size() < childCount) {
                nextOffset = start + slice.size();
            }
        } else if (childCount > 0) {
            nextOffset = 0;
        }
        return node(d, depth, now, children, childCount, nextOffset);
    }

    /** A node shown without its children (the deepest level of a view). */
    private static ChainView.ChainNode leaf(Node d, int depth, Instant now) {
        int childCount = NodeCodec.childCount(d);
        return node(d, depth, now, List.of(), childCount, childCount > 0 ? 0 : null);
    }

    /** The children from {@code from} (inclusive) to {@code to} (exclusive, capped). */
    static List<String> slice(Node d, int from, int to) {
        List<Node.Child> all = d.children();
        int end = Math.min(all.size(), Math.max(0, to));
        int start = Math.min(Math.max(0, from), end);
        List<String> out = new ArrayList<>(end - start);
        for (Node.Child c : all.subList(start, end)) {
            out.add(c.id());
        }
        return out;
    }

    static ChainView.ChainNode node(Node d, int depth, Instant now, List<ChainView.ChainNode> children,
                                    int childCount, Integer nextOffset) {
        Rollup r = new Rollup(d.rollup, d.height, now);
        if (d.isDirective()) {
            LocalDate issuedOn = d.issuedOn;
            List<ChainView.Recipient> recipients = new ArrayList<>();
            // each recipient entry carries its own first act and forwards: nothing to derive per node
            for (Recipients.Entry rc : d.recipients()) {
                String body = rc.body();
                LocalDate received = rc.received();
                LocalDate acted = rc.acted();
                List<String> forwardedAs = List.copyOf(rc.forwardedAs());
                recipients.add(new ChainView.Recipient(body, rc.role(), received, acted,
                        received == null || issuedOn == null ? null : ChronoUnit.DAYS.between(issuedOn, received),
                        received == null || acted == null ? null : ChronoUnit.DAYS.between(received, acted),
                        forwardedAs));
            }
            return new ChainView.ChainNode(d.id, Node.DIRECTIVE, d.exists,
                    depth, d.symbol, d.subject, d.issuer, null, null,
                    List.of(), List.of(), issuedOn, null, null, d.status, false, null, false, List.of(),
                    List.of(), alsoImplements(d), recipients, r.view(), childCount, children,
                    nextOffset);
        }
        TaskState st = d.taskState();
        Timeliness status = st.at(now);
        List<String> uncovered = status.open() ? List.copyOf(d.uncoveredLeads) : List.of();
        List<String> missing = d.missingNow().stream().map(m -> Ro.valueOf(m).label()).toList();
        return new ChainView.ChainNode(d.id, Node.TASK, d.exists, depth,
                d.code, d.work, d.assigner, d.directiveId,
                d.parentTask, List.copyOf(d.leads), List.copyOf(d.cooperating),
                d.assignedOn, d.deadline, st.due(), status.name(),
                st.stopped() && status == Timeliness.CANCELLED && !st.cancelled(), st.completedOn(),
                d.accepted, missing, uncovered, List.of(), List.of(), r.view(), childCount, children,
                nextOffset);
    }

    /** The directives it cites besides the one it hangs under (the first). */
    private static List<String> alsoImplements(Node d) {
        List<String> cites = d.cites;
        return cites.size() > 1 ? List.copyOf(cites.subList(1, cites.size())) : List.of();
    }

    // ------------------------------------------------------------------ stalls

    /**
     * Stalls below a directive or task (see {@link ChainRules#STALL}).
     *
     * @param afterDays N: waiting for more than this many days counts
     * @param limit     at most this many stalls listed (the counts are always complete)
     */
    public Optional<StallReport> stalls(String id, int afterDays, int limit, Instant now) {
        Reads reads = new Reads();
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
        for (Node c : reads.many(slice(root.get(), 0, MAX_BRANCHES)).values()) {
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
    public Optional<CoverageReport> coverage(String id, int limit, Instant now) {
        Reads reads = new Reads();
        Optional<Node> root = reads.one(id);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        long total = root.get().rollup.get("coverageGaps");
        List<CoverageReport.Gap> items = new ArrayList<>();
        boolean truncated = walk(root.get(), reads, limit,
                n -> n.rollup.get("coverageGaps") > 0,
                (n, depth) -> ownGaps(n, depth, now), items);
        return Optional.of(new CoverageReport(id, ChainRules.COVERAGE, total, items, truncated));
    }

    private static List<CoverageReport.Gap> ownGaps(Node n, int depth, Instant now) {
        List<CoverageReport.Gap> out = new ArrayList<>();
        if (n.isDirective() || n.own.get("coverageGaps") == 0) {
            return out;
        }
        TaskState st = n.taskState();
        for (String lead : n.uncoveredLeads) {
            out.add(new CoverageReport.Gap(n.id, n.directiveId, n.code, n.work, lead, st.at(now).name(), n.assignedOn,
                    st.due(), depth));
        }
        return out;
    }

    /**
     * Breadth first below {@code root}, nearest levels first, descending only into nodes whose roll-up
     * {@code holds} something; children are read by {@code $in} in chunks of about the limit, and the walk
     * stops as soon as {@code limit} items are listed.
     *
     * @return true when items were left out
     */
    private static <T> boolean walk(Node root, Reads reads, int limit, java.util.function.Predicate<Node> holds,
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

    // ------------------------------------------------------------------ roll-up view

    private record Rollup(Tally t, int height, Instant now) {

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

    private static Map<String, Node> received(CompletableFuture<Map<String, Node>> part) {
        try {
            return part.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Reads by id, counted; a document read once is not read again. */
    private final class Reads {
        int trips;
        int documents;
        final Map<String, Node> cache = new java.util.HashMap<>();
        /** A stored node decoded; a directive with more recipients than a node holds reads the rest when shown. */
        final java.util.function.Function<org.bson.Document, Node> decode =
                d -> NodeCodec.read(d, this::recipientBuckets);

        private Map<String, String> recipientBuckets(List<String> ids) {
            Map<String, String> found = NodeCodec.recipientBuckets(store, ids);
            synchronized (this) {
                trips++;
                documents += found.size();
            }
            return found;
        }

        Optional<Node> one(String id) {
            trips++;
            Optional<Node> d = store.find(ChainProjection.NODES, id).map(decode);
            documents += d.isPresent() ? 1 : 0;
            d.ifPresent(x -> cache.put(id, x));
            return d;
        }

        Map<String, Node> many(List<String> ids) {
            return many(ids, d -> { });
        }

        /** @param each done to each document found, on the thread that read its part */
        Map<String, Node> many(List<String> ids, java.util.function.Consumer<Node> each) {
            List<String> missing = ids.stream().filter(i -> !cache.containsKey(i)).distinct().toList();
            List<CompletableFuture<Map<String, Node>>> sent = new ArrayList<>();
            // one part is read on this thread: handing it over would only add the hand-over
            Executor on = missing.size() > MAX_IN ? parts : Runnable::run;
            for (int from = 0; from < missing.size(); from += MAX_IN) {
                List<String> part = missing.subList(from, Math.min(missing.size(), from + MAX_IN));
                sent.add(CompletableFuture.supplyAsync(() -> {
                    Map<String, Node> found = new LinkedHashMap<>();
                    store.findAll(ChainProjection.NODES, part).forEach((i, d) -> found.put(i, decode.apply(d)));
                    found.values().forEach(each);
                    return found;
                }, on));
            }
            for (CompletableFuture<Map<String, Node>> f : sent) {
                Map<String, Node> found = received(f);
                synchronized (this) {
                    trips++;
                    documents += found.size();
                }
                cache.putAll(found);
            }
            Map<String, Node> out = new LinkedHashMap<>();
            for (String i : ids) {
                Node d = cache.get(i);
                if (d != null) {
                    out.put(i, d);
                }
            }
            return out;
        }
    }
}

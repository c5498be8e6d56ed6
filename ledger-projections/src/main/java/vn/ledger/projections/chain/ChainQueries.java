package vn.ledger.projections.chain;

import vn.ledger.core.shared.Ro;
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
        ChainReads reads = new ChainReads(store, parts);
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
        RollupView r = new RollupView(d.rollup, d.height, now);
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
                    List.of(), List.of(), List.of(), issuedOn, null, null, d.status, false, null, false, null, null, List.of(),
                    List.of(), alsoImplements(d), recipients, r.view(), childCount, children,
                    nextOffset);
        }
        TaskState st = d.taskState();
        Timeliness status = st.at(now);
        List<String> uncovered = status.open() ? List.copyOf(d.uncoveredLeads) : List.of();
        List<String> missing = d.missingNow().stream().map(m -> Ro.valueOf(m).label()).toList();
        return new ChainView.ChainNode(d.id, Node.TASK, d.exists, depth,
                d.code, d.work, d.assigner, d.directiveId,
                d.parentTask, List.copyOf(d.leads), List.copyOf(d.cooperating), List.of(),
                d.assignedOn, d.deadline, st.due(), status.name(),
                st.stopped() && status == Timeliness.CANCELLED && !st.cancelled(), st.completedOn(),
                d.accepted, d.lastPercent, d.lastReportedOn, missing, uncovered, List.of(), List.of(), r.view(), childCount, children,
                nextOffset);
    }

    /** The directives it cites besides the one it hangs under (the first). */
    private static List<String> alsoImplements(Node d) {
        List<String> cites = d.cites;
        return cites.size() > 1 ? List.copyOf(cites.subList(1, cites.size())) : List.of();
    }
    // ------------------------------------------------------------------ reports

    /**
     * Stalls below a directive or task (see {@link ChainRules#STALL}).
     *
     * @param afterDays N: waiting for more than this many days counts
     * @param limit     at most this many stalls listed (the counts are always complete)
     */
    public Optional<StallReport> stalls(String id, int afterDays, int limit, Instant now) {
        return ChainReports.stalls(new ChainReads(store, parts), id, afterDays, limit, now);
    }

    /** Coverage gaps below a directive or task (see {@link ChainRules#COVERAGE}); at most {@code limit} listed. */
    public Optional<CoverageReport> coverage(String id, int limit, Instant now) {
        return ChainReports.coverage(new ChainReads(store, parts), id, limit, now);
    }
}

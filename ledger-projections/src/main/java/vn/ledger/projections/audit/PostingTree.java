package vn.ledger.projections.audit;

import vn.ledger.projections.audit.PostingDocs.Head;
import vn.ledger.projections.audit.PostingDocs.Node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The stored shape of a posting list (the sorted audit ids under a key such as "actor:alice"), shared by its writer
 * ({@link PostingLists}) and the queries. Every document has a bounded size, so that an event writes a few small
 * documents however long the list grows.
 *
 * <ul>
 *   <li><b>leaf</b> {@code key|n}: {@code ids}, the ids of rank [{@value #LEAF} n, {@value #LEAF} n + {@value #LEAF})
 *   in the sorted list. Leaves below {@code tail} are full ("sealed"); leaf {@code tail} is the open one.</li>
 *   <li><b>node</b> {@code key|L.m} (level L &ge; 1): per sealed child in [{@value #FANOUT} m, {@value #FANOUT} m +
 *   {@value #FANOUT}) (leaves at level 1, nodes of level L - 1 above), its first id ({@code firsts}) and the earliest
 *   and latest recording instant of its ids ({@code mins}, {@code maxs}, epoch micros), so that a cursor finds its
 *   leaf and a time filter skips what lies outside its range without reading it. A node is sealed when it holds
 *   {@value #FANOUT} children; its summary is then in its parent.</li>
 *   <li><b>head</b> {@code key|h}: {@code tail} (sealed leaves) and {@code sealedLast} (the last id of the last sealed
 *   leaf); while nothing is sealed, the open leaf itself ({@code ids}): most lists (an actor, a body) stay one
 *   document. It changes only when a leaf is sealed.</li>
 * </ul>
 *
 * <p>The nodes whose children are not all sealed form the right spine: at level L the node {@code tail / FANOUT^L},
 * up to the top level T, the lowest with {@code tail < FANOUT^T} (its node 0). In log order the list is: the sealed
 * children of the top spine node, those of the spine node below, ..., the sealed leaves of the level-1 spine node,
 * the open leaf. The spine's ids follow from {@code tail}, so one {@code $in} reads it.
 *
 * <p>Everything is a function of the set of ids (ranks), not of the order they came in. The documents are the
 * records of {@link PostingDocs}, each with its stored form.
 */
final class PostingTree {

    /** Ids per leaf: a leaf of full audit ids is at most about 3 KB. */
    static final int LEAF = 32;
    /** Children per node: a node is at most about 4 KB. */
    static final int FANOUT = 32;

    private PostingTree() {
    }

    static String headId(String key) {
        return key + "|h";
    }

    static String leafId(String key, int n) {
        return key + "|" + n;
    }

    static String nodeId(String key, int level, int m) {
        return key + "|" + level + "." + m;
    }

    // ------------------------------------------------------------------ the spine

    /** The top level for this many sealed leaves: the lowest T with tail &lt; FANOUT^T; 0 when none is sealed. */
    static int top(int tail) {
        int level = 0;
        for (long span = 1; span <= tail; span *= FANOUT) {
            level++;
        }
        return level;
    }

    /** Number of the spine node at a level: the node whose subtree holds the open leaf. */
    static int spine(int tail, int level) {
        int m = tail;
        for (int l = 0; l < level; l++) {
            m /= FANOUT;
        }
        return m;
    }

    /** The ids of the spine nodes, top level first. */
    static List<String> spineIds(String key, int tail) {
        List<String> out = new ArrayList<>();
        for (int level = top(tail); level >= 1; level--) {
            out.add(nodeId(key, level, spine(tail, level)));
        }
        return out;
    }

    // ------------------------------------------------------------------ summaries

    /** A child's summary: its first id and the span of recording instants of its ids. */
    record Summary(String first, long min, long max) {

        static Summary ofIds(List<String> ids) {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (String id : ids) {
                long micros = AuditId.micros(id);
                min = Math.min(min, micros);
                max = Math.max(max, micros);
            }
            return new Summary(ids.get(0), min, max);
        }

        boolean overlaps(long fromMicros, long toMicros) {
            return max >= fromMicros && min < toMicros;
        }
    }

    /** How many sealed children a node holds; none when it is not there. */
    static int children(Node node) {
        return node == null ? 0 : node.children().size();
    }

    // ------------------------------------------------------------------ finding a leaf

    /**
     * The leaf that holds (or would hold) the id: the open one unless the id falls in the sealed range, where it
     * is found from the spine down (the spine nodes from the level-1 one up: the first whose range starts at or
     * below the id holds it).
     *
     * @param read reads documents of the list by id (one round trip per call)
     */
    static int leafFor(String key, Head head, String id, Function<Collection<String>, Map<String, Node>> read) {
        int tail = head.tail();
        String sealedLast = head.sealedLast();
        if (tail == 0 || sealedLast == null || id.compareTo(sealedLast) > 0) {
            return tail;
        }
        Map<String, Node> spine = read.apply(spineIds(key, tail));
        int top = top(tail);
        for (int level = 1; level <= top; level++) {
            int m = spine(tail, level);
            Node node = spine.get(nodeId(key, level, m));
            if (children(node) > 0 && (node.children().get(0).first().compareTo(id) <= 0 || level == top)) {
                return descend(key, level, m, node, id, read);
            }
        }
        return 0; // nothing sealed is summarized (a list of an earlier layout)
    }

    /** From a node down to the leaf whose range holds the id. */
    private static int descend(String key, int level, int m, Node node, String id,
                               Function<Collection<String>, Map<String, Node>> read) {
        while (true) {
            int child = m * FANOUT + node.childFor(id);
            if (level == 1) {
                return child;
            }
            level--;
            m = child;
            String nid = nodeId(key, level, m);
            node = read.apply(List.of(nid)).get(nid);
            if (children(node) == 0) {
                return m * (int) Math.pow(FANOUT, level); // not there: its first leaf
            }
        }
    }

    // ------------------------------------------------------------------ walking the leaves (queries)

    /**
     * The leaves that may hold ids above a floor recorded in [fromMicros, toMicros), in order, found lazily: a node
     * is read when the walk reaches it, a sealed child outside the range or wholly at or below the floor is skipped
     * unread. The open leaf is last.
     */
    static final class Walk {

        private record Frame(int level, int m, Node node, String bound, int[] next) {
        }

        private final String key;
        private final int tail;
        private final String floor;
        private final long fromMicros;
        private final long toMicros;
        private final Function<Collection<String>, Map<String, Node>> read;
        private final Deque<Frame> stack = new ArrayDeque<>();
        private boolean openGiven;

        Walk(String key, Head head, String floor, long fromMicros, long toMicros,
             Function<Collection<String>, Map<String, Node>> read) {
            this.key = key;
            this.tail = head.tail();
            this.floor = floor;
            this.fromMicros = fromMicros;
            this.toMicros = toMicros;
            this.read = read;
            String sealedLast = head.sealedLast();
            if (tail > 0 && (floor == null || sealedLast == null || floor.compareTo(sealedLast) < 0)) {
                // the spine, pushed bottom first so that the top is walked first; each is bounded by the first id
                // of the spine node below it (what follows it in the list)
                Map<String, Node> spine = read.apply(spineIds(key, tail));
                String bound = null;
                for (int level = 1; level <= top(tail); level++) {
                    int m = spine(tail, level);
                    Node node = spine.get(nodeId(key, level, m));
                    if (children(node) > 0) {
                        stack.push(new Frame(level, m, node, bound, new int[1]));
                        bound = node.children().get(0).first();
                    }
                }
            }
        }

        /** The next leaf to read, or -1 when there is none. */
        int next() {
            while (!stack.isEmpty()) {
                Frame f = stack.peek();
                int n = children(f.node());
                int i = f.next()[0]++;
                if (i >= n) {
                    stack.pop();
                    continue;
                }
                Summary s = f.node().children().get(i);
                String upper = i + 1 < n ? f.node().children().get(i + 1).first() : f.bound();
                if ((floor != null && upper != null && upper.compareTo(floor) <= 0) || !s.overlaps(fromMicros, toMicros)) {
                    continue; // wholly at or below the floor, or outside the time range
                }
                int child = f.m() * FANOUT + i;
                if (f.level() == 1) {
                    return child;
                }
                String nid = nodeId(key, f.level() - 1, child);
                Node node = read.apply(List.of(nid)).get(nid);
                if (node != null) {
                    stack.push(new Frame(f.level() - 1, child, node, upper, new int[1]));
                }
            }
            if (!openGiven) {
                openGiven = true;
                return tail;
            }
            return -1;
        }
    }
}

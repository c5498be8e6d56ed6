package vn.ledger.projections.chain;

import org.bson.Document;
import vn.ledger.projections.store.ReadStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The chain's records in a {@link ReadStore}, for one event: each node and each directive's acts read once (by id,
 * or many by one {@code $in}), changed in memory, and written once by {@link #flush}, through {@link NodeCodec}.
 * Keeps identity, so a node reached both as "the task's directive" and as "an ancestor" is one object.
 *
 * <h2>Collections</h2>
 * <ul>
 *   <li>{@value ChainProjection#NODES}: one document per directive or task ({@code _id} = its id): a {@link Node}.</li>
 *   <li>{@value ChainProjection#ACTS}: per directive, the {@link Acts} on it by any body, in buckets of bodies
 *   ({@code <directive id>#<n>}), and a head ({@code _id} = the directive's id) listing the buckets stored.</li>
 *  * </ul>
 */
final class ChainRepository implements ChainTree.Nodes {

    private final ReadStore store;
    private final Map<String, Node> nodes = new HashMap<>();
    private final Set<String> created = new LinkedHashSet<>();
    private final Set<String> changed = new LinkedHashSet<>();
    private final Map<String, Acts> acts = new HashMap<>();
    private final Set<String> changedActs = new LinkedHashSet<>();

    ChainRepository(ReadStore store) {
        this.store = store;
    }

    @Override
    public Node node(String id, String kind) {
        Node n = nodes.get(id);
        if (n == null) {
            Document d = store.find(ChainProjection.NODES, id).orElse(null);
            if (d == null) {
                n = new Node(id, kind);
                created.add(id);
            } else {
                n = NodeCodec.read(d, ids -> NodeCodec.recipientBuckets(store, ids));
            }
            nodes.put(id, n);
        }
        return n;
    }

    @Override
    public Map<String, Node> known(Collection<String> ids) {
        List<String> missing = ids.stream().filter(i -> !nodes.containsKey(i)).distinct().toList();
        if (!missing.isEmpty()) {
            store.findAll(ChainProjection.NODES, missing).forEach((id, d) -> nodes.put(id, NodeCodec.read(d, i -> NodeCodec.recipientBuckets(store, i))));
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (String id : ids) {
            Node n = nodes.get(id);
            if (n != null) {
                out.put(id, n);
            }
        }
        return out;
    }

    @Override
    public void changed(Node node) {
        changed.add(node.id);
    }

    /** True when the node was not stored before this event. */
    boolean isNew(Node node) {
        return created.contains(node.id);
    }

    /** The acts on a directive, none when nothing was recorded yet. */
    Acts acts(String directiveId) {
        return acts.computeIfAbsent(directiveId, id -> new Acts(id, buckets -> {
            Map<String, Integer> ids = new LinkedHashMap<>();
            buckets.forEach(k -> ids.put(NodeCodec.actsBucketId(id, k), k));
            Map<Integer, List<Acts.ByBody>> out = new HashMap<>();
            store.findAll(ChainProjection.ACTS, ids.keySet()).forEach((i, d) -> out.put(ids.get(i), NodeCodec.readActs(d)));
            return out;
        }));
    }

    void actsChanged(Acts a) {
        changedActs.add(a.directiveId);
    }

    void flush() {
        for (String id : changedActs) {
            Acts a = acts.get(id);
            a.changedBuckets().forEach((k, bodies) -> store.put(ChainProjection.ACTS, NodeCodec.writeActs(id, k, bodies)));
            Set<Integer> added = a.newBuckets();
            if (!added.isEmpty()) {
                // the head lists the buckets, for whoever needs every act (as-of views); it changes only when one is new
                Set<Integer> all = new TreeSet<>(NodeCodec.actsBuckets(store.find(ChainProjection.ACTS, id).orElse(null)));
                if (all.addAll(added)) {
                    store.put(ChainProjection.ACTS, NodeCodec.writeActsHead(id, all));
                }
            }
            a.written();
        }
        changedActs.clear();
        for (String id : changed) {
            Node n = nodes.get(id);
            if (n.isDirective() && n.lazyRecipients().loaded() && n.recipients() instanceof Recipients.Entries e) {
                // only the buckets of recipients beyond the node's own that changed
                for (int k : e.takeTouchedOverflow()) {
                    store.put(ChainProjection.RECIPIENTS, NodeCodec.writeRecipients(id, k, e.bucket(k)));
                }
            }
            store.put(ChainProjection.NODES, NodeCodec.write(n));
        }
        changed.clear();
    }
}

package vn.ledger.projections.audit;

import vn.ledger.projections.store.Lru;
import org.bson.Document;
import vn.ledger.projections.audit.PostingDocs.Head;
import vn.ledger.projections.audit.PostingDocs.Leaf;
import vn.ledger.projections.audit.PostingDocs.Node;
import vn.ledger.projections.audit.PostingTree.Summary;
import vn.ledger.projections.store.PackedStrings;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.store.StoredForm;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static vn.ledger.projections.audit.PostingTree.FANOUT;
import static vn.ledger.projections.audit.PostingTree.LEAF;

/**
 * Writes posting lists in the shape of {@link PostingTree}: for a key ("actor:alice", "type:TaskUrged", "body:BTC",
 * "all"), the sorted audit ids under it, in leaves of {@value PostingTree#LEAF} ids by rank under a tree of
 * summaries, so that a page of any filter is found by {@code _id} alone, on a server that uses an index only for
 * equality and {@code $in} on {@code _id}.
 *
 * <p><b>What an id writes.</b> Ids (log positions) arrive almost always in ascending order and are appended to the
 * open leaf: one document of at most {@value PostingTree#LEAF} ids. When the open leaf is full it is sealed: its
 * summary goes into its level-1 node (and, when that fills, the node's into level 2, ...), and the head records the
 * new tail. An id below the sealed range (a commit that filled a gap late) is inserted in the sealed leaf that holds
 * its rank and each leaf from there on passes its last id to the next one; the summaries that changed are written
 * up the tree as far as they change. A late commit is a few positions behind the head, so that is the last leaf or
 * two. Adding an id already present changes nothing. Each changed document is written once per id: the leaves
 * first, then the nodes, the head last, so that a redelivery after a failure half way finds the id in its leaf and
 * only completes a seal that was cut short.
 *
 * <p>The writer caches what it touched (write-through, bounded LRU), so appending costs one write and no read; it
 * must be the only writer of its store (one projection instance, one segment).
 */
final class PostingLists {

    private final ReadStore store;
    private final String collection;
    /** Heads, leaves and nodes by id. */
    private final Map<String, Record> cache;

    PostingLists(ReadStore store, String collection, int cacheSize) {
        this.store = store;
        this.collection = collection;
        this.cache = Lru.map(cacheSize);
    }

    void clearCache() {
        cache.clear();
    }

    /** The changes of one add: each document written once, in the order leaves, nodes, head. */
    private final class Changes {
        final Map<String, Leaf> leaves = new LinkedHashMap<>();
        final Map<String, Node> nodes = new LinkedHashMap<>();
        Head head;

        void write() {
            leaves.values().forEach(l -> put(l.id(), Leaf.FORM.document(l), l));
            nodes.values().forEach(n -> put(n.id(), Node.FORM.document(n), n));
            if (head != null) {
                put(head.id(), Head.FORM.document(head), head);
            }
        }
    }

    /** Adds the id to the list; no change when present. */
    void add(String key, String id) {
        Head head = cached(PostingTree.headId(key), Head.FORM);
        Changes changes = new Changes();
        if (head == null) {
            PackedStrings ids = new PackedStrings();
            ids.add(id);
            changes.head = new Head(PostingTree.headId(key), 0, null, ids);
            changes.write();
            return;
        }
        int tail = head.tail();
        if (tail == 0) {
            PackedStrings ids = head.inline();
            int pos = insertionPoint(ids, id);
            if (pos < 0) {
                return;
            }
            ids.add(pos, id);
            changes.head = head;
            if (ids.size() >= LEAF) { // the head's open leaf becomes sealed leaf 0
                seal(key, head, new Leaf(PostingTree.leafId(key, 0), ids), changes);
            }
            changes.write();
            return;
        }
        int n = PostingTree.leafFor(key, head, id, this::nodes);
        Leaf leaf = leaf(key, n);
        int pos = insertionPoint(leaf.ids(), id);
        if (pos < 0 && !(n == tail && leaf.ids().size() >= LEAF)) {
            return; // present (a full open leaf: a seal cut short, completed below)
        }
        if (pos >= 0) {
            leaf.ids().add(pos, id);
        }
        changes.leaves.put(leaf.id(), leaf);
        if (n < tail) {
            // a late id into a sealed leaf: every sealed leaf from there on passes its last id to the next
            for (int k = n; k < tail; k++) {
                List<String> full = leaf.ids();
                String carried = full.remove(full.size() - 1);
                summarize(key, 0, k, Summary.ofIds(full), changes);
                leaf = leaf(key, k + 1);
                leaf.ids().add(0, carried);
                changes.leaves.put(leaf.id(), leaf);
            }
            List<String> lastSealed = leaf(key, tail - 1).ids();
            head = new Head(head.id(), tail, lastSealed.get(lastSealed.size() - 1), null);
            changes.head = head;
        }
        if (leaf.ids().size() >= LEAF) {
            seal(key, head, leaf, changes);
        }
        changes.write();
    }

    /** Seals the open leaf: its summary up the tree, the head's tail one further. */
    private void seal(String key, Head head, Leaf leaf, Changes changes) {
        List<String> ids = leaf.ids();
        changes.leaves.put(leaf.id(), leaf);
        summarize(key, 0, head.tail(), Summary.ofIds(ids), changes);
        changes.head = new Head(head.id(), head.tail() + 1, ids.get(ids.size() - 1), null);
    }

    /**
     * Puts the summary of sealed child {@code index} of a level into its parent node; when the parent is full (sealed)
     * its own summary goes up in turn. Stops where nothing changes.
     */
    private void summarize(String key, int level, int index, Summary s, Changes changes) {
        int m = index / FANOUT;
        int slot = index % FANOUT;
        String pid = PostingTree.nodeId(key, level + 1, m);
        Node parent = changes.nodes.containsKey(pid) ? changes.nodes.get(pid) : cached(pid, Node.FORM);
        if (parent == null) {
            parent = new Node(pid, List.of());
        }
        if (slot < parent.children().size() && parent.children().get(slot).equals(s)) {
            return;
        }
        parent = parent.with(slot, s);
        changes.nodes.put(pid, parent);
        if (parent.children().size() == FANOUT) {
            summarize(key, level + 1, m, parent.summary(), changes);
        }
    }

    /** Where the id goes in the sorted list, or -1 when it is there already. */
    private static int insertionPoint(List<String> ids, String id) {
        if (ids.isEmpty() || id.compareTo(ids.get(ids.size() - 1)) > 0) {
            return ids.size(); // the usual case: the latest id
        }
        int found = Collections.binarySearch(ids, id);
        return found >= 0 ? -1 : -found - 1;
    }

    /** Leaf n of the list (the open one is made empty when absent). */
    private Leaf leaf(String key, int n) {
        Leaf l = cached(PostingTree.leafId(key, n), Leaf.FORM);
        return l != null ? l : new Leaf(PostingTree.leafId(key, n), new PackedStrings());
    }

    // ------------------------------------------------------------------ cache

    @SuppressWarnings("unchecked")
    private <T extends Record> T cached(String id, StoredForm<T> form) {
        Record r = cache.get(id);
        if (r == null) {
            Optional<Document> found = store.find(collection, id);
            if (found.isEmpty()) {
                return null;
            }
            r = form.read(found.get());
            cache.put(id, r);
        }
        return (T) r;
    }

    private Map<String, Node> nodes(Collection<String> ids) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (String id : ids) {
            Node n = cached(id, Node.FORM);
            if (n != null) {
                out.put(id, n);
            }
        }
        return out;
    }

    private void put(String id, Document d, Record r) {
        store.put(collection, d);
        cache.put(id, r);
    }
}

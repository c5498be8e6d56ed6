package vn.ledger.projections.audit;

import org.bson.Document;
import vn.ledger.projections.audit.PostingTree.Summary;
import vn.ledger.projections.store.PackedStrings;
import vn.ledger.projections.store.ReadStore;

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
    private final Map<String, Document> cache;

    PostingLists(ReadStore store, String collection, int cacheSize) {
        this.store = store;
        this.collection = collection;
        this.cache = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
                return size() > cacheSize;
            }
        };
    }

    void clearCache() {
        cache.clear();
    }

    /** The changes of one add: each document written once, in the order leaves, nodes, head. */
    private final class Changes {
        final Map<String, Document> leaves = new LinkedHashMap<>();
        final Map<String, Document> nodes = new LinkedHashMap<>();
        Document head;

        void write() {
            leaves.values().forEach(PostingLists.this::write);
            nodes.values().forEach(PostingLists.this::write);
            if (head != null) {
                PostingLists.this.write(head);
            }
        }
    }

    /** Adds the id to the list; no change when present. */
    void add(String key, String id) {
        Document head = cached(PostingTree.headId(key));
        if (head == null) {
            List<String> ids = new PackedStrings();
            ids.add(id);
            write(new Document("_id", PostingTree.headId(key)).append("tail", 0).append("ids", ids));
            return;
        }
        Changes changes = new Changes();
        int tail = PostingTree.tail(head);
        if (tail == 0) {
            List<String> ids = PackedStrings.mutable(head, "ids");
            int pos = insertionPoint(ids, id);
            if (pos < 0) {
                return;
            }
            ids.add(pos, id);
            changes.head = head;
            if (ids.size() >= LEAF) {
                head.remove("ids"); // the head's open leaf becomes sealed leaf 0
                seal(key, head, new Document("_id", PostingTree.leafId(key, 0)).append("ids", ids), changes);
            }
            changes.write();
            return;
        }
        int n = PostingTree.leafFor(key, head, id, this::cachedAll);
        Document leaf = leaf(key, n);
        List<String> ids = PackedStrings.mutable(leaf, "ids");
        int pos = insertionPoint(ids, id);
        if (pos < 0 && !(n == tail && ids.size() >= LEAF)) {
            return; // present (a full open leaf: a seal cut short, completed below)
        }
        if (pos >= 0) {
            ids.add(pos, id);
        }
        changes.leaves.put(leaf.getString("_id"), leaf);
        if (n < tail) {
            // a late id into a sealed leaf: every sealed leaf from there on passes its last id to the next
            for (int k = n; k < tail; k++) {
                List<String> full = PackedStrings.mutable(leaf, "ids");
                String carried = full.remove(full.size() - 1);
                summarize(key, 0, k, Summary.ofIds(full), changes);
                leaf = leaf(key, k + 1);
                PackedStrings.mutable(leaf, "ids").add(0, carried);
                changes.leaves.put(leaf.getString("_id"), leaf);
            }
            head.put("sealedLast", last(leaf(key, tail - 1)));
            changes.head = head;
        }
        if (PackedStrings.mutable(leaf, "ids").size() >= LEAF) {
            seal(key, head, leaf, changes);
        }
        changes.write();
    }

    /** Seals the open leaf: its summary up the tree, the head's tail one further. */
    private void seal(String key, Document head, Document leaf, Changes changes) {
        int tail = PostingTree.tail(head);
        List<String> ids = PackedStrings.mutable(leaf, "ids");
        changes.leaves.put(leaf.getString("_id"), leaf);
        summarize(key, 0, tail, Summary.ofIds(ids), changes);
        head.put("tail", tail + 1);
        head.put("sealedLast", ids.get(ids.size() - 1));
        changes.head = head;
    }

    /**
     * Puts the summary of sealed child {@code index} of a level into its parent node; when the parent is full (sealed)
     * its own summary goes up in turn. Stops where nothing changes.
     */
    private void summarize(String key, int level, int index, Summary s, Changes changes) {
        int m = index / FANOUT;
        int slot = index % FANOUT;
        String pid = PostingTree.nodeId(key, level + 1, m);
        Document parent = changes.nodes.containsKey(pid) ? changes.nodes.get(pid) : cached(pid);
        if (parent == null) {
            parent = new Document("_id", pid).append("firsts", new PackedStrings()).append("mins", new PackedStrings())
                    .append("maxs", new PackedStrings());
        }
        List<String> firsts = PackedStrings.mutable(parent, "firsts");
        List<String> mins = PackedStrings.mutable(parent, "mins");
        List<String> maxs = PackedStrings.mutable(parent, "maxs");
        if (slot < firsts.size() && Summary.at(parent, slot).equals(s)) {
            return;
        }
        set(firsts, slot, s.first());
        set(mins, slot, Long.toString(s.min()));
        set(maxs, slot, Long.toString(s.max()));
        changes.nodes.put(pid, parent);
        if (firsts.size() == FANOUT) {
            summarize(key, level + 1, m, Summary.ofNode(parent), changes);
        }
    }

    private static void set(List<String> list, int k, String value) {
        if (k < list.size()) {
            list.set(k, value);
        } else {
            list.add(value);
        }
    }

    private static String last(Document leaf) {
        List<String> ids = PackedStrings.mutable(leaf, "ids");
        return ids.get(ids.size() - 1);
    }

    /** Where the id goes in the sorted list, or -1 when it is there already. */
    private static int insertionPoint(List<String> ids, String id) {
        if (ids.isEmpty() || id.compareTo(ids.get(ids.size() - 1)) > 0) {
            return ids.size(); // the usual case: the latest id
        }
        int found = Collections.binarySearch(ids, id);
        return found >= 0 ? -1 : -found - 1;
    }

    /** Leaf n of the list (the open one is created empty when absent). */
    private Document leaf(String key, int n) {
        Document d = cached(PostingTree.leafId(key, n));
        return d != null ? d : new Document("_id", PostingTree.leafId(key, n)).append("ids", new PackedStrings());
    }

    // ------------------------------------------------------------------ cache

    private Document cached(String id) {
        Document d = cache.get(id);
        if (d == null) {
            Optional<Document> found = store.find(collection, id);
            if (found.isEmpty()) {
                return null;
            }
            d = found.get();
            cache.put(id, d);
        }
        return d;
    }

    private Map<String, Document> cachedAll(Collection<String> ids) {
        Map<String, Document> out = new LinkedHashMap<>();
        for (String id : ids) {
            Document d = cached(id);
            if (d != null) {
                out.put(id, d);
            }
        }
        return out;
    }

    private void write(Document d) {
        store.put(collection, d);
        cache.put(d.getString("_id"), d);
    }
}

package vn.ledger.projections.audit;

import org.bson.Document;
import vn.ledger.projections.store.PackedStrings;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.task.Docs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bucketed posting lists: for a key ("actor:alice", "type:TaskUrged", "body:BTC", "all"), the sorted audit ids
 * under it, in buckets of at most {@value #BUCKET} ids, so that a page of any filter is found by {@code _id} alone,
 * on a server that uses an index only for equality and {@code $in} on {@code _id}.
 *
 * <ul>
 *   <li>head {@code key|h}: {@code tail} (number of the open bucket = number of sealed buckets). While nothing is
 *   sealed the head holds the open bucket itself ({@code ids}): most lists (an actor, a body) stay under
 *   {@value #BUCKET} ids and are then one document. Once a bucket is sealed the head holds, per sealed bucket, its
 *   first id ({@code firsts}), plus {@code sealedLast} (the last id of the last sealed bucket) and
 *   {@code sealedCount}; it is written only when a bucket is sealed or a late id lands in a sealed one.</li>
 *   <li>bucket {@code key|n}: {@code ids} (sorted).</li>
 * </ul>
 * Ids carry their recording instant, so a bucket's ids lie between its first id and the next bucket's: a time
 * range is an id range, and the heads need no per-bucket instants.
 *
 * <p>Ids arrive almost always in ascending order and are appended to the open bucket in place (the cached list is
 * changed, not copied: O(1) per append). An id lower than the sealed range (a late commit, a writer with a slower
 * clock) is inserted in place into the sealed bucket that covers it, which may then hold a few more than
 * {@value #BUCKET}. Adding an id already present changes nothing.
 *
 * <p>The writer caches heads and buckets it touched (write-through, bounded LRU), so appending costs one write
 * and no read; it must be the only writer of its store (one projection instance, one segment).
 */
final class PostingLists {

    static final int BUCKET = 500;

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

    static String headId(String key) {
        return key + "|h";
    }

    static String bucketId(String key, int n) {
        return key + "|" + n;
    }

    void clearCache() {
        cache.clear();
    }

    /** Adds the id to the list; no change when present. */
    void add(String key, String id) {
        Document head = cached(headId(key));
        if (head == null) {
            List<String> ids = new PackedStrings();
            ids.add(id);
            write(new Document("_id", headId(key)).append("tail", 0).append("ids", ids));
            return;
        }
        int tail = tail(head);
        int n = bucketFor(head, id);
        boolean inline = tail == 0;
        Document bucket = inline ? head : cached(bucketId(key, n));
        if (bucket == null) {
            bucket = new Document("_id", bucketId(key, n)).append("ids", new PackedStrings());
        }
        List<String> ids = PackedStrings.mutable(bucket, "ids");
        int pos;
        if (ids.isEmpty() || id.compareTo(ids.get(ids.size() - 1)) > 0) {
            pos = ids.size(); // the usual case: the latest id
        } else {
            int found = Collections.binarySearch(ids, id);
            if (found >= 0) {
                return;
            }
            pos = -found - 1;
        }
        ids.add(pos, id);
        if (n < tail) {
            // a late id into a sealed bucket: the head's summary of it changes
            if (pos == 0) {
                PackedStrings.mutable(head, "firsts").set(n, id);
            }
            head.put("sealedCount", Docs.lng(head.get("sealedCount"), 0) + 1);
            write(bucket);
            write(head);
        } else if (ids.size() >= BUCKET) {
            if (inline) {
                head.remove("ids"); // the head's open bucket becomes sealed bucket 0
                bucket = new Document("_id", bucketId(key, 0)).append("ids", ids);
            }
            PackedStrings.mutable(head, "firsts").add(ids.get(0));
            head.put("sealedLast", ids.get(ids.size() - 1));
            head.put("sealedCount", Docs.lng(head.get("sealedCount"), 0) + ids.size());
            head.put("tail", tail + 1);
            write(bucket);
            write(head);
        } else {
            write(bucket);
        }
    }

    // ------------------------------------------------------------------ reading a head (queries too)

    static int tail(Document head) {
        return (int) Docs.lng(head.get("tail"), 0);
    }

    /** The open bucket when the head holds it (nothing sealed yet), else null. Read only. */
    static List<String> inlineIds(Document head) {
        return tail(head) == 0 && head.get("ids") != null ? PackedStrings.view(head, "ids") : null;
    }

    /** The ids of a bucket (read only). */
    static List<String> ids(Document bucket) {
        return bucket == null ? List.of() : PackedStrings.view(bucket, "ids");
    }

    /** How many ids the list holds at least: the sealed ones and, when the head holds it, the open bucket. */
    static long atLeast(Document head) {
        List<String> inline = inlineIds(head);
        return Docs.lng(head.get("sealedCount"), 0) + (inline == null ? 0 : inline.size());
    }

    /** A lower bound of bucket n's ids: its first id when sealed, the last sealed id (exclusive) when open. */
    static String lowerBound(Document head, int n) {
        return n < tail(head) ? ids(head, "firsts").get(n) : head.getString("sealedLast");
    }

    /** The bucket that holds (or would hold) the id: the open one unless the id falls in the sealed range. */
    static int bucketFor(Document head, String id) {
        int tail = tail(head);
        String sealedLast = head.getString("sealedLast");
        if (tail == 0 || sealedLast == null || id.compareTo(sealedLast) > 0) {
            return tail;
        }
        int i = Collections.binarySearch(ids(head, "firsts"), id);
        return i >= 0 ? i : Math.max(0, -i - 2);
    }

    private static List<String> ids(Document d, String key) {
        return PackedStrings.view(d, key);
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

    private void write(Document d) {
        store.put(collection, d);
        cache.put(d.getString("_id"), d);
    }
}

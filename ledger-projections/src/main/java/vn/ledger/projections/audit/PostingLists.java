package vn.ledger.projections.audit;

import org.bson.Document;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.PackedStrings;
import vn.ledger.projections.store.ReadStore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bucketed posting lists: for a key ("actor:alice", "type:TaskUrged", "body:BTC", "all"), the sorted audit ids
 * under it, in buckets of {@value #BUCKET} ids, so that a page of any filter is found by {@code _id} alone, on a
 * server that uses an index only for equality and {@code $in} on {@code _id}.
 *
 * <ul>
 *   <li>head {@code key|h}: {@code tail} (number of the open bucket = number of sealed buckets). While nothing is
 *   sealed the head holds the open bucket itself ({@code ids}): most lists (an actor, a body) stay under
 *   {@value #BUCKET} ids and are then one document. Once a bucket is sealed the head holds, per sealed bucket, its
 *   first id ({@code firsts}) and the earliest and latest recording instant of its ids ({@code mins}, {@code maxs},
 *   epoch micros: a time filter skips the buckets outside its range without reading them), plus {@code sealedLast}
 *   (the last id of the last sealed bucket) and {@code sealedCount}; it is written only when a bucket is sealed or
 *   a late id lands in a sealed one.</li>
 *   <li>bucket {@code key|n}: {@code ids} (sorted).</li>
 * </ul>
 *
 * <p><b>The buckets are a function of the set of ids</b>, not of the order they came in: bucket n holds the ids of
 * rank [{@value #BUCKET} n, {@value #BUCKET} n + {@value #BUCKET}) in the sorted list, every sealed bucket is full,
 * the open one holds the rest. Ids (log positions) arrive almost always in ascending order and are appended to the
 * open bucket in place (the cached list is changed, not copied). An id lower than the sealed range (a commit that
 * filled a gap late) is inserted in the sealed bucket that covers it, and each sealed bucket from there on passes
 * its last id to the next one: a late commit is a few positions behind the head, so that is the last sealed bucket
 * or two. So a live list and a rebuilt one are the same documents. Adding an id already present changes nothing.
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
        Document bucket = tail == 0 ? head : bucket(key, n);
        List<String> ids = PackedStrings.mutable(bucket, "ids");
        int pos = insertionPoint(ids, id);
        if (pos < 0) {
            return;
        }
        ids.add(pos, id);
        if (n < tail) {
            // a late id into a sealed bucket: every sealed bucket from there on passes its last id to the next
            for (int k = n; k < tail; k++) {
                List<String> full = PackedStrings.mutable(bucket, "ids");
                String carried = full.remove(full.size() - 1);
                summarize(head, k, full);
                write(bucket);
                bucket = bucket(key, k + 1);
                PackedStrings.mutable(bucket, "ids").add(0, carried);
            }
            head.put("sealedLast", ids(bucket(key, tail - 1)).get(BUCKET - 1));
            ids = PackedStrings.mutable(bucket, "ids");
        }
        if (ids.size() >= BUCKET) {
            if (tail == 0) {
                head.remove("ids"); // the head's open bucket becomes sealed bucket 0
                bucket = new Document("_id", bucketId(key, 0)).append("ids", ids);
            }
            summarize(head, tail, ids);
            head.put("sealedLast", ids.get(ids.size() - 1));
            head.put("sealedCount", (long) (tail + 1) * BUCKET);
            head.put("tail", tail + 1);
            write(bucket);
            write(head);
        } else {
            write(bucket);
            if (n < tail) {
                write(head);
            }
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

    /** Records in the head the first id and the span of recording instants of sealed bucket k. */
    private static void summarize(Document head, int k, List<String> ids) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (String id : ids) {
            long micros = AuditId.micros(id);
            min = Math.min(min, micros);
            max = Math.max(max, micros);
        }
        set(PackedStrings.mutable(head, "firsts"), k, ids.get(0));
        set(PackedStrings.mutable(head, "mins"), k, Long.toString(min));
        set(PackedStrings.mutable(head, "maxs"), k, Long.toString(max));
    }

    private static void set(List<String> list, int k, String value) {
        if (k < list.size()) {
            list.set(k, value);
        } else {
            list.add(value);
        }
    }

    /** Bucket n of the list (the open one is created empty when absent). */
    private Document bucket(String key, int n) {
        Document d = cached(bucketId(key, n));
        return d != null ? d : new Document("_id", bucketId(key, n)).append("ids", new PackedStrings());
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

    /**
     * Whether sealed bucket n may hold an id recorded in [fromMicros, toMicros) (epoch micros); the open bucket
     * always may.
     */
    static boolean mayHold(Document head, int n, long fromMicros, long toMicros) {
        if (n >= tail(head)) {
            return true;
        }
        long min = Long.parseLong(ids(head, "mins").get(n));
        long max = Long.parseLong(ids(head, "maxs").get(n));
        return max >= fromMicros && min < toMicros;
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

package vn.ledger.projections.audit;

import org.bson.Document;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.task.Docs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bucketed posting lists: for a key ("actor:alice", "type:TaskUrged", "all"), the sorted ids of the audit
 * entries under it, in buckets of at most {@value #BUCKET} ids, so that a page of any filter is found by
 * {@code _id} alone, on a server that uses an index only for equality and {@code $in} on {@code _id}.
 *
 * <ul>
 *   <li>head {@code key|h}: {@code tail} (number of the open bucket = number of sealed buckets), and per sealed
 *   bucket its first id ({@code firsts}), size, earliest and latest recorded instant ({@code minAt},
 *   {@code maxAt}, epoch millis), plus {@code sealedLast} (the last id of the last sealed bucket) and
 *   {@code sealedCount}. Written when the list starts and when a bucket is sealed, so a query knows which
 *   buckets to read after a cursor and within a time range without reading the others.</li>
 *   <li>bucket {@code key|n}: {@code ids} (sorted), {@code minAt}, {@code maxAt}.</li>
 * </ul>
 * Ids arrive almost always in ascending order (the global order of events) and are appended to the open bucket;
 * an id lower than the sealed range (a late commit filling a gap) is inserted in place into the sealed bucket
 * that covers it, which may then hold a few more than {@value #BUCKET}. Adding an id already present changes
 * nothing.
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

    /** True when the id is in the list. */
    boolean contains(String key, String id) {
        Document head = cached(headId(key));
        if (head == null) {
            return false;
        }
        Document bucket = cached(bucketId(key, bucketFor(head, id)));
        return bucket != null && Collections.binarySearch(Docs.strings(bucket, "ids"), id) >= 0;
    }

    /** Adds the id (recorded at epoch millis {@code at}) to the list; no change when present. */
    void add(String key, String id, long at) {
        String hid = headId(key);
        Document head = cached(hid);
        if (head == null) {
            head = new Document("_id", hid).append("tail", 0).append("firsts", new ArrayList<String>())
                    .append("sizes", new ArrayList<Integer>()).append("minAt", new ArrayList<Long>())
                    .append("maxAt", new ArrayList<Long>()).append("sealedLast", null).append("sealedCount", 0L);
            write(head);
        }
        int tail = (int) Docs.lng(head.get("tail"), 0);
        int n = bucketFor(head, id);
        String bid = bucketId(key, n);
        Document bucket = cached(bid);
        if (bucket == null) {
            bucket = new Document("_id", bid).append("ids", new ArrayList<String>()).append("minAt", at).append("maxAt", at);
        }
        List<String> ids = Docs.strings(bucket, "ids");
        int pos = Collections.binarySearch(ids, id);
        if (pos >= 0) {
            return;
        }
        ids.add(-pos - 1, id);
        bucket.put("ids", ids);
        long minAt = Math.min(Docs.lng(bucket.get("minAt"), at), at);
        long maxAt = Math.max(Docs.lng(bucket.get("maxAt"), at), at);
        bucket.put("minAt", minAt);
        bucket.put("maxAt", maxAt);
        write(bucket);
        if (n < tail) {
            // a late id into a sealed bucket: its summary in the head changes
            setAt(head, "sizes", n, ids.size());
            setAt(head, "minAt", n, minAt);
            setAt(head, "maxAt", n, maxAt);
            List<String> firsts = Docs.strings(head, "firsts");
            firsts.set(n, ids.get(0));
            head.put("firsts", firsts);
            head.put("sealedCount", Docs.lng(head.get("sealedCount"), 0) + 1);
            write(head);
        } else if (ids.size() >= BUCKET) {
            List<String> firsts = Docs.strings(head, "firsts");
            firsts.add(ids.get(0));
            head.put("firsts", firsts);
            append(head, "sizes", ids.size());
            append(head, "minAt", minAt);
            append(head, "maxAt", maxAt);
            head.put("sealedLast", ids.get(ids.size() - 1));
            head.put("sealedCount", Docs.lng(head.get("sealedCount"), 0) + ids.size());
            head.put("tail", tail + 1);
            write(head);
        }
    }

    /** The bucket that holds (or would hold) the id: the open one unless the id falls in the sealed range. */
    static int bucketFor(Document head, String id) {
        int tail = (int) Docs.lng(head.get("tail"), 0);
        String sealedLast = head.getString("sealedLast");
        if (tail == 0 || sealedLast == null || id.compareTo(sealedLast) > 0) {
            return tail;
        }
        List<String> firsts = Docs.strings(head, "firsts");
        int i = Collections.binarySearch(firsts, id);
        return i >= 0 ? i : Math.max(0, -i - 2);
    }

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

    @SuppressWarnings("unchecked")
    private static <T> void append(Document d, String key, T value) {
        List<T> list = new ArrayList<>((List<T>) d.get(key, List.class));
        list.add(value);
        d.put(key, list);
    }

    @SuppressWarnings("unchecked")
    private static <T> void setAt(Document d, String key, int i, T value) {
        List<T> list = new ArrayList<>((List<T>) d.get(key, List.class));
        list.set(i, value);
        d.put(key, list);
    }
}

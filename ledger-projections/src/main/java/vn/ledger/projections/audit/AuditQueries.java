package vn.ledger.projections.audit;

import org.bson.Document;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.task.Docs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pages through the audit trail in global order with a cursor (the last id returned), filtered by actor, body,
 * entity, event type and time range, reading by {@code _id} only.
 *
 * <p>One {@code $in} reads the posting heads of the filters given; the filter with the fewest entries (sealed
 * count, then the open bucket's size) drives the scan: its buckets after the cursor, skipping those outside the
 * time range, are read a few at a time, and the audit documents they name are read by {@code $in} and checked
 * against the other filters. A selective filter (one actor, one entity) answers a page in three round trips.
 */
public final class AuditQueries {

    public static final int MAX_PAGE = 1_000;
    private static final int BUCKETS_PER_READ = 4;

    private final ReadStore store;

    public AuditQueries(ReadStore store) {
        this.store = store;
    }

    /**
     * @param entries    at most pageSize entries, in global order
     * @param nextCursor the id to pass as {@code after} for the next page; null when there is no more
     * @param drivenBy   the posting list that drove the scan ("actor:alice", "all", ...), for diagnosis
     */
    public record AuditPage(List<AuditEntry> entries, String nextCursor, String drivenBy) {
    }

    /**
     * @param after    the cursor: entries strictly after this id; null for the first page
     * @param pageSize 1 to {@value #MAX_PAGE}
     */
    public AuditPage page(AuditFilter filter, String after, int pageSize) {
        int size = Math.max(1, Math.min(MAX_PAGE, pageSize));
        AuditFilter f = filter == null ? AuditFilter.any() : filter;
        List<String> keys = new ArrayList<>();
        if (f.actor() != null) {
            keys.add("actor:" + f.actor());
        }
        if (f.body() != null) {
            keys.add("body:" + f.body());
        }
        if (f.entityId() != null) {
            keys.add("entity:" + f.entityId());
        }
        if (f.eventType() != null) {
            keys.add("type:" + f.eventType());
        }
        if (keys.isEmpty()) {
            keys.add("all");
        }
        Map<String, Document> heads = store.findAll(AuditProjection.POSTINGS, keys.stream().map(PostingLists::headId).toList());
        if (heads.size() < keys.size()) {
            return new AuditPage(List.of(), null, null); // some filter value never occurs
        }

        // the most selective list: fewest sealed entries; among equals, the smallest open bucket
        long least = keys.stream().mapToLong(k -> Docs.lng(heads.get(PostingLists.headId(k)).get("sealedCount"), 0))
                .min().orElse(0);
        List<String> tied = keys.stream()
                .filter(k -> Docs.lng(heads.get(PostingLists.headId(k)).get("sealedCount"), 0) == least).toList();
        Map<String, Document> prefetched = new HashMap<>();
        String key = tied.get(0);
        if (tied.size() > 1) {
            Map<String, String> tailIds = new LinkedHashMap<>();
            for (String k : tied) {
                tailIds.put(k, PostingLists.bucketId(k, tail(heads.get(PostingLists.headId(k)))));
            }
            Map<String, Document> tails = store.findAll(AuditProjection.POSTINGS, tailIds.values());
            key = tied.stream().min(Comparator.comparingInt(k -> Docs.strings(tails.get(tailIds.get(k)), "ids").size()))
                    .orElse(key);
            Document t = tails.get(tailIds.get(key));
            if (t != null) {
                prefetched.put(t.getString("_id"), t);
            }
        }
        boolean exact = keys.size() == 1 && f.from() == null && f.to() == null;
        Document head = heads.get(PostingLists.headId(key));
        long from = f.from() == null ? Long.MIN_VALUE : f.from().toEpochMilli();
        long to = f.to() == null ? Long.MAX_VALUE : f.to().toEpochMilli();

        // the buckets that may hold entries after the cursor and within the time range
        int tail = tail(head);
        List<Long> minAt = longs(head, "minAt");
        List<Long> maxAt = longs(head, "maxAt");
        List<Integer> buckets = new ArrayList<>();
        for (int n = after == null ? 0 : PostingLists.bucketFor(head, after); n <= tail; n++) {
            if (n < tail && (maxAt.get(n) < from || minAt.get(n) >= to)) {
                continue;
            }
            buckets.add(n);
        }

        List<AuditEntry> out = new ArrayList<>();
        for (int i = 0; i < buckets.size() && out.size() <= size; i += BUCKETS_PER_READ) {
            List<String> ids = new ArrayList<>();
            for (int n : buckets.subList(i, Math.min(buckets.size(), i + BUCKETS_PER_READ))) {
                ids.add(PostingLists.bucketId(key, n));
            }
            Map<String, Document> read = new HashMap<>(prefetched);
            List<String> missing = ids.stream().filter(id -> !read.containsKey(id)).toList();
            if (!missing.isEmpty()) {
                read.putAll(store.findAll(AuditProjection.POSTINGS, missing));
            }
            for (String bid : ids) {
                Document bucket = read.get(bid);
                if (bucket == null || Docs.lng(bucket.get("maxAt"), Long.MAX_VALUE) < from
                        || Docs.lng(bucket.get("minAt"), Long.MIN_VALUE) >= to) {
                    continue;
                }
                List<String> entries = Docs.strings(bucket, "ids");
                int start = 0;
                if (after != null) {
                    int p = Collections.binarySearch(entries, after);
                    start = p >= 0 ? p + 1 : -p - 1;
                }
                while (start < entries.size() && out.size() <= size) {
                    int want = size + 1 - out.size();
                    int chunk = Math.min(500, exact ? want : Math.max(64, 2 * want));
                    List<String> batch = entries.subList(start, Math.min(entries.size(), start + chunk));
                    start += batch.size();
                    Map<String, Document> docs = store.findAll(AuditProjection.COLLECTION, batch);
                    for (String id : batch) {
                        Document d = docs.get(id);
                        if (d != null && matches(d, f, from, to)) {
                            out.add(entry(d));
                            if (out.size() > size) {
                                break;
                            }
                        }
                    }
                }
                if (out.size() > size) {
                    break;
                }
            }
        }
        if (out.size() > size) {
            List<AuditEntry> page = List.copyOf(out.subList(0, size));
            return new AuditPage(page, page.get(size - 1).id(), key);
        }
        return new AuditPage(List.copyOf(out), null, key);
    }

    private static int tail(Document head) {
        return (int) Docs.lng(head.get("tail"), 0);
    }

    @SuppressWarnings("unchecked")
    private static List<Long> longs(Document d, String key) {
        List<Long> out = new ArrayList<>();
        Object v = d.get(key);
        if (v instanceof List<?> l) {
            for (Object o : l) {
                out.add(Docs.lng(o, 0));
            }
        }
        return out;
    }

    private static boolean matches(Document d, AuditFilter f, long from, long to) {
        Document actor = Docs.sub(d, "actor");
        long at = Docs.lng(d.get("atMs"), 0);
        return (f.actor() == null || (actor != null && f.actor().equals(actor.getString("username"))))
                && (f.body() == null || Docs.strings(d, "bodies").contains(f.body()))
                && (f.entityId() == null || f.entityId().equals(d.getString("aggId")))
                && (f.eventType() == null || f.eventType().equals(d.getString("type")))
                && at >= from && at < to;
    }

    static AuditEntry entry(Document d) {
        List<AuditEntry.Change> changes = new ArrayList<>();
        for (Document c : Docs.docs(d, "changes")) {
            changes.add(new AuditEntry.Change(c.getString("field"), c.getString("old"), c.getString("new")));
        }
        Object seq = d.get("seq");
        Object position = d.get("position");
        return new AuditEntry(d.getString("_id"), d.getString("eventId"), d.getString("type"), d.getString("vi"),
                d.getString("en"), Docs.toActor(d.get("actor")), d.getString("aggType"), d.getString("aggId"),
                seq == null ? null : Docs.lng(seq, 0), Docs.instant(d.get("at")), Docs.localDate(d.get("businessDate")),
                d.getString("directive"), d.getString("authorityBody"), List.copyOf(Docs.strings(d, "bodies")),
                List.copyOf(changes), position == null ? null : Docs.lng(position, 0));
    }

    /** One entry by its audit id. */
    public java.util.Optional<AuditEntry> entry(String id) {
        return store.find(AuditProjection.COLLECTION, id).map(AuditQueries::entry);
    }
}

package vn.ledger.projections.audit;

import org.bson.Document;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.task.Docs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pages through the audit trail in global order (recording instant, see {@link AuditProjection}) with a cursor
 * (the last id returned), filtered by actor, body, entity, event type and time range, reading by {@code _id} only.
 *
 * <p>The time range is an id range (ids begin with the recording instant), and so is the cursor. An entity filter
 * reads the entity's first bucket; an entity of at most {@value AuditId#ENTITY_BUCKET} entries drives the scan at
 * once (one round trip for the page). Otherwise one {@code $in} reads the posting heads of the other filters and
 * the filter with the fewest entries drives: a posting list's buckets after the cursor are read a few at a time,
 * the ids outside the range or of another entity are dropped without reading anything, and the entity buckets the
 * others name are read by one {@code $in} and their entries checked against the other filters. A selective filter
 * (one actor) answers a page in two round trips when its list is one document, three when it has more.
 */
public final class AuditQueries {

    public static final int MAX_PAGE = 1_000;
    private static final int BUCKETS_PER_READ = 4;
    private static final int ENTITY_BUCKETS_PER_READ = 8;

    private final ReadStore store;

    public AuditQueries(ReadStore store) {
        this.store = store;
    }

    /**
     * @param entries    at most pageSize entries, in global order
     * @param nextCursor the id to pass as {@code after} for the next page; null when there is no more
     * @param drivenBy   what drove the scan ("actor:alice", "entity:dir-22-TB", "all", ...), for diagnosis
     */
    public record AuditPage(List<AuditEntry> entries, String nextCursor, String drivenBy) {
    }

    /** What a page wants: entries with floor < id < ceiling (null: unbounded) that match the filter. */
    private record Scan(AuditFilter filter, String floor, String ceiling, int size, List<AuditEntry> out) {

        boolean above(String id) {
            return floor == null || id.compareTo(floor) > 0;
        }

        boolean below(String id) {
            return ceiling == null || id.compareTo(ceiling) < 0;
        }

        boolean full() {
            return out.size() > size;
        }

        AuditPage page(String drivenBy) {
            if (out.size() > size) {
                List<AuditEntry> page = List.copyOf(out.subList(0, size));
                return new AuditPage(page, page.get(size - 1).id(), drivenBy);
            }
            return new AuditPage(List.copyOf(out), null, drivenBy);
        }
    }

    /**
     * @param after    the cursor: entries strictly after this id; null for the first page
     * @param pageSize 1 to {@value #MAX_PAGE}
     */
    public AuditPage page(AuditFilter filter, String after, int pageSize) {
        int size = Math.max(1, Math.min(MAX_PAGE, pageSize));
        AuditFilter f = filter == null ? AuditFilter.any() : filter;
        Scan scan = scan(f, after, size);
        if (scan == null) {
            return new AuditPage(List.of(), null, null); // an empty time range
        }
        List<String> keys = new ArrayList<>();
        if (f.actor() != null) {
            keys.add("actor:" + f.actor());
        }
        if (f.body() != null) {
            keys.add("body:" + f.body());
        }
        if (f.eventType() != null) {
            keys.add("type:" + f.eventType());
        }
        Document entity = null;
        if (f.entityId() != null) {
            entity = store.find(AuditProjection.COLLECTION, AuditId.bucketId(f.entityId(), 0)).orElse(null);
            if (entity == null) {
                return new AuditPage(List.of(), null, null); // no such entity
            }
            if (keys.isEmpty() || tail(entity) == 0) {
                return byEntity(f.entityId(), entity, scan);
            }
        } else if (keys.isEmpty()) {
            keys.add("all");
        }
        Map<String, Document> heads = store.findAll(AuditProjection.POSTINGS, keys.stream().map(PostingLists::headId).toList());
        if (heads.size() < keys.size()) {
            return new AuditPage(List.of(), null, null); // some filter value never occurs
        }

        // the most selective: fewest entries known (sealed, or all while the head holds them)
        long least = keys.stream().mapToLong(k -> PostingLists.atLeast(head(heads, k))).min().orElse(0);
        if (entity != null && (long) tail(entity) * AuditId.ENTITY_BUCKET + 1 <= least) {
            return byEntity(f.entityId(), entity, scan);
        }
        List<String> tied = keys.stream().filter(k -> PostingLists.atLeast(head(heads, k)) == least).toList();
        String key = tied.stream().filter(k -> PostingLists.inlineIds(head(heads, k)) != null).findFirst()
                .orElse(tied.get(0));
        Map<String, Document> prefetched = new HashMap<>();
        if (tied.size() > 1 && PostingLists.inlineIds(head(heads, key)) == null) {
            // equal sealed counts: the smallest open bucket decides
            Map<String, String> openIds = new LinkedHashMap<>();
            for (String k : tied) {
                openIds.put(k, PostingLists.bucketId(k, PostingLists.tail(head(heads, k))));
            }
            Map<String, Document> open = store.findAll(AuditProjection.POSTINGS, openIds.values());
            key = tied.stream().min(Comparator.comparingInt(k -> PostingLists.ids(open.get(openIds.get(k))).size()))
                    .orElse(key);
            Document o = open.get(openIds.get(key));
            if (o != null) {
                prefetched.put(o.getString("_id"), o);
            }
        }
        return byPostings(key, head(heads, key), prefetched, keys.size() == 1, scan);
    }

    private static Scan scan(AuditFilter f, String after, int size) {
        String floor = after;
        if (f.from() != null) {
            long ms = millis(f.from());
            if (ms > 0) {
                String from = AuditId.bound(ms);
                if (from == null) {
                    return null; // after every id
                }
                floor = floor == null || from.compareTo(floor) > 0 ? from : floor;
            }
        }
        String ceiling = null;
        if (f.to() != null) {
            long ms = millis(f.to());
            if (ms <= 0) {
                return null; // before every id
            }
            ceiling = AuditId.bound(ms);
        }
        if (floor != null && ceiling != null && floor.compareTo(ceiling) >= 0) {
            return null;
        }
        return new Scan(f, floor, ceiling, size, new ArrayList<>());
    }

    private static long millis(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static Document head(Map<String, Document> heads, String key) {
        return heads.get(PostingLists.headId(key));
    }

    private static int tail(Document first) {
        return (int) Docs.lng(first.get("tail"), 0);
    }

    // ------------------------------------------------------------------ driven by a posting list

    private AuditPage byPostings(String key, Document head, Map<String, Document> prefetched, boolean onlyKey, Scan s) {
        // the entity and the time range are checked on the id: what is read matches unless another list filters
        boolean exact = onlyKey;
        int tail = PostingLists.tail(head);
        List<String> inline = PostingLists.inlineIds(head);
        List<Integer> numbers = new ArrayList<>();
        for (int n = s.floor() == null ? 0 : PostingLists.bucketFor(head, s.floor()); n <= tail; n++) {
            String lower = inline != null ? null : PostingLists.lowerBound(head, n);
            if (lower != null && !s.below(lower)) {
                break; // this bucket and the later ones begin at or after the end of the range
            }
            numbers.add(n);
        }
        Map<String, Document> entityBuckets = new HashMap<>();
        boolean done = false;
        for (int i = 0; i < numbers.size() && !done && !s.full(); i += BUCKETS_PER_READ) {
            List<Integer> chunk = numbers.subList(i, Math.min(numbers.size(), i + BUCKETS_PER_READ));
            Map<String, Document> read = new HashMap<>(prefetched);
            List<String> missing = new ArrayList<>();
            for (int n : chunk) {
                String bid = PostingLists.bucketId(key, n);
                if (inline == null && !read.containsKey(bid)) {
                    missing.add(bid);
                }
            }
            if (!missing.isEmpty()) {
                read.putAll(store.findAll(AuditProjection.POSTINGS, missing));
            }
            for (int n : chunk) {
                List<String> ids = inline != null ? inline : PostingLists.ids(read.get(PostingLists.bucketId(key, n)));
                int j = s.floor() == null ? 0 : after(ids, s.floor());
                List<AuditId> batch = new ArrayList<>();
                int want = 0;
                for (; j < ids.size() && !s.full(); j++) {
                    String id = ids.get(j);
                    if (!s.below(id)) {
                        done = true;
                        break;
                    }
                    AuditId a = AuditId.parse(id);
                    if (a == null || (s.filter().entityId() != null && !s.filter().entityId().equals(a.aggregateId()))) {
                        continue;
                    }
                    if (batch.isEmpty()) {
                        int left = s.size() + 1 - s.out().size();
                        want = Math.min(500, exact ? left : Math.max(64, 2 * left));
                    }
                    batch.add(a);
                    if (batch.size() >= want) {
                        resolve(batch, entityBuckets, s);
                        batch.clear();
                    }
                }
                resolve(batch, entityBuckets, s);
                if (done || s.full()) {
                    break;
                }
            }
        }
        return s.page(key);
    }

    /** Reads the entity buckets the ids name (those not read yet, by one $in) and keeps the entries that match. */
    private void resolve(List<AuditId> batch, Map<String, Document> entityBuckets, Scan s) {
        if (batch.isEmpty() || s.full()) {
            return;
        }
        Set<String> need = new LinkedHashSet<>();
        for (AuditId a : batch) {
            if (!entityBuckets.containsKey(a.bucketId())) {
                need.add(a.bucketId());
            }
        }
        if (!need.isEmpty()) {
            Map<String, Document> got = store.findAll(AuditProjection.COLLECTION, need);
            for (String b : need) {
                entityBuckets.put(b, got.get(b)); // null: not there (yet), do not ask again
            }
        }
        for (AuditId a : batch) {
            Document bucket = entityBuckets.get(a.bucketId());
            List<?> entries = AuditProjection.entries(bucket);
            int i = AuditProjection.indexOf(entries, a.sequence());
            if (i >= 0 && a.value().equals(StoredEntry.id(entries.get(i)))) {
                AuditEntry entry = StoredEntry.read(bucket, entries.get(i));
                if (matches(entry, s.filter())) {
                    s.out().add(entry);
                    if (s.full()) {
                        return;
                    }
                }
            }
        }
    }

    /** Index of the first id strictly after {@code floor}. */
    private static int after(List<String> ids, String floor) {
        int p = Collections.binarySearch(ids, floor);
        return p >= 0 ? p + 1 : -p - 1;
    }

    // ------------------------------------------------------------------ driven by the entity

    private AuditPage byEntity(String entityId, Document first, Scan s) {
        int tail = tail(first);
        // in order (the usual case) the ids grow with the sequence number: a cursor of this entity names the
        // bucket to start at, and the scan stops at the end of the range; otherwise everything is read and sorted
        boolean ordered = !Boolean.FALSE.equals(first.get("ordered"));
        int start = 0;
        AuditId cursor = s.floor() == null ? null : AuditId.parse(s.floor());
        if (ordered && cursor != null && cursor.aggregateId().equals(entityId)) {
            start = Math.min(cursor.bucket(), tail);
        }
        Map<Integer, Document> read = new HashMap<>();
        read.put(0, first);
        List<Hit> unordered = new ArrayList<>();
        for (int k = start; k <= tail; k++) {
            if (!read.containsKey(k)) {
                // this bucket and the next few in one round trip
                int last = Math.min(tail, k + ENTITY_BUCKETS_PER_READ - 1);
                List<String> ids = new ArrayList<>();
                for (int j = k; j <= last; j++) {
                    ids.add(AuditId.bucketId(entityId, j));
                }
                Map<String, Document> got = store.findAll(AuditProjection.COLLECTION, ids);
                for (int j = k; j <= last; j++) {
                    read.put(j, got.get(AuditId.bucketId(entityId, j)));
                }
            }
            Document bucket = read.get(k);
            boolean more = true;
            for (Object e : AuditProjection.entries(bucket)) {
                if (!ordered) {
                    unordered.add(new Hit(bucket, e, StoredEntry.id(e)));
                } else if (!offer(bucket, e, s)) {
                    more = false;
                    break;
                }
            }
            if (!more) {
                break;
            }
        }
        if (!ordered) {
            unordered.sort(Comparator.comparing(Hit::id));
            for (Hit h : unordered) {
                if (!offer(h.bucket(), h.entry(), s)) {
                    break;
                }
            }
        }
        return s.page("entity:" + entityId);
    }

    /** An entry of an unordered entity, with its id read once for sorting. */
    private record Hit(Document bucket, Object entry, String id) {
    }

    /** Takes the entry if it is in the range and matches; false when the scan is over (past the range, page full). */
    private static boolean offer(Document bucket, Object e, Scan s) {
        String id = StoredEntry.id(e);
        if (!s.above(id)) {
            return true;
        }
        if (!s.below(id)) {
            return false;
        }
        AuditEntry entry = StoredEntry.read(bucket, e);
        if (matches(entry, s.filter())) {
            s.out().add(entry);
        }
        return !s.full();
    }

    // ------------------------------------------------------------------ entries

    private static boolean matches(AuditEntry e, AuditFilter f) {
        return (f.actor() == null || (e.actor() != null && f.actor().equals(e.actor().username())))
                && (f.body() == null || e.bodies().contains(f.body()))
                && (f.entityId() == null || f.entityId().equals(e.entityId()))
                && (f.eventType() == null || f.eventType().equals(e.eventType()));
    }

    /** One entry by its audit id (one read: the id names its entity bucket). */
    public Optional<AuditEntry> entry(String id) {
        AuditId a = AuditId.parse(id);
        if (a == null) {
            return Optional.empty();
        }
        return store.find(AuditProjection.COLLECTION, a.bucketId()).flatMap(bucket -> {
            List<?> entries = AuditProjection.entries(bucket);
            int i = AuditProjection.indexOf(entries, a.sequence());
            return i >= 0 && id.equals(StoredEntry.id(entries.get(i)))
                    ? Optional.of(StoredEntry.read(bucket, entries.get(i))) : Optional.empty();
        });
    }
}

package vn.ledger.projections.audit;

import org.bson.Document;
import vn.ledger.projections.audit.PostingDocs.Head;
import vn.ledger.projections.audit.PostingDocs.Leaf;
import vn.ledger.projections.audit.PostingDocs.Node;
import vn.ledger.projections.store.ReadStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
 * Pages through the audit trail in global log order (see {@link AuditProjection}) with a cursor (the last id
 * returned), filtered by actor, body, entity, event type and time range, reading by {@code _id} only.
 *
 * <p>The cursor is an id range. The time range compares the recording instant, which every id carries after its
 * log position: an id outside it is dropped without reading its entry, and a posting list's sealed leaves (and
 * whole subtrees) whose span of instants (kept in the node above them) lies outside it are not read. Instants follow
 * the log order closely but not exactly (an event is stamped before its commit gets a position), so a scan does not
 * stop at the end of the range: it skips what lies after it by the spans. An entity filter alone reads the
 * entity's buckets a page needs (the first among them) in one round trip; with other filters, an entity of at most
 * {@value AuditId#ENTITY_BUCKET} entries drives the scan at once. Otherwise one {@code $in} reads the posting heads
 * of the other filters and the filter with the fewest entries drives: the list's leaves after the cursor are found
 * by a walk down its tree ({@link PostingTree.Walk}) and read a few at a time, the ids outside the range or of
 * another entity are dropped without reading anything, and the entity buckets the others name are read by one
 * {@code $in} and their entries checked against the other filters. A selective filter (one actor) answers a page in
 * two round trips when its list is one document; deep in a long list, in five (heads, the tree's spine, the node
 * above the cursor, leaves, entries).
 */
public final class AuditQueries {

    public static final int MAX_PAGE = 1_000;
    private static final int BUCKETS_PER_READ = 8;
    private static final int ENTITY_BUCKETS_PER_READ = 16;

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

    /**
     * What a page wants: entries with id &gt; floor (the cursor; null: unbounded), recorded in [fromMicros,
     * toMicros), that match the filter.
     */
    private record Scan(AuditFilter filter, String floor, long fromMicros, long toMicros, int size,
                        List<AuditEntry> out) {

        boolean above(String id) {
            return floor == null || id.compareTo(floor) > 0;
        }

        boolean inTime(String id) {
            long micros = AuditId.micros(id);
            return micros >= fromMicros && micros < toMicros;
        }

        boolean timed() {
            return fromMicros != Long.MIN_VALUE || toMicros != Long.MAX_VALUE;
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
        if (Boolean.TRUE.equals(f.lateEntry())) {
            keys.add(AuditProjection.LATE);
        }
        EntityBucket entity = null;
        Map<Integer, EntityBucket> entityBuckets = new HashMap<>();
        if (f.entityId() != null) {
            // its first bucket (how many there are); with no other filter, the buckets the page needs with it
            int start = keys.isEmpty() ? entityStart(f.entityId(), after) : 0;
            int count = keys.isEmpty() ? Math.min(ENTITY_BUCKETS_PER_READ, size / AuditId.ENTITY_BUCKET + 2) : 1;
            Map<Integer, String> ids = new LinkedHashMap<>();
            ids.put(0, AuditId.bucketId(f.entityId(), 0));
            for (int k = start; k < start + count; k++) {
                ids.put(k, AuditId.bucketId(f.entityId(), k));
            }
            Map<String, Document> got = store.findAll(AuditProjection.COLLECTION, ids.values());
            ids.forEach((k, id) -> entityBuckets.put(k, EntityBucket.FORM.read(got.get(id))));
            entity = entityBuckets.get(0);
            if (entity == null) {
                return new AuditPage(List.of(), null, null); // no such entity
            }
            if (keys.isEmpty() || tail(entity) == 0) {
                return byEntity(f.entityId(), entityBuckets, scan);
            }
        } else if (keys.isEmpty()) {
            keys.add("all");
        }
        Map<String, Head> heads = new HashMap<>();
        store.findAll(AuditProjection.POSTINGS, keys.stream().map(PostingTree::headId).toList())
                .forEach((id, d) -> heads.put(id, Head.FORM.read(d)));
        if (heads.size() < keys.size()) {
            return new AuditPage(List.of(), null, null); // some filter value never occurs
        }

        // the most selective: fewest entries known (sealed, or all while the head holds them)
        long least = keys.stream().mapToLong(k -> head(heads, k).atLeast()).min().orElse(0);
        if (entity != null && (long) tail(entity) * AuditId.ENTITY_BUCKET + 1 <= least) {
            return byEntity(f.entityId(), entityBuckets, scan);
        }
        List<String> tied = keys.stream().filter(k -> head(heads, k).atLeast() == least).toList();
        String key = tied.stream().filter(k -> head(heads, k).inlineIds() != null).findFirst()
                .orElse(tied.get(0));
        Map<String, Document> prefetched = new HashMap<>();
        if (tied.size() > 1 && head(heads, key).inlineIds() == null) {
            // equal sealed counts: the smallest open bucket decides
            Map<String, String> openIds = new LinkedHashMap<>();
            for (String k : tied) {
                openIds.put(k, PostingTree.leafId(k, head(heads, k).tail()));
            }
            Map<String, Document> open = store.findAll(AuditProjection.POSTINGS, openIds.values());
            key = tied.stream().min(Comparator.comparingInt(k -> leafIds(open.get(openIds.get(k))).size()))
                    .orElse(key);
            Document o = open.get(openIds.get(key));
            if (o != null) {
                prefetched.put(o.getString("_id"), o);
            }
        }
        return byPostings(key, head(heads, key), prefetched, keys.size() == 1, scan);
    }

    private static Scan scan(AuditFilter f, String after, int size) {
        long from = Long.MIN_VALUE;
        if (f.from() != null) {
            long ms = millis(f.from());
            if (ms == Long.MAX_VALUE) {
                return null; // after every entry
            }
            from = ms <= 0 ? Long.MIN_VALUE : Math.multiplyExact(ms, 1_000L);
        }
        long to = Long.MAX_VALUE;
        if (f.to() != null) {
            long ms = millis(f.to());
            if (ms <= 0) {
                return null; // before every entry
            }
            to = ms >= Long.MAX_VALUE / 1_000 ? Long.MAX_VALUE : ms * 1_000;
        }
        if (from >= to) {
            return null;
        }
        return new Scan(f, after, from, to, size, new ArrayList<>());
    }

    private static long millis(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static Head head(Map<String, Head> heads, String key) {
        return heads.get(PostingTree.headId(key));
    }

    private static int tail(EntityBucket first) {
        return first.tail() == null ? 0 : first.tail();
    }

    // ------------------------------------------------------------------ driven by a posting list

    /** The ids of a stored leaf; none when it is not there. */
    private static List<String> leafIds(Document leaf) {
        return leaf == null ? List.of() : Leaf.FORM.read(leaf).ids();
    }

    /** The nodes of a posting list with these ids that exist (one $in). */
    private Map<String, Node> nodes(Collection<String> ids) {
        Map<String, Node> out = new HashMap<>();
        store.findAll(AuditProjection.POSTINGS, ids).forEach((id, d) -> out.put(id, Node.FORM.read(d)));
        return out;
    }

    private AuditPage byPostings(String key, Head head, Map<String, Document> prefetched, boolean onlyKey, Scan s) {
        // the entity and the time range are checked on the id: what is read matches unless another list filters
        boolean exact = onlyKey;
        List<String> inline = head.inlineIds();
        PostingTree.Walk walk = inline != null ? null : new PostingTree.Walk(key, head, s.floor(), s.fromMicros(),
                s.toMicros(), this::nodes);
        Map<String, EntityBucket> entityBuckets = new HashMap<>();
        boolean inlineRead = false;
        while (!s.full()) {
            // the next few leaves that may hold what the page wants, read in one round trip
            List<Integer> chunk = new ArrayList<>();
            if (inline != null) {
                if (inlineRead) {
                    break;
                }
                inlineRead = true;
                chunk.add(0);
            } else {
                for (int n; chunk.size() < BUCKETS_PER_READ && (n = walk.next()) >= 0; ) {
                    chunk.add(n);
                }
                if (chunk.isEmpty()) {
                    break;
                }
            }
            Map<String, Document> read = new HashMap<>(prefetched);
            List<String> missing = new ArrayList<>();
            for (int n : chunk) {
                String lid = PostingTree.leafId(key, n);
                if (inline == null && !read.containsKey(lid)) {
                    missing.add(lid);
                }
            }
            if (!missing.isEmpty()) {
                read.putAll(store.findAll(AuditProjection.POSTINGS, missing));
            }
            // the ids of the chunk's leaves, resolved in batches of about what the page still wants
            List<AuditId> batch = new ArrayList<>();
            int want = 0;
            for (int n : chunk) {
                List<String> ids = inline != null ? inline : leafIds(read.get(PostingTree.leafId(key, n)));
                int j = s.floor() == null ? 0 : after(ids, s.floor());
                for (; j < ids.size() && !s.full(); j++) {
                    String id = ids.get(j);
                    AuditId a = AuditId.parse(id);
                    if (a == null || (s.timed() && !s.inTime(id))) {
                        continue;
                    }
                    if (s.filter().entityId() != null && !s.filter().entityId().equals(a.aggregateId())) {
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
            }
            resolve(batch, entityBuckets, s);
        }
        return s.page(key);
    }

    /** Reads the entity buckets the ids name (those not read yet, by one $in) and keeps the entries that match. */
    private void resolve(List<AuditId> batch, Map<String, EntityBucket> entityBuckets, Scan s) {
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
                entityBuckets.put(b, EntityBucket.FORM.read(got.get(b))); // null: not there (yet), do not ask again
            }
        }
        for (AuditId a : batch) {
            EntityBucket bucket = entityBuckets.get(a.bucketId());
            StoredEntry stored = bucket == null ? null : bucket.entry(a.sequence(), a.value());
            if (stored != null) {
                AuditEntry entry = stored.entry(bucket.agg(), bucket.aggType());
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

    /** The entity bucket a page starts at: the cursor's when it is an entry of this entity, else the first. */
    private static int entityStart(String entityId, String after) {
        AuditId cursor = after == null ? null : AuditId.parse(after);
        return cursor != null && cursor.aggregateId().equals(entityId) ? cursor.bucket() : 0;
    }

    /** @param read the entity's buckets read so far, by number (null: not there); holds at least its first */
    private AuditPage byEntity(String entityId, Map<Integer, EntityBucket> read, Scan s) {
        int tail = tail(read.get(0));
        // an entity's events are in the log in the order of their sequence numbers: its buckets, in order, are in
        // log order, and a cursor of this entity names the bucket to start at
        int start = Math.min(entityStart(entityId, s.floor()), tail);
        for (int k = start; k <= tail && !s.full(); k++) {
            if (!read.containsKey(k)) {
                // this bucket and the next few in one round trip
                int last = Math.min(tail, k + ENTITY_BUCKETS_PER_READ - 1);
                List<String> ids = new ArrayList<>();
                for (int j = k; j <= last; j++) {
                    ids.add(AuditId.bucketId(entityId, j));
                }
                Map<String, Document> got = store.findAll(AuditProjection.COLLECTION, ids);
                for (int j = k; j <= last; j++) {
                    read.put(j, EntityBucket.FORM.read(got.get(AuditId.bucketId(entityId, j))));
                }
            }
            EntityBucket bucket = read.get(k);
            for (StoredEntry e : bucket == null ? List.<StoredEntry>of() : bucket.entries()) {
                if (!offer(bucket, e, s)) {
                    break;
                }
            }
        }
        return s.page("entity:" + entityId);
    }

    /** Takes the entry if it is in the range and matches; false when the scan is over (past the range, page full). */
    private static boolean offer(EntityBucket bucket, StoredEntry e, Scan s) {
        String id = e.id();
        if (!s.above(id) || (s.timed() && !s.inTime(id))) {
            return true;
        }
        AuditEntry entry = e.entry(bucket.agg(), bucket.aggType());
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
                && (f.eventType() == null || f.eventType().equals(e.eventType()))
                && (f.onDay() == null || e.businessDate() == null || !e.businessDate().isAfter(f.onDay()))
                && (f.lateEntry() == null || f.lateEntry() == e.lateEntry());
    }

    /** One entry by its audit id (one read: the id names its entity bucket). */
    public Optional<AuditEntry> entry(String id) {
        AuditId a = AuditId.parse(id);
        if (a == null) {
            return Optional.empty();
        }
        return store.find(AuditProjection.COLLECTION, a.bucketId()).map(EntityBucket.FORM::read).flatMap(bucket ->
                Optional.ofNullable(bucket.entry(a.sequence(), id)).map(e -> e.entry(bucket.agg(), bucket.aggType())));
    }
}

package vn.ledger.projections.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import vn.ledger.core.body.BodyEvent;
import vn.ledger.core.directive.DirectiveCorrected;
import vn.ledger.core.directive.DirectiveEvent;
import vn.ledger.core.directive.DirectiveField;
import vn.ledger.core.directive.DirectiveIssued;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.task.TaskAssigned;
import vn.ledger.core.task.TaskEvent;
import vn.ledger.projections.audit.AuditDescriptions.Described;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.ReadStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The audit trail: per event, who (username, full name, position, body) did what (event type, a short Vietnamese
 * and English summary) to which entity (aggregate type and id), when it was recorded (event timestamp), the
 * business date the event carries, under which authority (the directive and the issuing or assigning body), which
 * bodies it concerns, and the old → new values of what it changed.
 *
 * <p><b>Entries are grouped by entity.</b> {@value #COLLECTION} holds the entries of one aggregate in buckets of
 * {@value AuditId#ENTITY_BUCKET} by sequence number ({@code _id} = aggregate id + "|" + sequence / 16, entries
 * sorted by sequence number): a rebuild writes one document per 16 events of an aggregate, and a live event
 * rewrites one bucket of at most 16 entries (a few KB), however busy its entity.
 * The first bucket of an aggregate also holds {@code tail} (its highest bucket number) and the
 * authority that later events name: a directive's issuer and symbol (set by DirectiveIssued, the symbol by a
 * correction of it), a task's assigner and code (set by TaskAssigned). Every directive event belongs to its
 * directive's aggregate and every task event to its task's, so the authority is in the bucket the projection has
 * at hand.
 *
 * <p><b>Ids are the log order.</b> An audit id ({@link AuditId}) is the event's place in the global log
 * ({@link vn.ledger.eventstore.LogPosition}: commit position, then place in the commit), its recording instant,
 * its aggregate id and its sequence number. The log position is a property of the event, the same for a live
 * model, a rebuild and a replay of stored histories, so every event gets the same id in the same order whatever
 * order concurrent commits reached the processor in (a commit that fills a gap comes late, and is tracked with a
 * token naming the highest position seen: the token is not used). An aggregate's events are in the log in the order
 * of their sequence numbers (an event is appended after the one before it was stored), so an entity's buckets,
 * sorted by sequence number, are in log order too. The entry keeps its commit position. A message without a log
 * position (not read from the event store) is refused. Aggregate id and sequence number name the bucket that holds
 * the entry.
 *
 * <p>Filters are served from posting lists ({@link PostingLists}, shaped as {@link PostingTree}: documents of
 * bounded size) in {@value #POSTINGS}, one per actor ("actor:" + username), body ("body:" + code), event type
 * ("type:" + name) and one of everything ("all"); the entity filter reads the entity's buckets.
 *
 * <p>Idempotent: an event whose sequence number is already in its entity bucket changes nothing. The bucket is
 * written last, after the posting lists (to which adding an id twice changes nothing) and the entity's first
 * bucket when it changes. Plain class; it caches what it wrote, so run one instance per store, in one segment.
 */
public final class AuditProjection {

    public static final String COLLECTION = "audit";
    public static final String POSTINGS = "audit_postings";
    public static final List<String> COLLECTIONS = List.of(COLLECTION, POSTINGS);

    private final ReadStore store;
    private final PostingLists postings;
    private final Map<String, Document> buckets;

    public AuditProjection(ReadStore store) {
        this(store, 20_000);
    }

    /** @param cacheSize how many posting heads and buckets to keep in memory (and a quarter as many entity buckets) */
    public AuditProjection(ReadStore store, int cacheSize) {
        this.store = store;
        this.postings = new PostingLists(store, POSTINGS, cacheSize);
        int entityCache = Math.max(16, cacheSize / 4); // entity buckets are the larger documents
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
                return size() > entityCache;
            }
        };
    }

    public void reset() {
        COLLECTIONS.forEach(store::drop);
        postings.clearCache();
        buckets.clear();
    }

    @EventHandler
    void on(BodyEvent e, EventMessage<?> m) {
        record(m, e.actor(), null, authority -> AuditDescriptions.describe(e));
    }

    @EventHandler
    void on(DirectiveEvent e, EventMessage<?> m) {
        record(m, e.actor(), e.directiveId(), authority -> {
            if (e instanceof DirectiveIssued i) {
                authority.set(new Document("issuer", i.issuingBodyCode()).append("symbol", i.symbol()));
            } else if (e instanceof DirectiveCorrected c && c.field() == DirectiveField.SYMBOL
                    && authority.value() != null) {
                authority.set(new Document(authority.value()).append("symbol", c.newValue()));
            }
            Document a = authority.value();
            return AuditDescriptions.describe(e, a == null ? null : a.getString("issuer"), a == null ? null : a.getString("symbol"));
        });
    }

    @EventHandler
    void on(TaskEvent e, EventMessage<?> m) {
        record(m, e.actor(), e.taskId(), authority -> {
            if (e instanceof TaskAssigned t) {
                authority.set(new Document("assigner", t.assignerBodyCode()).append("code", t.code()));
            }
            Document a = authority.value();
            return AuditDescriptions.describe(e, a == null ? null : a.getString("assigner"));
        });
    }

    // ------------------------------------------------------------------ identity and storage

    /** The audit id of an event: its log position, recording instant, aggregate id and sequence number. */
    public static String auditId(EventMessage<?> m) {
        return AuditId.of(m).value();
    }

    /** The authority an event reads and may set: in the first bucket of the entity it names. */
    private static final class Authority {
        final Document first;
        boolean changed;

        Authority(Document first) {
            this.first = first;
        }

        Document value() {
            return Docs.doc(first, "authority");
        }

        void set(Document value) {
            if (!value.equals(value())) {
                first.put("authority", value);
                changed = true;
            }
        }
    }

    private void record(EventMessage<?> m, Actor actor, String authorityOf, Function<Authority, Described> describe) {
        try {
            write(m, actor, authorityOf, describe);
        } catch (RuntimeException e) {
            // a write failed half way: what the caches hold may not be stored; read it again on redelivery
            postings.clearCache();
            buckets.clear();
            throw e;
        }
    }

    private void write(EventMessage<?> m, Actor actor, String authorityOf, Function<Authority, Described> describe) {
        AuditId id = AuditId.of(m);
        DomainEventMessage<?> dm = m instanceof DomainEventMessage<?> d && d.getAggregateIdentifier() != null ? d : null;
        String agg = id.aggregateId();
        int n = id.bucket();
        Document bucket = bucket(AuditId.bucketId(agg, n));
        if (bucket == null) {
            bucket = newBucket(agg, dm, n);
        }
        List<Object> entries = vn.ledger.projections.store.Docs.mutableList(bucket, "entries");
        int pos = indexOf(entries, id.sequence());
        if (pos >= 0) {
            return; // delivered again
        }
        pos = -pos - 1;
        Document first = n == 0 ? bucket : bucket(AuditId.bucketId(agg, 0));
        boolean firstChanged = false;
        if (first == null) {
            first = newBucket(agg, dm, 0);
            firstChanged = true;
        }

        // the authority: in this entity's first bucket (or, for an event without aggregate, the one it names)
        Authority authority = null;
        if (authorityOf != null) {
            Document of = authorityOf.equals(agg) ? first : bucket(AuditId.bucketId(authorityOf, 0));
            authority = new Authority(of != null ? of : newBucket(authorityOf, null, 0));
        }
        Described x = describe.apply(authority);

        String type = m.getPayloadType().getSimpleName();
        Set<String> bodies = new LinkedHashSet<>();
        if (actor != null && actor.bodyCode() != null) {
            bodies.add(actor.bodyCode());
        }
        bodies.addAll(x.bodies());
        bodies.remove(null);
        String value = id.value();
        postings.add("all", value);
        postings.add("type:" + type, value);
        if (actor != null && actor.username() != null) {
            postings.add("actor:" + actor.username(), value);
        }
        for (String b : bodies) {
            postings.add("body:" + b, value);
        }

        int tail = (int) Docs.lng(first.get("tail"), 0);
        if (n > tail) {
            first.put("tail", n);
            firstChanged = true;
        }
        if (dm != null && first.get("aggType") == null) {
            // made by an event without aggregate that named this entity's authority
            first.put("aggType", dm.getType());
            firstChanged = true;
        }

        entries.add(pos, StoredEntry.pack(id.sequence(), value, m.getIdentifier(), type, x.vi(), x.en(), actor,
                m.getTimestamp(), x.businessDate(), x.directiveId(), x.authorityBody(), new ArrayList<>(bodies), x.changes(),
                id.position().commit()));

        // the entity's first bucket and the authority before the entry's bucket, which marks the event applied
        if (authority != null && authority.changed && authority.first != first && authority.first != bucket) {
            put(authority.first);
        }
        if (first != bucket && (firstChanged || (authority != null && authority.changed && authority.first == first))) {
            put(first);
        }
        put(bucket);
    }

    private static Document newBucket(String agg, DomainEventMessage<?> dm, int n) {
        // an event without aggregate gets a pseudo one ("~" + event id) that is no entity
        Document d = new Document("_id", AuditId.bucketId(agg, n)).append("agg", dm == null && agg.startsWith("~") ? null : agg)
                .append("aggType", dm == null ? null : dm.getType()).append("n", n);
        if (n == 0) {
            d.append("tail", 0);
        }
        return d.append("entries", new ArrayList<Object>());
    }

    /** Where the entry with this sequence number is, or would go ({@code -insertion point - 1}), as binarySearch. */
    static int indexOf(List<?> entries, long seq) {
        int size = entries.size();
        if (size == 0 || seq > StoredEntry.seq(entries.get(size - 1))) {
            return -size - 1; // the usual case: the aggregate's next event
        }
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long s = StoredEntry.seq(entries.get(mid));
            if (s < seq) {
                lo = mid + 1;
            } else if (s > seq) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -lo - 1;
    }

    /** A bucket's entries as stored (not a copy: read only); tuples, or sub-documents in a layout-2 bucket. */
    static List<?> entries(Document bucket) {
        return Docs.items(bucket, "entries");
    }

    private Document bucket(String id) {
        Document d = buckets.get(id);
        if (d == null) {
            d = store.find(COLLECTION, id).orElse(null);
            if (d != null) {
                buckets.put(id, d);
            }
        }
        return d;
    }

    private void put(Document d) {
        store.put(COLLECTION, d);
        buckets.put(d.getString("_id"), d);
    }
}

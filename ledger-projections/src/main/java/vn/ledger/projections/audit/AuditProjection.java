package vn.ledger.projections.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import vn.ledger.core.body.BodyEvent;
import vn.ledger.core.directive.DirectiveCorrected;
import vn.ledger.core.directive.DirectiveEvent;
import vn.ledger.core.directive.DirectiveField;
import vn.ledger.core.directive.DirectiveIssued;
import vn.ledger.core.event.BusinessDates;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.task.TaskAssigned;
import vn.ledger.core.task.TaskEvent;
import vn.ledger.projections.audit.AuditDescriptions.Described;
import vn.ledger.projections.audit.EntityBucket.Authority;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.store.StoredForm;
import vn.ledger.projections.store.StoredForms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The audit trail: per event, who (username, full name, position, body) did what (event type, a short Vietnamese
 * and English summary) to which entity (aggregate type and id), when it was recorded (event timestamp), the
 * business date the event carries, under which authority (the directive and the issuing or assigning body), which
 * bodies it concerns, and the old → new values of what it changed.
 *
 * <p><b>Entries are grouped by entity</b> in {@value #COLLECTION}: {@link EntityBucket}s of
 * {@value AuditId#ENTITY_BUCKET} entries by sequence number, so that a rebuild writes one document per 16 events of
 * an aggregate and a live event rewrites one bucket of at most 16 entries (a few KB), however busy its entity. The
 * first bucket of an aggregate holds the authority its later events name; every directive event belongs to its
 * directive's aggregate and every task event to its task's, so the authority is in the bucket at hand. What each
 * event says is {@link AuditDescriptions}'.
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
 * ("type:" + name), one of late entries ({@value #LATE}) and one of everything ("all"); the entity filter reads the entity's buckets.
 *
 * <p>Idempotent: an event whose sequence number is already in its entity bucket changes nothing. The bucket is
 * written last, after the posting lists (to which adding an id twice changes nothing) and the entity's first
 * bucket when it changes. Plain class; it caches what it wrote, so run one instance per store, in one segment.
 */
public final class AuditProjection {

    public static final String COLLECTION = "audit";
    public static final String POSTINGS = "audit_postings";
    public static final List<String> COLLECTIONS = List.of(COLLECTION, POSTINGS);
    /**
     * The posting list of late entries ({@link AuditEntry#lateEntry}): an inspector's "entered after the fact" is
     * paged like any other filter, reading only those entries, whatever share of the trail they are.
     */
    public static final String LATE = "late";

    /**
     * The stored forms of the model's documents: an entity bucket's entries ({@link StoredEntry#FORM}), the packed
     * id lists and summaries of the posting lists ({@link PostingTree}).
     */
    public static final StoredForms FORMS = StoredForms.forms()
            .field("entries", StoredEntry.FORM.shownAs(StoredEntry::shown).list())
            .field("ids", StoredForm.STRINGS).field("firsts", StoredForm.STRINGS)
            .field("mins", StoredForm.STRINGS).field("maxs", StoredForm.STRINGS);

    private final ReadStore store;
    private final PostingLists postings;
    private final EntityBuckets buckets;

    public AuditProjection(ReadStore store) {
        this(store, 20_000);
    }

    /** @param cacheSize how many posting documents to keep in memory (and a quarter as many entity buckets) */
    public AuditProjection(ReadStore store, int cacheSize) {
        this.store = store;
        this.postings = new PostingLists(store, POSTINGS, cacheSize);
        this.buckets = new EntityBuckets(store, COLLECTION, Math.max(16, cacheSize / 4)); // the larger documents
    }

    public void reset() {
        COLLECTIONS.forEach(store::drop);
        postings.clearCache();
        buckets.clearCache();
    }

    @EventHandler
    void on(BodyEvent e, EventMessage<?> m) {
        record(m, e.actor(), null, authority -> AuditDescriptions.describe(e));
    }

    @EventHandler
    void on(DirectiveEvent e, EventMessage<?> m) {
        record(m, e.actor(), e.directiveId(), authority -> {
            if (e instanceof DirectiveIssued i) {
                authority.set(Authority.directive(i.issuingBodyCode(), i.symbol()));
            } else if (e instanceof DirectiveCorrected c && c.field() == DirectiveField.SYMBOL
                    && authority.value() != null) {
                authority.set(authority.value().symbol(c.newValue()));
            }
            Authority a = authority.value();
            return AuditDescriptions.describe(e, a == null ? null : a.issuer(), a == null ? null : a.symbol());
        });
    }

    @EventHandler
    void on(TaskEvent e, EventMessage<?> m) {
        record(m, e.actor(), e.taskId(), authority -> {
            if (e instanceof TaskAssigned t) {
                authority.set(Authority.task(t.assignerBodyCode(), t.code()));
            }
            Authority a = authority.value();
            return AuditDescriptions.describe(e, a == null ? null : a.assigner());
        });
    }

    // ------------------------------------------------------------------ identity and storage

    /** The audit id of an event: its log position, recording instant, aggregate id and sequence number. */
    public static String auditId(EventMessage<?> m) {
        return AuditId.of(m).value();
    }

    /** The authority an event reads and may set: in the first bucket of the entity it names. */
    private static final class AtHand {
        EntityBucket first;
        boolean changed;

        AtHand(EntityBucket first) {
            this.first = first;
        }

        Authority value() {
            return first.authority();
        }

        void set(Authority value) {
            if (!value.equals(value())) {
                first = first.withAuthority(value);
                changed = true;
            }
        }
    }

    private void record(EventMessage<?> m, Actor actor, String authorityOf, Function<AtHand, Described> describe) {
        try {
            write(m, actor, authorityOf, describe);
        } catch (RuntimeException e) {
            // a write failed half way: what the caches hold may not be stored; read it again on redelivery
            postings.clearCache();
            buckets.clearCache();
            throw e;
        }
    }

    private void write(EventMessage<?> m, Actor actor, String authorityOf, Function<AtHand, Described> describe) {
        AuditId id = AuditId.of(m);
        DomainEventMessage<?> dm = m instanceof DomainEventMessage<?> d && d.getAggregateIdentifier() != null ? d : null;
        String agg = id.aggregateId();
        // an event without aggregate gets a pseudo one ("~" + event id) that is no entity
        String entity = dm == null && agg.startsWith("~") ? null : agg;
        String aggType = dm == null ? null : dm.getType();
        int n = id.bucket();
        EntityBucket bucket = buckets.find(agg, n);
        if (bucket == null) {
            bucket = EntityBucket.empty(agg, entity, aggType, n);
        }
        if (bucket.indexOf(id.sequence()) >= 0) {
            return; // delivered again
        }
        EntityBucket first = n == 0 ? bucket : buckets.find(agg, 0);
        boolean firstChanged = false;
        if (first == null) {
            first = EntityBucket.empty(agg, entity, aggType, 0);
            firstChanged = true;
        }

        // the authority: in this entity's first bucket (or, for an event without aggregate, the one it names)
        AtHand authority = null;
        boolean own = agg.equals(authorityOf);
        if (authorityOf != null) {
            EntityBucket of = own ? first : buckets.find(authorityOf, 0);
            authority = new AtHand(of != null ? of : EntityBucket.empty(authorityOf, authorityOf, null, 0));
        }
        Described x = describe.apply(authority);
        if (own && authority.changed) {
            first = authority.first;
            firstChanged = true;
        }

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
        LocalDate businessDate = BusinessDates.carried(m.getPayload()).orElse(null);
        if (AuditEntry.isLate(AuditEntry.lateDays(m.getTimestamp(), businessDate))) {
            postings.add(LATE, value);
        }

        if (first.tail() == null || n > first.tail()) {
            first = first.withTail(n);
            firstChanged = true;
        }
        if (dm != null && first.aggType() == null) {
            // made by an event without aggregate that named this entity's authority
            first = first.withAggType(dm.getType());
            firstChanged = true;
        }
        StoredEntry entry = new StoredEntry(id.sequence(), value, m.getIdentifier(), type, x.vi(), x.en(), actor,
                m.getTimestamp(), businessDate, x.directiveId(), x.authorityBody(), new ArrayList<>(bodies),
                x.changes(), id.position().commit());

        // the authority and the entity's first bucket before the entry's bucket, which marks the event applied
        if (authority != null && authority.changed && !own) {
            buckets.put(authority.first);
        }
        if (n == 0) {
            buckets.put(first.with(entry));
        } else {
            if (firstChanged) {
                buckets.put(first);
            }
            buckets.put(bucket.with(entry));
        }
    }
}

package vn.ledger.projections.audit;

import org.bson.Document;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.StoredForm;

import java.util.ArrayList;
import java.util.List;

/**
 * A document of the audit collection: up to {@value AuditId#ENTITY_BUCKET} entries of one aggregate, bucket {@code n}
 * holding the sequence numbers [16 n, 16 n + 15], sorted. The first bucket (n = 0) also holds the entity's
 * {@code tail} (its highest bucket number) and the {@link Authority} its later events name. Stored in {@link #FORM}:
 * {@code _id} (aggregate id + "|" + n), {@code agg}, {@code aggType}, {@code n}, {@code tail} and {@code authority}
 * (first bucket only), {@code entries} (each in {@link StoredEntry#FORM}).
 *
 * @param agg     the aggregate id; null for an event without aggregate (its bucket id names a pseudo aggregate)
 * @param aggType the aggregate type; null until an event of the aggregate names it
 * @param tail    the highest bucket number of the entity (first bucket only, else null)
 */
record EntityBucket(String id, String agg, String aggType, int n, Integer tail, Authority authority,
                    List<StoredEntry> entries) {

    /**
     * The authority later events of an entity name: a directive's issuer and symbol (set by DirectiveIssued, the
     * symbol by a correction of it), a task's assigner and code (set by TaskAssigned). Stored as a sub-document of
     * its non-null fields.
     */
    record Authority(String issuer, String symbol, String assigner, String code) {

        static Authority directive(String issuer, String symbol) {
            return new Authority(issuer, symbol, null, null);
        }

        static Authority task(String assigner, String code) {
            return new Authority(null, null, assigner, code);
        }

        Authority symbol(String value) {
            return new Authority(issuer, value, assigner, code);
        }

        Document document() {
            Document d = new Document();
            put(d, "issuer", issuer);
            put(d, "symbol", symbol);
            put(d, "assigner", assigner);
            put(d, "code", code);
            return d;
        }

        static Authority of(Document d) {
            return d == null ? null : new Authority(d.getString("issuer"), d.getString("symbol"),
                    d.getString("assigner"), d.getString("code"));
        }

        private static void put(Document d, String key, String value) {
            if (value != null) {
                d.append(key, value);
            }
        }
    }

    static final StoredForm<EntityBucket> FORM = StoredForm.document(EntityBucket::document, EntityBucket::read, null);

    EntityBucket {
        entries = List.copyOf(entries);
    }

    /** An empty bucket; the first one of an entity with tail 0. */
    static EntityBucket empty(String bucketAgg, String agg, String aggType, int n) {
        return new EntityBucket(AuditId.bucketId(bucketAgg, n), agg, aggType, n, n == 0 ? 0 : null, null, List.of());
    }

    private Document document() {
        Document d = new Document("_id", id).append("agg", agg).append("aggType", aggType).append("n", n);
        if (tail != null) {
            d.append("tail", tail);
        }
        if (authority != null) {
            d.append("authority", authority.document());
        }
        List<Object> stored = new ArrayList<>(entries.size());
        for (StoredEntry e : entries) {
            stored.add(StoredEntry.FORM.held(e)); // packed when the document is written
        }
        return d.append("entries", stored);
    }

    private static EntityBucket read(Document d) {
        Object tail = d.get("tail");
        return new EntityBucket(d.getString("_id"), d.getString("agg"), d.getString("aggType"),
                (int) Docs.lng(d.get("n"), 0), tail == null ? null : (int) Docs.lng(tail, 0),
                Authority.of(Docs.doc(d, "authority")), StoredEntry.FORM.readAll(d.get("entries")));
    }

    /** Where the entry with this sequence number is, or would go ({@code -insertion point - 1}), as binarySearch. */
    int indexOf(long seq) {
        int size = entries.size();
        if (size == 0 || seq > entries.get(size - 1).seq()) {
            return -size - 1; // the usual case: the aggregate's next event
        }
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long s = entries.get(mid).seq();
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

    /** The entry with this sequence number and audit id, or null. */
    StoredEntry entry(long seq, String auditId) {
        int i = indexOf(seq);
        return i >= 0 && entries.get(i).id().equals(auditId) ? entries.get(i) : null;
    }

    /** This bucket with the entry in its place (it is not there yet). */
    EntityBucket with(StoredEntry entry) {
        int pos = -indexOf(entry.seq()) - 1;
        List<StoredEntry> more = new ArrayList<>(entries.size() + 1);
        more.addAll(entries.subList(0, pos));
        more.add(entry);
        more.addAll(entries.subList(pos, entries.size()));
        return new EntityBucket(id, agg, aggType, n, tail, authority, more);
    }

    EntityBucket withTail(int value) {
        return new EntityBucket(id, agg, aggType, n, value, authority, entries);
    }

    EntityBucket withAggType(String value) {
        return new EntityBucket(id, agg, value, n, tail, authority, entries);
    }

    EntityBucket withAuthority(Authority value) {
        return new EntityBucket(id, agg, aggType, n, tail, value, entries);
    }
}

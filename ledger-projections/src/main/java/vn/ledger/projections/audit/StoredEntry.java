package vn.ledger.projections.audit;

import org.bson.Document;
import vn.ledger.core.shared.Actor;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.SharedValues;
import vn.ledger.projections.store.Tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How an entry is kept in its entity bucket: one {@link Tuple} string (layouts 3 and 4), fields in this order: sequence
 * number, audit id, event id, event type, summary in Vietnamese and in English, actor (username, full name,
 * position, body), recorded at (epoch ms), business date, directive, authority body, bodies (their number, then
 * each), changes (their number, then field, old and new of each), position (layout 4: the
 * event's own commit position; layout 3: the tracking token's). A national rebuild writes a million entries; as sub-documents they were 23 million
 * values for the server to decode and store, as tuples they are one each.
 *
 * <p>An entry of layout 2 (a sub-document) reads too: after an upgrade the old generation answers, and its live
 * projection keeps appending, until the rebuild in the new layout replaces it.
 */
final class StoredEntry {

    private StoredEntry() {
    }

    static String pack(long seq, String id, String eventId, String type, String vi, String en, Actor actor,
                       Instant at, LocalDate businessDate, String directive, String authorityBody,
                       List<String> bodies, List<AuditEntry.Change> changes, Long position) {
        Tuple.Writer w = Tuple.writer().add(seq).add(id).add(eventId).add(type).add(vi).add(en);
        SharedValues.addActor(w, actor).add(at).add(Docs.iso(businessDate)).add(directive).add(authorityBody).addAll(bodies)
                .add(changes.size());
        for (AuditEntry.Change x : changes) {
            w.add(x.field()).add(x.oldValue()).add(x.newValue());
        }
        return w.add(position).toString();
    }

    /** The entry's sequence number in its aggregate's stream. */
    static long seq(Object entry) {
        if (entry instanceof String s) {
            return Long.parseLong(Tuple.first(s));
        }
        return Docs.lng(((Document) entry).get("seq"), -1);
    }

    /** The entry's audit id. */
    static String id(Object entry) {
        if (entry instanceof String s) {
            Tuple.Reader r = Tuple.reader(s);
            r.skip();
            return r.string();
        }
        return ((Document) entry).getString("id");
    }

    /** The whole entry, its entity named by the bucket that holds it. */
    static AuditEntry read(Document bucket, Object entry) {
        String agg = bucket.getString("agg");
        String aggType = bucket.getString("aggType");
        if (entry instanceof Document e) {
            return fromDocument(agg, aggType, e);
        }
        Tuple.Reader r = Tuple.reader((String) entry);
        long seq = r.lng();
        String id = r.string();
        String eventId = r.string();
        String type = r.string();
        String vi = r.string();
        String en = r.string();
        Actor actor = SharedValues.readActor(r);
        Instant at = r.instant();
        LocalDate businessDate = Docs.localDate(r.string());
        String directive = r.string();
        String authorityBody = r.string();
        List<String> bodies = r.strings();
        List<AuditEntry.Change> changes = new ArrayList<>();
        for (long n = r.lng(); n > 0; n--) {
            changes.add(new AuditEntry.Change(r.string(), r.string(), r.string()));
        }
        Long position = r.lngOrNull();
        return new AuditEntry(id, eventId, type, vi, en, actor, aggType, agg, agg == null ? null : seq, at,
                businessDate, directive, authorityBody, List.copyOf(bodies), List.copyOf(changes), position);
    }

    private static AuditEntry fromDocument(String agg, String aggType, Document e) {
        List<AuditEntry.Change> changes = new ArrayList<>();
        for (Document c : Docs.docs(e, "changes")) {
            changes.add(new AuditEntry.Change(c.getString("field"), c.getString("old"), c.getString("new")));
        }
        Object position = e.get("position");
        return new AuditEntry(e.getString("id"), e.getString("eventId"), e.getString("type"), e.getString("vi"),
                e.getString("en"), SharedValues.toActor(e.get("actor")), aggType, agg,
                agg == null ? null : Docs.lng(e.get("seq"), 0), Docs.instant(e.get("at")),
                Docs.localDate(e.get("businessDate")), e.getString("directive"), e.getString("authorityBody"),
                List.copyOf(Docs.strings(e, "bodies")), List.copyOf(changes),
                position == null ? null : Docs.lng(position, 0));
    }
}

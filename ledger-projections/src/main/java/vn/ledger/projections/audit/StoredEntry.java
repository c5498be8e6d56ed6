package vn.ledger.projections.audit;

import vn.ledger.core.shared.Actor;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.SharedValues;
import vn.ledger.projections.store.StoredForm;
import vn.ledger.projections.store.Tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An audit entry as its entity bucket ({@link EntityBucket}) holds it: the entry without its entity, which the
 * bucket names. Stored in {@link #FORM}, one packed string (layouts 3 to 5), fields in this order: sequence number,
 * audit id, event id, event type, summary in Vietnamese and in English, actor (username, full name, position, body),
 * recorded at (epoch ms), business date, directive, authority body, bodies (their number, then each), changes
 * (their number, then field, old and new of each), position (the event's own commit position). A national rebuild
 * writes a million entries; as sub-documents they were 23 million values for the server to decode and store, as
 * packed strings they are one each.
 *
 * @param seq      the sequence number in its aggregate's stream (0 for an event without aggregate)
 * @param id       the audit id ({@link AuditId})
 * @param position the position of the event's commit in the global log
 */
record StoredEntry(long seq, String id, String eventId, String type, String vi, String en, Actor actor, Instant at,
                   LocalDate businessDate, String directive, String authorityBody, List<String> bodies,
                   List<AuditEntry.Change> changes, Long position) {

    static final StoredForm<StoredEntry> FORM = StoredForm.packed(StoredEntry::write, StoredEntry::read, null);

    StoredEntry {
        bodies = List.copyOf(bodies);
        changes = List.copyOf(changes);
    }

    private static void write(Tuple.Writer w, StoredEntry e) {
        w.add(e.seq()).add(e.id()).add(e.eventId()).add(e.type()).add(e.vi()).add(e.en());
        SharedValues.addActor(w, e.actor()).add(e.at()).add(Docs.iso(e.businessDate())).add(e.directive())
                .add(e.authorityBody()).addAll(e.bodies()).add(e.changes().size());
        for (AuditEntry.Change x : e.changes()) {
            w.add(x.field()).add(x.oldValue()).add(x.newValue());
        }
        w.add(e.position());
    }

    private static StoredEntry read(Tuple.Reader r) {
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
        return new StoredEntry(seq, id, eventId, type, vi, en, actor, at, businessDate, directive, authorityBody,
                bodies, changes, r.lngOrNull());
    }

    /** The entry as the administrator's decoded-documents endpoint shows it: named as in {@link AuditEntry}. */
    Map<String, Object> shown() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sequenceNumber", seq);
        out.put("id", id);
        out.put("eventId", eventId);
        out.put("eventType", type);
        out.put("summaryVi", vi);
        out.put("summaryEn", en);
        out.put("actor", actor);
        out.put("recordedAt", at);
        out.put("businessDate", businessDate);
        out.put("directiveId", directive);
        out.put("authorityBodyCode", authorityBody);
        out.put("bodies", bodies);
        out.put("changes", changes);
        out.put("position", position);
        return out;
    }

    /** The entry of the trail, its entity named by the bucket that holds it. */
    AuditEntry entry(String agg, String aggType) {
        return new AuditEntry(id, eventId, type, vi, en, actor, aggType, agg, agg == null ? null : seq, at,
                businessDate, directive, authorityBody, bodies, changes, position);
    }
}

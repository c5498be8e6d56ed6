package vn.ledger.api.readside;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * The {@value #COLLECTION} collection: per read model one document ({@code _id} the model's key) naming its active
 * generation, the layout it was built with, the next generation number, a rebuild in progress and the last rebuild
 * that was switched to. A switch of generations is one replacement of this document.
 */
final class ReadModelMeta {

    static final String COLLECTION = "rm_meta";

    /**
     * A model's document.
     *
     * @param layout  the layout the active generation was built with (1 when the document predates layouts)
     * @param rebuild the rebuild in progress when the document was written, else null
     */
    record Stored(long active, String prefix, String processor, Instant activatedAt, int layout, long next,
                  Rebuild rebuild, Status.LastRebuild lastRebuild) {
    }

    /** @param activate switch to it once caught up (else wait for an operator) */
    record Rebuild(long generation, String prefix, boolean activate, Instant startedAt) {
    }

    private final MongoCollection<Document> meta;

    ReadModelMeta(MongoDatabase database) {
        this.meta = database.getCollection(COLLECTION);
    }

    Optional<Stored> load(ReadModel model) {
        Document d = meta.find(Filters.eq("_id", model.key())).first();
        if (d == null) {
            return Optional.empty();
        }
        Document r = d.get("rebuild", Document.class);
        Document last = d.get("lastRebuild", Document.class);
        return Optional.of(new Stored(num(d.get("active")), d.getString("prefix"), d.getString("processor"),
                instant(d.get("activatedAt")), d.get("layout") instanceof Number n ? n.intValue() : 1,
                num(d.get("next")),
                r == null ? null : new Rebuild(num(r.get("generation")), r.getString("prefix"),
                        r.getBoolean("activate", true), instant(r.get("startedAt"))),
                last == null ? null : new Status.LastRebuild(num(last.get("generation")), num(last.get("replaced")),
                        instant(last.get("startedAt")), instant(last.get("caughtUpAt")),
                        instant(last.get("activatedAt")), num(last.get("events")), num(last.get("position")))));
    }

    void save(ReadModel model, Stored s) {
        Document doc = new Document("_id", model.key())
                .append("active", s.active())
                .append("prefix", s.prefix())
                .append("processor", s.processor())
                .append("activatedAt", date(s.activatedAt()))
                .append("layout", s.layout())
                .append("next", s.next());
        if (s.rebuild() != null) {
            Rebuild r = s.rebuild();
            doc.append("rebuild", new Document("generation", r.generation()).append("prefix", r.prefix())
                    .append("activate", r.activate()).append("startedAt", date(r.startedAt())));
        }
        if (s.lastRebuild() != null) {
            Status.LastRebuild l = s.lastRebuild();
            doc.append("lastRebuild", new Document("generation", l.generation()).append("replaced", l.replaced())
                    .append("startedAt", date(l.startedAt())).append("caughtUpAt", date(l.caughtUpAt()))
                    .append("activatedAt", date(l.activatedAt())).append("events", l.events())
                    .append("position", l.position()));
        }
        meta.replaceOne(Filters.eq("_id", model.key()), doc, new ReplaceOptions().upsert(true));
    }

    private static long num(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }

    private static Instant instant(Object o) {
        return o instanceof Date d ? d.toInstant() : null;
    }

    private static Date date(Instant i) {
        return i == null ? null : Date.from(i);
    }
}

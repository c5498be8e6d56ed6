package vn.ledger.bench.http;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import vn.ledger.eventstore.CanonicalJson;
import vn.ledger.eventstore.EmbeddedMongo;
import vn.ledger.eventstore.MongoEventStorageEngine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw-driver baseline: one {@code insertOne} per command of a commit document the application really stored
 * (taken from its store after the warm-up, in the order they were written), with a fresh position, idempotency
 * key and stream keys, into the {@code events} collection of a fresh embedded server on its own file, with the
 * indexes the storage engine declares. So each insert carries the same unique-index work and the same bytes as the
 * application's commit; what the raw side leaves out is everything else a command does.
 */
final class RawInserts implements AutoCloseable {

    private final EmbeddedMongo server;
    private final MongoClient client;
    private final MongoCollection<Document> events;
    private final List<Document> templates;
    private final AtomicLong position = new AtomicLong();

    private RawInserts(EmbeddedMongo server, List<Document> templates) {
        this.server = server;
        this.client = MongoClients.create(server.connectionString());
        MongoDatabase db = client.getDatabase("raw");
        MongoEventStorageEngine.builder().database(db).eventSerializer(CanonicalJson.serializer())
                .snapshotSerializer(CanonicalJson.snapshotSerializer()).build().ensureIndexes();
        this.events = db.getCollection("events");
        this.templates = templates;
    }

    /** Opens the baseline on {@code dir} with the commits the application stored after position {@code after}. */
    static RawInserts open(Path dir, MongoDatabase application, long after) {
        List<Document> templates = new ArrayList<>();
        for (Document commit : application.getCollection("events").find(Filters.gt("_id", after))) {
            if (!commit.getList("ev", Document.class).isEmpty()) { // not a gap's tombstone
                templates.add(commit);
            }
        }
        templates.sort((a, b) -> Long.compare(a.getLong("_id"), b.getLong("_id")));
        if (templates.isEmpty()) {
            throw new IllegalStateException("the application stored no commit to copy");
        }
        return new RawInserts(EmbeddedMongo.persistent(dir), templates);
    }

    /** Inserts the next commit; a client takes the templates in turn, starting at its own offset. */
    String insert(int client, long n) {
        Document template = templates.get((int) ((client * 997L + n) % templates.size()));
        long p = position.incrementAndGet();
        Document commit = new Document("_id", p)
                .append("at", new Date())
                .append("k", template.getString("k").startsWith("@") ? "@" + p : template.getString("k") + "#" + p)
                .append("starts", template.getList("starts", String.class).stream().map(s -> s + "#" + p).toList())
                .append("ev", template.get("ev"));
        events.insertOne(commit);
        return null;
    }

    String describeTemplates() {
        long bytes = 0, events = 0;
        Map<String, Integer> types = new TreeMap<>();
        for (Document t : templates) {
            bytes += new RawBsonDocument(t, new DocumentCodec()).getByteBuffer().remaining();
            for (Document e : t.getList("ev", Document.class)) {
                events++;
                types.merge(String.valueOf(e.get("pt")).replaceAll(".*\\.", ""), 1, Integer::sum);
            }
        }
        return String.format("%,d commits of the warm-up, %.2f events and %,d bytes a commit on average; %s",
                templates.size(), (double) events / templates.size(), bytes / templates.size(), types);
    }

    long inserted() {
        return position.get();
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}

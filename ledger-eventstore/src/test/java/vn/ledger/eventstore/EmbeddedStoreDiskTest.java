package vn.ledger.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The persistent embedded store's file stays proportionate to its live documents while it runs. */
@DisplayName("Disk use of the embedded store's file")
class EmbeddedStoreDiskTest {

    /**
     * Beyond 3× the live documents: the store header (2 blocks), MVStore's layout and meta maps, the _id index of
     * each collection (about 50 bytes a document here), and the chunks of the last two commits, which MVStore never
     * rewrites: 256 KB, against 150 KB to 1.2 MB of live documents here.
     */
    private static final long ALLOWANCE = 256L * 1024;
    /** The file's bound, in live BSON bytes (issue 11). */
    private static final int BOUND = 3;

    @Test
    @DisplayName("given inserts, growing documents rewritten whole and dropped collections, "
            + "when the store runs, then the file comes back within 3x the live BSON and everything reads back after a restart")
    void churn(@TempDir Path dir) {
        Map<String, Map<String, Document>> expected = new HashMap<>();
        long worstFile = 0;
        double worstRatio = 0;
        try (EmbeddedMongo server = EmbeddedMongo.persistent(dir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("churn");
            MongoCollection<Document> events = db.getCollection("events");
            MongoCollection<Document> models = db.getCollection("models");
            Map<String, Document> liveEvents = expected.computeIfAbsent("events", k -> new HashMap<>());
            Map<String, Document> liveModels = expected.computeIfAbsent("models", k -> new HashMap<>());
            int seq = 0;
            for (int round = 0; round < 8; round++) {
                // a generation of read models, rebuilt and then dropped
                MongoCollection<Document> generation = db.getCollection("generation" + round);
                List<Document> batch = new ArrayList<>();
                for (int i = 0; i < 1_500; i++) {
                    batch.add(new Document("_id", "g" + i).append("body", "x".repeat(600)).append("round", round));
                }
                generation.insertMany(batch);
                for (int i = 0; i < 300; i++) {
                    Document event = new Document("_id", "e" + seq).append("seq", seq)
                            .append("payload", "p" + seq + "-".repeat(400));
                    events.insertOne(event);
                    liveEvents.put("e" + seq, event);
                    seq++;
                    // a few read models that grow with every event, rewritten whole
                    String id = "m" + (i % 12);
                    Document model = liveModels.getOrDefault(id, new Document("_id", id).append("items", new ArrayList<String>()));
                    List<String> items = new ArrayList<>(model.getList("items", String.class));
                    items.add("event " + seq + " " + "y".repeat(40));
                    Document next = new Document("_id", id).append("items", items).append("count", items.size());
                    models.replaceOne(Filters.eq("_id", id), next, new ReplaceOptions().upsert(true));
                    liveModels.put(id, next);
                }
                generation.drop();
                long live = liveBson(db);
                System.out.printf("round %d before: file %,d bytes, live BSON %,d bytes; %s%n", round, size(dir), live,
                        server.storeState());
                long t0 = System.nanoTime();
                // a chunk left at the end of the file that no hole can take whole leaves it in parts (LivePageMover);
                // before that, about one run in five settled at 3.7x here
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                        .until(() -> size(dir) <= BOUND * live + ALLOWANCE);
                worstFile = Math.max(worstFile, size(dir));
                worstRatio = Math.max(worstRatio, (double) size(dir) / live);
                System.out.printf("round %d after %d ms: file %,d bytes, live BSON %,d bytes, ratio %.2f; %s%n", round,
                        (System.nanoTime() - t0) / 1_000_000, size(dir),
                        live, (double) size(dir) / live, server.storeState());
            }
            EmbeddedMongo.CommitCounts counts = server.commitCounts();
            System.out.printf("commits %,d for %,d write commands; worst ratio %.2f%n", counts.commits(),
                    counts.writeCommands(), worstRatio);
        }
        try (EmbeddedMongo server = EmbeddedMongo.persistent(dir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("churn");
            for (Map.Entry<String, Map<String, Document>> c : expected.entrySet()) {
                Map<String, Document> read = new HashMap<>();
                db.getCollection(c.getKey()).find().forEach(d -> read.put(d.getString("_id"), d));
                assertThat(read).as(c.getKey()).isEqualTo(c.getValue());
            }
            assertThat(db.listCollectionNames().into(new ArrayList<>())).containsExactlyInAnyOrder("events", "models");
        }
        assertThat(worstFile).isPositive();
    }

    static long liveBson(MongoDatabase db) {
        long sum = 0;
        for (String name : db.listCollectionNames()) {
            for (RawBsonDocument d : db.getCollection(name, RawBsonDocument.class).find()) {
                sum += d.getByteBuffer().remaining();
            }
        }
        return sum;
    }

    static long size(Path dir) throws java.io.UncheckedIOException {
        try {
            return Files.size(dir.resolve("ledger.mv"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package vn.ledger.bench.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.RawBsonDocument;
import vn.ledger.eventstore.EmbeddedStoreProbe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The persistent embedded store under concurrent writers: each of 1, 8 and 32 client threads inserts commit-like
 * documents (~1 KB) and every tenth time rewrites one of a few growing documents whole. Prints inserts/s, p50/p95
 * of an insert, file commits per write command, the file's bytes against the live documents' BSON, for group
 * commit and for one commit per write (the behaviour before), each on a fresh file.
 *
 * <pre>mvn -q -B install -DskipTests && mvn -q -B -pl ledger-bench exec:exec \
 *   -Dbench.main=vn.ledger.bench.store.EmbeddedDiskBenchmark -Dbench.events=4000</pre>
 * ({@code bench.events}: inserts per client count)
 */
public final class EmbeddedDiskBenchmark {

    private EmbeddedDiskBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int inserts = Integer.getInteger("bench.events", 4_000);
        if (inserts > 100_000) {
            inserts = 4_000; // the pom's default for the replay benchmark
        }
        System.out.printf(Locale.ROOT, "%-18s %7s %9s %8s %8s %13s %12s %12s %6s%n", "mode", "clients", "inserts/s",
                "p50 ms", "p95 ms", "commits/write", "file bytes", "live BSON", "ratio");
        System.out.println("(warm-up run, not printed)");
        run(false, 8, inserts / 2, false);
        for (boolean eachWrite : new boolean[]{false, true}) {
            for (int clients : new int[]{1, 8, 32}) {
                run(eachWrite, clients, inserts, true);
            }
        }
    }

    private static void run(boolean eachWrite, int clients, int inserts, boolean print) throws Exception {
        Path dir = Files.createTempDirectory("ledger-diskbench");
        try (EmbeddedStoreProbe store = EmbeddedStoreProbe.persistent(dir, eachWrite);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoDatabase db = client.getDatabase("bench");
            MongoCollection<Document> events = db.getCollection("events");
            MongoCollection<Document> models = db.getCollection("models");
            events.insertOne(new Document("_id", "warm-up"));
            long[] commitsBefore = store.counts();
            long[] latencies = new long[inserts];
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> futures = new ArrayList<>();
            int perClient = inserts / clients;
            long t0 = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                int client0 = c;
                futures.add(pool.submit(() -> {
                    StringBuilder grown = new StringBuilder();
                    for (int i = 0; i < perClient; i++) {
                        int n = client0 * perClient + i;
                        long s = System.nanoTime();
                        events.insertOne(commitLike(n));
                        latencies[n] = System.nanoTime() - s;
                        if (i % 10 == 9) {
                            grown.append("event-").append(n).append(" recorded; ");
                            String id = "model-" + (client0 % 4) + "-" + client0;
                            models.replaceOne(new Document("_id", id), new Document("_id", id)
                                    .append("log", grown.toString()), new ReplaceOptions().upsert(true));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            long done = (long) perClient * clients;
            long[] sorted = Arrays.copyOf(latencies, (int) done);
            Arrays.sort(sorted);
            long[] after = store.counts();
            double commitsPerWrite = (double) (after[0] - commitsBefore[0]) / (after[1] - commitsBefore[1]);
            Thread.sleep(1_000); // let the maintenance step catch up, as a running service would
            long live = 0;
            for (String name : db.listCollectionNames()) {
                for (RawBsonDocument d : db.getCollection(name, RawBsonDocument.class).find()) {
                    live += d.getByteBuffer().remaining();
                }
            }
            long file = Files.size(dir.resolve("ledger.mv"));
            if (print) System.out.printf(Locale.ROOT, "%-18s %7d %9.0f %8.2f %8.2f %13.3f %,12d %,12d %6.2f%n",
                    eachWrite ? "commit each write" : "group commit", clients, done / seconds,
                    sorted[(int) (done * 0.50)] / 1e6, sorted[(int) (done * 0.95)] / 1e6, commitsPerWrite, file, live,
                    (double) file / live);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("could not delete " + dir + ": " + e);
            }
        }
    }

    private static Document commitLike(int n) {
        return new Document("_id", "evt-" + n).append("aggregateIdentifier", "agg-" + (n % 97))
                .append("sequenceNumber", (long) n).append("type", "TaskReported")
                .append("timestamp", "2025-10-30T08:00:00Z").append("payloadType", "vn.ledger.core.TaskReported")
                .append("payload", "{\"report\":\"" + "r".repeat(700) + n + "\"}")
                .append("metaData", "{\"actor\":\"most.officer\"}");
    }
}

package vn.ledger.bench.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import vn.ledger.eventstore.EmbeddedMongo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a bulk insert costs the embedded server on its scratch file, by the shape of the documents: many small fields,
 * the same characters in one string, ten such documents nested in one, fewer fields. Prints documents and elements
 * per second for each shape, twice (the first round warms up), so a change to the server's storage can be compared
 * on the same machine in the same run.
 *
 * <pre>mvn -q -B install -DskipTests && mvn -q -B -pl ledger-bench exec:exec \
 *   -Dbench.main=vn.ledger.bench.store.EmbeddedInsertBenchmark -Dbench.docs=300000</pre>
 */
public final class EmbeddedInsertBenchmark {

    private EmbeddedInsertBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int docs = Integer.getInteger("bench.docs", 300_000);
        Path dir = Files.createTempDirectory("ledger-insertbench");
        try (EmbeddedMongo server = EmbeddedMongo.scratchFile(dir, 1_024);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("bench");
            System.out.println("backend: " + server.description());
            for (int round = 0; round < 2; round++) {
                run(db, "20 fields", docs, 1, 20, false, round);
                run(db, "20 values in one string", docs, 1, 20, true, round);
                run(db, "10 x 20 fields nested", docs / 10, 10, 20, false, round);
                run(db, "10 x 20 values in one string", docs / 10, 10, 20, true, round);
                run(db, "5 fields", docs, 1, 5, false, round);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(MongoDatabase db, String shape, int docs, int group, int fields, boolean packed,
                            int round) {
        MongoCollection<Document> c = db.getCollection("shape" + shape.hashCode() + "_" + round);
        long t0 = System.nanoTime();
        List<Document> batch = new ArrayList<>(1_000);
        for (int i = 0; i < docs; i++) {
            Document d = new Document("_id", "id-" + i);
            if (packed) {
                StringBuilder sb = new StringBuilder();
                for (int g = 0; g < group; g++) {
                    for (int f = 0; f < fields; f++) {
                        sb.append("value").append(f).append(i).append('\u001f');
                    }
                }
                d.append("v", sb.toString());
            } else if (group == 1) {
                for (int f = 0; f < fields; f++) {
                    d.append("f" + f, "value" + f + i);
                }
            } else {
                List<Document> items = new ArrayList<>();
                for (int g = 0; g < group; g++) {
                    Document item = new Document();
                    for (int f = 0; f < fields; f++) {
                        item.append("f" + f, "value" + f + i);
                    }
                    items.add(item);
                }
                d.append("items", items);
            }
            batch.add(d);
            if (batch.size() == 1_000) {
                c.insertMany(batch, new InsertManyOptions().ordered(false));
                batch = new ArrayList<>(1_000);
            }
        }
        if (!batch.isEmpty()) {
            c.insertMany(batch);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        long elements = (long) docs * (packed ? 2 : 1 + (long) group * fields + (group > 1 ? group + 1 : 0));
        System.out.printf(Locale.ROOT, "round %d  %-30s %,9d docs  %6.1f s  %,9.0f docs/s  %,11.0f elements/s%s%n",
                round + 1, shape, docs, s, docs / s, elements / s, round == 0 ? "  (warm-up)" : "");
    }
}

package vn.ledger.bench.cascade;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import vn.ledger.bench.TempDirs;
import vn.ledger.eventstore.CanonicalJson;
import vn.ledger.eventstore.EmbeddedStoreProbe;
import vn.ledger.eventstore.MongoEventStorageEngine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The application's store mode ({@code file}) during a sustained load of the national cascade through the storage
 * engine and after it: every {@value #SAMPLE_MILLIS} ms the file's bytes against the BSON bytes of the live documents
 * (the server's {@code collStats} sizes), printed every few samples; then the peak and mean ratio while loading
 * (from the tenth second: before it the store's fixed part weighs against little data) and the ratio 1, 5, 15 and 30 s
 * after the load.
 *
 * <pre>mvn -q -B install -DskipTests && mvn -q -B -pl ledger-bench exec:exec \
 *   -Dbench.main=vn.ledger.bench.cascade.CascadeDiskBenchmark -Dbench.scale=0.02</pre>
 * ({@code bench.writers}: appending threads, default 4)
 */
public final class CascadeDiskBenchmark {

    private static final long SAMPLE_MILLIS = 2_000;

    private CascadeDiskBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double scale = Double.parseDouble(System.getProperty("bench.scale", "0.02"));
        long seed = Long.getLong("bench.seed", 22);
        String writersProperty = System.getProperty("bench.writers", "");
        int writers = writersProperty.isBlank() ? 4 : Integer.parseInt(writersProperty);
        NationalCascade cascade = NationalCascade.generate(scale, seed, 4);
        System.out.printf(Locale.ROOT, "national cascade at scale %.3f: %,d events in %,d commits, %d writers%n", scale,
                cascade.eventCount(), cascade.commits().size(), writers);
        Path dir = TempDirs.create("ledger-cascadedisk");
        try (EmbeddedStoreProbe server = EmbeddedStoreProbe.persistent(dir, false);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("diskbench");
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(db)
                    .eventSerializer(CanonicalJson.serializer()).snapshotSerializer(CanonicalJson.snapshotSerializer())
                    .build();
            engine.ensureIndexes();
            Path file = dir.resolve("ledger.mv");
            Sampler sampler = new Sampler(db, file);
            Thread sampling = new Thread(sampler, "disk-sampler");
            sampling.setDaemon(true);
            sampling.start();
            CascadeLoader.Result load = CascadeLoader.load(engine, cascade, writers, seed);
            sampler.running.set(false);
            sampling.join();
            long stopped = System.nanoTime();
            double[] after = new double[4];
            long[] at = {1, 5, 15, 30};
            for (int i = 0; i < at.length; i++) {
                Thread.sleep(Math.max(0, (stopped + at[i] * 1_000_000_000L - System.nanoTime()) / 1_000_000));
                after[i] = (double) Files.size(file) / live(db);
            }
            System.out.printf(Locale.ROOT, "load %,.0f events/s (%,d events in %.1f s); file / live BSON while loading: "
                            + "peak %.2f, mean %.2f (%d samples); after the load: %.2f (1 s), %.2f (5 s), %.2f (15 s), "
                            + "%.2f (30 s); file %,d bytes, live BSON %,d bytes; %s%n", load.rate(), load.events(),
                    load.seconds(), sampler.peak, sampler.sum / Math.max(1, sampler.count), sampler.count, after[0],
                    after[1], after[2], after[3], Files.size(file), live(db), server.storeState());
        } finally {
            TempDirs.delete(dir);
        }
    }

    /** BSON bytes of the live documents, as the server measures them ({@code collStats}). */
    static long live(MongoDatabase db) {
        long sum = 0;
        for (String name : db.listCollectionNames()) {
            Document stats = db.runCommand(new Document("collStats", name));
            sum += ((Number) stats.get("size")).longValue();
        }
        return Math.max(1, sum);
    }

    private static final class Sampler implements Runnable {
        final AtomicBoolean running = new AtomicBoolean(true);
        private final MongoDatabase db;
        private final Path file;
        double peak;
        double sum;
        int count;

        Sampler(MongoDatabase db, Path file) {
            this.db = db;
            this.file = file;
        }

        @Override
        public void run() {
            long t0 = System.nanoTime();
            int n = 0;
            while (running.get()) {
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                    long bytes = Files.size(file);
                    long live = live(db);
                    double ratio = (double) bytes / live;
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    if (seconds >= 10) {
                        peak = Math.max(peak, ratio);
                        sum += ratio;
                        count++;
                    }
                    if (n++ % 3 == 0) {
                        System.out.printf(Locale.ROOT, "  %5.0f s: file %,14d bytes, live BSON %,12d, ratio %.2f%n",
                                seconds, bytes, live, ratio);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    System.out.println("  sample failed: " + e);
                }
            }
        }
    }
}

package vn.ledger.bench.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import vn.ledger.bench.TempDirs;
import vn.ledger.eventstore.EmbeddedStoreProbe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The persistent embedded store's file against its live documents during sustained writes and after them: 8 client
 * threads (or {@code bench.clients} if one number) each, for {@code bench.seconds}, insert a commit-like document
 * (~1 KB, two secondary indexes; its 700-character report one letter repeated, or with {@code -Dbench.payload=random}
 * random letters, which page compression cannot shrink), rewrite whole a read-model bucket document that grows to 64 items before the next
 * bucket starts (the shape of the bucketed read models), and update a small token document. The live BSON is counted
 * as written (checked by a scan at the end). Prints the file / live ratio every few seconds, its peak and mean while
 * writing, and after the writes stop (1, 5 and 15 s), with the write rate.
 *
 * <pre>mvn -q -B install -DskipTests && mvn -q -B -pl ledger-bench exec:exec \
 *   -Dbench.main=vn.ledger.bench.store.EmbeddedDiskSustainedBenchmark -Dbench.seconds=60 -Dbench.clients=8</pre>
 */
public final class EmbeddedDiskSustainedBenchmark {

    private static final DocumentCodec CODEC = new DocumentCodec();
    private static final int BUCKET_ITEMS = 64;
    private static boolean randomPayload;

    private EmbeddedDiskSustainedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 60);
        randomPayload = "random".equals(System.getProperty("bench.payload"));
        String clientsProperty = System.getProperty("bench.clients", "8");
        int clients = clientsProperty.matches("\\d+") ? Integer.parseInt(clientsProperty) : 8;
        Path dir = TempDirs.create("ledger-disksustained");
        try {
            run(dir, clients, seconds);
        } finally {
            TempDirs.delete(dir);
        }
    }

    private static void run(Path dir, int clients, int seconds) throws Exception {
        Path file = dir.resolve("ledger.mv");
        Live live = new Live();
        try (EmbeddedStoreProbe store = EmbeddedStoreProbe.persistent(dir, false);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoDatabase db = client.getDatabase("bench");
            MongoCollection<Document> events = db.getCollection("events");
            events.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"), new IndexOptions().unique(true));
            events.createIndex(Indexes.ascending("position"), new IndexOptions().unique(true));
            MongoCollection<Document> models = db.getCollection("models");
            MongoCollection<Document> tokens = db.getCollection("tokens");
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicLong ops = new AtomicLong();
            AtomicLong position = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> futures = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                int clientNo = c;
                futures.add(pool.submit(() -> {
                    Map<String, Document> buckets = new java.util.HashMap<>();
                    long n = 0;
                    while (writing.get()) {
                        long pos = position.incrementAndGet();
                        String aggregate = "agg-" + clientNo + "-" + (n % 50);
                        Document event = commitLike(pos, aggregate, n / 50);
                        events.insertOne(event);
                        live.put("e" + pos, event);
                        String bucketId = "model-" + aggregate + "-" + (n / 50 / BUCKET_ITEMS);
                        Document bucket = buckets.computeIfAbsent(bucketId,
                                id -> new Document("_id", id).append("items", new ArrayList<String>()));
                        bucket.getList("items", String.class).add("report " + pos + " by most.officer " + "r".repeat(60));
                        models.replaceOne(new Document("_id", bucketId), bucket, new ReplaceOptions().upsert(true));
                        live.put("m" + bucketId, bucket);
                        if (bucket.getList("items", String.class).size() >= BUCKET_ITEMS) {
                            buckets.remove(bucketId);
                        }
                        Document token = new Document("_id", "processor-" + clientNo).append("position", pos)
                                .append("owner", "node-1");
                        tokens.replaceOne(new Document("_id", token.getString("_id")), token,
                                new ReplaceOptions().upsert(true));
                        live.put("t" + clientNo, token);
                        ops.incrementAndGet();
                        n++;
                    }
                    return null;
                }));
            }
            System.out.printf(Locale.ROOT, "%d clients writing for %d s (each op: 1 event insert, 1 bucket rewrite, "
                    + "1 token update)%n%8s %10s %14s %14s %7s%n", clients, seconds, "second", "ops", "file bytes",
                    "live BSON", "ratio");
            Stats during = new Stats();
            long deadline = t0 + seconds * 1_000_000_000L;
            long nextPrint = t0;
            while (System.nanoTime() < deadline) {
                Thread.sleep(250);
                double ratio = (double) Files.size(file) / live.bytes();
                // the first seconds hold the store's fixed part (header, layout) against little data
                if (System.nanoTime() - t0 > 5_000_000_000L) {
                    during.add(ratio);
                }
                if (System.nanoTime() >= nextPrint) {
                    nextPrint += 5_000_000_000L;
                    System.out.printf(Locale.ROOT, "%8.1f %,10d %,14d %,14d %7.2f  %s%n", (System.nanoTime() - t0) / 1e9,
                            ops.get(), Files.size(file), live.bytes(), ratio, store.storeState());
                }
            }
            writing.set(false);
            for (Future<?> f : futures) {
                f.get();
            }
            double writeSeconds = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            long stopped = System.nanoTime();
            double[] after = new double[3];
            long[] at = {1, 5, 15};
            for (int i = 0; i < at.length; i++) {
                Thread.sleep(Math.max(0, stopped + at[i] * 1_000_000_000L - System.nanoTime()) / 1_000_000);
                after[i] = (double) Files.size(file) / live.bytes();
            }
            long scanned = scan(db);
            System.out.println("store: " + store.storeState());
            System.out.printf(Locale.ROOT, "ops/s %.0f (%,d ops in %.1f s); ratio while writing: peak %.2f, mean %.2f; "
                            + "after the writes stopped: %.2f (1 s), %.2f (5 s), %.2f (15 s); live BSON %,d counted, "
                            + "%,d scanned; file %,d bytes%n", ops.get() / writeSeconds, ops.get(), writeSeconds,
                    during.peak, during.mean(), after[0], after[1], after[2], live.bytes(), scanned, Files.size(file));
        }
    }

    private static long scan(MongoDatabase db) {
        long sum = 0;
        for (String name : db.listCollectionNames()) {
            for (RawBsonDocument d : db.getCollection(name, RawBsonDocument.class).find()) {
                sum += d.getByteBuffer().remaining();
            }
        }
        return sum;
    }

    private static Document commitLike(long position, String aggregate, long sequence) {
        return new Document("_id", "evt-" + position).append("aggregateIdentifier", aggregate)
                .append("sequenceNumber", sequence).append("position", position).append("type", "TaskReported")
                .append("timestamp", "2025-10-30T08:00:00Z").append("payloadType", "vn.ledger.core.TaskReported")
                .append("payload", "{\"report\":\"" + report() + position + "\"}")
                .append("metaData", "{\"actor\":\"most.officer\"}");
    }

    private static String report() {
        if (!randomPayload) {
            return "r".repeat(700);
        }
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        char[] letters = new char[700];
        for (int i = 0; i < letters.length; i++) {
            letters[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(letters);
    }

    /** BSON bytes of the live documents, as the clients wrote them. */
    private static final class Live {
        private final Map<String, Integer> sizes = new ConcurrentHashMap<>();
        private final AtomicLong bytes = new AtomicLong();

        void put(String key, Document document) {
            int size = new RawBsonDocument(document, CODEC).getByteBuffer().remaining();
            Integer before = sizes.put(key, size);
            bytes.addAndGet(size - (before == null ? 0 : before));
        }

        long bytes() {
            return Math.max(1, bytes.get());
        }
    }

    private static final class Stats {
        double peak;
        double sum;
        int count;

        void add(double ratio) {
            peak = Math.max(peak, ratio);
            sum += ratio;
            count++;
        }

        double mean() {
            return count == 0 ? 0 : sum / count;
        }
    }
}

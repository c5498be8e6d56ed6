package vn.ledger.bench.cascade;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.bson.Document;
import vn.ledger.bench.TempDirs;
import vn.ledger.core.proof.NoteSigner;
import vn.ledger.eventstore.CanonicalJson;
import vn.ledger.eventstore.EmbeddedMongo;
import vn.ledger.eventstore.MongoEventStorageEngine;
import vn.ledger.eventstore.proof.Checkpoints;
import vn.ledger.eventstore.proof.LogTree;
import vn.ledger.eventstore.proof.LogVerifier;
import vn.ledger.eventstore.proof.StoredCheckpoint;
import vn.ledger.eventstore.proof.VerifyReport;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The verifiable log on the national cascade, on the application's own store mode ({@code file}: the embedded
 * server's H2 MVStore file, committed after every write): loads the cascade ({@link CascadeLoader}), then measures in
 * one run, each against a raw read of the same commit documents ({@code $in} on {@code _id}, 512 positions a window,
 * every event's payload touched), taken before and after:
 * <ul>
 *   <li>building the log's tree from scratch ({@link LogTree#rebuild}: read, leaf bytes, SHA-256, nodes written);</li>
 *   <li>verifying the whole store ({@link LogVerifier#verify}: every leaf recomputed and compared with the kept one,
 *   aggregate order, every checkpoint's signature, root and consistency).</li>
 * </ul>
 * <pre>
 * mvn -q -B -Dmaven.repo.local=… -pl ledger-bench -am package -DskipTests &amp;&amp; mvn -q -B -Dmaven.repo.local=… \
 *     -pl ledger-bench exec:exec -Dbench.main=vn.ledger.bench.cascade.ProofBenchmark -Dbench.scale=0.02
 * </pre>
 * Properties: {@code bench.scale} (1.0 national; the file mode loads a few hundred commits a second, so scale 1 takes
 * about an hour to load), {@code bench.seed}, {@code bench.writers} (default 4), {@code bench.backend} ({@code file}, or
 * {@code scratch} to load the national scale in minutes; the tree and the verification read the same documents). The data directory is deleted after.
 */
public final class ProofBenchmark {

    private static final int WINDOW = 512;

    private ProofBenchmark() {
    }

    record Rate(long commits, long events, double seconds) {
        double commitsPerSecond() {
            return commits / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        double scale = Double.parseDouble(System.getProperty("bench.scale", "1.0"));
        long seed = Long.getLong("bench.seed", 22);
        String writersProperty = System.getProperty("bench.writers", "");
        int writers = writersProperty.isBlank() ? 4 : Integer.parseInt(writersProperty);

        NationalCascade cascade = NationalCascade.generate(scale, seed, 4);
        System.out.printf(Locale.ROOT, "national cascade at scale %.3f (seed %d): %,d commits, %,d events%n", scale, seed,
                cascade.commits().size(), cascade.eventCount());
        Path dir = TempDirs.create("ledger-proofbench");
        // scratch: the same H2 file committed every 30 s, so that the national scale loads in minutes, not an hour;
        // building the tree and verifying only read, so they read the same stored documents either way
        boolean scratch = "scratch".equals(System.getProperty("bench.backend", "file"));
        int cacheMb = (int) Math.max(64, Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024));
        try (EmbeddedMongo server = scratch ? EmbeddedMongo.scratchFile(dir, cacheMb) : EmbeddedMongo.persistent(dir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            System.out.println(scratch
                    ? "backend: embedded MongoDB-wire server, H2 MVStore file " + dir + "/ledger.mv, committed every 30 s "
                    + "(`scratch`: NOT the application's mode; loads faster, the reads measured are the same)"
                    : "backend: embedded MongoDB-wire server, H2 MVStore file " + dir
                    + "/ledger.mv, committed after every write command (the application's default, `file`)");
            MongoDatabase db = client.getDatabase("proofbench");
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(db)
                    .eventSerializer(CanonicalJson.serializer()).snapshotSerializer(CanonicalJson.snapshotSerializer())
                    .build();
            engine.ensureIndexes();
            CascadeLoader.Result load = CascadeLoader.load(engine, cascade, writers, seed);
            System.out.printf(Locale.ROOT, "loaded %,d events in %,d commits in %.1f s (%d writers)%n", load.events(),
                    load.commits(), load.seconds(), load.writers());
            cascade.dropCommits();
            MongoCollection<Document> commits = db.getCollection("events");

            Rate rawBefore = rawRead(commits);
            LogTree tree = new LogTree(db);
            long t0 = System.nanoTime();
            long size = tree.rebuild(p -> { });
            double buildSeconds = (System.nanoTime() - t0) / 1e9;
            Checkpoints checkpoints = new Checkpoints(db, "", tree, NoteSigner.generate("bench.local/log"),
                    Clock.systemUTC());
            StoredCheckpoint checkpoint = checkpoints.make();
            LogVerifier verifier = new LogVerifier(db, "", checkpoints, checkpoints.signer().verifier(),
                    () -> ((GapAwareTrackingToken) engine.createHeadToken()).getIndex(), Clock.systemUTC());
            t0 = System.nanoTime();
            VerifyReport report = verifier.verify((position, end) -> { });
            double verifySeconds = (System.nanoTime() - t0) / 1e9;
            Rate rawAfter = rawRead(commits);

            double raw = Math.max(rawBefore.commitsPerSecond(), rawAfter.commitsPerSecond());
            System.out.printf(Locale.ROOT, "%nraw read of the commit documents: %,.0f commits/s before, %,.0f after "
                            + "(%,d commits, %,d events; the faster is the baseline)%n",
                    rawBefore.commitsPerSecond(), rawAfter.commitsPerSecond(), rawBefore.commits(), rawBefore.events());
            System.out.printf(Locale.ROOT, "tree built from scratch: %,d leaves in %.2f s = %,.0f commits/s, "
                    + "ratio to the raw read %.2f%n", size, buildSeconds, size / buildSeconds, size / buildSeconds / raw);
            System.out.printf(Locale.ROOT, "checkpoint signed at size %,d%n", checkpoint.size());
            System.out.printf(Locale.ROOT, "store verified: %,d positions in %.2f s = %,.0f commits/s, ratio to the "
                            + "raw read %.2f; result %s%n", report.checked(), verifySeconds,
                    report.checked() / verifySeconds, report.checked() / verifySeconds / raw,
                    report.ok() ? "no problem" : "PROBLEM " + report.firstProblem());
            System.out.println("(the 1-minute load average of the machine at the end: " + Progress.loadAverage()
                    + "; it has " + Runtime.getRuntime().availableProcessors() + " cores, shared with other processes)");
        } finally {
            TempDirs.delete(dir);
        }
    }

    /** Every commit document by {@code $in} on {@code _id}, in windows of positions, each event's payload touched. */
    static Rate rawRead(MongoCollection<Document> commits) {
        long t0 = System.nanoTime();
        long seen = 0;
        long events = 0;
        long checksum = 0;
        for (long from = 1; ; from += WINDOW) {
            List<Long> ids = new ArrayList<>(WINDOW);
            for (long p = from; p < from + WINDOW; p++) {
                ids.add(p);
            }
            int found = 0;
            for (Document commit : commits.find(Filters.in("_id", ids))) {
                found++;
                for (Document e : commit.getList("ev", Document.class)) {
                    checksum += e.getString("p").length();
                    events++;
                }
            }
            seen += found;
            if (found < WINDOW) {
                break;
            }
        }
        if (checksum == 42) {
            System.out.print(""); // keeps the payload reads from being optimised away
        }
        return new Rate(seen, events, (System.nanoTime() - t0) / 1e9);
    }
}

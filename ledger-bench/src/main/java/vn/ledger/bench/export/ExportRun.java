package vn.ledger.bench.export;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import vn.ledger.archive.CheckpointSigning;
import vn.ledger.archive.ExportScope;
import vn.ledger.archive.Exporter;
import vn.ledger.core.proof.NoteSigner;
import vn.ledger.eventstore.CommitLog;
import vn.ledger.eventstore.EmbeddedMongo;
import vn.ledger.verify.BundleVerifier;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The measured side of {@link ExportBenchmark}, in a JVM of its own with a small heap that also holds the embedded
 * server: raw read, export of the central directive's whole cascade, raw read again, verification of the bundle.
 * The raw read is the driver reading the same commit documents in the same windows of {@code $in} on {@code _id},
 * decoding them and touching every event, and nothing else.
 */
public final class ExportRun {

    static final String DATABASE = "exportbench";

    private ExportRun() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String root = args[1];
        try (EmbeddedMongo server = EmbeddedMongo.scratchFile(dir, 32);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase(DATABASE);
            CommitLog log = new CommitLog(db);
            long head = log.head();
            double[] raw1 = rawRead(db.getCollection("events"), head);
            NoteSigner signer = NoteSigner.generate("bench.ledger.local-log");
            Path bundle = dir.resolve("bundle.zip");
            Exporter exporter = new Exporter(log, CheckpointSigning.with(signer, "bench.ledger.local/log"),
                    dir.resolve("tmp"), Clock.systemUTC(), Duration.ofSeconds(15));
            System.gc();
            resetPeaks();
            HeapSampler sampler = new HeapSampler();
            LiveHeap live = new LiveHeap();
            sampler.start();
            long t0 = System.nanoTime();
            java.util.Map<String, Long> phases = new java.util.LinkedHashMap<>();
            Exporter.Summary summary;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(bundle), 1 << 16)) {
                summary = exporter.export(new ExportScope.Cascade(root),
                        new Exporter.Requester("bench", "Benchmark", "Lưu trữ viên", "VPTW"), "bench", out,
                        p -> {
                            live.at(p);
                            phases.putIfAbsent(p.phase(), System.nanoTime() - live.nanos);
                        });
            }
            double exportSeconds = (System.nanoTime() - t0 - live.nanos) / 1e9;
            sampler.interrupt();
            sampler.join();
            long left;
            try (var files = Files.walk(dir.resolve("tmp"))) {
                left = files.filter(Files::isRegularFile).count();
            }
            System.out.println("temporary files the export left behind: " + left);
            long liveAfterGc = sampler.live;
            double[] raw2 = rawRead(db.getCollection("events"), head);
            long t1 = System.nanoTime();
            BundleVerifier.Report report = BundleVerifier.verify(bundle, signer.verifier());
            double verifySeconds = (System.nanoTime() - t1) / 1e9;

            double rawRate = Math.max(raw1[0] / raw1[1], raw2[0] / raw2[1]);
            double exportRate = summary.events() / exportSeconds;
            System.out.printf(Locale.ROOT, "%nlog: %,d commits, %,d events; heap limit %,d MB (server included)%n",
                    head, (long) raw1[0], Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf(Locale.ROOT, "raw read (driver, windows of 512 positions): %.1f s then %.1f s -> "
                    + "%,.0f events/s (the faster)%n", raw1[1], raw2[1], rawRate);
            System.out.printf(Locale.ROOT, "export of the central directive's cascade: %,d commits, %,d events, "
                    + "%,d aggregates, %,d documents, %d PDF volume(s) in %.1f s -> %,.0f events/s; ratio to raw %.2f%n",
                    summary.commits(), summary.events(), summary.aggregates(), summary.documents(),
                    summary.reportVolumes(), exportSeconds, exportRate, exportRate / rawRate);
            double logPass = (phases.getOrDefault("writing proofs", t0) - phases.getOrDefault("reading the log", t0)) / 1e9;
            double reportSeconds = (phases.getOrDefault("done", t0) - phases.getOrDefault("writing the report", t0)) / 1e9;
            System.out.printf(Locale.ROOT, "  of which the pass over the log (hash every commit, write the lines): %.1f s "
                    + "-> %,.0f events/s, ratio to raw %.2f; the PDF report: %.1f s%n", logPass,
                    summary.events() / logPass, summary.events() / logPass / rawRate, reportSeconds);
            StringBuilder steps = new StringBuilder();
            List<java.util.Map.Entry<String, Long>> marks = new ArrayList<>(phases.entrySet());
            for (int i = 0; i + 1 < marks.size(); i++) {
                steps.append(i == 0 ? "" : ", ").append(marks.get(i).getKey()).append(String.format(Locale.ROOT,
                        " %.1f s", (marks.get(i + 1).getValue() - marks.get(i).getValue()) / 1e9));
            }
            System.out.println("  phases: " + steps);
            System.out.printf(Locale.ROOT, "export heap: peak in use %,d MB (sampled every 50 ms), peak old generation "
                    + "after a collection %,d MB, limit %,d MB (the embedded server's included)%n", sampler.peak >> 20,
                    liveAfterGc >> 20, Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf(Locale.ROOT, "export live heap (full collection at each phase and every 5%% of progress, "
                    + "%d times, %.1f s left out of the export's time): peak %,d MB at \"%s\"; by phase %s%n",
                    live.count, live.nanos / 1e9, live.peak >> 20, live.peakAt, live.byPhase());
            System.out.println("  the live heap's largest classes at that peak:\n" + live.histogram);
            System.out.printf(Locale.ROOT, "bundle: %,d bytes (%.1f MB, %.0f bytes an event)%n", Files.size(bundle),
                    Files.size(bundle) / 1e6, (double) Files.size(bundle) / summary.events());
            System.out.printf(Locale.ROOT, "offline verification: %s, %,d events in %.1f s -> %,.0f events/s; ratio "
                    + "to raw %.2f%n", report.ok() ? "OK" : report.problems().size() + " PROBLEMS " + report.problems()
                    .subList(0, Math.min(3, report.problems().size())), report.events(), verifySeconds,
                    report.events() / verifySeconds, report.events() / verifySeconds / rawRate);
        }
    }

    /** Events and seconds of reading every commit 1..head through the driver. */
    private static double[] rawRead(MongoCollection<Document> commits, long head) {
        long t0 = System.nanoTime();
        long events = 0;
        for (long start = 1; start <= head; start += 512) {
            List<Long> ids = new ArrayList<>(512);
            for (long p = start; p < start + 512 && p <= head; p++) {
                ids.add(p);
            }
            for (Document commit : commits.find(Filters.in("_id", ids))) {
                for (Document e : commit.getList("ev", Document.class)) {
                    events += e.getString("p").length() > 0 ? 1 : 0;
                }
            }
        }
        return new double[]{events, (System.nanoTime() - t0) / 1e9};
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The old generation's occupancy the last collection left: the live data, which a flat export keeps flat. */
    private static long oldGenAfterGc() {
        long max = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Old") && pool.getCollectionUsage() != null) {
                max = Math.max(max, pool.getCollectionUsage().getUsed());
            }
        }
        return max;
    }

    /**
     * The live heap measured by a full collection when the export enters a phase and at every 5% of its progress: a
     * flat export shows the same peak at any scale. The collections' time is kept apart.
     */
    private static final class LiveHeap {
        long nanos;
        int count;
        long peak;
        String peakAt = "";
        private final java.util.Map<String, Long> phases = new java.util.LinkedHashMap<>();
        private String phase;
        private double nextPercent;

        void at(vn.ledger.archive.ExportProgress p) {
            if (p.phase().equals(phase) && p.percent() < nextPercent) {
                return;
            }
            long t = System.nanoTime();
            phase = p.phase();
            nextPercent = Math.floor(p.percent() / 5) * 5 + 5;
            fullCollection();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            count++;
            phases.merge(phase, used, Math::max);
            if (used > peak) {
                peak = used;
                peakAt = phase + " " + p.percent() + "%";
                histogram = histogram();
            }
            nanos += System.nanoTime() - t;
        }

        String histogram = "";

        /**
         * A full collection that did happen: while another of the export's threads is in a native critical section
         * (deflating, digesting), the JVM may skip the one asked for, and the heap in use would count garbage; so it
         * is asked again until the old generation's collector has run once more.
         */
        private static void fullCollection() {
            long before = fullCollections();
            for (int i = 0; i < 50 && fullCollections() == before; i++) {
                System.gc();
                if (fullCollections() == before) {
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        private static long fullCollections() {
            long n = 0;
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc.getName().contains("Old") || gc.getName().contains("MarkSweep")) {
                    n += gc.getCollectionCount();
                }
            }
            return n;
        }

        /** The classes holding most of the live heap, as {@code jcmd GC.class_histogram} prints them. */
        private static String histogram() {
            try {
                Object out = ManagementFactory.getPlatformMBeanServer().invoke(
                        new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "gcClassHistogram", new Object[]{new String[0]}, new String[]{String[].class.getName()});
                return String.join("\n", out.toString().lines().limit(14).toList());
            } catch (Exception e) {
                return "no histogram: " + e;
            }
        }

        String byPhase() {
            StringBuilder s = new StringBuilder();
            phases.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(' ').append(v >> 20)
                    .append(" MB"));
            return s.toString();
        }
    }

    /** Samples the heap in use while the export runs. */
    private static final class HeapSampler extends Thread {
        volatile long peak;
        volatile long live;

        HeapSampler() {
            super("heap-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                peak = Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                live = Math.max(live, oldGenAfterGc());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}

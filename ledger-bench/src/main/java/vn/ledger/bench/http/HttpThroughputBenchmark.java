package vn.ledger.bench.http;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.ledger.api.LedgerApplication;
import vn.ledger.bench.Machine;
import vn.ledger.bench.TempDirs;
import vn.ledger.eventstore.EmbeddedMongo;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Commands per second through the running application, over HTTP, on the store the application runs on by default
 * (the embedded server on its file, {@code EmbeddedMongo.persistent}), against the raw driver inserting the same
 * commit documents into a fresh server of the same kind in the same run.
 *
 * <p>The application is {@link LedgerApplication} itself, started in this JVM on a random port and a fresh data
 * directory, with the benchmark's own users; its bodies and directives are set up through the API (see
 * {@link Workload}). Each level (1, 8, 32 clients by default) gets its own directive and runs for a fixed time;
 * each client is a thread with its own {@code java.net.http.HttpClient}. The raw side runs with as many threads,
 * taking turns with the HTTP side within each level, so both share the machine's noise.
 *
 * <pre>
 * mvn -q -B install -DskipTests &amp;&amp; mvn -q -B -pl ledger-bench exec:exec \
 *     -Dbench.main=vn.ledger.bench.http.HttpThroughputBenchmark
 * </pre>
 * Properties: {@code bench.clients} (levels, "1,8,32"), {@code bench.seconds} (per level and side, 20),
 * {@code bench.rounds} (turns the two sides take within a level, 4),
 * {@code bench.warmup} (seconds of unmeasured HTTP load with 8 clients first, 15),
 * {@code bench.idempotencyKeys} (send an Idempotency-Key with every command, false),
 * {@code bench.appArgs} (extra arguments of the application, space separated, e.g. {@code --some.setting=false};
 * none by default), {@code bench.jfr} (a path prefix: each level's HTTP turns, with the read models' catch-up after them, are recorded
 * with the JDK's flight recorder, profile settings, into {@code <prefix>-c<clients>-t<turn>.jfr}; none by default).
 * The JVM's CPU time over a level's HTTP turns and catch-ups is printed per command; it includes the benchmark's
 * own HTTP clients, which run in this JVM (a recording tells their share: threads {@code client-*} and
 * {@code HttpClient-*}).
 */
public final class HttpThroughputBenchmark {

    private HttpThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] levels = Arrays.stream(System.getProperty("bench.clients", "1,8,32").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "20"));
        double warmup = Double.parseDouble(System.getProperty("bench.warmup", "15"));
        boolean keys = Boolean.getBoolean("bench.idempotencyKeys");
        int rounds = Integer.getInteger("bench.rounds", 4);
        String jfr = System.getProperty("bench.jfr", "").trim();
        Path appDir = TempDirs.create("ledger-http-app");
        Path rawDir = TempDirs.create("ledger-http-raw");
        int status = 1;
        try {
            run(levels, seconds, rounds, warmup, keys, jfr.isEmpty() ? null : jfr, appDir, rawDir);
            status = 0;
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            TempDirs.delete(appDir);
            TempDirs.delete(rawDir);
        }
        // whatever thread a failed start-up may have left must not hold the JVM
        System.exit(status);
    }

    private static void run(int[] levels, double seconds, int rounds, double warmup, boolean keys, String jfr,
                            Path appDir, Path rawDir)
            throws Exception {
        int warmupClients = 8;
        int units = Math.max(warmupClients, Arrays.stream(levels).max().orElse(1));
        List<String> properties = new ArrayList<>(List.of("--server.port=0", "--ledger.data-dir=" + appDir,
                "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--logging.level.vn.ledger.bench=INFO"));
        properties.addAll(Workload.userProperties(units));
        // extra application arguments, to compare a setting with and without it in back-to-back runs
        for (String arg : System.getProperty("bench.appArgs", "").trim().split("\\s+")) {
            if (!arg.isEmpty()) {
                properties.add(arg);
            }
        }
        System.out.printf("bench: HTTP commands on the application (embedded server, file %s/ledger.mv), levels %s, "
                + "%.0f s each side in %d turns, warm-up %.0f s; Idempotency-Key %s; application arguments %s; load "
                + "average %s on %d cores%n",
                appDir, Arrays.toString(levels), seconds, rounds, warmup, keys ? "on every command" : "not sent",
                System.getProperty("bench.appArgs", "").isBlank() ? "none extra" : System.getProperty("bench.appArgs"),
                Machine.loadAverage(), Runtime.getRuntime().availableProcessors());
        long startedAt = System.nanoTime();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(LedgerApplication.class)
                .run(properties.toArray(String[]::new));
        List<LevelResult> http = new ArrayList<>(), raw = new ArrayList<>();
        long events;
        long liveFileBytes;
        long heapUsed;
        RawInserts baseline = null;
        try {
            System.out.printf("application started in %.1f s%n", (System.nanoTime() - startedAt) / 1e9);
            int port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
            MongoDatabase store = app.getBean("ledgerDatabase", MongoDatabase.class);
            Workload workload = new Workload(keys);
            LedgerHttp setUp = new LedgerHttp(port);
            Workload.registerBodies(setUp, units);

            Workload.issue(setUp, "bench-warmup", warmupClients);
            long beforeWarmup = store.getCollection("events").countDocuments();
            LevelResult w = runHttp(workload, port, "bench-warmup", new long[warmupClients], warmup);
            Workload.awaitReadModels(setUp, 120);
            System.out.printf("warm-up: %,d commands, %,.0f/s, %,d errors %s%n", w.ok(), w.rate(), w.errors(),
                    w.errorsByStatus());
            baseline = RawInserts.open(rawDir, store, beforeWarmup);
            System.out.println("raw baseline inserts copies of " + baseline.describeTemplates());
            RawInserts b = baseline;
            LoadRunner.run(warmupClients, warmup / 3, b::insert);

            EmbeddedMongo embedded = app.getBean(EmbeddedMongo.class);
            for (int clients : levels) {
                String directive = "bench-c" + clients;
                Workload.issue(setUp, directive, clients);
                Map<String, Long> countsBefore = embedded.commandCounts();
                EmbeddedMongo.CommitCounts commitsBefore = embedded.commitCounts();
                // HTTP and raw take turns within the level, so that a burst of the machine's other work falls on
                // both sides alike; the clients' commands go on from where they stopped in the previous turn
                long[] next = new long[clients];
                LevelResult h = null, r = null;
                double lag = 0;
                long cpuNanos = 0, rawCpuNanos = 0;
                Map<String, Long> threadCpu = new HashMap<>();
                for (int round = 0; round < rounds; round++) {
                    Recording recording = jfr == null ? null : startRecording();
                    long cpu0 = processCpuNanos();
                    ThreadCpu threads0 = ThreadCpu.now();
                    LevelResult hr = runHttp(workload, port, directive, next, seconds / rounds);
                    // the read models' processors catch up before the raw turn, so it does not share the machine
                    // with the application's leftover work
                    lag += Workload.awaitReadModels(setUp, 120);
                    ThreadCpu.now().addSince(threads0, threadCpu);
                    cpuNanos += processCpuNanos() - cpu0;
                    threadCpu.merge(CpuProfile.threadGroup("client-"), hr.clientCpuNanos(), Long::sum);
                    if (recording != null) {
                        Path file = Path.of(jfr + "-c" + clients + "-t" + (round + 1) + ".jfr");
                        recording.dump(file);
                        recording.close();
                        System.out.println("    flight recording of the turn: " + file.toAbsolutePath());
                    }
                    long rawCpu0 = processCpuNanos();
                    LevelResult rr = LoadRunner.run(clients, seconds / rounds, b::insert);
                    rawCpuNanos += processCpuNanos() - rawCpu0;
                    h = h == null ? hr : h.plus(hr);
                    r = r == null ? rr : r.plus(rr);
                }
                http.add(h);
                raw.add(r);
                System.out.printf(Locale.ROOT, "%2d clients: HTTP %,8.1f commands/s (p50 %.1f ms, p95 %.1f ms, %,d errors %s)"
                                + "  read models caught up %.1f s after the HTTP turns  raw %,8.1f inserts/s  ratio %.2f  "
                                + "(load average %s)%n", clients, h.rate(), h.percentileMillis(50),
                        h.percentileMillis(95), h.errors(), h.errorsByStatus(), lag, r.rate(), h.rate() / r.rate(),
                        Machine.loadAverage());
                System.out.printf(Locale.ROOT, "    JVM CPU time over the HTTP turns and catch-ups: %.2f ms per command "
                                + "(%.1f s of CPU; the benchmark's clients included); over the raw turns: %.2f ms per "
                                + "insert (%.1f s)%n", cpuNanos / 1e6 / Math.max(1, h.ok()), cpuNanos / 1e9,
                        rawCpuNanos / 1e6 / Math.max(1, r.ok()), rawCpuNanos / 1e9);
                printCpuByThread(threadCpu, cpuNanos, h.ok());
                printCommandsPerHttpCommand(countsBefore, embedded.commandCounts(), h.ok());
                EmbeddedMongo.CommitCounts commitsAfter = embedded.commitCounts();
                System.out.printf(Locale.ROOT, "    per HTTP command: %.2f write commands waited for a file commit, "
                                + "%.2f file commits%n",
                        (double) (commitsAfter.writeCommands() - commitsBefore.writeCommands()) / Math.max(1, h.ok()),
                        (double) (commitsAfter.commits() - commitsBefore.commits()) / Math.max(1, h.ok()));
            }
            events = countEvents(store);
            liveFileBytes = TempDirs.size(appDir);
            System.gc();
            heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        } finally {
            app.close();
            if (baseline != null) {
                baseline.close();
            }
        }
        long closedFileBytes = TempDirs.size(appDir);
        long rawBytes = TempDirs.size(rawDir);
        printResults(http, raw, events, liveFileBytes, closedFileBytes, heapUsed, rawBytes, baseline.inserted());
    }

    private static Recording startRecording() throws java.io.IOException, java.text.ParseException {
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.start();
        return recording;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** One turn of HTTP load; {@code next} holds each client's next command and is moved on. */
    private static LevelResult runHttp(Workload workload, int port, String directive, long[] next, double seconds)
            throws InterruptedException {
        int clients = next.length;
        LedgerHttp[] connections = new LedgerHttp[clients];
        for (int c = 0; c < clients; c++) {
            connections[c] = new LedgerHttp(port);
        }
        return LoadRunner.run(clients, seconds,
                (client, n) -> connections[client].post(workload.command(directive, clients, client, next[client]++)));
    }

    /** CPU ms per command by thread group, largest first; the rest of the JVM's is its collector's and compilers'. */
    private static void printCpuByThread(Map<String, Long> byGroup, long processNanos, long commands) {
        List<Map.Entry<String, Long>> rows = new ArrayList<>(byGroup.entrySet());
        rows.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        StringBuilder line = new StringBuilder("    CPU ms per command by thread:");
        long threads = 0;
        for (Map.Entry<String, Long> row : rows) {
            threads += row.getValue();
            if (row.getValue() / 1e6 / Math.max(1, commands) >= 0.005) {
                line.append(String.format(Locale.ROOT, " %s %.2f,", row.getKey(),
                        row.getValue() / 1e6 / Math.max(1, commands)));
            }
        }
        line.append(String.format(Locale.ROOT, " the rest (collector, compilers, threads that ended) %.2f",
                (processNanos - threads) / 1e6 / Math.max(1, commands)));
        System.out.println(line);
    }

    /**
     * The store's commands per acknowledged HTTP command over a level (its HTTP turns and the read models' catch-up;
     * reads of the admin status page included), largest first.
     */
    private static void printCommandsPerHttpCommand(Map<String, Long> before, Map<String, Long> after, long commands) {
        List<Map.Entry<String, Double>> per = new ArrayList<>();
        double total = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            double n = (double) (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / Math.max(1, commands);
            if (n >= 0.005) {
                per.add(Map.entry(e.getKey(), n));
                total += n;
            }
        }
        per.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "    store commands per HTTP command: %.2f (", total));
        for (int i = 0; i < per.size(); i++) {
            line.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f", per.get(i).getKey(),
                    per.get(i).getValue()));
        }
        System.out.println(line.append(')'));
    }

    private static long countEvents(MongoDatabase store) {
        long events = 0;
        for (Document commit : store.getCollection("events").find()) {
            events += commit.getList("ev", Document.class).size();
        }
        return events;
    }

    private static void printResults(List<LevelResult> http, List<LevelResult> raw, long events, long liveFileBytes,
                                     long closedFileBytes, long heapUsed, long rawBytes, long rawInserted) {
        System.out.println();
        System.out.println("=== HTTP commands through the application vs raw driver inserts of the same commit "
                + "documents, both on the embedded server's file mode, same run ===");
        System.out.printf("%8s %12s %9s %9s %9s %8s %12s %9s %9s %7s%n", "clients", "HTTP cmd/s", "p50 ms", "p95 ms",
                "errors", "of", "raw ins/s", "p50 ms", "p95 ms", "ratio");
        for (int i = 0; i < http.size(); i++) {
            LevelResult h = http.get(i), r = raw.get(i);
            System.out.printf(Locale.ROOT, "%8d %12.1f %9.2f %9.2f %9d %8d %12.1f %9.2f %9.2f %7.2f%n", h.clients(),
                    h.rate(), h.percentileMillis(50), h.percentileMillis(95), h.errors(), h.ok() + h.errors(),
                    r.rate(), r.percentileMillis(50), r.percentileMillis(95), h.rate() / r.rate());
            if (!h.errorsByStatus().isEmpty()) {
                System.out.println("         errors: " + h.errorsByStatus());
            }
        }
        System.out.println("(ratio = HTTP commands/s / raw inserts/s at the same number of clients; the aim given is "
                + "0.5 at 8 clients. The raw side writes one commit document per command; a command also writes its "
                + "stream-index entries, and the read models' processors write theirs, to the same file)");
        System.out.printf(Locale.ROOT, "application store: %,d events stored; data directory %,.1f MB while running "
                        + "(%,.0f bytes an event, read models and tokens included), %,.1f MB after closing%n", events,
                liveFileBytes / 1e6, (double) liveFileBytes / events, closedFileBytes / 1e6);
        System.out.printf(Locale.ROOT, "raw store: %,d commits, %,.1f MB after closing (%,.0f bytes a commit)%n",
                rawInserted, rawBytes / 1e6, (double) rawBytes / rawInserted);
        System.out.printf(Locale.ROOT, "heap used after a full collection, application and raw server running: "
                + "%,d MB (max %,d MB)%n", heapUsed >> 20, Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("(the 1-minute load average of the machine at the end: " + Machine.loadAverage() + "; it has "
                + Runtime.getRuntime().availableProcessors() + " cores, shared with other processes)");
    }
}

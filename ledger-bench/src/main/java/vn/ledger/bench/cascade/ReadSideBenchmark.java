package vn.ledger.bench.cascade;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.RawBsonDocument;
import vn.ledger.bench.TempDirs;
import vn.ledger.eventstore.CanonicalJson;
import vn.ledger.eventstore.EmbeddedMongo;
import vn.ledger.eventstore.MongoEventStorageEngine;
import vn.ledger.projections.audit.AuditFilter;
import vn.ledger.projections.audit.AuditQueries;
import vn.ledger.projections.chain.ChainQueries;
import vn.ledger.projections.chain.ChainView;
import vn.ledger.projections.dashboard.DashboardQueries;
import vn.ledger.projections.directive.DirectiveQueries;
import vn.ledger.projections.store.MongoReadStore;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.task.TaskQueries;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The read side at national scale, on the embedded server, in one run:
 * <ol>
 *   <li>generates the national cascade ({@link NationalCascade}: 1 central notice → 34 provinces → 3,321 communes
 *   × {@code bench.scale} → about 10 units each; about a million events at scale 1) and appends it through
 *   {@link MongoEventStorageEngine#appendEvents} ({@link CascadeLoader} says why not through the gateway);</li>
 *   <li>rebuilds every projection of ledger-projections in one pass over {@code engine.readEvents(null, false)},
 *   each event dispatched through Axon's {@code AnnotationEventHandlerAdapter} to every projection, writing
 *   through a {@code WriteBehindStore} to MongoDB ({@link Rebuilder}), and compares its rate with a raw read of the
 *   same event documents ({@code $in} on {@code _id}, 256 positions a batch, as WriteReplayBenchmark does), once
 *   before and once after the rebuild;</li>
 *   <li>times the queries (p50 / p95 / p99 / max over {@code bench.reps} runs after a warm-up) and says what
 *   each touched: documents, round trips and bytes, counted by a decorator of the {@link ReadStore}.</li>
 * </ol>
 *
 * <pre>
 * mvn -q -B install -DskipTests &amp;&amp; mvn -q -B -pl ledger-bench exec:exec \
 *     -Dbench.main=vn.ledger.bench.cascade.ReadSideBenchmark -Dbench.scale=0.03
 * </pre>
 * measures the application's own store mode ({@code file}) at a scale that loads in a few minutes, and prints the
 * bytes on disk after the load and after the rebuild. The whole national scale, on a less durable mode beside it
 * (never instead of it): {@code -Dbench.scale=1.0 -Dbench.backend=scratch -Dbench.heap=16g
 * -Dbench.rebuildCache=600000}.
 *
 *
 * Properties: {@code bench.scale} (1.0 national, 0.05 quick), {@code bench.backend} ({@code file}: the embedded
 * server's H2 MVStore file, committed after every write command, which is the application's default; or
 * {@code memory}: the same server and storage engine without the file, all in the heap; {@code scratch}: the
 * file, committed in the background every 30 s instead of after every write, for runs larger than the heap; at
 * scale 1 the file reaches about 9 GB), {@code bench.seed}, {@code bench.writers}
 * (threads appending the cascade; 4 on the file backends, 2 in memory), {@code bench.reps} (timed runs per query),
 * {@code bench.rebuildThreads} (projections given a rebuild thread of their own, default
 * {@code AuditProjection,ChainProjection}; empty: the whole rebuild on the reading thread), {@code bench.keep}
 * (keep the data directory). At scale 1 on the file backend loading alone takes about an hour on two cores (the
 * embedded server appends a few hundred commits a second) and the file grows by gigabytes; {@code memory} runs
 * half the national scale in a 14 GB heap but not the whole (the heap fills during the rebuild); {@code scratch}
 * runs the whole in about 11 minutes. {@code bench.rebuildCache} (documents per rebuild thread; the default is
 * sized by the heap): 600,000 holds a national generation, so each document is written once.
 * {@code bench.alone=true}: after the rebuild of all, rebuild each projection by itself and print what each costs
 * beyond reading the events, next to what the target leaves (about 5 more minutes at scale 1).
 *
 * <p>Verify the generator against the real aggregates with
 * {@code -Dbench.main=vn.ledger.bench.cascade.CascadeConformance -Dbench.scale=0.01}.
 */
public final class ReadSideBenchmark {

    private static final String PREFIX = "rm_";
    /** Threads reading the parts of a chain level side by side (the API's default ledger.read-models.read-parts). */
    private static final int READ_PARTS = 4;

    private ReadSideBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double scale = Double.parseDouble(System.getProperty("bench.scale", "1.0"));
        long seed = Long.getLong("bench.seed", 22);
        String backend = System.getProperty("bench.backend", "file");
        // more writers overlap the client's work with the server's, and the application too appends from many
        // request threads at once (what a group commit of the file mode would share); the same number on both file
        // modes, so that file and scratch compare
        int writers = Integer.getInteger("bench.writers", backend.equals("memory") ? 2 : 4);
        int reps = Integer.getInteger("bench.reps", 300);
        int unitTasks = Integer.getInteger("bench.unitTasks", 4);
        boolean keep = Boolean.getBoolean("bench.keep");
        // projections that get a thread of their own in the rebuild (the others share one); "" for one thread
        List<String> groups = Arrays.stream(System.getProperty("bench.rebuildThreads", "AuditProjection,ChainProjection")
                .split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();

        long g0 = System.nanoTime();
        NationalCascade cascade = NationalCascade.generate(scale, seed, unitTasks);
        double genSeconds = (System.nanoTime() - g0) / 1e9;
        printCascade(cascade, scale, seed, genSeconds);

        Path dir = backend.equals("memory") ? null : Files.createTempDirectory("ledger-readbench");
        int cacheMb = (int) Math.max(64, Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024));
        try (EmbeddedMongo server = dir == null ? EmbeddedMongo.inMemory()
                : backend.equals("scratch") ? EmbeddedMongo.scratchFile(dir, cacheMb) : EmbeddedMongo.persistent(dir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            String backendText = "embedded MongoDB-wire server (mongo-java-server), " + (dir == null
                    ? "H2 MVStore in memory"
                    : backend.equals("scratch") ? "H2 MVStore file " + dir + "/scratch.mv, " + cacheMb
                    + " MB page cache, committed in the background every 30 s or 256 MB (not after every write), never compacted"
                    : "H2 MVStore file " + dir + "/ledger.mv, committed after every write command (the application's default)");
            System.out.println("backend: " + backendText);
            MongoDatabase db = client.getDatabase("readbench");
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                    .database(db)
                    .eventSerializer(CanonicalJson.serializer())
                    .snapshotSerializer(CanonicalJson.snapshotSerializer())
                    .build();
            engine.ensureIndexes();

            System.out.printf("%nload: %,d commits through MongoEventStorageEngine.appendEvents, %d writer thread(s)%n",
                    cascade.commits().size(), writers);
            CascadeLoader.Result load = CascadeLoader.load(engine, cascade, writers, seed);
            long bytesAfterLoad = TempDirs.size(dir);
            long liveAfterLoad = liveBson(db);
            long commitCount = cascade.commits().size();
            cascade.dropCommits();

            MongoCollection<Document> events = db.getCollection("events");
            long commits = commitCount;
            System.out.println("\nraw read of the event documents (before the rebuild)");
            Rate rawBefore = rawRead(events, commits, cascade.eventCount());
            System.out.println("\nrebuild of every projection of ledger-projections");
            Rebuild rebuild = rebuild(db, engine, cascade.eventCount(), groups);
            long bytesAfterRebuild = TempDirs.size(dir);
            long liveAfterRebuild = liveBson(db);
            // what the file comes down to once the store's space reclamation has caught up (the service keeps running)
            Thread.sleep(SETTLE_MILLIS);
            Disk disk = new Disk(dir != null, bytesAfterLoad, liveAfterLoad, bytesAfterRebuild, liveAfterRebuild,
                    TempDirs.size(dir), cascade.eventCount());
            System.out.println("\nraw read of the event documents (after the rebuild)");
            Rate rawAfter = rawRead(events, commits, cascade.eventCount());
            System.out.println("\nread through the storage engine, payloads and metadata deserialised, no projection");
            Rate decoded = decodedRead(engine, cascade.eventCount());
            System.out.println("\nthe rebuilt read-model documents inserted again into empty collections, in bulk");
            Rate writeOnly;
            try {
                writeOnly = writeOnly(db, rebuild.collections());
            } catch (RuntimeException e) {
                // a bound, not the measurement: report and go on to the queries
                System.out.println("  not measured: " + e);
                writeOnly = new Rate(0, Double.NaN);
            }

            // what the load and the rebuild left in the heap is collected now, not in the middle of timed queries
            Runtime rt = Runtime.getRuntime();
            long used = rt.totalMemory() - rt.freeMemory();
            System.gc();
            System.out.printf(Locale.ROOT, "%nheap before the queries: %,d MB in use, %,d MB after a full collection%n",
                    used >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20);
            System.out.println("\nqueries, one at a time (warm-up, then " + reps + " timed runs each, fewer for the"
                    + " chain at depth 2; a chain level's parts read on " + READ_PARTS + " threads)");
            List<QueryResult> queries = queries(db, cascade, reps);
            // after the queries: seven more generations written to the server's file would evict the pages they read
            List<Alone> alone = new ArrayList<>();
            if (Boolean.getBoolean("bench.alone")) {
                System.out.println("\neach projection rebuilt alone, on a thread of its own, into collections dropped after it");
                alone = alone(db, engine, cascade.eventCount());
            }

            printResults(cascade, scale, backendText, load, disk, rawBefore, rebuild, rawAfter, decoded, writeOnly,
                    queries, reps);
            printAlone(alone, Math.max(rawBefore.perSecond(), rawAfter.perSecond()), decoded, rebuild.outcome());
            System.out.println("(the 1-minute load average of the machine at the end: " + Progress.loadAverage()
                    + "; it has " + Runtime.getRuntime().availableProcessors() + " cores, shared with other processes)");
        } finally {
            if (dir != null && !keep) {
                TempDirs.delete(dir);
            }
        }
    }

    // ------------------------------------------------------------------ raw read and rebuild

    /** BSON elements (each field and each array item, containers included) counted by the raw read and the write. */
    private static final Map<String, Long> ELEMENTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The BSON elements of a value: what the embedded server decodes, stores and encodes one by one. */
    static long elements(Object value) {
        if (value instanceof Map<?, ?> m) {
            long n = 0;
            for (Object v : m.values()) {
                n += 1 + elements(v);
            }
            return n;
        }
        if (value instanceof List<?> l) {
            long n = 0;
            for (Object v : l) {
                n += 1 + elements(v);
            }
            return n;
        }
        return 0;
    }

    record Rate(long events, double seconds) {
        double perSecond() {
            return events / seconds;
        }
    }

    /**
     * Reads every commit document by {@code $in} on {@code _id}, 256 positions at a time, and walks its events. The
     * BSON elements are counted for the summary, and that count's time is taken out of the rate.
     */
    static Rate rawRead(MongoCollection<Document> commits, long positions, long total) {
        long seen = 0;
        long countingNanos = 0;
        try (Progress progress = new Progress("raw", total, 10_000)) {
            for (long p = 1; p <= positions; p += 256) {
                List<Long> ids = new ArrayList<>(256);
                for (long q = p; q < Math.min(positions + 1, p + 256); q++) {
                    ids.add(q);
                }
                long batch = 0;
                long elements = 0;
                for (Document commit : commits.find(Filters.in("_id", ids))) {
                    long t0 = System.nanoTime();
                    elements += elements(commit);
                    countingNanos += System.nanoTime() - t0;
                    for (Document e : commit.getList("ev", Document.class)) {
                        if (e.getString("p") != null) {
                            batch++;
                        }
                    }
                }
                seen += batch;
                ELEMENTS.merge("events", elements, Long::sum);
                progress.add(batch);
            }
            return new Rate(seen, progress.seconds() - countingNanos / 1e9);
        }
    }

    /**
     * What every rebuild must do before any projection runs: the engine's tracking read with each payload and its
     * metadata deserialised. Its ratio to the raw read bounds the rebuild's.
     */
    static Rate decodedRead(MongoEventStorageEngine engine, long total) {
        long seen = 0;
        try (Progress progress = new Progress("decoded", total, 10_000);
             Stream<? extends org.axonframework.eventhandling.TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
            java.util.Iterator<? extends org.axonframework.eventhandling.TrackedEventMessage<?>> it = stream.iterator();
            while (it.hasNext()) {
                org.axonframework.eventhandling.TrackedEventMessage<?> m = it.next();
                m.getPayload();
                m.getMetaData();
                seen++;
                if (seen % 1_000 == 0) {
                    progress.add(1_000);
                }
            }
            progress.add(seen % 1_000);
            return new Rate(seen, progress.seconds());
        }
    }

    /**
     * The other half of what any rebuild must do: write its final documents, once each, in bulk inserts of 1,000
     * into empty collections (timed; reading them back out of the rebuilt collections is not). Rate in documents.
     */
    static Rate writeOnly(MongoDatabase db, Map<String, Long> collections) {
        long total = collections.values().stream().mapToLong(Long::longValue).sum();
        long nanos = 0;
        try (Progress progress = new Progress("write", total, 10_000)) {
            for (String name : collections.keySet()) {
                MongoCollection<Document> target = db.getCollection("wo_" + name);
                List<Document> batch = new ArrayList<>(1_000);
                // the embedded server ignores the driver's default first batch: ask for small batches
                for (Document d : db.getCollection(PREFIX + name).find().batchSize(200)) {
                    ELEMENTS.merge(name, elements(d), Long::sum);
                    batch.add(d);
                    if (batch.size() == 1_000) {
                        long t0 = System.nanoTime();
                        target.insertMany(batch);
                        nanos += System.nanoTime() - t0;
                        progress.add(batch.size());
                        batch = new ArrayList<>(1_000);
                    }
                }
                if (!batch.isEmpty()) {
                    long t0 = System.nanoTime();
                    target.insertMany(batch);
                    nanos += System.nanoTime() - t0;
                    progress.add(batch.size());
                }
                target.drop();
            }
        }
        return new Rate(total, nanos / 1e9);
    }

    record Alone(String projection, Rebuilder.Outcome outcome, long gcMillis) {
    }

    /**
     * Each projection rebuilt by itself (what it costs beyond reading the events), into {@code alone_}
     * collections that are dropped before the next one.
     */
    static List<Alone> alone(MongoDatabase db, MongoEventStorageEngine engine, long total) throws Exception {
        List<Alone> out = new ArrayList<>();
        for (Class<?> type : Projections.classes()) {
            System.out.println(type.getSimpleName() + " alone");
            long[] gcBefore = gc();
            Rebuilder.Outcome o = Rebuilder.run(db, "alone_", engine, total, List.of(type.getSimpleName()), List.of(type));
            long[] gcAfter = gc();
            out.add(new Alone(type.getSimpleName(), o, gcAfter[1] - gcBefore[1]));
            List<String> names = new ArrayList<>();
            db.listCollectionNames().into(names);
            names.stream().filter(n -> n.startsWith("alone_")).forEach(n -> db.getCollection(n).drop());
        }
        return out;
    }

    private static void printAlone(List<Alone> alone, double raw, Rate decoded, Rebuilder.Outcome all) {
        if (alone.isEmpty()) {
            return;
        }
        double decodeSeconds = decoded.seconds();
        System.out.printf(Locale.ROOT, "%nprojection rebuilt alone           seconds     ev/s   ratio   beyond decoding   documents   GC s%n");
        double sum = 0;
        for (Alone a : alone) {
            Rebuilder.Outcome o = a.outcome();
            double beyond = o.seconds() - decodeSeconds;
            sum += beyond;
            System.out.printf(Locale.ROOT, "%-32s %9.1f %8.0f %7.2f %12.1f s %11d %6.1f%n", a.projection(), o.seconds(),
                    o.rate(), o.rate() / raw, beyond, o.documentsWritten(), a.gcMillis() / 1e3);
        }
        double budget = 2 * all.events() / raw - decodeSeconds;
        System.out.printf(Locale.ROOT, "sum of what each costs beyond decoding: %.1f s; all together took %.1f s beyond decoding."
                + " At a ratio of 0.5 a rebuild may take twice the raw read's %.1f s, which leaves %.1f s beyond the %.1f s of"
                + " decoding%n", sum, all.seconds() - decodeSeconds, all.events() / raw, budget, decodeSeconds);
        System.out.println("(each alone run starts right after the previous one dropped its collections, while the server may"
                + " still be committing and freeing them in its file: a small projection right after a large one, as"
                + " Bodies after Audit, takes a few seconds more than its own work; decoding varies by a few seconds"
                + " from one read to the next, hence figures below zero)");
    }

    record Rebuild(Rebuilder.Outcome outcome, Map<String, Long> collections, long gcCount, long gcMillis) {
    }

    static Rebuild rebuild(MongoDatabase db, MongoEventStorageEngine engine, long total, List<String> groups)
            throws Exception {
        long[] gcBefore = gc();
        Rebuilder.Outcome o = Rebuilder.run(db, PREFIX, engine, total, groups);
        long[] gcAfter = gc();
        Map<String, Long> sizes = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        db.listCollectionNames().into(names);
        names.stream().filter(n -> n.startsWith(PREFIX)).sorted()
                .forEach(n -> sizes.put(n.substring(PREFIX.length()), db.getCollection(n).countDocuments()));
        return new Rebuild(o, sizes, gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1]);
    }

    // ------------------------------------------------------------------ queries

    record QueryResult(String name, double targetMs, long[] nanos, long documents, long roundTrips, long bytes,
                       String note) {
        double pct(double p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        }
    }

    private record Query(String name, double targetMs, int reps, Supplier<Object> run,
                         java.util.function.Function<Object, String> note) {
    }

    static List<QueryResult> queries(MongoDatabase db, NationalCascade cascade, int reps) {
        CountingReadStore store = new CountingReadStore(new MongoReadStore(db, PREFIX));
        // as the API does (ledger.read-models.read-parts): the parts of a chain level are read side by side
        ChainQueries chain = new ChainQueries(store, ChainQueries.partsPool(READ_PARTS));
        DashboardQueries dashboards = new DashboardQueries(store);
        TaskQueries tasks = new TaskQueries(store);
        DirectiveQueries directives = new DirectiveQueries(store);
        AuditQueries audit = new AuditQueries(store);
        Instant now = NationalCascade.NOW;

        String central = cascade.centralDirectiveId();
        String province = "TU-DIENBIEN";
        String provinceDirective = cascade.directiveOf(province);
        String commune = cascade.communesOf(province).stream().filter(c -> cascade.directiveOf(c) != null)
                .findFirst().orElseThrow();
        String communeDirective = cascade.directiveOf(commune);
        String communeTask = communeDirective + "/5";
        String centralMonthly = central + "/II.2";
        String communeLeader = cascade.body(commune).leader.username();

        List<Query> list = List.of(
                new Query("chain: central directive, depth 1 (its 6 tasks, 34 provinces' letters)", 150, reps,
                        () -> chain.chain(central, 1, now).orElseThrow(), v -> chainNote((ChainView) v)),
                new Query("chain: central directive, depth 2 (50 children a node)", 150, Math.max(20, reps / 3),
                        () -> chain.chain(central, 2, now).orElseThrow(), v -> chainNote((ChainView) v)),
                new Query("chain: province letter " + province + ", depth 2", 150, Math.max(20, reps / 5),
                        () -> chain.chain(provinceDirective, 2, now).orElseThrow(), v -> chainNote((ChainView) v)),
                new Query("dashboard: province " + province + " with its subtree", 50, reps,
                        () -> dashboards.dashboard(province, true, 7, now).orElseThrow(),
                        v -> "assigned " + ((vn.ledger.projections.dashboard.DashboardView) v).assigned()),
                new Query("dashboard: commune " + commune + " with its subtree", 50, reps,
                        () -> dashboards.dashboard(commune, true, 7, now).orElseThrow(),
                        v -> "assigned " + ((vn.ledger.projections.dashboard.DashboardView) v).assigned()),
                new Query("task state: a commune's task to one unit", 10, reps,
                        () -> tasks.state(communeTask, now).orElseThrow(), v -> ""),
                new Query("task state: central II.2 (monthly reports)", 10, reps,
                        () -> tasks.state(centralMonthly, now).orElseThrow(), v -> ""),
                new Query("directive state: a commune's letter (" + communeDirective.substring(0, 8) + "…)", 10, reps,
                        () -> directives.state(communeDirective, now).orElseThrow(), v -> ""),
                new Query("directive state: the central notice 22-TB", 10, reps,
                        () -> directives.state(central, now).orElseThrow(), v -> ""),
                new Query("audit: actor " + communeLeader + ", first page of 50", Double.NaN, reps,
                        () -> audit.page(AuditFilter.any().actor(communeLeader), null, 50),
                        v -> ((AuditQueries.AuditPage) v).entries().size() + " entries"),
                new Query("audit: actor admin (" + String.format(Locale.ROOT, "%,d", cascade.bodies().size())
                        + " registrations), first page of 50", Double.NaN, reps,
                        () -> audit.page(AuditFilter.any().actor("admin"), null, 50),
                        v -> ((AuditQueries.AuditPage) v).entries().size() + " entries"));
        ChainView.Rollup top = chain.chain(central, 0, now).orElseThrow().root().rollup();
        System.out.printf(Locale.ROOT, "  the cascade at %s, from the central chain's roll-up: %,d directives, %,d tasks: "
                        + "%,d not started, %,d in progress, %,d overdue, %,d done on time, %,d done late, %,d cancelled "
                        + "(%.0f%% done); %,d tasks missing a \"rõ\", %,d (task, lead) pairs never made concrete; "
                        + "action recipients %,d, received %,d, acted %,d, never acknowledged %,d, awaiting action %,d; "
                        + "depth %d%n", now, top.directives(), top.tasks(), top.notStarted(), top.inProgress(),
                top.overdue(), top.doneOnTime(), top.doneLate(), top.cancelled(),
                top.percentDone() == null ? 0 : top.percentDone(), top.tasksWithGaps(), top.coverageGaps(),
                top.recipients(), top.received(), top.acted(), top.neverAcknowledged(), top.awaitingAction(),
                top.depthBelow());
        List<QueryResult> out = new ArrayList<>();
        for (Query q : list) {
            // what one run touches
            store.reset(true);
            Object value = q.run.get();
            long docs = store.documents;
            long trips = store.roundTrips;
            long bytes = store.bytes;
            if (store.scans > 0 || store.writes > 0) {
                throw new IllegalStateException(q.name + ": " + store.scans + " scans, " + store.writes + " writes");
            }
            store.reset(false);
            int warmUp = Math.max(10, q.reps / 5);
            for (int i = 0; i < warmUp; i++) {
                q.run.get();
            }
            long[] nanos = new long[q.reps];
            long[] gc0 = gc();
            for (int i = 0; i < q.reps; i++) {
                long t0 = System.nanoTime();
                q.run.get();
                nanos[i] = System.nanoTime() - t0;
            }
            long[] gc1 = gc();
            QueryResult r = new QueryResult(q.name, q.targetMs, nanos, docs, trips, bytes, q.note.apply(value));
            // collections during the timed runs: pauses fall inside some runs' times
            System.out.printf("  %-70s p50 %8.2f ms  p95 %8.2f ms  (%,d docs, %,d round trips, %,d KB; %d collections,"
                            + " %d ms, during the timed runs)%n", q.name, r.pct(50), r.pct(95), docs, trips, bytes / 1024,
                    gc1[0] - gc0[0], gc1[1] - gc0[1]);
            out.add(r);
        }
        return out;
    }

    /** Garbage collections so far and their accumulated time in ms (all collectors). */
    private static long[] gc() {
        long count = 0;
        long ms = 0;
        for (java.lang.management.GarbageCollectorMXBean b : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, b.getCollectionCount());
            ms += Math.max(0, b.getCollectionTime());
        }
        return new long[]{count, ms};
    }

    private static String chainNote(ChainView v) {
        ChainView.Rollup r = v.root().rollup();
        return String.format(Locale.ROOT, "%,d directives, %,d tasks below", r.directives(), r.tasks());
    }

    // ------------------------------------------------------------------ printing

    private static void printCascade(NationalCascade c, double scale, long seed, double seconds) {
        Map<String, Long> levels = new LinkedHashMap<>();
        c.bodies().values().forEach(b -> levels.merge(b.level.name(), 1L, Long::sum));
        System.out.printf(Locale.ROOT, "national cascade: scale %.3f, seed %d: %,d events in %,d commits, generated in %.1f s%n",
                scale, seed, c.eventCount(), c.commits().size(), seconds);
        System.out.println("  bodies: " + levels);
        StringBuilder sb = new StringBuilder("  events:");
        c.eventTypes().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sb.append(String.format(Locale.ROOT, " %s %,d;", e.getKey(), e.getValue())));
        System.out.println(sb);
        System.out.printf("  recorded from %s to %s (business dates March to July 2026 in Asia/Ho_Chi_Minh); "
                        + "queries asked at %s%n", c.commits().get(0).at.atZone(NationalCascade.VN).toLocalDateTime(),
                c.commits().get(c.commits().size() - 1).at.atZone(NationalCascade.VN).toLocalDateTime(),
                NationalCascade.NOW.atZone(NationalCascade.VN).toOffsetDateTime());
    }

    private static void printResults(NationalCascade cascade, double scale, String backend, CascadeLoader.Result load,
                                     Disk disk,
                                     Rate rawBefore, Rebuild rebuild, Rate rawAfter, Rate decoded, Rate writeOnly,
                                     List<QueryResult> queries,
                                     int reps) {
        double raw = Math.max(rawBefore.perSecond(), rawAfter.perSecond());
        System.out.println();
        System.out.printf(Locale.ROOT, "=== read side, national cascade at scale %.2f: %,d events, %,d commits ===%n", scale,
                cascade.eventCount(), load.commits());
        System.out.println("backend: " + backend);
        System.out.printf(Locale.ROOT, "jvm: %s, heap %,d MB, collectors %s%n", System.getProperty("java.vm.version"),
                Runtime.getRuntime().maxMemory() >> 20, java.lang.management.ManagementFactory
                        .getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
        if (!backend.contains("(the application's default)")) {
            System.out.println("NOTE: not the application's store mode; run with -Dbench.backend=file for that");
        }
        System.out.printf(Locale.ROOT, "load   appendEvents                    %,10.0f ev/s  (%,.0f s, %d writer thread(s))%n",
                load.rate(), load.seconds(), load.writers());
        System.out.println("disk   " + disk.describe());
        System.out.printf(Locale.ROOT, "raw    read of the event documents     %,10.0f ev/s  (%,.0f s before, %,.0f ev/s after the rebuild)%n",
                rawBefore.perSecond(), rawBefore.seconds(), rawAfter.perSecond());
        System.out.printf(Locale.ROOT, "decode read + deserialise, no projection %,9.0f ev/s  (%,.0f s; %.2f of the raw read: "
                + "the ceiling of any rebuild's ratio)%n", decoded.perSecond(), decoded.seconds(), decoded.perSecond() / raw);
        Rebuilder.Outcome o = rebuild.outcome();
        System.out.printf(Locale.ROOT, "rebuild all %d projections             %,10.0f ev/s  (%,.0f s)%n",
                o.projections().size(), o.rate(), o.seconds());
        System.out.printf(Locale.ROOT, "  ratio rebuild / raw read: %.2f (target >= 0.5; against the faster raw read); "
                + "rebuild / decode: %.2f%n", o.rate() / raw, o.rate() / decoded.perSecond());
        double floor = cascade.eventCount() / decoded.perSecond() + writeOnly.seconds();
        System.out.printf(Locale.ROOT, "  floor: inserting the %,d final documents alone takes %.1f s (%,.0f docs/s); read + decode "
                        + "then write, with no projection logic, would run at %,.0f ev/s, a ratio of %.2f%n",
                writeOnly.events(), writeOnly.seconds(), writeOnly.perSecond(), cascade.eventCount() / floor,
                cascade.eventCount() / floor / raw);
        long eventElements = ELEMENTS.getOrDefault("events", 0L) / 2; // the raw read ran twice
        long modelElements = ELEMENTS.entrySet().stream().filter(e -> !e.getKey().equals("events"))
                .mapToLong(Map.Entry::getValue).sum();
        StringBuilder perModel = new StringBuilder();
        ELEMENTS.entrySet().stream().filter(e -> !e.getKey().equals("events"))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> perModel.append(String.format(Locale.ROOT, " %s %,d;", e.getKey(), e.getValue())));
        System.out.printf(Locale.ROOT, "  BSON elements: the event documents hold %,d (%.1f an event), the read models %,d"
                        + " (%.2f for each element of the events):%s%n", eventElements,
                eventElements / (double) cascade.eventCount(), modelElements,
                modelElements / (double) Math.max(1, eventElements), perModel);
        System.out.println("  projections: " + String.join(", ", o.projections()) + "; threads: " + o.groups());
        System.out.printf(Locale.ROOT, "  written: %,d documents in %,d bulk writes; %,d reads went to the server%n",
                o.documentsWritten(), o.bulkWrites(), o.serverReads());
        System.out.println("  time: " + o.breakdown());
        System.out.printf(Locale.ROOT, "  garbage collection during the rebuild: %,d collections, %,.1f s%n",
                rebuild.gcCount(), rebuild.gcMillis() / 1e3);
        StringBuilder sizes = new StringBuilder("  read model documents:");
        rebuild.collections().forEach((k, v) -> sizes.append(String.format(Locale.ROOT, " %s %,d;", k, v)));
        System.out.println(sizes);
        System.out.println();
        System.out.printf("%-72s %8s %8s %8s %8s %7s %6s %6s %8s  %s%n", "query (" + reps + " runs after warm-up)",
                "p50 ms", "p95 ms", "p99 ms", "max ms", "target", "met", "docs", "trips", "KB read");
        for (QueryResult q : queries) {
            boolean hasTarget = !Double.isNaN(q.targetMs);
            System.out.printf(Locale.ROOT, "%-72s %8.2f %8.2f %8.2f %8.2f %7s %6s %6d %8d %8d  %s%n", q.name, q.pct(50),
                    q.pct(95), q.pct(99), q.pct(100), hasTarget ? "<" + (int) q.targetMs : "-",
                    hasTarget ? (q.pct(95) < q.targetMs ? "yes" : "NO") : "",
                    q.documents, q.roundTrips, q.bytes / 1024, q.note);
        }
        System.out.println("(p95 against the target; docs, round trips and KB: what one run read through the ReadStore, "
                + "every read by _id or $in on _id)");
    }

    /** How long the benchmark lets the embedded file's space reclamation catch up before measuring it again. */
    private static final long SETTLE_MILLIS = 5_000;

    /** The BSON bytes of every document in the database: what is live, whatever the file holds besides. */
    static long liveBson(MongoDatabase db) {
        long live = 0;
        for (String name : db.listCollectionNames()) {
            // in batches: the embedded server answers a find without a batch size in one reply, whatever its size
            for (RawBsonDocument d : db.getCollection(name, RawBsonDocument.class).find().batchSize(500)) {
                live += d.getByteBuffer().remaining();
            }
        }
        return live;
    }

    /**
     * Bytes of the data directory after the load (events only), after the rebuild (events and read models) and a few
     * seconds later, each against the BSON bytes of the live documents (issue 11 bounds the file at 3 times them).
     */
    record Disk(boolean onFile, long afterLoad, long liveAfterLoad, long afterRebuild, long liveAfterRebuild,
                long settled, long events) {
        String describe() {
            if (!onFile) {
                return "in memory, nothing on disk";
            }
            return String.format(Locale.ROOT, "%,.1f MB after the load (%,.0f bytes an event; %.2f x the %,.1f MB of "
                            + "live BSON), %,.1f MB after the rebuild (%,.0f bytes an event, read models included; %.2f x "
                            + "the %,.1f MB live), %,.1f MB %d s later (%,.0f bytes an event, %.2f x live)",
                    afterLoad / 1e6, (double) afterLoad / events, (double) afterLoad / liveAfterLoad,
                    liveAfterLoad / 1e6, afterRebuild / 1e6, (double) afterRebuild / events,
                    (double) afterRebuild / liveAfterRebuild, liveAfterRebuild / 1e6, settled / 1e6,
                    SETTLE_MILLIS / 1000, (double) settled / events, (double) settled / liveAfterRebuild);
        }
    }
}

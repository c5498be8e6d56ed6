package vn.ledger.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.bson.Document;
import vn.ledger.core.body.Body;
import vn.ledger.core.body.BodyLevel;
import vn.ledger.core.body.RegisterBody;
import vn.ledger.core.directive.Directive;
import vn.ledger.core.directive.DirectiveKind;
import vn.ledger.core.directive.IssueDirective;
import vn.ledger.core.directive.Signer;
import vn.ledger.core.directive.SigningCapacity;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.BodyDirectory;
import vn.ledger.core.shared.DirectiveCatalog;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.core.shared.Person;
import vn.ledger.core.shared.TaskSpec;
import vn.ledger.core.task.ReportProgress;
import vn.ledger.core.task.Task;
import vn.ledger.eventstore.AggregateCache;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import vn.ledger.eventstore.CanonicalJson;

import java.time.Duration;
import vn.ledger.eventstore.CommitTrackingEventStore;
import vn.ledger.eventstore.EmbeddedMongo;
import vn.ledger.eventstore.MongoEventStorageEngine;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Write and replay throughput of the ledger on the embedded server, each against the raw driver doing the same
 * storage work in the same run.
 *
 * <p>Write: commands go through Axon's command gateway (aggregate load from cache or snapshot, rules, event
 * append); after each window the raw driver inserts the very same commit documents and stream entries, one
 * command's worth at a time, into collections of their own, so both sides grow alike and share the machine's
 * noise. Replay: a tracking processor that deserialises every event reads the whole store, against a raw
 * {@code $in} read of the same documents. Rates are the windows of 2,500 commands summed over a span of 10,000
 * events from the 10,000th stored and over the last 10,000 before the target; the ranges printed are those of
 * the windows summed, and the replay and the raw read are timed over the same events. The temporary directory is
 * deleted at the end, also on failure (the file mode leaves tens of kilobytes a stored event: gigabytes).
 */
public final class WriteReplayBenchmark {

    private static final int WINDOW = 2_500;
    private static final int SPAN = 10_000;
    private static final int TASKS = 1_000;
    private static final Actor ADMIN = new Actor("admin", "Quản trị", "Quản trị hệ thống", "ROOT");

    public static void main(String[] args) throws Exception {
        long target = Long.getLong("bench.events", 200_000);
        long early = Math.min(10_000, target / 4);
        Path dir = TempDirs.create("ledger-bench");
        System.out.printf("bench: %,d events, windows of %,d, embedded server with its file backend in %s%n",
                target, WINDOW, dir);
        try (EmbeddedMongo server = EmbeddedMongo.persistent(dir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("bench");
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                    .database(db)
                    .eventSerializer(CanonicalJson.serializer())
                    .snapshotSerializer(CanonicalJson.snapshotSerializer())
                    .build();
            engine.ensureIndexes();
            Configuration axon = axon(engine);
            axon.start();
            try {
                run(axon, db, target, early);
                System.out.printf("data directory at the end: %,.1f MB (%,.0f bytes a stored event; both stores, "
                        + "the ledger's and the raw copy, share it)%n", TempDirs.size(dir) / 1e6,
                        (double) TempDirs.size(dir) / (2 * target));
            } finally {
                axon.shutdown();
            }
        } finally {
            TempDirs.delete(dir);
        }
    }

    private static void run(Configuration axon, MongoDatabase db, long target, long early) {
        CommandGateway gateway = axon.commandGateway();
        List<String> tasks = setUp(gateway);
        MongoCollection<Document> commits = db.getCollection("events");
        MongoCollection<Document> rawCommits = db.getCollection("raw_events");
        MongoCollection<Document> rawStreams = db.getCollection("raw_event_streams");
        rawCommits.createIndex(new Document("starts", 1), new com.mongodb.client.model.IndexOptions().unique(true));
        rawCommits.createIndex(new Document("k", 1), new com.mongodb.client.model.IndexOptions().unique(true));

        // the set-up commits are copied too, so that both stores hold the same documents throughout
        long stored = copyRaw(commits, rawCommits, rawStreams, 1, countCommits(commits)).events;
        long position = countCommits(commits);
        // rates are taken over a span of SPAN events at each point, summing the windows inside it, so that one
        // slow window (a collection, a neighbour's burst) does not decide the figure. The first window ends at a
        // multiple of WINDOW (the set-up stored the first events), so windows fill the spans exactly when the
        // spans start at multiples of WINDOW; what is printed is the range the summed windows covered.
        long earlyFrom = early, earlyTo = early + SPAN, lateFrom = target - SPAN;
        double[] gatewaySec = new double[2], rawSec = new double[2];
        long[] spanEvents = new long[2];
        long[] spanFirst = {-1, -1}, spanLast = new long[2];
        long command = 0;
        // tasks in a seeded random order: a strict round robin would bring every task to its 50th, 100th...
        // event in the same window, and with it a burst of 1,000 snapshots into whichever span is measured
        java.util.Random pick = new java.util.Random(20260320);
        long started = System.nanoTime();
        while (stored < target) {
            int n = (int) Math.min(WINDOW - stored % WINDOW, target - stored);
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++, command++) {
                String task = tasks.get(pick.nextInt(tasks.size()));
                gateway.sendAndWait(new ReportProgress(task, "Báo cáo tiến độ lần " + (command / tasks.size() + 1)
                        + ": đã triển khai, tuyên truyền đến cán bộ, đảng viên", (int) (command % 100),
                        null, LocalDate.of(2026, 4, 1 + (int) (command % 28)), List.of(), lead(task)));
            }
            double gatewayTime = seconds(t0);
            Copy copy = copyRaw(commits, rawCommits, rawStreams, position + 1, position + n);
            position += n;
            long from = stored;
            stored += n;
            for (int span = 0; span < 2; span++) {
                boolean inside = span == 0 ? from >= earlyFrom && stored <= earlyTo : from >= lateFrom;
                if (inside) {
                    gatewaySec[span] += gatewayTime;
                    rawSec[span] += copy.seconds;
                    spanEvents[span] += n;
                    if (spanFirst[span] < 0) {
                        spanFirst[span] = from;
                    }
                    spanLast[span] = stored;
                }
            }
            System.out.printf("write  %,9d / %,d events (%3d%%)  gateway %,8.0f ev/s  raw %,8.0f ev/s  elapsed %,.0f s%n",
                    stored, target, 100 * stored / target, n / gatewayTime, n / copy.seconds, seconds(started));
        }
        if (spanFirst[0] < 0) {
            throw new IllegalArgumentException("bench.events " + target + " leaves no window in the first span");
        }
        double gatewayEarly = spanEvents[0] / gatewaySec[0], gatewayLate = spanEvents[1] / gatewaySec[1];
        double rawEarly = spanEvents[0] / rawSec[0], rawLate = spanEvents[1] / rawSec[1];

        // one unmeasured pass of each, so that both measured passes run on warmed-up code
        System.out.println("replay: warm-up pass");
        // the replay is timed over the same events as the write: the n-th event read to the m-th
        replay(axon, db, target, spanFirst, spanLast, "bench-warm-up");
        rawRead(rawCommits, target, spanFirst, spanLast);
        ReplayResult replay = replay(axon, db, target, spanFirst, spanLast, "bench-replay");
        ReplayResult raw = rawRead(rawCommits, target, spanFirst, spanLast);

        System.out.println();
        System.out.println("=== results (events per second; ratio = ledger / raw driver, same run) ===");
        System.out.printf("%-34s %14s %14s   (the events after the n-th stored up to the m-th: %,d and %,d)%n",
                "", String.format("%,d-%,d", spanFirst[0], spanLast[0]), String.format("%,d-%,d", spanFirst[1],
                        spanLast[1]), spanEvents[0], spanEvents[1]);
        row("append via command gateway", gatewayEarly, gatewayLate);
        row("append raw driver (same docs)", rawEarly, rawLate);
        ratio("  ratio gateway / raw (target >= 0.5)", gatewayEarly / rawEarly, gatewayLate / rawLate);
        System.out.printf("  gateway rate at %,d vs at %,d: %+.1f%% (target within 20%%)%n", spanLast[1], spanFirst[0],
                100 * (gatewayLate / gatewayEarly - 1));
        row("replay via tracking processor", replay.early, replay.late);
        row("read raw driver (same docs)", raw.early, raw.late);
        ratio("  ratio replay / raw (target >= 0.5)", replay.early / raw.early, replay.late / raw.late);
        System.out.printf("  replay rate at %,d vs at %,d: %+.1f%% (target within 20%%)%n", spanLast[1], spanFirst[0],
                100 * (replay.late / replay.early - 1));
        System.out.printf("whole replay: %,d events in %.1f s (%,.0f ev/s); whole raw read %.1f s (%,.0f ev/s)%n",
                replay.events, replay.seconds, replay.events / replay.seconds, raw.seconds, raw.events / raw.seconds);
    }

    private static void row(String label, double early, double late) {
        System.out.printf("%-34s %14.0f %14.0f%n", label, early, late);
    }

    private static void ratio(String label, double early, double late) {
        System.out.printf("%-34s %14.2f %14.2f%n", label, early, late);
    }

    // ------------------------------------------------------------------ set-up

    private static final Map<String, String> LEADS = new ConcurrentHashMap<>();
    /** The bench's stand-in for the body directory the application keeps from Body events. */
    private static final java.util.Set<String> REGISTERED = ConcurrentHashMap.newKeySet();

    private static Actor lead(String task) {
        String body = LEADS.get(task);
        return new Actor("officer-" + body, "Chuyên viên " + body, "Chuyên viên", body);
    }

    private static List<String> setUp(CommandGateway gateway) {
        gateway.sendAndWait(new RegisterBody("ROOT", "Ban Chỉ đạo Trung ương", null, BodyLevel.CENTRAL,
                LocalDate.of(2025, 7, 1), ADMIN));
        REGISTERED.add("ROOT");
        List<String> units = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String code = "UNIT-" + i;
            units.add(code);
            gateway.sendAndWait(new RegisterBody(code, "Đơn vị số " + i, "ROOT", BodyLevel.UNIT,
                    LocalDate.of(2025, 7, 1), ADMIN));
            REGISTERED.add(code);
        }
        List<String> tasks = new ArrayList<>();
        Actor issuer = new Actor("chief", "Phạm Gia Túc", "Chánh Văn phòng", "ROOT");
        for (int d = 0; d < TASKS / 100; d++) {
            String directiveId = "bench-directive-" + d;
            List<TaskSpec> specs = new ArrayList<>();
            for (int t = 0; t < 100; t++) {
                String lead = units.get((d * 100 + t) % units.size());
                specs.add(new TaskSpec("T" + t, "Triển khai nhiệm vụ số " + t, new Person("Nguyễn Văn A", "Giám đốc"),
                        List.of(lead), List.of(), "trong tháng 12/2026",
                        "Báo cáo kết quả"));
                String taskId = directiveId + "/T" + t;
                tasks.add(taskId);
                LEADS.put(taskId, lead);
            }
            gateway.sendAndWait(new IssueDirective(directiveId, d + "-TB/BCĐ", DirectiveKind.THONG_BAO, "ROOT",
                    new Signer("Phạm Gia Túc", "Chánh Văn phòng", SigningCapacity.TM), LocalDate.of(2026, 3, 20),
                    "V/v triển khai thực hiện nhiệm vụ " + d, units, List.of(), List.of(), List.of(), List.of(),
                    specs, issuer));
        }
        return tasks;
    }

    private static Configuration axon(MongoEventStorageEngine engine) {
        BodyDirectory bodies = new BodyDirectory() {
            @Override
            public boolean exists(String code) {
                return REGISTERED.contains(code);
            }

            @Override
            public boolean isActive(String code) {
                return exists(code);
            }

            @Override
            public boolean isSameOrDescendant(String code, String ancestorCode) {
                return code.equals(ancestorCode) || "ROOT".equals(ancestorCode);
            }
        };
        DirectiveCatalog catalog = new DirectiveCatalog() {
            @Override
            public Optional<String> resolveSymbol(String symbolAsWritten) {
                return Optional.empty();
            }

            @Override
            public DirectiveStatus statusOf(String directiveId) {
                return DirectiveStatus.ACTIVE;
            }
        };
        return DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> CanonicalJson.serializer())
                .configureEventSerializer(c -> CanonicalJson.serializer())
                .configureMessageSerializer(c -> CanonicalJson.serializer())
                // readers follow the engine each from their own token (one token per commit; see CommitTrackingEventStore)
                .configureEventStore(c -> CommitTrackingEventStore.build(
                        EmbeddedEventStore.builder().storageEngine(engine), Duration.ofSeconds(1)))
                .registerComponent(BodyDirectory.class, c -> bodies)
                .registerComponent(DirectiveCatalog.class, c -> catalog)
                .configureAggregate(aggregate(Body.class))
                .configureAggregate(aggregate(Directive.class))
                .configureAggregate(aggregate(Task.class))
                // as in the application: snapshots are taken beside the command thread, not in it
                .configureSnapshotter(c -> AggregateSnapshotter.builder()
                        .eventStore(c.eventStore())
                        .aggregateFactories(c.aggregateFactory(Body.class), c.aggregateFactory(Directive.class),
                                c.aggregateFactory(Task.class))
                        .repositoryProvider(c::repository)
                        .parameterResolverFactory(c.parameterResolverFactory())
                        .executor(Executors.newSingleThreadExecutor(r -> {
                            Thread t = new Thread(r, "snapshotter");
                            t.setDaemon(true);
                            return t;
                        }))
                        .build())
                .buildConfiguration();
    }

    private static <A> AggregateConfigurer<A> aggregate(Class<A> type) {
        AggregateCache cache = new AggregateCache(50_000);
        return AggregateConfigurer.defaultConfiguration(type)
                .configureCache(c -> cache)
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), 50));
    }

    // ------------------------------------------------------------------ raw driver baseline

    private record Copy(long events, double seconds) {
    }

    /** Inserts the commits at positions [from, to] into the raw collections, one commit at a time, timed. */
    private static Copy copyRaw(MongoCollection<Document> commits, MongoCollection<Document> rawCommits,
                                MongoCollection<Document> rawStreams, long from, long to) {
        List<Document> docs = new ArrayList<>();
        for (long p = from; p <= to; p += 256) {
            List<Long> ids = new ArrayList<>();
            for (long q = p; q < Math.min(to + 1, p + 256); q++) {
                ids.add(q);
            }
            commits.find(Filters.in("_id", ids)).into(docs);
        }
        docs.sort((a, b) -> Long.compare(a.getLong("_id"), b.getLong("_id")));
        long events = 0;
        long t0 = System.nanoTime();
        for (Document commit : docs) {
            rawCommits.insertOne(commit);
            List<Document> entries = new ArrayList<>();
            for (Document e : commit.getList("ev", Document.class)) {
                entries.add(new Document("_id", e.getString("agg") + "#" + e.getLong("seq")).append("c", commit.getLong("_id")));
                events++;
            }
            if (!entries.isEmpty()) {
                rawStreams.insertMany(entries);
            }
        }
        return new Copy(events, seconds(t0));
    }

    private static long countCommits(MongoCollection<Document> commits) {
        return commits.countDocuments();
    }

    // ------------------------------------------------------------------ replay

    private record ReplayResult(long events, double seconds, double early, double late) {
    }

    private static ReplayResult replay(Configuration axon, MongoDatabase db, long target, long[] from, long[] to,
                                       String name) {
        EventStore store = axon.eventStore();
        AtomicLong seen = new AtomicLong();
        long t0 = System.nanoTime();
        SpanClock clock = new SpanClock(from, to, t0);
        EventMessageHandler handler = event -> {
            Object payload = event.getPayload(); // a projection deserialises what it handles
            long n = seen.get() + 1; // one processing thread
            clock.seen(n);
            seen.set(n); // after the clock, so that whoever sees the count sees the marks
            return payload == null ? null : null;
        };
        MongoTokenStore tokens = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(db).build())
                .serializer(CanonicalJson.serializer()).build();
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                .messageSource(store)
                .tokenStore(tokens)
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(256).andEventAvailabilityTimeout(200, TimeUnit.MILLISECONDS))
                .build();
        processor.start();
        long lastPrint = System.nanoTime();
        while (seen.get() < target) {
            sleep(200);
            if (System.nanoTime() - lastPrint > 5e9) {
                System.out.printf("replay %,9d / %,d events (%3d%%)%n", seen.get(), target, 100 * seen.get() / target);
                lastPrint = System.nanoTime();
            }
        }
        double total = seconds(t0);
        processor.shutDown();
        return new ReplayResult(seen.get(), total, clock.rate(0), clock.rate(1));
    }

    private static ReplayResult rawRead(MongoCollection<Document> rawCommits, long target, long[] from, long[] to) {
        long seen = 0;
        long t0 = System.nanoTime();
        SpanClock clock = new SpanClock(from, to, t0);
        long position = 0;
        while (seen < target) {
            List<Long> ids = new ArrayList<>(256);
            for (long p = position + 1; p <= position + 256; p++) {
                ids.add(p);
            }
            position += 256;
            for (Document commit : rawCommits.find(Filters.in("_id", ids))) {
                for (Document e : commit.getList("ev", Document.class)) {
                    clock.seen(++seen);
                }
            }
        }
        return new ReplayResult(seen, seconds(t0), clock.rate(0), clock.rate(1));
    }

    /** Times the events after the from-th read up to the to-th, for each span (from 0: from the start). */
    private static final class SpanClock {
        private final long[] from, to, start, end;

        SpanClock(long[] from, long[] to, long t0) {
            this.from = from;
            this.to = to;
            this.start = new long[from.length];
            this.end = new long[from.length];
            for (int i = 0; i < from.length; i++) {
                if (from[i] == 0) {
                    start[i] = t0;
                }
            }
        }

        void seen(long n) {
            for (int i = 0; i < from.length; i++) {
                if (n == from[i]) start[i] = System.nanoTime();
                if (n == to[i]) end[i] = System.nanoTime();
            }
        }

        double rate(int i) {
            return (to[i] - from[i]) / ((end[i] - start[i]) / 1e9);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

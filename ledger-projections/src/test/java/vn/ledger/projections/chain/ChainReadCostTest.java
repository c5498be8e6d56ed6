package vn.ledger.projections.chain;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.eventstore.EmbeddedMongo;
import vn.ledger.projections.fixture.CountingReadStore;
import vn.ledger.projections.fixture.EventFeed;
import vn.ledger.projections.fixture.Ledger;
import vn.ledger.projections.fixture.NationalShape;
import vn.ledger.projections.store.InMemoryReadStore;
import vn.ledger.projections.store.MongoReadStore;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.store.WriteBehindStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the chain query of the central notice costs in documents and bytes, on a cascade of the national shape
 * ({@link NationalShape}), and what building it costs. Prints the figures (the projection's time too); asserts
 * only counts and contents, never a time. The scale is small by default;
 * for the figures of a larger one: {@code -Dchain.cost.communes=98} (national: 3,321 communes ≈ 98 a province),
 * {@code -Dchain.cost.writes=true} to print what each event writes, and {@code -Dchain.cost.mongo=20} to also time 20 runs of each query on the embedded server (printed, never
 * asserted).
 */
@DisplayName("Chain read cost on a cascade of the national shape")
class ChainReadCostTest {

    private static final Instant NOW = Instant.parse("2026-07-31T10:00:00Z");
    private static final int COMMUNES = Integer.getInteger("chain.cost.communes", 6);
    private static final int UNIT_TASKS = Integer.getInteger("chain.cost.unitTasks", 4);
    private static final int MONGO_RUNS = Integer.getInteger("chain.cost.mongo", 0);

    /**
     * @param seconds      the projection's time over all the events, into a write-behind cache
     * @param flushSeconds writing the cached documents to the store (here: copies in memory)
     */
    record Built(InMemoryReadStore store, NationalShape shape, int events, double seconds, double flushSeconds) {
    }

    /** Builds the chain as a rebuild does: every event, in order, through a write-behind cache, then flushed. */
    static Built build(int communes) {
        EventFeed recorded = new EventFeed().hold();
        NationalShape shape = NationalShape.load(new Ledger(recorded), communes, UNIT_TASKS, 22);
        List<DomainEventMessage<?>> events = recorded.emitted();
        InMemoryReadStore store = new InMemoryReadStore();
        WriteBehindStore cache = new WriteBehindStore(store, 1_000_000, 2_000_000);
        long t0 = System.nanoTime();
        EventFeed.replay(events, new ChainProjection(cache));
        long t1 = System.nanoTime();
        cache.flush();
        return new Built(store, shape, events.size(), (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
    }

    @Test
    void theCentralChainAtDepthTwoReadsTheNodesItShowsAndNoListOfCitingDirectives() {
        Built b = build(COMMUNES);
        System.out.printf(Locale.ROOT, "%nchain read cost: %d provinces × %d communes (%,d commune letters), %,d events"
                        + " projected in %.1f s into a write-behind cache, flushed in %.1f s%n", NationalShape.PROVINCES,
                COMMUNES, b.shape.communeLetters.size(), b.events, b.seconds, b.flushSeconds);
        Map<String, long[]> stored = sizes(b.store);
        stored.forEach((c, s) -> System.out.printf(Locale.ROOT, "  stored %-14s %,9d documents %,12d bytes%n", c,
                s[0], s[1]));

        CountingReadStore counting = new CountingReadStore(b.store);
        ChainQueries queries = new ChainQueries(counting);
        for (int depth = 1; depth <= 2; depth++) {
            counting.reset();
            ChainView view = queries.chain(NationalShape.CENTRAL, depth, NOW).orElseThrow();
            int shown = count(view.root());
            System.out.printf(Locale.ROOT, "  chain(22-TB, depth %d): %,d nodes shown, %,d documents, %,d round trips,"
                    + " %,d bytes%n", depth, shown, counting.documents, counting.roundTrips, counting.bytes);
            assertThat(counting.documents).as("each node shown is read once, nothing else").isEqualTo(shown);
            int trips = 1;
            for (int d = 1; d <= depth; d++) {
                trips += (int) Math.ceil(atDepth(view.root(), d) / (double) ChainQueries.MAX_IN);
            }
            assertThat(counting.roundTrips).as("1 for the root, 1 per %d ids of a level", ChainQueries.MAX_IN)
                    .isEqualTo(trips);
            assertThat(counting.scans).isZero();
        }
        counting.reset();
        ChainView province = queries.chain(NationalShape.provinceLetter(1), 2, NOW).orElseThrow();
        System.out.printf(Locale.ROOT, "  chain(province letter, depth 2): %,d documents, %,d bytes%n",
                counting.documents, counting.bytes);
        assertThat(counting.documents).isEqualTo(count(province.root()));

        ChainView top = queries.chain(NationalShape.CENTRAL, 2, NOW).orElseThrow();
        assertThat(top.root().childCount()).as("6 tasks and 34 province letters").isEqualTo(40);
        assertThat(top.root().rollup().directives()).isEqualTo(1 + 34 + b.shape.communeLetters.size());
        // the communes' letters cite the central notice, but their issuers are not its recipients: its node, read
        // by every view from the top, does not list them (the acts on it do)
        String central = b.store.find(ChainProjection.NODES, NationalShape.CENTRAL).orElseThrow().toJson();
        assertThat(b.shape.communeLetters).isNotEmpty().noneMatch(central::contains);
        printSizes(b.store, top.root());

        if (MONGO_RUNS > 0) {
            timeOnMongo(b.store);
        }
    }

    @Test
    void aLevelReadInPartsSideBySideGivesTheSameViewFromTheSameReads() {
        Built b = build(COMMUNES);
        CountingReadStore one = new CountingReadStore(b.store);
        CountingReadStore parallel = new CountingReadStore(b.store);
        ExecutorService pool = ChainQueries.partsPool(4);
        try {
            ChainView expected = new ChainQueries(one).chain(NationalShape.CENTRAL, 2, NOW).orElseThrow();
            ChainView actual = new ChainQueries(parallel, pool).chain(NationalShape.CENTRAL, 2, NOW).orElseThrow();
            assertThat(atDepth(expected.root(), 2)).as("a level of more than one part").isGreaterThan(ChainQueries.MAX_IN);
            assertThat(actual).isEqualTo(expected);
            assertThat(parallel.documents).isEqualTo(one.documents);
            assertThat(parallel.roundTrips).isEqualTo(one.roundTrips);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * What one event writes when the projection writes through (as a live one does): documents and BSON bytes per
     * event, the worst by event type printed. Documents that grow with a busy entity (the central notice's recipients
     * in its node, the directives citing it in its acts) are still rewritten whole: this measures how much.
     */
    @Test
    void everyEventWritesOnlyTheNodesOnItsPathItsDirectivesActsAndItsLeadsIndex() {
        // written through an in-memory store that copies every document: minutes, so only when asked for
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("chain.cost.writes"),
                "-Dchain.cost.writes=true to measure what each event writes");
        EventFeed recorded = new EventFeed().hold();
        NationalShape.load(new Ledger(recorded), COMMUNES, UNIT_TASKS, 22);
        InMemoryReadStore stored = new InMemoryReadStore();
        CountingReadStore counting = new CountingReadStore(stored);
        long[] bytes = new long[1];
        Map<String, long[]> largest = new TreeMap<>();
        ReadStore measured = new ReadStore() {
            @Override
            public java.util.Optional<Document> find(String collection, String id) {
                return counting.find(collection, id);
            }

            @Override
            public Map<String, Document> findAll(String collection, java.util.Collection<String> ids) {
                return counting.findAll(collection, ids);
            }

            @Override
            public void put(String collection, Document document) {
                counting.put(collection, document);
                // the size as stored (values kept as objects while working are written as their strings)
                long size = CountingReadStore.bson(stored.find(collection, document.getString("_id")).orElseThrow());
                bytes[0] += size;
                long[] l = largest.computeIfAbsent(collection, c -> new long[1]);
                l[0] = Math.max(l[0], size);
            }

            @Override
            public void delete(String collection, String id) {
                counting.delete(collection, id);
            }

            @Override
            public java.util.stream.Stream<Document> scan(String collection) {
                return counting.scan(collection);
            }

            @Override
            public void drop(String collection) {
                counting.drop(collection);
            }
        };
        EventFeed feed = new EventFeed(new ChainProjection(measured));
        Map<String, long[]> worst = new TreeMap<>();
        int mostDocuments = 0;
        for (DomainEventMessage<?> m : recorded.emitted()) {
            counting.reset();
            bytes[0] = 0;
            feed.deliver(m);
            long[] w = worst.computeIfAbsent(m.getPayloadType().getSimpleName(), k -> new long[3]);
            w[0]++;
            w[1] = Math.max(w[1], bytes[0]);
            w[2] = Math.max(w[2], counting.writes);
            mostDocuments = Math.max(mostDocuments, counting.writes);
        }
        System.out.printf(Locale.ROOT, "%nchain writes per event, %d provinces × %d communes, written through:%n",
                NationalShape.PROVINCES, COMMUNES);
        worst.forEach((type, w) -> System.out.printf(Locale.ROOT, "  %-20s %,8d events, worst %,10d bytes in %d"
                + " documents%n", type, w[0], w[1], w[2]));
        largest.forEach((c, l) -> System.out.printf(Locale.ROOT, "  largest document written to %-14s %,10d bytes%n",
                c, l[0]));
        // a receipt changes its directive's node and the roll-ups of the directives above it, nothing else
        assertThat(worst.get("DirectiveReceived")[2]).as("documents written by a receipt").isLessThanOrEqualTo(3);
        assertThat(mostDocuments).isPositive();
    }

    // ------------------------------------------------------------------ reporting

    private static int atDepth(ChainView.ChainNode n, int depth) {
        return depth == 0 ? 1 : n.children().stream().mapToInt(c -> atDepth(c, depth - 1)).sum();
    }

    private static int count(ChainView.ChainNode n) {
        int c = 1;
        for (ChainView.ChainNode x : n.children()) {
            c += count(x);
        }
        return c;
    }

    private static Map<String, long[]> sizes(InMemoryReadStore store) {
        Map<String, long[]> out = new TreeMap<>();
        for (String c : ChainProjection.COLLECTIONS) {
            long[] s = new long[2];
            store.scan(c).forEach(d -> {
                s[0]++;
                s[1] += CountingReadStore.bson(d);
            });
            out.put(c, s);
        }
        return out;
    }

    /** Sizes of the shown nodes by depth and kind, with their fields' average sizes, biggest first. */
    private static void printSizes(ReadStore store, ChainView.ChainNode root) {
        List<ChainView.ChainNode> shown = new ArrayList<>();
        collect(root, shown);
        Map<String, Document> docs = store.findAll(ChainProjection.NODES, shown.stream().map(ChainView.ChainNode::id)
                .toList());
        Map<String, long[]> byKind = new TreeMap<>();
        Map<String, Map<String, Long>> fields = new TreeMap<>();
        for (ChainView.ChainNode n : shown) {
            Document d = docs.get(n.id());
            String group = "depth " + n.depth() + " " + n.kind();
            long[] s = byKind.computeIfAbsent(group, k -> new long[2]);
            s[0]++;
            s[1] += CountingReadStore.bson(d);
            for (String k : d.keySet()) {
                // the field alone in a document, less the 5 bytes of an empty document
                fields.computeIfAbsent(group, g -> new TreeMap<>()).merge(k,
                        CountingReadStore.bson(new Document(k, d.get(k))) - 5L, Long::sum);
            }
        }
        byKind.forEach((k, s) -> {
            List<String> top = fields.get(k).entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                    .map(e -> e.getKey() + " " + e.getValue() / s[0]).toList();
            System.out.printf(Locale.ROOT, "    %-16s %,6d nodes, %,10d bytes, %,7d a node: %s%n", k, s[0], s[1],
                    s[1] / s[0], String.join(", ", top));
        });
    }

    private static void collect(ChainView.ChainNode n, List<ChainView.ChainNode> out) {
        out.add(n);
        n.children().forEach(c -> collect(c, out));
    }

    /** Times the queries on the embedded server (printed only: this machine is shared, a figure is indicative). */
    private static void timeOnMongo(InMemoryReadStore built) {
        try (EmbeddedMongo server = EmbeddedMongo.inMemory();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoReadStore mongo = new MongoReadStore(client.getDatabase("chain_cost"), "rm_");
            for (String c : ChainProjection.COLLECTIONS) {
                built.scan(c).forEach(d -> mongo.put(c, d));
            }
            ExecutorService pool = ChainQueries.partsPool(4);
            try {
                for (int depth = 1; depth <= 2; depth++) {
                    time("one part after the other", new ChainQueries(mongo), depth);
                    time("parts side by side on 4 threads", new ChainQueries(mongo, pool), depth);
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    private static void time(String how, ChainQueries queries, int depth) {
        long[] nanos = new long[MONGO_RUNS];
        for (int i = 0; i < MONGO_RUNS / 2 + MONGO_RUNS; i++) {
            long t0 = System.nanoTime();
            queries.chain(NationalShape.CENTRAL, depth, NOW).orElseThrow();
            if (i >= MONGO_RUNS / 2) {
                nanos[i - MONGO_RUNS / 2] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "  embedded server, chain(22-TB, depth %d), %s: p50 %.1f ms, p95 %.1f ms"
                        + " (%d runs after %d warm-up)%n", depth, how, nanos[MONGO_RUNS / 2] / 1e6,
                nanos[(int) Math.ceil(MONGO_RUNS * 0.95) - 1] / 1e6, MONGO_RUNS, MONGO_RUNS / 2);
    }
}

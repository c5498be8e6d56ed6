package vn.ledger.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.awaitility.Awaitility;

/**
 * The storage contract: what the ledger relies on from its event store, whatever server is behind the driver.
 * Run on the embedded server always and on a real MongoDB where Docker exists.
 */
abstract class EventStorageContract {

    /** A payload with a map, to prove canonical form does not depend on insertion order. */
    record Noted(String text, Map<String, Integer> counts) {
    }

    protected abstract MongoClient client();

    private MongoDatabase database;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private volatile LongConsumer hook = p -> { };

    @BeforeEach
    void freshDatabase() {
        database = client().getDatabase("contract_" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        database.drop();
    }

    MongoEventStorageEngine engine() {
        return engine(Duration.ofSeconds(30));
    }

    MongoEventStorageEngine engine(Duration gapTimeout) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .database(database)
                .serializer(CanonicalJson.serializer())
                .gapTimeout(gapTimeout)
                .aggregateBatch(16)
                .trackingWindow(32)
                .beforeCommit(p -> hook.accept(p))
                .build();
        engine.ensureIndexes();
        return engine;
    }

    static DomainEventMessage<Noted> event(String aggregate, long seq) {
        return event(aggregate, seq, MetaData.emptyInstance());
    }

    static DomainEventMessage<Noted> event(String aggregate, long seq, MetaData metaData) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("zeta", 1);
        counts.put("alpha", 2);
        return new GenericDomainEventMessage<>("Note", aggregate, seq,
                new Noted("ghi chú " + seq + " – triển khai", counts), metaData);
    }

    static List<Long> sequences(DomainEventStream stream) {
        List<Long> out = new ArrayList<>();
        stream.forEachRemaining(e -> out.add(e.getSequenceNumber()));
        return out;
    }

    // ------------------------------------------------------------------ aggregate streams

    @Test
    @DisplayName("an aggregate's events come back in order, across many commits and batches, from any sequence")
    void readsAggregateStreamInOrder() {
        MongoEventStorageEngine engine = engine();
        for (long seq = 0; seq < 50; seq += 2) {
            engine.appendEvents(event("A", seq), event("A", seq + 1));
            engine.appendEvents(event("B", seq / 2));
        }
        assertThat(sequences(engine.readEvents("A"))).hasSize(50).isSorted().startsWith(0L, 1L).endsWith(49L);
        assertThat(sequences(engine.readEvents("A", 37))).first().isEqualTo(37L);
        assertThat(sequences(engine.readEvents("B"))).hasSize(25);
        assertThat(sequences(engine.readEvents("nobody"))).isEmpty();
        assertThat(engine.lastSequenceNumberFor("A")).contains(49L);
        DomainEventMessage<?> first = engine.readEvents("A").next();
        assertThat(first.getPayload()).isEqualTo(event("A", 0).getPayload());
        assertThat(first.getType()).isEqualTo("Note");
    }

    @Test
    @DisplayName("a second event at the same (aggregate, sequence) is refused with ConcurrencyException, and nothing of it is stored")
    void refusesDuplicateSequence() {
        MongoEventStorageEngine engine = engine();
        engine.appendEvents(event("A", 0), event("A", 1));
        assertThatThrownBy(() -> engine.appendEvents(event("A", 0)))
                .isInstanceOf(ConcurrencyException.class)
                .as("no non-transient cause, so that Axon's retry scheduler retries it")
                .hasNoCause();
        engine.appendEvents(event("A", 2), event("C", 0), event("A", 3));
        assertThatThrownBy(() -> engine.appendEvents(event("D", 0), event("A", 2)))
                .as("a commit touching two aggregates fails whole when one collides")
                .isInstanceOf(ConcurrencyException.class);
        assertThat(sequences(engine.readEvents("D"))).isEmpty();
        assertThat(sequences(engine.readEvents("A"))).containsExactly(0L, 1L, 2L, 3L);
        assertThat(readAll(engine)).hasSize(5);
    }

    @Test
    @DisplayName("one commit creating several aggregates is stored whole and tracked as one position")
    void multiAggregateCommitIsAtomic() {
        MongoEventStorageEngine engine = engine();
        engine.appendEvents(event("directive-1", 0), event("task-1", 0), event("task-2", 0));
        assertThat(sequences(engine.readEvents("task-1"))).containsExactly(0L);
        assertThat(sequences(engine.readEvents("task-2"))).containsExactly(0L);
        List<TrackedEventMessage<?>> all = readAll(engine);
        assertThat(all).hasSize(3);
        assertThat(all).extracting(TrackedEventMessage::trackingToken).containsOnly(all.get(0).trackingToken());
    }

    @Test
    @DisplayName("of many writers racing on one aggregate position, exactly one wins")
    void concurrentWritersOnOneAggregate() throws Exception {
        MongoEventStorageEngine engine = engine();
        engine.appendEvents(event("hot", 0));
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger won = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                try {
                    engine.appendEvents(event("hot", 1), event("hot", 2));
                    won.incrementAndGet();
                } catch (ConcurrencyException e) {
                    lost.incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(won.get()).isEqualTo(1);
        assertThat(lost.get()).isEqualTo(writers - 1);
        assertThat(sequences(engine.readEvents("hot"))).containsExactly(0L, 1L, 2L);
        assertThat(readAll(engine)).hasSize(3);
    }

    @Test
    @DisplayName("many writers on different aggregates all land, each at its own position")
    void concurrentWritersOnManyAggregates() throws Exception {
        MongoEventStorageEngine engine = engine();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String aggregate = "body-" + i;
            futures.add(pool.submit(() -> engine.appendEvents(event(aggregate, 0), event(aggregate, 1))));
        }
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        List<TrackedEventMessage<?>> all = readAll(engine);
        assertThat(all).hasSize(120);
        assertThat(all).extracting(EventMessage::getIdentifier).doesNotHaveDuplicates();
    }

    // ------------------------------------------------------------------ tracking

    @Test
    @DisplayName("tracking reads everything in commit order and resumes from any token without repeats")
    void trackingResumesFromToken() {
        MongoEventStorageEngine engine = engine();
        for (int i = 0; i < 100; i++) {
            engine.appendEvents(event("T" + (i % 7), i / 7));
        }
        engine.appendEvents(GenericEventMessage.asEventMessage("a plain event, not of an aggregate"));
        List<TrackedEventMessage<?>> all = readAll(engine);
        assertThat(all).hasSize(101);
        assertThat(all.get(0).trackingToken()).isInstanceOf(GapAwareTrackingToken.class);
        TrackingToken middle = all.get(49).trackingToken();
        List<TrackedEventMessage<?>> rest = new ArrayList<>(engine.readEvents(middle, false).toList());
        assertThat(rest).extracting(EventMessage::getIdentifier)
                .containsExactlyElementsOf(all.subList(50, 101).stream().map(EventMessage::getIdentifier).toList());
        assertThat(engine.readEvents(all.get(100).trackingToken(), false)).isEmpty();
        assertThat(((GapAwareTrackingToken) engine.createHeadToken()).getIndex())
                .isEqualTo(((GapAwareTrackingToken) all.get(100).trackingToken()).getIndex());
    }

    @Test
    @DisplayName("a commit held back while later ones land is still delivered to the projection, exactly once")
    void heldBackCommitIsDeliveredOnce() throws Exception {
        MongoEventStorageEngine engine = engine();
        Projection projection = startProjection(engine, mongoTokenStore());
        engine.appendEvents(event("early", 0));

        Held held = holdCommitOf(engine, event("slow", 0));
        for (int i = 0; i < 20; i++) {
            engine.appendEvents(event("fast-" + i, 0));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> projection.count("fast-19") == 1);
        assertThat(projection.count("slow")).as("not yet committed").isZero();

        held.release();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> projection.count("slow") == 1);
        engine.appendEvents(event("after", 0));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> projection.count("after") == 1);
        assertThat(projection.perAggregate).allSatisfy((aggregate, n) -> assertThat(n.get()).as(aggregate).isEqualTo(1));
        assertThat(projection.perAggregate).hasSize(23);
    }

    @Test
    @DisplayName("every event read from the log names its own place in it, also a commit that fills a gap late")
    void eventsNameTheirLogPosition() throws Exception {
        MongoEventStorageEngine engine = engine();
        engine.appendEvents(event("early", 0), event("early", 1));
        Held held = holdCommitOf(engine, event("slow", 0));
        engine.appendEvents(event("fast", 0));

        List<TrackedEventMessage<?>> first = readAll(engine);
        assertThat(first).extracting(m -> LogPosition.require(m))
                .containsExactly(new LogPosition(1, 0), new LogPosition(1, 1), new LogPosition(3, 0));
        assertThat(first.get(0).trackingToken()).as("one commit, one batch").isEqualTo(first.get(1).trackingToken());

        held.release();
        List<? extends TrackedEventMessage<?>> late = engine.readEvents(first.get(2).trackingToken(), false).toList();
        assertThat(late).hasSize(1);
        assertThat(LogPosition.require(late.get(0))).isEqualTo(new LogPosition(held.position(), 0));
        assertThat(late.get(0).trackingToken().position()).as("tracked at the highest position seen").hasValue(3);
        assertThat(new LogPosition(2, 0).key()).isLessThan(new LogPosition(10, 0).key());
    }

    @Test
    @DisplayName("a token naming its event's log position is stored and read back by the token store")
    void commitTokensSurviveTheTokenStore() {
        TokenStore tokens = mongoTokenStore();
        tokens.initializeTokenSegments("projection", 1);
        CommitToken token = new CommitToken(42, List.of(7L, 40L), 40, 3);
        tokens.storeToken(token, "projection", 0);
        TrackingToken back = tokens.fetchToken("projection", 0);
        assertThat(back).isEqualTo(token);
        assertThat(((CommitToken) back).logPosition()).isEqualTo(new LogPosition(40, 3));
    }

    @Test
    @DisplayName("a commit held back past the gap timeout loses its position, is appended again, and is delivered once")
    void commitHeldPastTheGapTimeoutIsAppendedAgain() throws Exception {
        MongoEventStorageEngine engine = engine(Duration.ofMillis(300));
        Projection projection = startProjection(engine, mongoTokenStore());
        Held held = holdCommitOf(engine, event("slow", 0));
        engine.appendEvents(event("fast", 0));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> projection.count("fast") == 1);
        // the reader closes the old position once the timeout has passed
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> database.getCollection("events")
                .find(Filters.and(Filters.eq("_id", held.position()), Filters.eq("tomb", true))).first() != null);

        held.release();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> projection.count("slow") == 1);
        assertThat(sequences(engine.readEvents("slow"))).containsExactly(0L);
        Thread.sleep(500);
        assertThat(projection.count("slow")).isEqualTo(1);
    }

    // ------------------------------------------------------------------ snapshots, tokens, idempotency

    @Test
    @DisplayName("the newest snapshot is kept; an older one never replaces it")
    void snapshots() {
        MongoEventStorageEngine engine = engine();
        for (long seq = 0; seq < 10; seq++) {
            engine.appendEvents(event("S", seq));
        }
        engine.storeSnapshot(new GenericDomainEventMessage<>("Note", "S", 7, new Noted("state at 7", Map.of())));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Note", "S", 4, new Noted("state at 4", Map.of())));
        assertThat(engine.readSnapshot("S")).hasValueSatisfying(s -> assertThat(s.getSequenceNumber()).isEqualTo(7));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Note", "S", 9, new Noted("state at 9", Map.of())));
        assertThat(engine.readSnapshot("S")).hasValueSatisfying(s ->
                assertThat(((Noted) s.getPayload()).text()).isEqualTo("state at 9"));
        assertThat(engine.readSnapshot("nobody")).isEmpty();
    }

    @Test
    @DisplayName("the extension's MongoTokenStore stores, claims and returns our tokens")
    void mongoTokenStoreKeepsOurTokens() {
        TokenStore tokens = mongoTokenStore();
        tokens.initializeTokenSegments("projection", 2);
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(42, List.of(7L, 40L));
        tokens.storeToken(token, "projection", 1);
        assertThat(tokens.fetchToken("projection", 1)).isEqualTo(token);
        assertThat(tokens.fetchSegments("projection")).containsExactly(0, 1);
    }

    @Test
    @DisplayName("a command's idempotency key is stored once: a retry appends nothing and names the first commit")
    void idempotencyKeyIsUnique() {
        MongoEventStorageEngine engine = engine();
        MetaData key = MetaData.with(MongoEventStorageEngine.IDEMPOTENCY_KEY, "officer-1:abc");
        engine.appendEvents(event("I", 0, key));
        assertThatThrownBy(() -> engine.appendEvents(event("J", 0, key)))
                .isInstanceOf(DuplicateCommandException.class)
                .satisfies(e -> assertThat(((DuplicateCommandException) e).existingCommitPosition()).isPositive());
        assertThat(sequences(engine.readEvents("J"))).isEmpty();
        assertThat(readAll(engine)).hasSize(1);
        // a retried creation collides on the aggregate's first sequence too: still answered as already done
        assertThatThrownBy(() -> engine.appendEvents(event("I", 0, key)))
                .isInstanceOf(DuplicateCommandException.class);
        assertThat(readAll(engine)).hasSize(1);
    }

    // ------------------------------------------------------------------ canonical form and recovery

    @Test
    @DisplayName("each event is stored in one canonical form: same event, same bytes")
    void canonicalForm() {
        MongoEventStorageEngine engine = engine();
        Map<String, Integer> reversed = new TreeMap<>(Collections.reverseOrder());
        reversed.put("alpha", 2);
        reversed.put("zeta", 1);
        MetaData meta = MetaData.with("b", 1).and("a", "Sính Bình");
        engine.appendEvents(event("X", 0, meta));
        engine.appendEvents(new GenericDomainEventMessage<>("Note", "Y", 0,
                new Noted("ghi chú 0 – triển khai", reversed), MetaData.with("a", "Sính Bình").and("b", 1)));
        StoredEvent x = engine.history("X").get(0);
        StoredEvent y = engine.history("Y").get(0);
        assertThat(x.payloadJson()).isEqualTo(y.payloadJson())
                .isEqualTo("{\"counts\":{\"alpha\":2,\"zeta\":1},\"text\":\"ghi chú 0 – triển khai\"}");
        assertThat(x.metaDataJson()).isEqualTo(y.metaDataJson()).isEqualTo(CanonicalJson.canonicalise(x.metaDataJson()));
        assertThat(x.metaDataJson()).contains("Sính Bình");
        assertThat(x.commitPosition()).isLessThan(y.commitPosition());
        Document stored = database.getCollection("events").find(Filters.eq("_id", x.commitPosition())).first();
        assertThat(stored.getList("ev", Document.class).get(0).keySet())
                .containsExactly("id", "type", "agg", "seq", "ts", "pt", "pr", "p", "m");
    }

    @Test
    @DisplayName("after a crash between commit and stream index, the next append collides, repairs, and the retry sees all")
    void repairsStreamIndexAfterCrash() {
        MongoEventStorageEngine engine = engine();
        engine.appendEvents(event("R", 0));
        engine.appendEvents(event("R", 1), event("R", 2));
        // the crash: the last commit's stream index entries never got written
        database.getCollection("event_streams").deleteMany(Filters.in("_id", List.of("R#1", "R#2")));
        assertThat(sequences(engine.readEvents("R"))).containsExactly(0L);
        assertThatThrownBy(() -> engine.appendEvents(event("R", 1))).isInstanceOf(ConcurrencyException.class);
        assertThat(sequences(engine.readEvents("R"))).containsExactly(0L, 1L, 2L);

        database.getCollection("event_streams").deleteMany(Filters.in("_id", List.of("R#1", "R#2")));
        engine.recover(100);
        assertThat(sequences(engine.readEvents("R"))).containsExactly(0L, 1L, 2L);
    }

    @Test
    @DisplayName("a token at an instant starts at the first commit recorded at or after it")
    void tokenAtInstant() throws Exception {
        MongoEventStorageEngine engine = engine();
        engine.appendEvents(event("old", 0));
        Thread.sleep(20);
        Instant cut = Instant.now();
        Thread.sleep(20);
        engine.appendEvents(event("new", 0));
        List<TrackedEventMessage<?>> after = new ArrayList<>(engine.readEvents(engine.createTokenAt(cut), false).toList());
        assertThat(after).hasSize(1);
        assertThat(((DomainEventMessage<?>) after.get(0)).getAggregateIdentifier()).isEqualTo("new");
    }

    // ------------------------------------------------------------------ helpers

    List<TrackedEventMessage<?>> readAll(MongoEventStorageEngine engine) {
        return new ArrayList<>(engine.readEvents(null, false).toList());
    }

    TokenStore mongoTokenStore() {
        MongoTokenStore store = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                .serializer(CanonicalJson.serializer())
                .build();
        store.ensureIndexes();
        return store;
    }

    static final class Projection implements EventMessageHandler {
        final Map<String, AtomicInteger> perAggregate = new ConcurrentHashMap<>();
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public Object handle(EventMessage<?> event) {
            if (event instanceof DomainEventMessage<?> domainEvent) {
                perAggregate.computeIfAbsent(domainEvent.getAggregateIdentifier(), k -> new AtomicInteger()).incrementAndGet();
            }
            seen.add(event.getIdentifier());
            return null;
        }

        int count(String aggregate) {
            AtomicInteger n = perAggregate.get(aggregate);
            return n == null ? 0 : n.get();
        }
    }

    Projection startProjection(MongoEventStorageEngine engine, TokenStore tokenStore) {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        Projection projection = new Projection();
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name("contract-projection")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(projection).build())
                .messageSource(store)
                .tokenStore(tokenStore)
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing().andEventAvailabilityTimeout(100, TimeUnit.MILLISECONDS))
                .build();
        processor.start();
        closeables.add(() -> {
            processor.shutDown();
            store.shutDown();
        });
        return projection;
    }

    /** A commit held back just before it is written, at the position it took, until released. */
    private record Held(long position, CountDownLatch gate, Future<?> append, ExecutorService pool) {
        void release() throws Exception {
            gate.countDown();
            append.get(10, TimeUnit.SECONDS);
            pool.shutdown();
        }
    }

    /** Starts appending {@code event} on another thread and holds its commit back once it has taken a position. */
    private Held holdCommitOf(MongoEventStorageEngine engine, EventMessage<?> event) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong heldPosition = new AtomicLong(-1);
        hook = position -> {
            if (heldPosition.compareAndSet(-1, position)) {
                holding.countDown();
                awaitLatch(release);
            }
        };
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> append = pool.submit(() -> engine.appendEvents(event));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        hook = p -> { };
        return new Held(heldPosition.get(), release, append, pool);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

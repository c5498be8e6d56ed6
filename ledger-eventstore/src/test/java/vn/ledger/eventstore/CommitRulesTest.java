package vn.ledger.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a commit may hold and how it is found again: event identity, plain events, older commits, time. */
@DisplayName("Commit rules")
class CommitRulesTest {

    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");

    @RegisterExtension
    static final EmbeddedServer SERVER = new EmbeddedServer();

    private MongoDatabase database;
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);

    @BeforeEach
    void freshDatabase() {
        database = SERVER.freshDatabase("rules_");
    }

    @AfterEach
    void drop() {
        database.drop();
    }

    private MongoEventStorageEngine engine() {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .database(database)
                .serializer(CanonicalJson.serializer())
                .trackingWindow(8)
                .clock(new Clock() {
                    @Override
                    public ZoneOffset getZone() {
                        return ZoneOffset.UTC;
                    }

                    @Override
                    public Clock withZone(java.time.ZoneId zone) {
                        return this;
                    }

                    @Override
                    public Instant instant() {
                        return now.get();
                    }
                })
                .build();
        engine.ensureIndexes();
        return engine;
    }

    private MongoCollection<Document> commits() {
        return database.getCollection("events");
    }

    private static DomainEventMessage<String> event(String id, String aggregate, long seq, Instant at) {
        return new GenericDomainEventMessage<>("Note", aggregate, seq, "note " + aggregate + "#" + seq,
                MetaData.emptyInstance(), id, at);
    }

    private static DomainEventMessage<String> event(String aggregate, long seq) {
        return event(UUID.randomUUID().toString(), aggregate, seq, T0);
    }

    private static List<String> ids(List<? extends EventMessage<?>> events) {
        return events.stream().map(EventMessage::getIdentifier).toList();
    }

    // ------------------------------------------------------------------ event identity

    @Test
    @DisplayName("an event identifier already stored is refused in a later commit; its position is closed by a tombstone")
    void refusesAStoredEventIdentifier() {
        MongoEventStorageEngine engine = engine();
        engine.appendEvents(event("e-1", "A", 0, T0));

        assertThatThrownBy(() -> engine.appendEvents(event("e-2", "B", 0, T0), event("e-1", "B", 1, T0)))
                .as("the resolver's verdict, as in Axon's engines: the stored one is not the start of B")
                .isInstanceOf(ConcurrencyException.class)
                .hasMessageContaining("e-1");
        assertThatThrownBy(() -> engine.appendEvents(event("e-1", "C", 0, T0)))
                .isInstanceOf(AggregateStreamCreationException.class);

        assertThat(commits().countDocuments(Filters.eq("tomb", true))).as("both positions closed").isEqualTo(2);
        assertThat(engine.readEvents("B").asStream()).isEmpty();
        engine.appendEvents(event("e-3", "B", 0, T0));
        assertThat(ids(engine.readEvents(null, false).toList())).containsExactly("e-1", "e-3");
    }

    @Test
    @DisplayName("a retried command whose events are already stored is answered by its idempotency key, not as a duplicate")
    void idempotencyKeyDecidesBeforeEventIdentity() {
        MongoEventStorageEngine engine = engine();
        MetaData key = MetaData.with(MongoEventStorageEngine.IDEMPOTENCY_KEY, "officer-7:xyz");
        DomainEventMessage<String> once = event("e-1", "K", 0, T0).withMetaData(key);
        engine.appendEvents(once);
        assertThatThrownBy(() -> engine.appendEvents(event("e-1", "L", 0, T0).withMetaData(key)))
                .isInstanceOf(DuplicateCommandException.class);
        assertThat(engine.readEvents(null, false).count()).isEqualTo(1);
    }

    @Test
    @DisplayName("the commit stored under an idempotency key is found by that key, the one a retry is answered with")
    void commitOfAnIdempotencyKey() {
        MongoEventStorageEngine engine = engine();
        MetaData key = MetaData.with(MongoEventStorageEngine.IDEMPOTENCY_KEY, "officer-7:abc");
        engine.appendEvents(event("A", 0));
        engine.appendEvents(event("B", 0).withMetaData(key));

        assertThat(engine.commitOf("officer-7:abc")).contains(2L);
        assertThatThrownBy(() -> engine.appendEvents(event("C", 0).withMetaData(key)))
                .isInstanceOfSatisfying(DuplicateCommandException.class,
                        e -> assertThat(e.existingCommitPosition()).isEqualTo(2L));
        assertThat(engine.commitOf("officer-7:never-sent")).isEmpty();
    }

    @Test
    @DisplayName("one commit holding an identifier twice, or an aggregate sequence twice, is refused before anything is written")
    void refusesDuplicatesInsideOneCommit() {
        MongoEventStorageEngine engine = engine();
        assertThatThrownBy(() -> engine.appendEvents(event("x", "A", 0, T0), event("x", "B", 0, T0)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThatThrownBy(() -> engine.appendEvents(event("A", 3), event("A", 3)))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(commits().countDocuments()).as("not even a tombstone: no position was taken").isZero();
    }

    // ------------------------------------------------------------------ plain events, older commits

    @Test
    @DisplayName("a plain event is stored as a stream of its own, read back as plain, and kept out of the stream index")
    void plainEvents() {
        MongoEventStorageEngine engine = engine();
        EventMessage<?> plain = GenericEventMessage.asEventMessage("not of an aggregate");
        engine.appendEvents(plain, event("A", 0));

        List<? extends TrackedEventMessage<?>> read = engine.readEvents(null, false).toList();
        assertThat(read).hasSize(2);
        assertThat(read.get(0)).isNotInstanceOf(DomainEventMessage.class);
        assertThat(read.get(0).getPayload()).isEqualTo("not of an aggregate");
        assertThat(read.get(1)).isInstanceOf(DomainEventMessage.class);
        assertThat(database.getCollection("event_streams").find().map(d -> d.getString("_id")).into(new ArrayList<>()))
                .containsExactly("A#0");
        assertThat(engine.readEvents(plain.getIdentifier()).asStream()).isEmpty();
    }

    @Test
    @DisplayName("a commit stored before event identifiers were indexed still loads, tracks, and is followed by new commits")
    void commitsWithoutIdentifierListStillRead() {
        MongoEventStorageEngine writer = engine();
        writer.appendEvents(event("old-1", "O", 0, T0), event("old-2", "O", 1, T0));
        // the form an earlier version wrote: no "ids"
        commits().updateOne(Filters.eq("_id", 1L), new Document("$unset", new Document("ids", "")));
        assertThat(commits().find(Filters.eq("_id", 1L)).first()).doesNotContainKey("ids");

        MongoEventStorageEngine engine = engine(); // a restart on the same store
        engine.appendEvents(event("new-1", "O", 2, T0));
        assertThat(engine.readEvents("O").asStream().map(DomainEventMessage::getSequenceNumber)).containsExactly(0L, 1L, 2L);
        assertThat(ids(engine.readEvents(null, false).toList())).containsExactly("old-1", "old-2", "new-1");
        TrackedEventMessage<?> first = engine.readEvents(null, false).findFirst().orElseThrow();
        assertThat(ids(engine.readEvents(first.trackingToken(), false).toList())).containsExactly("new-1");
    }

    // ------------------------------------------------------------------ tokens at an instant

    @Test
    @DisplayName("a token at an instant is found by the events' own timestamps, past tombstones and events stamped long before their commit")
    void tokenAtInstantAmongManyCommits() {
        MongoEventStorageEngine engine = engine();
        List<String> firstIds = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            now.set(T0.plus(Duration.ofMinutes(i)));
            DomainEventMessage<String> e = event("e-" + i, "agg-" + i, 0, now.get());
            firstIds.add(e.getIdentifier());
            if (i == 150) {
                // a commit of events imported with old timestamps: it counts by its events, not by when it was written
                engine.appendEvents(e, event("imported", "agg-x", 0, T0.minus(Duration.ofDays(400))));
            } else {
                engine.appendEvents(e);
            }
            if (i == 100) {
                // a position closed long after (as a reader closes an abandoned one): stamped late
                now.set(T0.plus(Duration.ofDays(30)));
                commits().insertOne(new Document("_id", (long) i + 2).append("at", Date.from(now.get()))
                        .append("k", "@" + (i + 2)).append("starts", List.of("@" + (i + 2))).append("tomb", true)
                        .append("ev", List.of()));
                engine.appendEvents(event("after-tomb", "agg-t", 0, T0.plus(Duration.ofMinutes(i))));
            }
        }
        for (int i : new int[] {0, 1, 99, 100, 101, 102, 149, 150, 151, 299}) {
            List<String> read = ids(engine.readEvents(engine.createTokenAt(T0.plus(Duration.ofMinutes(i))), false)
                    .limit(2).toList());
            assertThat(read.get(0)).as("at minute %d", i).isEqualTo("e-" + i);
        }
        assertThat(ids(engine.readEvents(engine.createTokenAt(T0.plus(Duration.ofSeconds(150 * 60 + 1))), false)
                .limit(1).toList())).as("the imported event does not pull its commit in").containsExactly("e-151");
        assertThat(engine.readEvents(engine.createTokenAt(T0.plus(Duration.ofMinutes(300))), false)).isEmpty();
        assertThat(((GapAwareTrackingToken) engine.createTokenAt(T0.plus(Duration.ofDays(1000)))).getIndex())
                .isEqualTo(((GapAwareTrackingToken) engine.createHeadToken()).getIndex());
        assertThat(firstIds).hasSize(300);
    }
}

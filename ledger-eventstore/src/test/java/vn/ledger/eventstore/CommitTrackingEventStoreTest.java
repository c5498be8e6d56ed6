package vn.ledger.eventstore;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Why the application reads through CommitTrackingEventStore, and that it hands each event out once. */
@DisplayName("Event store readers and commit-level tokens")
class CommitTrackingEventStoreTest {

    @RegisterExtension
    static final EmbeddedServer SERVER = new EmbeddedServer();

    private MongoDatabase database;
    private MongoEventStorageEngine engine;
    private final List<Runnable> shutdowns = new ArrayList<>();

    @BeforeEach
    void freshStore() {
        database = SERVER.freshDatabase("readers_");
        engine = MongoEventStorageEngine.builder().database(database).serializer(CanonicalJson.serializer()).build();
        engine.ensureIndexes();
    }

    @AfterEach
    void drop() {
        shutdowns.forEach(Runnable::run);
        database.drop();
    }

    /**
     * A reader that resumes from the token of a commit it has handled, while that commit is in the store's cache:
     * Axon's store starts it at the commit's first event, so it gets the others again.
     */
    private List<String> resumedAfterACachedCommit(EmbeddedEventStore store) throws InterruptedException {
        shutdowns.add(store::shutDown);
        TrackingEventStream tailing = store.openStream(null);
        shutdowns.add(tailing::close);
        assertThat(tailing.hasNextAvailable(100, TimeUnit.MILLISECONDS)).isFalse(); // now following the head
        store.publish(new GenericDomainEventMessage<>("Note", "A", 0, "one"),
                new GenericDomainEventMessage<>("Note", "A", 1, "two"),
                new GenericDomainEventMessage<>("Note", "B", 0, "three"));
        TrackedEventMessage<?> last = null;
        for (int i = 0; i < 3; i++) {
            last = tailing.nextAvailable();
        }
        TrackingEventStream resumed = store.openStream(last.trackingToken());
        shutdowns.add(resumed::close);
        List<String> again = new ArrayList<>();
        while (resumed.hasNextAvailable(300, TimeUnit.MILLISECONDS)) {
            again.add((String) resumed.nextAvailable().getPayload());
        }
        return again;
    }

    @Test
    @DisplayName("Axon's own store hands the rest of a commit out again to a reader resuming after it")
    void axonsCacheRepeatsACommit() throws InterruptedException {
        assertThat(resumedAfterACachedCommit(EmbeddedEventStore.builder().storageEngine(engine).build()))
                .containsExactly("two", "three");
    }

    @Test
    @DisplayName("ours hands out nothing of a commit a reader has handled, and the next commits as they come")
    void oursResumesAfterTheCommit() throws InterruptedException {
        CommitTrackingEventStore store = CommitTrackingEventStore.build(
                EmbeddedEventStore.builder().storageEngine(engine), Duration.ofMillis(500));
        assertThat(resumedAfterACachedCommit(store)).isEmpty();

        TrackingEventStream reader = store.openStream(null);
        shutdowns.add(reader::close);
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            seen.add((String) reader.nextAvailable().getPayload());
        }
        store.publish(new GenericDomainEventMessage<>("Note", "A", 2, "four"));
        seen.add((String) reader.nextAvailable().getPayload());
        assertThat(seen).containsExactly("one", "two", "three", "four");
        assertThat(reader.peek()).isEmpty();

        // another instance's commit, written while the reader waits: found by asking the engine again
        Thread writer = new Thread(() -> {
            sleep(300);
            engine.appendEvents(new GenericDomainEventMessage<>("Note", "C", 0, "five"),
                    new GenericDomainEventMessage<>("Note", "C", 1, "six"));
        });
        writer.start();
        assertThat(reader.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
        List<Object> later = List.of(reader.nextAvailable().getPayload(), reader.nextAvailable().getPayload());
        assertThat(later).containsExactly("five", "six");
        assertThat(reader.hasNextAvailable(100, TimeUnit.MILLISECONDS)).isFalse();
        writer.join();
    }

    @Test
    @DisplayName("readers at the head get this process's commits without asking the server, another's within a poll")
    void headReadersAreServedFromMemory() throws InterruptedException {
        CommitTrackingEventStore store = CommitTrackingEventStore.build(
                EmbeddedEventStore.builder().storageEngine(engine), Duration.ofMillis(500));
        shutdowns.add(store::shutDown);
        List<TrackingEventStream> readers = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
            TrackingEventStream reader = store.openStream(null);
            shutdowns.add(reader::close);
            assertThat(reader.hasNextAvailable(50, TimeUnit.MILLISECONDS)).isFalse(); // at the head
            readers.add(reader);
        }

        long findsBefore = SERVER.commitFinds();
        List<List<Object>> seen = new ArrayList<>();
        readers.forEach(r -> seen.add(new ArrayList<>()));
        for (int c = 0; c < 20; c++) {
            store.publish(new GenericDomainEventMessage<>("Note", "A", c, "n" + c));
            for (int r = 0; r < readers.size(); r++) {
                seen.get(r).add(readers.get(r).nextAvailable().getPayload());
                assertThat(readers.get(r).hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
            }
        }
        long finds = SERVER.commitFinds() - findsBefore;

        assertThat(seen).allSatisfy(s -> assertThat(s).hasSize(20).startsWith("n0").endsWith("n19"));
        assertThat(finds).as("finds of the commits for 5 readers of 20 commits (each one asked at least 40)")
                .isLessThan(10);

        // another instance appends to the same store: seen without this process appending anything
        MongoEventStorageEngine other = MongoEventStorageEngine.builder().database(database)
                .serializer(CanonicalJson.serializer()).build();
        other.appendEvents(new GenericDomainEventMessage<>("Note", "B", 0, "elsewhere"));
        for (TrackingEventStream reader : readers) {
            assertThat(reader.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            assertThat(reader.nextAvailable().getPayload()).isEqualTo("elsewhere");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

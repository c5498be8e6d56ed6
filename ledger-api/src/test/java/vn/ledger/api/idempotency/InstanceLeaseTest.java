package vn.ledger.api.idempotency;

import vn.ledger.api.MovableClock;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ledger.eventstore.EmbeddedMongo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key left pending by an instance that is gone is released to a retry at once; a key of a live instance is not.
 * Several instances are simulated on one store, as they would share a real MongoDB.
 */
class InstanceLeaseTest {

    private static final Duration LEASE = Duration.ofSeconds(15);
    private static final Duration PENDING_TIMEOUT = Duration.ofMinutes(2);

    private EmbeddedMongo server;
    private MongoClient client;
    private MongoDatabase database;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-04-01T03:00:00Z"));
    private final List<InstanceLease> instances = new ArrayList<>();

    @BeforeEach
    void start() {
        server = EmbeddedMongo.inMemory();
        client = MongoClients.create(server.connectionString());
        database = client.getDatabase("lease-test");
    }

    @AfterEach
    void stop() {
        instances.forEach(InstanceLease::close);
        client.close();
        server.close();
    }

    private InstanceLease instance(boolean exclusive) {
        InstanceLease lease = new InstanceLease(database, LEASE, exclusive, clock);
        instances.add(lease);
        return lease;
    }

    private IdempotencyStore storeOf(InstanceLease lease) {
        return new IdempotencyStore(database, PENDING_TIMEOUT, lease, clock);
    }

    private static IdempotencyStore.Decision retry(IdempotencyStore store) {
        return store.begin("officer", "key-1", "hash", "POST", "/api/tasks/d/1/reports");
    }

    @Test
    void onASharedStoreAKeyOfALiveInstanceStaysInProgressAndIsReleasedWhenItsLeaseRunsOut() {
        InstanceLease first = instance(false);
        InstanceLease second = instance(false);
        assertThat(retry(storeOf(first))).isInstanceOf(IdempotencyStore.Proceed.class);

        // the first instance renews its lease: its request is still running
        clock.move(Duration.ofSeconds(10));
        first.renew();
        clock.move(Duration.ofSeconds(10));
        assertThat(second.isGone(first.id())).isFalse();
        assertThat(retry(storeOf(second))).isInstanceOf(IdempotencyStore.InProgress.class);

        // it was killed: no renewal for longer than the lease, while the second instance renews its own
        clock.move(LEASE);
        second.renew();
        assertThat(second.isGone(first.id())).isTrue();
        assertThat(retry(storeOf(second))).isInstanceOf(IdempotencyStore.Proceed.class);
        // taken over by the second instance, whose request is now the one in progress
        assertThat(storeOf(second).find("officer:key-1").getString("instance")).isEqualTo(second.id());
        assertThat(retry(storeOf(first))).isInstanceOf(IdempotencyStore.InProgress.class);
    }

    @Test
    void onASharedStoreAnInstanceThatStoppedReleasesItsKeysAtOnce() {
        InstanceLease first = instance(false);
        InstanceLease second = instance(false);
        assertThat(retry(storeOf(first))).isInstanceOf(IdempotencyStore.Proceed.class);
        first.close();
        assertThat(second.isGone(first.id())).isTrue();
        assertThat(retry(storeOf(second))).isInstanceOf(IdempotencyStore.Proceed.class);
        // a record of no known owner (written before owners were recorded) waits for the pending timeout
        assertThat(second.isGone(null)).isFalse();
        assertThat(second.isGone(second.id())).isFalse();
    }

    @Test
    void onTheEmbeddedStoreEveryEarlierInstanceIsGoneHoweverFreshItsLease() {
        InstanceLease killed = instance(true);
        assertThat(retry(storeOf(killed))).isInstanceOf(IdempotencyStore.Proceed.class);
        // restarted a second later: the killed instance's lease is fresh but the store is this process's alone
        clock.move(Duration.ofSeconds(1));
        InstanceLease restarted = instance(true);
        // its lease is dropped at start-up: only the new instance's remains
        assertThat(database.getCollection(InstanceLease.COLLECTION).find().map(d -> d.getString("_id"))
                .into(new ArrayList<>())).containsExactly(restarted.id());
        assertThat(restarted.isGone(killed.id())).isTrue();
        assertThat(restarted.isGone(null)).isTrue();
        IdempotencyStore store = storeOf(restarted);
        assertThat(retry(store)).isInstanceOf(IdempotencyStore.Proceed.class);
        // only one retry takes it over: the next one finds it in progress under the new instance
        assertThat(retry(store)).isInstanceOf(IdempotencyStore.InProgress.class);
    }
}

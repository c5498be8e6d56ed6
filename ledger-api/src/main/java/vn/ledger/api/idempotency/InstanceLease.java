package vn.ledger.api.idempotency;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.ledger.api.config.LedgerProperties;
import vn.ledger.eventstore.EmbeddedMongo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Who owns a pending idempotency record, and whether that owner is still there. Every start of the application is
 * an instance with a random id; it writes its id into the pending records it inserts and holds a lease in the
 * {@value #COLLECTION} collection, renewed every third of {@code ledger.idempotency.instance-lease}. A pending
 * record whose owner is {@linkplain #isGone gone} was left by a process that died in the middle of the request
 * (killed, crashed), so a retry may take it over at once instead of waiting for {@code pending-timeout}.
 *
 * <ul>
 *   <li><b>Embedded server</b>: the store runs inside this process and holds its file, so no other process writes
 *       to it; every other instance is gone. The pending records of a killed process are released by this start,
 *       however recently it renewed its lease, and a retry after the restart is answered at once.</li>
 *   <li><b>MongoDB</b> (several instances may share it): another instance is gone when its lease is missing or
 *       was not renewed within the lease; a pending record of a live instance stays in progress. Leases compare
 *       instants written by different hosts' clocks: their skew must stay well below the lease.</li>
 * </ul>
 *
 * Exactly-once does not depend on the lease: the event store refuses a second commit under one key, so a retry
 * that takes over a record whose first attempt did store its events is answered from the stored commit. The lease
 * only decides how soon a retry is answered.
 */
@Component
public class InstanceLease implements AutoCloseable {

    public static final String COLLECTION = "idempotency_instances";
    private static final Logger log = LoggerFactory.getLogger(InstanceLease.class);

    private final MongoCollection<Document> leases;
    private final String id = UUID.randomUUID().toString();
    private final Duration lease;
    private final boolean exclusive;
    private final Clock clock;
    private final ScheduledExecutorService renewer;

    @Autowired
    public InstanceLease(MongoDatabase ledgerDatabase, LedgerProperties properties,
                         ObjectProvider<EmbeddedMongo> embedded) {
        this(ledgerDatabase, properties.idempotency().instanceLease(), embedded.getIfAvailable() != null,
                Clock.systemUTC());
    }

    /**
     * @param exclusive the store belongs to this process alone (the embedded server): every other instance is gone
     */
    InstanceLease(MongoDatabase ledgerDatabase, Duration lease, boolean exclusive, Clock clock) {
        this.leases = ledgerDatabase.getCollection(COLLECTION);
        this.lease = lease;
        this.exclusive = exclusive;
        this.clock = clock;
        Instant now = clock.instant();
        // housekeeping: leases of instances known to be gone are of no further use
        Bson others = Filters.ne("_id", id);
        long dropped = leases.deleteMany(exclusive ? others
                : Filters.and(others, Filters.lt("renewedAt", Date.from(now.minus(lease))))).getDeletedCount();
        leases.insertOne(new Document("_id", id).append("startedAt", Date.from(now))
                .append("renewedAt", Date.from(now)));
        log.info("idempotency instance {} ({}); dropped {} lease(s) of instances gone; their pending keys are "
                + "released", id, exclusive ? "embedded store: sole instance" : "shared store, lease " + lease, dropped);
        renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "idempotency-lease");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, lease.toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /** This instance's id, written into the pending records it inserts. */
    public String id() {
        return id;
    }

    /**
     * Whether the instance that wrote a pending record is gone (its request will never finish). A record without
     * an owner was written before owners were recorded: only {@code pending-timeout} applies to it on MongoDB.
     */
    public boolean isGone(String owner) {
        if (id.equals(owner)) {
            return false;
        }
        if (exclusive) {
            return true;
        }
        if (owner == null) {
            return false;
        }
        Document other = leases.find(Filters.eq("_id", owner)).first();
        Date renewedAt = other == null ? null : other.getDate("renewedAt");
        return renewedAt == null || renewedAt.toInstant().plus(lease).isBefore(clock.instant());
    }

    void renew() {
        try {
            leases.updateOne(Filters.eq("_id", id), Updates.set("renewedAt", Date.from(clock.instant())),
                    new UpdateOptions().upsert(true));
        } catch (RuntimeException e) {
            log.warn("could not renew idempotency lease {}: {}", id, e.getMessage());
        }
    }

    /** A stop: the lease goes, so that a key left pending by a request cut short is released at once. */
    @Override
    public void close() {
        renewer.shutdownNow();
        try {
            leases.deleteOne(Filters.eq("_id", id));
        } catch (RuntimeException e) {
            log.warn("could not drop idempotency lease {}: {}", id, e.getMessage());
        }
    }
}

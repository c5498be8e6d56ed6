package vn.ledger.api.idempotency;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.ledger.api.config.LedgerProperties;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The {@code idempotency} collection: one record per {@code username:key}, first PENDING (inserted before the
 * command is dispatched, so a concurrent retry sees it), then COMPLETED with the response to replay.
 * Every access is by {@code _id}, which is index-backed on the embedded server and on MongoDB.
 *
 * <p>A pending record names its owner, the {@linkplain InstanceLease instance} that inserted it. A retry takes it
 * over (compare-and-set on owner and time, so only one retry wins) when the owner is gone, e.g. the process was
 * killed in the middle of the request and has been restarted: at once on the embedded server, once the owner's
 * lease has run out on a shared MongoDB. Whatever the owner, a record pending for longer than
 * {@code ledger.idempotency.pending-timeout} is taken over too (a request that hangs).
 */
@Component
public class IdempotencyStore {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);
    public static final String COLLECTION = "idempotency";
    static final String PENDING = "PENDING";
    static final String COMPLETED = "COMPLETED";

    private final MongoCollection<Document> records;
    private final Duration pendingTimeout;
    private final InstanceLease instance;
    private final Clock clock;

    @Autowired
    public IdempotencyStore(MongoDatabase ledgerDatabase, LedgerProperties properties, InstanceLease instance) {
        this(ledgerDatabase, properties.idempotency().pendingTimeout(), instance, Clock.systemUTC());
    }

    IdempotencyStore(MongoDatabase ledgerDatabase, Duration pendingTimeout, InstanceLease instance, Clock clock) {
        this.records = ledgerDatabase.getCollection(COLLECTION);
        this.pendingTimeout = pendingTimeout;
        this.instance = instance;
        this.clock = clock;
    }

    /** What to do with a request carrying a key. */
    public sealed interface Decision {
    }

    /**
     * Go ahead: the pending record is ours.
     *
     * @param takenOver the record was taken over from an attempt that never finished (its process died, or it
     *                  timed out): that attempt may have stored its events, so look for them before running again
     */
    public record Proceed(String id, boolean takenOver) implements Decision {
    }

    /** Already answered: replay this response. */
    public record Replay(String id, int status, String contentType, String body) implements Decision {
    }

    /** The same request is still being processed. */
    public record InProgress(String id) implements Decision {
    }

    /** The key was used for a different request. */
    public record KeyReused(String id, String method, String path) implements Decision {
    }

    public Decision begin(String username, String key, String requestHash, String method, String path) {
        String id = username + ":" + key;
        Instant now = clock.instant();
        Document pending = new Document("_id", id)
                .append("username", username)
                .append("key", key)
                .append("requestHash", requestHash)
                .append("method", method)
                .append("path", path)
                .append("state", PENDING)
                .append("instance", instance.id())
                .append("createdAt", Date.from(now));
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                records.insertOne(pending);
                return new Proceed(id, false);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document existing = records.find(Filters.eq("_id", id)).first();
            if (existing == null) {
                continue; // deleted meanwhile (an abandoned attempt): try to insert again
            }
            if (!requestHash.equals(existing.getString("requestHash"))) {
                return new KeyReused(id, existing.getString("method"), existing.getString("path"));
            }
            if (COMPLETED.equals(existing.getString("state"))) {
                return new Replay(id, existing.getInteger("status", 200), existing.getString("contentType"),
                        existing.getString("body"));
            }
            Date createdAt = existing.getDate("createdAt");
            String owner = existing.getString("instance");
            boolean timedOut = createdAt != null && createdAt.toInstant().plus(pendingTimeout).isBefore(now);
            if (timedOut || instance.isGone(owner)) {
                // the process that inserted it died (or the request hangs): take it over; only one retry can win
                Document taken = records.findOneAndUpdate(
                        Filters.and(Filters.eq("_id", id), Filters.eq("state", PENDING),
                                Filters.eq("instance", owner), Filters.eq("createdAt", createdAt)),
                        Updates.combine(Updates.set("instance", instance.id()), Updates.set("createdAt", Date.from(now))));
                if (taken != null) {
                    log.info("idempotency key {} was left pending by instance {} ({}): taken over by this retry",
                            id, owner, timedOut ? "timed out" : "gone");
                    return new Proceed(id, true);
                }
                continue;
            }
            return new InProgress(id);
        }
        return new InProgress(id);
    }

    /** Stores the answer to replay. */
    public void complete(String id, int status, String contentType, String body) {
        records.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("state", COMPLETED),
                Updates.set("status", status),
                Updates.set("contentType", contentType),
                Updates.set("body", body),
                Updates.set("completedAt", Date.from(clock.instant()))));
    }

    /** Forgets a pending attempt that failed unexpectedly, so that a retry may run it again. */
    public void abandon(String id) {
        records.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", PENDING)));
    }

    /** For tests and diagnostics. */
    public Document find(String id) {
        return records.find(Filters.eq("_id", id)).first();
    }
}

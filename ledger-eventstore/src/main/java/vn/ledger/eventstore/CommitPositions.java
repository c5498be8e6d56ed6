package vn.ledger.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The global positions of commits ({@code _id} of the {@code events} collection).
 *
 * <p>Hands them out without a round trip: the next number after the highest one known. Another instance (or a
 * reader's tombstone) taking the same number shows up as a duplicate {@code _id} and the writer moves on. A hint of
 * the head is saved now and then (in {@code event_store_meta}) so a restart probes only the tail.
 *
 * <p>A position is closed by inserting an empty "tombstone" commit at it: {@code _id} uniqueness lets exactly one
 * of tombstone and late commit win, and a writer that loses its position to a tombstone appends again at a new one.
 */
final class CommitPositions {

    private static final Logger log = LoggerFactory.getLogger(MongoEventStorageEngine.class);
    private static final int PROBE_WINDOW = 512;
    private static final int HINT_EVERY = 256;

    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> meta;
    private final Clock clock;
    private final AtomicLong last = new AtomicLong(-1);
    private final AtomicLong commitsSinceHint = new AtomicLong();

    CommitPositions(MongoCollection<Document> commits, MongoCollection<Document> meta, Clock clock) {
        this.commits = commits;
        this.meta = meta;
        this.clock = clock;
    }

    long next() {
        if (last.get() < 0) {
            synchronized (this) {
                if (last.get() < 0) {
                    last.set(probeFrom(hint()));
                }
            }
        }
        return last.incrementAndGet();
    }

    /** The highest position this process has handed out or seen, without asking the server (-1: none yet). */
    long knownHead() {
        return last.get();
    }

    /** A commit was found stored at the position (by a reader): the head is at least there. */
    void seen(long position) {
        last.accumulateAndGet(position, Math::max);
    }

    /** The position {@code taken} was found used: moves past the highest used one from there. */
    void resync(long taken) {
        long head = probeFrom(taken);
        last.accumulateAndGet(head, Math::max);
    }

    void committed(long position) {
        if (commitsSinceHint.incrementAndGet() % HINT_EVERY == 0) {
            meta.updateOne(Filters.eq("_id", "head"), Updates.max("v", position), new UpdateOptions().upsert(true));
        }
    }

    /** The highest used position, asked of the server. */
    long probeHead() {
        long head = probeFrom(Math.max(hint(), 0));
        last.accumulateAndGet(head, Math::max);
        return head;
    }

    /** Closes a position with an empty commit; true when this call closed it, false when it was taken. */
    boolean close(long position) {
        try {
            commits.insertOne(new Document("_id", position)
                    .append("at", Date.from(clock.instant()))
                    .append("k", "@" + position)
                    .append("starts", List.of("@" + position))
                    .append("tomb", true)
                    .append("ev", List.of()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            log.warn("could not close position {}: {}", position, e.getMessage());
            return false;
        } catch (MongoException e) {
            log.warn("could not close position {}: {}", position, e.getMessage());
            return false;
        }
    }

    private long hint() {
        Document doc = meta.find(Filters.eq("_id", "head")).first();
        return doc == null ? 0 : ((Number) doc.get("v")).longValue();
    }

    /** The highest used position at or after {@code from}, found by windows of {@code $in} on _id. */
    private long probeFrom(long from) {
        long head = from;
        while (true) {
            List<Long> ids = new ArrayList<>(PROBE_WINDOW);
            for (long p = head + 1; p <= head + PROBE_WINDOW; p++) {
                ids.add(p);
            }
            long max = head;
            for (Document d : commits.find(Filters.in("_id", ids)).projection(new Document("_id", 1))) {
                max = Math.max(max, d.getLong("_id"));
            }
            if (max == head) {
                return head;
            }
            head = max;
        }
    }
}

package vn.ledger.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The global log read as stored, commit by commit in position order, for whoever must see every commit whole
 * (an archival export, a proof over the log): windows of {@code $in} on {@code _id}, as the tracking reader
 * reads, so memory holds one window however long the log.
 */
public final class CommitLog {

    private final MongoCollection<Document> commits;
    private final CommitPositions positions;
    private final CommitsByTime byTime;
    private final AggregateStreams streams;
    private final int window;

    public CommitLog(MongoDatabase database, String collectionPrefix, int window) {
        this.commits = database.getCollection(collectionPrefix + "events");
        this.positions = new CommitPositions(commits, database.getCollection(collectionPrefix + "event_store_meta"),
                java.time.Clock.systemUTC());
        this.byTime = new CommitsByTime(commits, java.time.Duration.ofMinutes(1), window);
        this.streams = new AggregateStreams(commits, database.getCollection(collectionPrefix + "event_streams"), 256);
        this.window = window;
    }

    public CommitLog(MongoDatabase database) {
        this(database, "", 512);
    }

    /** The highest used position. */
    public long head() {
        return positions.probeHead();
    }

    /** The first position at or below head holding an event stamped at or after the instant. */
    public OptionalLong firstAtOrAfter(Instant instant) {
        return byTime.firstAtOrAfter(instant, head());
    }

    /** One aggregate's stored events, in sequence order. */
    public List<StoredEvent> history(String aggregateId) {
        return streams.history(aggregateId);
    }

    /** The commits at these positions (those that exist), by position; windows of {@code $in} on {@code _id}. */
    public java.util.Map<Long, StoredCommit> at(java.util.Collection<Long> positions) {
        java.util.Map<Long, StoredCommit> out = new java.util.HashMap<>();
        List<Long> all = new ArrayList<>(positions);
        for (int i = 0; i < all.size(); i += window) {
            for (Document commit : commits.find(Filters.in("_id", all.subList(i, Math.min(all.size(), i + window))))) {
                out.put(commit.getLong("_id"), toCommit(commit));
            }
        }
        return out;
    }

    /** Reads positions from..to in order; a missing position is reported to {@code gap} (not yet written, or lost). */
    public void read(long from, long to, Consumer<StoredCommit> each, Consumer<Long> gap) {
        for (long start = Math.max(1, from); start <= to; start += window) {
            List<Long> ids = new ArrayList<>(window);
            for (long p = start; p < start + window && p <= to; p++) {
                ids.add(p);
            }
            TreeMap<Long, Document> found = new TreeMap<>();
            for (Document commit : commits.find(Filters.in("_id", ids))) {
                found.put(commit.getLong("_id"), commit);
            }
            for (Long p : ids) {
                Document commit = found.get(p);
                if (commit == null) {
                    gap.accept(p);
                } else {
                    each.accept(toCommit(commit));
                }
            }
        }
    }

    /** Reads positions from..to in order, failing on a missing one. */
    public void read(long from, long to, Consumer<StoredCommit> each) {
        read(from, to, each, p -> {
            throw new IllegalStateException("position " + p + " holds no commit (an open gap)");
        });
    }

    static StoredCommit toCommit(Document commit) {
        long position = commit.getLong("_id");
        List<Document> docs = commit.getList("ev", Document.class);
        List<StoredEvent> events = new ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            events.add(CommitCodec.toStoredEvent(position, i, docs.get(i)));
        }
        Date at = commit.getDate("at");
        return new StoredCommit(position, at == null ? null : at.toInstant(), commit.getBoolean("tomb", false), events);
    }
}

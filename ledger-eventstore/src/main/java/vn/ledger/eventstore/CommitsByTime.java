package vn.ledger.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Finds the first commit, in position order, holding an event stamped at or after an instant: where a token
 * created at that instant starts. Only {@code _id} lookups, which every server serves from its unique index.
 *
 * <p>An event's own timestamp is what counts, and it can be any time (an imported event, a test's clock), so the
 * commit time {@code at} only narrows the search: a binary search over positions finds a commit stamped more than
 * {@code slack} before the instant, and the commits after it are read in position order, comparing their events'
 * timestamps. That skips no qualifying event as long as every event is stamped no later than {@code slack} after
 * the commit time of any commit at a higher position. Events are stamped before their commit is written, and a
 * position below the head stays open for about one gap timeout before a reader closes it, so the engine passes
 * its gap timeout as the slack.
 */
final class CommitsByTime {

    private static final Document AT_ONLY = new Document("at", 1).append("tomb", 1);
    private static final Document TIMESTAMPS_ONLY = new Document("ev.ts", 1);

    private final MongoCollection<Document> commits;
    private final Duration slack;
    private final int window;

    CommitsByTime(MongoCollection<Document> commits, Duration slack, int window) {
        this.commits = commits;
        this.slack = slack;
        this.window = window;
    }

    /** The position of the first commit at or below {@code head} with an event stamped at or after the instant. */
    OptionalLong firstAtOrAfter(Instant instant, long head) {
        long from = stampedBefore(instant.minus(slack), head) + 1;
        for (long start = from; start <= head; start += window) {
            List<Long> ids = new ArrayList<>(window);
            for (long p = start; p < start + window && p <= head; p++) {
                ids.add(p);
            }
            TreeMap<Long, Document> found = new TreeMap<>();
            for (Document commit : commits.find(Filters.in("_id", ids)).projection(TIMESTAMPS_ONLY)) {
                found.put(commit.getLong("_id"), commit);
            }
            for (var entry : found.entrySet()) {
                for (Document event : entry.getValue().getList("ev", Document.class)) {
                    if (!Instant.parse(event.getString("ts")).isBefore(instant)) {
                        return OptionalLong.of(entry.getKey());
                    }
                }
            }
        }
        return OptionalLong.empty();
    }

    /**
     * A position holding a commit stamped before the bound, or 0: by binary search, so on a rare commit stamped
     * out of order it may land lower than the last such position, which costs reading more, never missing one.
     * A tombstone is stamped when a reader closed its position, long after its neighbours: it counts as late.
     */
    private long stampedBefore(Instant bound, long head) {
        Date limit = Date.from(bound);
        long low = 0;
        long high = head + 1;
        while (high - low > 1) {
            long mid = low + (high - low) / 2;
            Document commit = commits.find(Filters.eq("_id", mid)).projection(AT_ONLY).first();
            if (commit != null && !commit.getBoolean("tomb", false) && commit.getDate("at").before(limit)) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return low;
    }
}

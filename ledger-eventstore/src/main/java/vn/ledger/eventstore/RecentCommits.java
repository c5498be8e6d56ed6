package vn.ledger.eventstore;

import org.bson.Document;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The commits this process appended lately, as stored, and the positions it is appending now, shared by every
 * tracking reader: under load all the read models' processors follow the head, and each asked the server for the
 * commit just appended, then once more to find nothing after it (under HTTP load, six to twenty-three queries of
 * {@code events} per command).
 *
 * <p>What it answers is what the server would answer, whatever other processes do. A commit document never changes
 * once inserted. Up to {@link CommitPositions#knownHead} (the highest position this process has handed out or seen
 * stored), a position is either held here, or being appended here (not visible yet, or about to be, and a reader
 * treats it as a gap, as it would a position the server did not have), or anything else: then the server is asked.
 * Past the known head, only another process can have appended: the server is asked at least once every
 * {@code foreignInterval} for what is there, and what it finds moves the known head on, for every reader.
 */
final class RecentCommits {

    private final int capacity;
    private final long foreignNanos;
    private final ConcurrentSkipListMap<Long, List<Document>> commits = new ConcurrentSkipListMap<>();
    private final Set<Long> appending = ConcurrentHashMap.newKeySet();
    /** System.nanoTime of the last server query that looked past the known head */
    private volatile long lookedPastHead = Long.MIN_VALUE;

    RecentCommits(int capacity, Duration foreignInterval) {
        this.capacity = capacity;
        this.foreignNanos = foreignInterval.toNanos();
    }

    /** This process is about to insert a commit at the position. */
    void appending(long position) {
        appending.add(position);
    }

    /** The insert at the position is over: stored (its events as stored) or not (null). */
    void appended(long position, List<Document> events) {
        if (events != null) {
            commits.put(position, List.copyOf(events));
            while (commits.size() > capacity) {
                commits.pollFirstEntry();
            }
        }
        appending.remove(position);
    }

    /** The stored commit's events, or null when not held here. */
    List<Document> get(long position) {
        return commits.get(position);
    }

    /** Being appended by this process: not visible yet, or just now. */
    boolean inFlight(long position) {
        return appending.contains(position);
    }

    /** A server query looked at positions past the known head. */
    void lookedPastHead() {
        lookedPastHead = System.nanoTime();
    }

    /** True when a server query has looked past the known head less than the foreign interval ago. */
    boolean pastHeadSeenLately() {
        long at = lookedPastHead;
        return at != Long.MIN_VALUE && System.nanoTime() - at < foreignNanos;
    }
}

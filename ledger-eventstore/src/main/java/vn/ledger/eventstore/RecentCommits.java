package vn.ledger.eventstore;

import org.bson.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The commits this process appended lately, as stored, shared by every tracking reader: under load all the read
 * models' processors follow the head, and each asked the server for the commit just appended, then once more to
 * find nothing after it (under HTTP load, six to twenty-three queries of {@code events} per command).
 *
 * <p>What it answers is safe whatever other processes do: a commit document never changes once inserted, so a run
 * of positions found here, right after a reader's token, is what the server would answer. It is never asked
 * whether a position is empty, with one exception: a reader at or past every position this process has handed out
 * ({@link CommitPositions#knownHead}) whose position a store query found empty less than {@code foreignInterval}
 * ago is told "nothing yet" without asking; only another process can have appended there, and its commits were
 * seen no later than every such interval before as well ({@link CommitTrackingEventStore}'s poll).
 */
final class RecentCommits {

    private record EmptyLook(long index, long nanos) {
    }

    private final int capacity;
    private final long foreignNanos;
    private final ConcurrentSkipListMap<Long, List<Document>> commits = new ConcurrentSkipListMap<>();
    private volatile EmptyLook emptyLook;

    RecentCommits(int capacity, Duration foreignInterval) {
        this.capacity = capacity;
        this.foreignNanos = foreignInterval.toNanos();
    }

    /** A commit this process has just inserted (its events as stored), once the insert was acknowledged. */
    void appended(long position, List<Document> events) {
        commits.put(position, List.copyOf(events));
        while (commits.size() > capacity) {
            commits.pollFirstEntry();
        }
    }

    /** The commits held right after {@code index}, in position order, at most {@code max} of them, none missing. */
    List<Map.Entry<Long, List<Document>>> runAfter(long index, int max) {
        List<Map.Entry<Long, List<Document>>> run = new ArrayList<>();
        for (long p = index + 1; run.size() < max; p++) {
            List<Document> events = commits.get(p);
            if (events == null) {
                break;
            }
            run.add(Map.entry(p, events));
        }
        return run;
    }

    /** A store query found nothing after {@code index} (and no gap below it). */
    void foundNothingAfter(long index) {
        emptyLook = new EmptyLook(index, System.nanoTime());
    }

    /**
     * True when nothing can be after {@code index} but commits of another process appended since the last store
     * query that found nothing, less than the foreign interval ago.
     */
    boolean surelyNothingAfter(long index, long knownHead) {
        EmptyLook look = emptyLook;
        return look != null && index >= knownHead && index >= look.index()
                && System.nanoTime() - look.nanos() < foreignNanos;
    }
}

package vn.ledger.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.axonframework.common.Assert;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The global log in position order, for tracking processors.
 *
 * <p>Tokens are {@link GapAwareTrackingToken}s over commit positions; every event of a commit carries an equal
 * token, so a processor handles a commit in one batch (use the engine through {@link CommitTrackingEventStore}:
 * Axon's own store's cache would hand the rest of a commit out again). Each is a {@link CommitToken} that also names
 * its event's own {@link LogPosition} (a commit filling a gap is tracked at the highest position seen, not at its
 * own). A reader fetches its gaps and the next window of positions by {@code $in} on {@code _id}; a position missing
 * below the highest one found is a gap (a commit in flight). A gap older than the gap timeout is closed with a
 * tombstone ({@link CommitPositions#close}), and its late writer appends again elsewhere. So no event is ever
 * skipped, however long its commit is held back.
 *
 * <p>The window starts just wide enough for what this process knows is written ({@value #MIN_WINDOW} positions at
 * least) and doubles, up to the tracking window, while fetches fill it: a processor at the head asks for a few
 * positions after every commit instead of the whole tracking window (each position of an {@code $in} is a lookup
 * on the server; that was a sixth of the embedded server's time under HTTP load), and a rebuild still reads whole
 * windows.
 */
final class TrackingReader {

    private static final Logger log = LoggerFactory.getLogger(MongoEventStorageEngine.class);
    private static final int MAX_ROUNDS = 64;
    static final int MIN_WINDOW = 16;

    private final MongoCollection<Document> commits;
    private final CommitPositions positions;
    private final int trackingWindow;
    private final Duration gapTimeout;
    private final Clock clock;
    private final CommitsByTime commitsByTime;
    private final Map<Long, Instant> gapFirstSeen = new ConcurrentHashMap<>();
    private final RecentCommits recent;

    TrackingReader(MongoCollection<Document> commits, CommitPositions positions, RecentCommits recent,
                   int trackingWindow, Duration gapTimeout, Clock clock) {
        this.commits = commits;
        this.recent = recent;
        this.positions = positions;
        this.trackingWindow = trackingWindow;
        this.gapTimeout = gapTimeout;
        this.clock = clock;
        this.commitsByTime = new CommitsByTime(commits, gapTimeout, trackingWindow);
    }

    /** The events after the token (from the start for null), read a batch of whole commits at a time. */
    Stream<TrackedEventData<?>> read(TrackingToken trackingToken) {
        Assert.isTrue(trackingToken == null || trackingToken instanceof GapAwareTrackingToken,
                () -> "Unsupported token format: " + trackingToken);
        GapAwareTrackingToken start = trackingToken == null
                ? GapAwareTrackingToken.newInstance(0, Collections.emptySet())
                : (GapAwareTrackingToken) trackingToken;
        Spliterator<TrackedEventData<?>> spliterator = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
            private final Deque<TrackedEventData<?>> buffer = new ArrayDeque<>();
            private GapAwareTrackingToken cursor = start;
            private int window = firstWindow(start.getIndex());
            private boolean done;

            @Override
            public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
                if (buffer.isEmpty() && !done) {
                    Batch batch = fetchTracked(cursor, window);
                    buffer.addAll(batch.events);
                    cursor = batch.cursor;
                    window = batch.window;
                    done = batch.events.isEmpty();
                }
                TrackedEventData<?> item = buffer.poll();
                if (item == null) {
                    return false;
                }
                action.accept(item);
                return true;
            }
        };
        return StreamSupport.stream(spliterator, false);
    }

    TrackingToken headToken() {
        return GapAwareTrackingToken.newInstance(positions.probeHead(), Collections.emptySet());
    }

    /**
     * The token just before the first commit (in position order) holding an event whose own timestamp is at or
     * after the instant, or the head token when there is none. As everywhere, a commit is one unit: tracking from
     * this token delivers that commit whole, also its events stamped before the instant (see {@link CommitsByTime}).
     */
    TrackingToken tokenAt(Instant dateTime) {
        long head = positions.probeHead();
        OptionalLong first = commitsByTime.firstAtOrAfter(dateTime, head);
        return GapAwareTrackingToken.newInstance(first.isPresent() ? first.getAsLong() - 1 : head,
                Collections.emptySet());
    }

    private record Batch(List<TrackedEventData<?>> events, GapAwareTrackingToken cursor, int window) {
    }

    /** Wide enough for the commits this process knows of after {@code index}, within the tracking window. */
    private int firstWindow(long index) {
        long known = positions.knownHead() - index;
        return (int) Math.min(trackingWindow, Math.max(MIN_WINDOW, known));
    }

    /**
     * Reads the token's gaps and the next window(s) of positions, until events are found or none are left; the
     * batch tells the window to ask for next (doubled when this one was at least half full).
     */
    private Batch fetchTracked(GapAwareTrackingToken token, int firstWindow) {
        Batch known = fromRecent(token, firstWindow);
        if (known != null) {
            return known;
        }
        int window = firstWindow;
        long index = token.getIndex();
        SortedSet<Long> gaps = new TreeSet<>(token.getGaps());
        List<TrackedEventData<?>> out = new ArrayList<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            long before = index;
            List<Long> ids = new ArrayList<>(gaps.size() + trackingWindow);
            ids.addAll(gaps);
            for (long p = index + 1; p <= index + window; p++) {
                ids.add(p);
            }
            boolean pastHead = index + window > positions.knownHead();
            TreeMap<Long, Document> found = new TreeMap<>();
            for (Document commit : commits.find(Filters.in("_id", ids))) {
                found.put(commit.getLong("_id"), commit);
            }
            if (!found.isEmpty()) {
                positions.seen(found.lastKey()); // another process's commits move the head on for every reader
            }
            if (pastHead) {
                recent.lookedPastHead();
            }
            for (Map.Entry<Long, Document> entry : found.entrySet()) {
                index = take(entry.getKey(), entry.getValue().getList("ev", Document.class), index, gaps, out);
            }
            closeExpiredGaps(gaps);
            boolean filled = 2L * found.tailMap(before, false).size() >= window;
            if (filled) {
                window = Math.min(trackingWindow, 2 * window);
            }
            if (!out.isEmpty()) {
                break;
            }
            if (index > before) {
                continue; // stepped over tombstones only: read on
            }
            if (window < trackingWindow && positions.knownHead() > index + window) {
                window = trackingWindow; // written beyond a small window that was empty: look as far as before
                continue;
            }
            // a window with nothing in it while this process has written beyond it: abandoned or very slow
            // commits; step over them as gaps, which the timeout closes if they never fill
            if (positions.knownHead() > index + trackingWindow) {
                for (long p = index + 1; p <= index + trackingWindow; p++) {
                    gaps.add(p);
                }
                index += trackingWindow;
                continue;
            }
            break;
        }
        return new Batch(out, GapAwareTrackingToken.newInstance(index, gaps), window);
    }

    /**
     * The commits after a token as the server would give them, from what this process knows ({@link RecentCommits}):
     * the gaps and positions up to the known head that it holds, those it is appending left as gaps, nothing past
     * the head when the server was looked at past it lately. Null when the server must be asked.
     */
    private Batch fromRecent(GapAwareTrackingToken token, int window) {
        long index = token.getIndex();
        long limit = Math.min(positions.knownHead(), index + window);
        if (limit <= index && !recent.pastHeadSeenLately()) {
            return null;
        }
        TreeMap<Long, List<Document>> found = new TreeMap<>();
        for (long gap : token.getGaps()) {
            if (!known(gap, found)) {
                return null;
            }
        }
        for (long p = index + 1; p <= limit; p++) {
            if (!known(p, found)) {
                return null;
            }
        }
        if (limit > index && !recent.pastHeadSeenLately() && found.isEmpty()) {
            return null; // only commits in flight here: look past the head while waiting for them
        }
        SortedSet<Long> gaps = new TreeSet<>(token.getGaps());
        List<TrackedEventData<?>> out = new ArrayList<>();
        for (Map.Entry<Long, List<Document>> commit : found.entrySet()) {
            index = take(commit.getKey(), commit.getValue(), index, gaps, out);
        }
        closeExpiredGaps(gaps);
        return new Batch(out, GapAwareTrackingToken.newInstance(index, gaps), window);
    }

    /**
     * Takes the commit at {@code position} into {@code out} after a reader at {@code index} with {@code gaps}: the
     * positions skipped become gaps, a gap it fills is closed. Returns the reader's index after it.
     */
    private long take(long position, List<Document> events, long index, SortedSet<Long> gaps,
                      List<TrackedEventData<?>> out) {
        if (position > index) {
            for (long p = index + 1; p < position; p++) {
                gaps.add(p);
            }
            index = position;
        } else {
            gaps.remove(position);
        }
        gapFirstSeen.remove(position);
        GapAwareTrackingToken at = GapAwareTrackingToken.newInstance(index, gaps);
        for (int i = 0; i < events.size(); i++) {
            // equal tokens for the whole commit (one batch), each telling its event's own place in the log
            out.add(new TrackedDomainEventData<>(CommitToken.of(at, position, i),
                    CommitCodec.toEventData(events.get(i))));
        }
        return index;
    }

    /** Held here (added to {@code found}) or being appended here; false when only the server can tell. */
    private boolean known(long position, Map<Long, List<Document>> found) {
        List<Document> events = recent.get(position);
        if (events != null) {
            found.put(position, events);
            return true;
        }
        return recent.inFlight(position);
    }

    private void closeExpiredGaps(SortedSet<Long> gaps) {
        if (gaps.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (Long gap : new ArrayList<>(gaps)) {
            Instant firstSeen = gapFirstSeen.computeIfAbsent(gap, g -> now);
            if (Duration.between(firstSeen, now).compareTo(gapTimeout) >= 0 && positions.close(gap)) {
                log.warn("position {} stayed empty for {}; closed it (a late writer appends again elsewhere)",
                        gap, gapTimeout);
                gaps.remove(gap);
                gapFirstSeen.remove(gap);
            }
        }
    }
}

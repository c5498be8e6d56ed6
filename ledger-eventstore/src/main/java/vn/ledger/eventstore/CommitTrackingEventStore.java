package vn.ledger.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Axon's {@link EmbeddedEventStore} for our engine, whose events of one commit share one tracking token: every
 * reader (a processor's segment) follows the engine by itself from its own token, never through the embedded
 * store's shared cache of recent events.
 *
 * <p>Why: that cache finds where a reader stands by the reader's last token, taking the first cached event with
 * that token, or the first whose predecessor has it. With a token per commit that is inside the commit the reader
 * has just handled, so the rest of that commit was handed out again: a processor restarting, or a reader moving
 * from its own stream onto the cache, handled those events twice (AxonStorageEngineContractTest). The cache also
 * sends a reader it has left behind on from its last token, which, inside a commit larger than the cache, skips
 * the rest of that commit.
 *
 * <p>A reader asks the engine again once it has read what was there, which is always the end of a commit (the
 * engine hands out whole commits): at once when this store appended, otherwise every {@code pollInterval}, for
 * commits of other instances. A reader that found nothing does not ask again before one of these: a processor
 * asks whether more is available several times per batch, and each question was a query (under HTTP load with one
 * client, 36 queries per command for ten processors; 23 so).
 */
public class CommitTrackingEventStore extends EmbeddedEventStore {

    private final long pollNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private volatile long appends;

    protected CommitTrackingEventStore(Builder builder, Duration pollInterval) {
        super(builder);
        this.pollNanos = pollInterval.toNanos();
    }

    /** The store the builder describes (its cache settings unused), asking the engine at least every interval. */
    public static CommitTrackingEventStore build(Builder builder, Duration pollInterval) {
        return new CommitTrackingEventStore(builder, pollInterval);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        lock.lock();
        try {
            appends++;
            appended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new CommitStream(trackingToken);
    }

    private void awaitAppend(long seen, long nanos) throws InterruptedException {
        lock.lock();
        try {
            if (appends == seen) {
                appended.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    /** One reader's stream: the engine's, asked again from the last token once it is read to its end. */
    private final class CommitStream implements TrackingEventStream {
        private TrackingToken last;
        private Stream<? extends TrackedEventMessage<?>> stream;
        private Iterator<? extends TrackedEventMessage<?>> events;
        private TrackedEventMessage<?> next;
        /** appends seen when the engine last had nothing after {@code last}, and when (System.nanoTime) */
        private long foundNothingAt = Long.MIN_VALUE;
        private long foundNothingNanos;
        private volatile boolean closed;

        CommitStream(TrackingToken start) {
            this.last = start;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(fetch());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                long seen = appends;
                if (fetch() != null) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    return false;
                }
                awaitAppend(seen, Math.min(left, pollNanos));
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(Integer.MAX_VALUE, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new IllegalStateException("the stream is closed");
                }
            }
            TrackedEventMessage<?> event = next;
            next = null;
            return event;
        }

        private TrackedEventMessage<?> fetch() {
            if (next == null && !closed) {
                if (events == null || !events.hasNext()) {
                    closeStream();
                    long seen = appends;
                    if (seen == foundNothingAt && System.nanoTime() - foundNothingNanos < pollNanos) {
                        return null; // nothing appended here since the engine had nothing
                    }
                    stream = storageEngine().readEvents(last, false);
                    events = stream.iterator();
                    if (events.hasNext()) {
                        foundNothingAt = Long.MIN_VALUE;
                    } else {
                        foundNothingAt = seen;
                        foundNothingNanos = System.nanoTime();
                    }
                }
                if (events.hasNext()) {
                    next = events.next();
                    last = next.trackingToken();
                }
            }
            return next;
        }

        @Override
        public void close() {
            closed = true;
            closeStream();
        }

        private void closeStream() {
            if (stream != null) {
                stream.close();
                stream = null;
                events = null;
            }
        }
    }
}

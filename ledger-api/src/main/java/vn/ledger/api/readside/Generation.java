package vn.ledger.api.readside;

import java.time.Instant;

/**
 * One generation of one read model: its collections ({@link #prefix}), the name of its tracking processor and token
 * ({@link #processorName}), where it stands ({@link State}) and when it got there. What its processor has done is
 * asked of its {@link Tracker} (a {@link GenerationProcessor}, or a stand-in in the tests of
 * {@link ModelGenerations}); before one is attached it has done nothing.
 */
final class Generation {

    enum State {
        /** catching up from the tail of the event stream */
        BUILDING,
        /** caught up, kept up to date, waiting to be activated */
        READY,
        /** answers the queries */
        ACTIVE,
        /** replaced or discarded: processor stopped, collections dropped */
        RETIRED
    }

    /**
     * What the generation's processor has done, as the rules and the monitor need it. The defaults are those of a
     * processor that has handled nothing and never failed.
     */
    interface Tracker {

        /** The last position (commit) processed and stored with the token, -1 before the first. */
        long position();

        /** The processor has reached the end of the event stream. */
        boolean caughtUp();

        /** How far the processor has got, for progress: the last event handled, even inside an unfinished batch. */
        default long progressPosition() {
            return position();
        }

        /** Events handled since the processor started (in this process). */
        default long events() {
            return 0;
        }

        /** The processor's error while it retries a failed batch, else null. */
        default String error() {
            return null;
        }

        default long failures() {
            return 0;
        }

        default String lastFailure() {
            return null;
        }

        /** Writes go through the write-behind cache (catching up) rather than straight to MongoDB. */
        default boolean buffered() {
            return false;
        }
    }

    private static final Tracker IDLE = new Tracker() {
        public long position() {
            return -1;
        }

        public boolean caughtUp() {
            return false;
        }
    };

    final ReadModel model;
    final long number;
    final String prefix;
    final String processorName;
    final boolean activateWhenCaughtUp;
    final Instant startedAt;
    /** the head of the event stream when the generation started: a rebuild has caught up only once past it */
    final long headAtStart;

    volatile State state;
    volatile Instant caughtUpAt;
    volatile Instant activatedAt;
    /** when the monitor last logged this generation's progress */
    volatile Instant lastProgressLog;

    private volatile Tracker tracker = IDLE;

    Generation(ReadModel model, long number, State state, boolean activateWhenCaughtUp, Instant startedAt,
               long headAtStart) {
        this.model = model;
        this.number = number;
        this.prefix = model.prefix(number);
        this.processorName = model.processorName(number);
        this.state = state;
        this.activateWhenCaughtUp = activateWhenCaughtUp;
        this.startedAt = startedAt;
        this.headAtStart = headAtStart;
        this.lastProgressLog = startedAt;
    }

    <T extends Tracker> T attach(T tracker) {
        this.tracker = tracker;
        return tracker;
    }

    Tracker tracker() {
        return tracker;
    }

    long position() {
        return tracker.position();
    }

    boolean caughtUp() {
        return tracker.caughtUp();
    }
}

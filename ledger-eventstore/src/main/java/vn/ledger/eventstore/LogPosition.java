package vn.ledger.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.WrappedToken;

import java.util.Optional;

/**
 * Where an event stands in the global log: the position of its commit and its place in that commit. This is the
 * order of the log, the same for a live processor, a rebuild and a replay of stored histories; read models sort
 * what they list by it (never by arrival order, which depends on how concurrent commits reached a processor).
 */
public record LogPosition(long commit, int offset) implements Comparable<LogPosition> {

    /** Width of {@link #key()}: a position is at most 19 decimal digits, an offset at most 9. */
    private static final String KEY_FORMAT = "%019d.%09d";

    /**
     * The position of an event read from the log: from its {@link CommitToken} (also inside a replay token), or, for
     * an event replayed from a stored history, from the token the replayer gave it.
     */
    public static Optional<LogPosition> of(EventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            return WrappedToken.unwrap(tracked.trackingToken(), CommitToken.class).map(CommitToken::logPosition);
        }
        return Optional.empty();
    }

    /** The position of an event read from the log; fails for a message that did not come from it. */
    public static LogPosition require(EventMessage<?> message) {
        return of(message).orElseThrow(() -> new IllegalArgumentException(
                "event " + message.getIdentifier() + " carries no log position (not read from the event store)"));
    }

    public static LogPosition of(StoredEvent event) {
        return new LogPosition(event.commitPosition(), event.indexInCommit());
    }

    /** A string that sorts as the positions do (fixed width), for ids and sorted keys in stored documents. */
    public String key() {
        return String.format(KEY_FORMAT, commit, offset);
    }

    @Override
    public int compareTo(LogPosition other) {
        int c = Long.compare(commit, other.commit);
        return c != 0 ? c : Integer.compare(offset, other.offset);
    }
}

package vn.ledger.eventstore;

import java.time.Instant;
import java.util.List;

/**
 * One commit exactly as stored: its position in the global log, when it was written, whether it is a tombstone
 * (an empty commit closing a gap), and its events in their order inside the commit.
 */
public record StoredCommit(long position, Instant at, boolean tombstone, List<StoredEvent> events) {

    public StoredCommit {
        events = List.copyOf(events);
    }
}

package vn.ledger.projections.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import vn.ledger.eventstore.LogPosition;

import java.time.Instant;

/**
 * An audit id: {@code <log position key>-<recorded at, 16-digit epoch micros>-<aggregate id>-<sequence number, 10
 * digits>}, e.g. {@code 0000000000000000042.000000001-1774058400000000-dir-22-TB/II.1-0000000003}. It sorts by the
 * event's place in the global log ({@link LogPosition#key()}: commit position, then place in the commit), which is
 * the same for a live processor, a rebuild and a replay of stored histories, whatever order concurrent commits
 * reached the processor in. (Layout 3 used the recording instant for that, because the tracking token of a commit
 * that fills a gap names the highest position seen, not its own; every event now carries its own position.)
 *
 * <p>The recording instant follows, so that the time filters are checked on the id without reading the entry;
 * aggregate id and sequence number name the entity bucket that holds the entry ({@link #bucketId()}). The
 * aggregate id may contain "-": the sequence number is after the last one. An event that is not an aggregate event
 * gets the pseudo aggregate "~" + its event id and sequence number 0.
 *
 * @param position    the event's place in the log
 * @param micros      the event's timestamp in epoch microseconds
 * @param aggregateId the aggregate id, or the pseudo one
 * @param sequence    the aggregate sequence number
 */
record AuditId(LogPosition position, long micros, String aggregateId, long sequence) {

    /**
     * Entries per entity bucket: bucket n of an aggregate holds sequence numbers [16 n, 16 n + 15]. An event rewrites
     * its bucket, so this bounds what it writes (about 16 entries of a few hundred bytes).
     */
    static final int ENTITY_BUCKET = 16;

    private static final int KEY_LENGTH = new LogPosition(0, 0).key().length();
    private static final int MICROS_DIGITS = 16;
    private static final int MICROS_AT = KEY_LENGTH + 1;
    private static final int AGGREGATE_AT = MICROS_AT + MICROS_DIGITS + 1;
    private static final int SEQUENCE_DIGITS = 10;

    /** The id of an event read from the log; fails for an event that carries no log position. */
    static AuditId of(EventMessage<?> m) {
        LogPosition position = LogPosition.require(m);
        long micros = micros(m.getTimestamp());
        if (m instanceof DomainEventMessage<?> d && d.getAggregateIdentifier() != null) {
            return new AuditId(position, micros, d.getAggregateIdentifier(), d.getSequenceNumber());
        }
        return new AuditId(position, micros, "~" + m.getIdentifier(), 0);
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    /** The id, or null when it is not an audit id (an old-format cursor, a mistyped one). */
    static AuditId parse(String id) {
        if (id == null || id.length() < AGGREGATE_AT + 2 || id.charAt(KEY_LENGTH) != '-'
                || id.charAt(AGGREGATE_AT - 1) != '-' || id.charAt(KEY_LENGTH - 10) != '.') {
            return null;
        }
        int dash = id.lastIndexOf('-');
        if (dash <= AGGREGATE_AT || dash == id.length() - 1) {
            return null;
        }
        try {
            long commit = Long.parseLong(id, 0, KEY_LENGTH - 10, 10);
            int offset = Integer.parseInt(id, KEY_LENGTH - 9, KEY_LENGTH, 10);
            long micros = Long.parseLong(id, MICROS_AT, MICROS_AT + MICROS_DIGITS, 10);
            long seq = Long.parseLong(id, dash + 1, id.length(), 10);
            if (commit < 0 || offset < 0 || micros < 0 || seq < 0) {
                return null;
            }
            return new AuditId(new LogPosition(commit, offset), micros, id.substring(AGGREGATE_AT, dash), seq);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The recording instant (epoch micros) of a well-formed id, read from its place without parsing the rest. */
    static long micros(String id) {
        try {
            return Long.parseLong(id, MICROS_AT, MICROS_AT + MICROS_DIGITS, 10);
        } catch (RuntimeException e) {
            return Long.MIN_VALUE; // not an id of this layout: in no time range
        }
    }

    String value() {
        return position.key() + "-" + pad(micros, MICROS_DIGITS) + "-" + aggregateId + "-" + pad(sequence,
                SEQUENCE_DIGITS);
    }

    int bucket() {
        return bucket(sequence);
    }

    String bucketId() {
        return bucketId(aggregateId, bucket());
    }

    static int bucket(long sequence) {
        return (int) (sequence / ENTITY_BUCKET);
    }

    static String bucketId(String aggregateId, int n) {
        return aggregateId + "|" + n;
    }

    private static String pad(long value, int digits) {
        String s = Long.toString(value);
        return s.length() >= digits ? s : "0".repeat(digits - s.length()) + s;
    }
}

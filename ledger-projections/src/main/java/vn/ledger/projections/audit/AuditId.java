package vn.ledger.projections.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

import java.time.Instant;

/**
 * An audit id: {@code <recorded at, 16-digit epoch micros>-<aggregate id>-<sequence number, 10 digits>}, e.g.
 * {@code 1774058400000000-dir-22-TB/II.1-0000000003}. It sorts by recording instant (then aggregate and sequence
 * number, which separate events recorded in the same microsecond), depends on nothing but the event, and names
 * the entity bucket that holds the entry ({@link #bucketId()}). The aggregate id may contain "-": the sequence
 * number is after the last one.
 *
 * <p>An event that is not an aggregate event gets the pseudo aggregate "~" + its event id and sequence number 0.
 *
 * @param micros      the event's timestamp in epoch microseconds
 * @param aggregateId the aggregate id, or the pseudo one
 * @param sequence    the aggregate sequence number
 */
record AuditId(long micros, String aggregateId, long sequence) {

    /** Entries per entity bucket: bucket n of an aggregate holds sequence numbers [64 n, 64 n + 63]. */
    static final int ENTITY_BUCKET = 64;

    private static final int MICROS_DIGITS = 16;
    private static final int SEQUENCE_DIGITS = 10;

    static AuditId of(EventMessage<?> m) {
        long micros = micros(m.getTimestamp());
        if (m instanceof DomainEventMessage<?> d && d.getAggregateIdentifier() != null) {
            return new AuditId(micros, d.getAggregateIdentifier(), d.getSequenceNumber());
        }
        return new AuditId(micros, "~" + m.getIdentifier(), 0);
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    /** The id, or null when it is not an audit id (an old-format cursor, a mistyped one). */
    static AuditId parse(String id) {
        if (id == null || id.length() < MICROS_DIGITS + 3 || id.charAt(MICROS_DIGITS) != '-') {
            return null;
        }
        int dash = id.lastIndexOf('-');
        if (dash <= MICROS_DIGITS + 1 || dash == id.length() - 1) {
            return null;
        }
        try {
            long micros = Long.parseLong(id, 0, MICROS_DIGITS, 10);
            long seq = Long.parseLong(id, dash + 1, id.length(), 10);
            return micros < 0 || seq < 0 ? null : new AuditId(micros, id.substring(MICROS_DIGITS + 1, dash), seq);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    String value() {
        return pad(micros, MICROS_DIGITS) + "-" + aggregateId + "-" + pad(sequence, SEQUENCE_DIGITS);
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

    /**
     * The id bound of an instant at millisecond precision (what the time filters compare): every id recorded at
     * or after {@code epochMillis} is greater than it, every id recorded before is smaller. Null when the bound is
     * outside the ids' range (before 1970, or after year 2286).
     */
    static String bound(long epochMillis) {
        if (epochMillis < 0 || epochMillis >= 10_000_000_000_000L) {
            return null;
        }
        return pad(epochMillis * 1_000, MICROS_DIGITS);
    }

    private static String pad(long value, int digits) {
        String s = Long.toString(value);
        return s.length() >= digits ? s : "0".repeat(digits - s.length()) + s;
    }
}

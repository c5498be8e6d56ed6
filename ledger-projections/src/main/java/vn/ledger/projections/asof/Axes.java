package vn.ledger.projections.asof;

import vn.ledger.core.event.BusinessDates;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The two time axes of a read from the events. {@code recordedBy}: what the ledger said at that recorded instant
 * (events recorded at or before it). {@code onDay}: the state of affairs on that business day (events whose business
 * date is on or before it, {@link BusinessDates}), as known by {@code recordedBy} or, without it, as known now. The
 * events kept are replayed in log order either way.
 *
 * @param recordedBy null: every event recorded so far
 * @param onDay      null: whatever its business date
 */
public record Axes(Instant recordedBy, LocalDate onDay) {

    public Axes {
        if (recordedBy == null && onDay == null) {
            throw new IllegalArgumentException("an as-of read names an instant, a business day or both");
        }
    }

    /** What the ledger said at {@code instant}. */
    public static Axes recordedBy(Instant instant) {
        return new Axes(instant, null);
    }

    /** The state of affairs on business day {@code day}, as known now. */
    public static Axes onDay(LocalDate day) {
        return new Axes(null, day);
    }

    /**
     * "Now" for the view (due soon, overdue, stalls, missed periods): the end of the business day in Vietnam when one
     * is asked, else the recorded instant.
     */
    public Instant clock() {
        return onDay != null ? BusinessDates.endOf(onDay) : recordedBy;
    }

    /** Whether an event recorded at {@code timestamp} was known by {@code recordedBy}. */
    public boolean known(Instant timestamp) {
        return recordedBy == null || !timestamp.isAfter(recordedBy);
    }

    /** Whether the event had happened by the end of {@code onDay}: its business date is on or before it. */
    public boolean happened(Object payload, Instant timestamp) {
        if (onDay == null) {
            return true;
        }
        LocalDate date = BusinessDates.of(payload, timestamp);
        return date == null || !date.isAfter(onDay);
    }
}

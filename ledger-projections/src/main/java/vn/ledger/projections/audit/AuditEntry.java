package vn.ledger.projections.audit;

import vn.ledger.core.shared.Actor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One event in the audit trail.
 *
 * @param id                the audit id: sorts in the global log order; the cursor of the next page
 * @param eventType         the event's name, e.g. "DirectiveCorrected"
 * @param summaryVi         what happened, in Vietnamese
 * @param summaryEn         what happened, in English
 * @param actor             who did it: username, full name, position, body
 * @param entityType        aggregate type ("Directive", "Task", "Body")
 * @param entityId          aggregate id
 * @param recordedAt        the event's timestamp: when the ledger recorded it
 * @param businessDate      the date the event itself carries (issued on, received on, reported on, ...); an event
 *                          stored without one reads as its recorded day
 * @param directiveId       authority: the directive under which it happened (null for body events)
 * @param authorityBodyCode authority: the issuing body (directive events) or the assigning body (task events)
 * @param bodies            every body the event concerns (actor's, authority, recipients, lead, ...)
 * @param changes           old → new values of what the event changed
 * @param position          the position of the event's commit in the global log
 * @param lateEntryDays     days from the business date to the day it was recorded (in Vietnam), 0 when recorded
 *                          the same day; null without a recorded instant
 * @param lateEntry         a late entry: recorded more than {@value #LATE_ENTRY_AFTER_DAYS} days after its business
 *                          date (work of October entered in December), so that an inspector sees what was entered
 *                          after the fact
 */
public record AuditEntry(String id, String eventId, String eventType, String summaryVi, String summaryEn, Actor actor,
                         String entityType, String entityId, Long sequenceNumber, Instant recordedAt,
                         LocalDate businessDate, String directiveId, String authorityBodyCode, List<String> bodies,
                         List<Change> changes, Long position, Long lateEntryDays, boolean lateEntry) {

    /**
     * An entry recorded more than this many days after its business date is a late entry. A week: papers reach
     * the clerk who enters them within days; beyond a week the entry was made after the fact.
     */
    public static final int LATE_ENTRY_AFTER_DAYS = 7;

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** The entry, its business date defaulting to the recorded day and its lateness derived from both. */
    public AuditEntry(String id, String eventId, String eventType, String summaryVi, String summaryEn, Actor actor,
                      String entityType, String entityId, Long sequenceNumber, Instant recordedAt,
                      LocalDate businessDate, String directiveId, String authorityBodyCode, List<String> bodies,
                      List<Change> changes, Long position) {
        this(id, eventId, eventType, summaryVi, summaryEn, actor, entityType, entityId, sequenceNumber, recordedAt,
                businessDate != null || recordedAt == null ? businessDate : LocalDate.ofInstant(recordedAt, VIETNAM),
                directiveId, authorityBodyCode, bodies, changes, position,
                lateDays(recordedAt, businessDate), isLate(lateDays(recordedAt, businessDate)));
    }

    /** Whether {@code days} from business date to recording make a late entry. */
    public static boolean isLate(Long days) {
        return days != null && days > LATE_ENTRY_AFTER_DAYS;
    }

    /**
     * Days from the business date to the recorded day in Vietnam, never negative; null without a recorded instant,
     * 0 without a business date (an event stored without one reads as recorded that day).
     */
    public static Long lateDays(Instant recordedAt, LocalDate businessDate) {
        if (recordedAt == null) {
            return null;
        }
        LocalDate recordedOn = LocalDate.ofInstant(recordedAt, VIETNAM);
        return businessDate == null ? 0L : Math.max(0, ChronoUnit.DAYS.between(businessDate, recordedOn));
    }

    public record Change(String field, String oldValue, String newValue) {
    }
}

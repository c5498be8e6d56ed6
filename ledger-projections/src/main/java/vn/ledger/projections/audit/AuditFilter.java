package vn.ledger.projections.audit;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What to look for in the audit trail; null fields do not filter. All given filters must hold.
 *
 * @param actor     username of the person who acted
 * @param body      a body the event concerns (the actor's body, the authority, a recipient, a lead body, ...)
 * @param entityId  the aggregate id (a directive, task or body)
 * @param eventType the event's name, e.g. "TaskReassigned"
 * @param from      recorded at or after (inclusive)
 * @param to        recorded before (exclusive)
 * @param onDay     business date on or before this day (the trail of what had happened by then, as known now or
 *                  as known at {@code to}); an entry without a business date counts its recorded day in Vietnam
 * @param lateEntry true: only late entries (recorded more than {@value AuditEntry#LATE_ENTRY_AFTER_DAYS} days after
 *                  their business date, served by their own posting list); false: only the others
 */
public record AuditFilter(String actor, String body, String entityId, String eventType, Instant from, Instant to,
                          LocalDate onDay, Boolean lateEntry) {

    public AuditFilter(String actor, String body, String entityId, String eventType, Instant from, Instant to) {
        this(actor, body, entityId, eventType, from, to, null, null);
    }

    public static AuditFilter any() {
        return new AuditFilter(null, null, null, null, null, null, null, null);
    }

    public AuditFilter actor(String username) {
        return new AuditFilter(username, body, entityId, eventType, from, to, onDay, lateEntry);
    }

    public AuditFilter body(String code) {
        return new AuditFilter(actor, code, entityId, eventType, from, to, onDay, lateEntry);
    }

    public AuditFilter entity(String id) {
        return new AuditFilter(actor, body, id, eventType, from, to, onDay, lateEntry);
    }

    public AuditFilter type(String name) {
        return new AuditFilter(actor, body, entityId, name, from, to, onDay, lateEntry);
    }

    public AuditFilter between(Instant fromInclusive, Instant toExclusive) {
        return new AuditFilter(actor, body, entityId, eventType, fromInclusive, toExclusive, onDay, lateEntry);
    }

    /** Only what had happened by the end of {@code day} (business date on or before it). */
    public AuditFilter onDay(LocalDate day) {
        return new AuditFilter(actor, body, entityId, eventType, from, to, day, lateEntry);
    }

    /** @param late true: only late entries; false: only entries that are not late; null: both */
    public AuditFilter late(Boolean late) {
        return new AuditFilter(actor, body, entityId, eventType, from, to, onDay, late);
    }
}

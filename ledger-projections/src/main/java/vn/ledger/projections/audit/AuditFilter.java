package vn.ledger.projections.audit;

import java.time.Instant;

/**
 * What to look for in the audit trail; null fields do not filter. All given filters must hold.
 *
 * @param actor     username of the person who acted
 * @param body      a body the event concerns (the actor's body, the authority, a recipient, a lead body, ...)
 * @param entityId  the aggregate id (a directive, task or body)
 * @param eventType the event's name, e.g. "TaskReassigned"
 * @param from      recorded at or after (inclusive)
 * @param to        recorded before (exclusive)
 * @param lateEntry true: only late entries (recorded more than {@value AuditEntry#LATE_ENTRY_AFTER_DAYS} days after
 *                  their business date, served by their own posting list); false: only the others
 */
public record AuditFilter(String actor, String body, String entityId, String eventType, Instant from, Instant to,
                          Boolean lateEntry) {

    public AuditFilter(String actor, String body, String entityId, String eventType, Instant from, Instant to) {
        this(actor, body, entityId, eventType, from, to, null);
    }

    public static AuditFilter any() {
        return new AuditFilter(null, null, null, null, null, null, null);
    }

    public AuditFilter actor(String username) {
        return new AuditFilter(username, body, entityId, eventType, from, to, lateEntry);
    }

    public AuditFilter body(String code) {
        return new AuditFilter(actor, code, entityId, eventType, from, to, lateEntry);
    }

    public AuditFilter entity(String id) {
        return new AuditFilter(actor, body, id, eventType, from, to, lateEntry);
    }

    public AuditFilter type(String name) {
        return new AuditFilter(actor, body, entityId, name, from, to, lateEntry);
    }

    public AuditFilter between(Instant fromInclusive, Instant toExclusive) {
        return new AuditFilter(actor, body, entityId, eventType, fromInclusive, toExclusive, lateEntry);
    }

    /** @param late true: only late entries; false: only entries that are not late; null: both */
    public AuditFilter late(Boolean late) {
        return new AuditFilter(actor, body, entityId, eventType, from, to, late);
    }
}

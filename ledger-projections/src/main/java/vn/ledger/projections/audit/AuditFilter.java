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
 */
public record AuditFilter(String actor, String body, String entityId, String eventType, Instant from, Instant to) {

    public static AuditFilter any() {
        return new AuditFilter(null, null, null, null, null, null);
    }

    public AuditFilter actor(String username) {
        return new AuditFilter(username, body, entityId, eventType, from, to);
    }

    public AuditFilter body(String code) {
        return new AuditFilter(actor, code, entityId, eventType, from, to);
    }

    public AuditFilter entity(String id) {
        return new AuditFilter(actor, body, id, eventType, from, to);
    }

    public AuditFilter type(String name) {
        return new AuditFilter(actor, body, entityId, name, from, to);
    }

    public AuditFilter between(Instant fromInclusive, Instant toExclusive) {
        return new AuditFilter(actor, body, entityId, eventType, fromInclusive, toExclusive);
    }
}

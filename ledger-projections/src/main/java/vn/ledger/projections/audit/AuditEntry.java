package vn.ledger.projections.audit;

import vn.ledger.core.shared.Actor;

import java.time.Instant;
import java.time.LocalDate;
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
 * @param businessDate      the date the event itself carries (issued on, received on, reported on, ...)
 * @param directiveId       authority: the directive under which it happened (null for body events)
 * @param authorityBodyCode authority: the issuing body (directive events) or the assigning body (task events)
 * @param bodies            every body the event concerns (actor's, authority, recipients, lead, ...)
 * @param changes           old → new values of what the event changed
 * @param position          the position of the event's commit in the global log
 */
public record AuditEntry(String id, String eventId, String eventType, String summaryVi, String summaryEn, Actor actor,
                         String entityType, String entityId, Long sequenceNumber, Instant recordedAt,
                         LocalDate businessDate, String directiveId, String authorityBodyCode, List<String> bodies,
                         List<Change> changes, Long position) {

    public record Change(String field, String oldValue, String newValue) {
    }
}

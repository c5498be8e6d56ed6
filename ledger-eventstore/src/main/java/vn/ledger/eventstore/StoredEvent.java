package vn.ledger.eventstore;

import java.time.Instant;

/**
 * One event exactly as stored: its place in the global order (the commit's position and its index inside
 * the commit), its aggregate stream coordinates, and the canonical JSON of payload and metadata.
 */
public record StoredEvent(long commitPosition, int indexInCommit, String eventId, String aggregateType,
                          String aggregateId, long sequenceNumber, Instant timestamp, String payloadType,
                          String payloadRevision, String payloadJson, String metaDataJson) {
}

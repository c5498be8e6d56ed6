package vn.ledger.core.proof;

import java.util.Objects;

/**
 * One event of a commit as the event store holds it, every field as stored: plain strings and one number, so a
 * verifier can take them from a JSON line as they are. {@code aggregateType} is null for an event of no aggregate,
 * {@code payloadRevision} when the payload type has none; {@code timestamp} is the stored ISO-8601 text (not
 * re-formatted), {@code payload} and {@code metadata} the stored canonical JSON text.
 */
public record LeafEvent(String eventId, String aggregateType, String aggregateId, long sequence,
                        String payloadType, String payloadRevision, String timestamp,
                        String payload, String metadata) {

    public LeafEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(metadata, "metadata");
    }
}

package vn.ledger.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.time.Instant;

/**
 * One event (or snapshot) as an entry of a commit's {@code ev} list, and back: {@code id}, {@code type},
 * {@code agg}, {@code seq}, {@code ts} (ISO instant), {@code pt}/{@code pr} (payload type and revision), {@code p}
 * (payload), {@code m} (metadata), the last two in the serializer's text form.
 */
final class CommitCodec {

    private CommitCodec() {
    }

    static Document toDocument(EventMessage<?> event, Serializer serializer) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        Document doc = new Document("id", event.getIdentifier());
        if (event instanceof DomainEventMessage<?> domainEvent) {
            doc.append("type", domainEvent.getType())
               .append("agg", domainEvent.getAggregateIdentifier())
               .append("seq", domainEvent.getSequenceNumber());
        } else {
            // as Axon's JPA/JDBC engines do: a plain event is a stream of its own
            doc.append("type", null).append("agg", event.getIdentifier()).append("seq", 0L);
        }
        return doc.append("ts", event.getTimestamp().toString())
                  .append("pt", payload.getType().getName())
                  .append("pr", payload.getType().getRevision())
                  .append("p", payload.getData())
                  .append("m", metaData.getData());
    }

    /** A plain event (not of an aggregate) is stored as Axon's JPA/JDBC engines store it: no type, its own stream. */
    static boolean isDomainEvent(Document event) {
        return event.getString("type") != null || !event.getString("agg").equals(event.getString("id"));
    }

    /** The entry as Axon reads it: a domain event, or a plain one (see {@link #toPlainEventData}). */
    static DomainEventData<String> toEventData(Document event) {
        return isDomainEvent(event) ? toDomainEventData(event) : toPlainEventData(event);
    }

    static DomainEventData<String> toDomainEventData(Document event) {
        return new GenericDomainEventEntry<>(event.getString("type"), event.getString("agg"), event.getLong("seq"),
                event.getString("id"), event.getString("ts"), event.getString("pt"), event.getString("pr"),
                event.getString("p"), event.getString("m"));
    }

    /**
     * Axon 4.13 has no generic entry class for an event of no aggregate; as its JDBC engine does, a domain entry
     * without aggregate identifier, which Axon's upcasting turns into a plain (non-domain) message.
     */
    static DomainEventData<String> toPlainEventData(Document event) {
        return new GenericDomainEventEntry<>(null, null, 0L, event.getString("id"), event.getString("ts"),
                event.getString("pt"), event.getString("pr"), event.getString("p"), event.getString("m"));
    }

    static StoredEvent toStoredEvent(long position, int index, Document event) {
        return new StoredEvent(position, index, event.getString("id"), event.getString("type"),
                event.getString("agg"), event.getLong("seq"), Instant.parse(event.getString("ts")),
                event.getString("pt"), event.getString("pr"), event.getString("p"), event.getString("m"));
    }
}

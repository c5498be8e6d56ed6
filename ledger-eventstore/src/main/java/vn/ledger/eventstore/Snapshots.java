package vn.ledger.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.util.stream.Stream;

/** {@code snapshots}: the latest snapshot per aggregate, {@code _id} = aggregate id, in the form of a commit's event. */
final class Snapshots {

    private final MongoCollection<Document> snapshots;

    Snapshots(MongoCollection<Document> snapshots) {
        this.snapshots = snapshots;
    }

    void store(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document doc = CommitCodec.toDocument(snapshot, serializer);
        doc.put("_id", snapshot.getAggregateIdentifier());
        try {
            // keep only the newest: replace an older one, or insert; a newer one makes the upsert collide
            snapshots.replaceOne(Filters.and(Filters.eq("_id", snapshot.getAggregateIdentifier()),
                            Filters.lt("seq", snapshot.getSequenceNumber())),
                    doc, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw new EventStoreException("could not store snapshot", e);
            }
        }
    }

    Stream<DomainEventData<String>> read(String aggregateIdentifier) {
        Document doc = snapshots.find(Filters.eq("_id", aggregateIdentifier)).first();
        return doc == null ? Stream.empty() : Stream.of(CommitCodec.toDomainEventData(doc));
    }
}

package vn.ledger.projections.replay;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import vn.ledger.eventstore.CommitToken;
import vn.ledger.eventstore.StoredEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Feeds stored events to plain projection objects, without a processor: for as-of views (events up to an
 * instant into an in-memory store) and for tests. Uses Axon's annotation adapter, so the same
 * {@code @EventHandler} methods run here as in the live processors.
 */
public final class EventReplayer {

    private final Serializer serializer;

    public EventReplayer(Serializer serializer) {
        this.serializer = serializer;
    }

    /**
     * The stored event as the message a handler receives (payload, metadata, timestamp, stream coordinates, and a
     * {@link CommitToken} naming its place in the log).
     */
    public DomainEventMessage<?> toMessage(StoredEvent e) {
        SerializedType type = new SimpleSerializedType(e.payloadType(), e.payloadRevision());
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(e.payloadJson(), String.class, type));
        MetaData metaData = serializer.deserialize(new SimpleSerializedObject<>(e.metaDataJson(), String.class,
                new SimpleSerializedType(MetaData.class.getName(), null)));
        GenericDomainEventMessage<?> message = new GenericDomainEventMessage<>(e.aggregateType(), e.aggregateId(),
                e.sequenceNumber(), payload, metaData, e.eventId(), e.timestamp());
        // the token a processor would have seen for it, so that handlers read its log position the same way
        CommitToken token = new CommitToken(e.commitPosition(), Collections.emptySet(), e.commitPosition(),
                e.indexInCommit());
        return new GenericTrackedDomainEventMessage<>(token, message);
    }

    /** Applies the events, in global order (commit position, then place in the commit), to every projection. */
    public void apply(List<StoredEvent> events, Object... projections) {
        apply(events, message -> true, projections);
    }

    /**
     * Applies the events {@code keep} accepts (asked in global order, each event deserialised once), in global order,
     * to every projection.
     *
     * @return how many were applied
     */
    public int apply(List<StoredEvent> events, Predicate<DomainEventMessage<?>> keep, Object... projections) {
        List<StoredEvent> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparingLong(StoredEvent::commitPosition).thenComparingInt(StoredEvent::indexInCommit));
        List<AnnotationEventHandlerAdapter> adapters = new ArrayList<>();
        for (Object projection : projections) {
            adapters.add(new AnnotationEventHandlerAdapter(projection));
        }
        int applied = 0;
        for (StoredEvent event : ordered) {
            DomainEventMessage<?> message = toMessage(event);
            if (!keep.test(message)) {
                continue;
            }
            applied++;
            for (AnnotationEventHandlerAdapter adapter : adapters) {
                if (adapter.canHandle(message)) {
                    try {
                        adapter.handle(message);
                    } catch (Exception ex) {
                        throw new IllegalStateException("projection " + adapter.getTargetType().getSimpleName()
                                + " failed on " + event.payloadType() + " at " + event.commitPosition(), ex);
                    }
                }
            }
        }
        return applied;
    }
}

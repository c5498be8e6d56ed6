package vn.ledger.projections.task;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import vn.ledger.core.body.BodyEvent;
import vn.ledger.core.directive.DirectiveEvent;
import vn.ledger.core.task.TaskEvent;
import vn.ledger.eventstore.CommitToken;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test support: turns core event records into the messages Axon would deliver (aggregate type and id from the
 * record, the next sequence number of that aggregate, a timestamp from a test clock, a {@link CommitToken} whose
 * position counts the messages built: one event per commit) and hands them to plain
 * projection objects through Axon's annotation adapter, as a processor would.
 */
public final class Feed {

    private final List<AnnotationEventHandlerAdapter> adapters = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<EventMessage<?>> sent = new ArrayList<>();
    private Instant clock = Instant.parse("2026-03-20T02:00:00Z");
    private long position;

    public Feed(Object... projections) {
        for (Object p : projections) {
            adapters.add(new AnnotationEventHandlerAdapter(p));
        }
    }

    /** The recorded instant of the next events; each event moves the clock one second on. */
    public Feed at(Instant instant) {
        clock = instant;
        return this;
    }

    public Instant now() {
        return clock;
    }

    /** Builds the message of the next event without delivering it. */
    public EventMessage<?> message(Object payload) {
        String type;
        String id;
        if (payload instanceof DirectiveEvent d) {
            type = "Directive";
            id = d.directiveId();
        } else if (payload instanceof TaskEvent t) {
            type = "Task";
            id = t.taskId();
        } else if (payload instanceof BodyEvent b) {
            type = "Body";
            id = b.code();
        } else {
            throw new IllegalArgumentException("not an event of the core: " + payload);
        }
        long seq = sequences.merge(id, 1L, Long::sum) - 1;
        DomainEventMessage<?> m = new GenericDomainEventMessage<>(type, id, seq, payload, Map.of(),
                java.util.UUID.randomUUID().toString(), clock);
        clock = clock.plus(Duration.ofSeconds(1));
        position++; // one event per commit: its place in the log, as the event store's token names it
        return new GenericTrackedDomainEventMessage<>(new CommitToken(position, Collections.emptySet(), position, 0), m);
    }

    /** Builds and delivers the events, in this order. */
    public List<EventMessage<?>> send(Object... payloads) {
        List<EventMessage<?>> out = new ArrayList<>();
        for (Object p : payloads) {
            EventMessage<?> m = message(p);
            deliver(m);
            out.add(m);
        }
        return out;
    }

    /** Delivers already built messages (again, or in another order). */
    public void deliver(EventMessage<?>... messages) {
        deliver(List.of(messages));
    }

    public void deliver(List<? extends EventMessage<?>> messages) {
        for (EventMessage<?> m : messages) {
            sent.add(m);
            for (AnnotationEventHandlerAdapter a : adapters) {
                try {
                    if (a.canHandle(m)) {
                        a.handle(m);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("handler failed on " + m.getPayloadType().getSimpleName(), e);
                }
            }
        }
    }

    /** Every message delivered so far, in delivery order. */
    public List<EventMessage<?>> delivered() {
        return List.copyOf(sent);
    }
}

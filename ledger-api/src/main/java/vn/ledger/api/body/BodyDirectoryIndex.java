package vn.ledger.api.body;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;
import vn.ledger.api.config.AxonConfiguration;
import vn.ledger.core.body.BodyClosed;
import vn.ledger.core.body.BodyEvent;
import vn.ledger.core.body.BodyLevel;
import vn.ledger.core.body.BodyMerged;
import vn.ledger.core.body.BodyRegistered;
import vn.ledger.core.shared.BodyDirectory;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link BodyDirectory} for the command handlers: an in-memory index of bodies (code, parent, open/closed).
 * A body missing from the index is read from the event store (its own stream, from sequence 0, never a
 * snapshot), so the index is right after a restart without a replay. A SUBSCRIBING event handler updates it in
 * the unit of work of the command that changed a body, right after the append, so a command sent after another
 * has returned sees its effect.
 */
@Component
@ProcessingGroup(AxonConfiguration.BODY_DIRECTORY_GROUP)
public class BodyDirectoryIndex implements BodyDirectory {

    /**
     * What the write side needs to know of a body.
     *
     * @param registeredOn business date of its registration; closedOn from which it is closed or merged, or null
     */
    public record Entry(String code, String parentCode, boolean active, BodyLevel level, LocalDate registeredOn,
                        LocalDate closedOn) {

        Entry closed(LocalDate on) {
            return new Entry(code, parentCode, false, level, registeredOn, on);
        }
    }

    private static final int MAX_DEPTH = 64;

    private final EventStorageEngine storage;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public BodyDirectoryIndex(EventStorageEngine storage) {
        this.storage = storage;
    }

    @Override
    public boolean exists(String code) {
        return code != null && entry(code).isPresent();
    }

    @Override
    public boolean isActive(String code) {
        return code != null && entry(code).map(Entry::active).orElse(false);
    }

    @Override
    public boolean isSameOrDescendant(String code, String ancestorCode) {
        if (code == null || ancestorCode == null) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        String current = code;
        for (int depth = 0; current != null && depth < MAX_DEPTH && seen.add(current); depth++) {
            if (current.equals(ancestorCode)) {
                return true;
            }
            current = entry(current).map(Entry::parentCode).orElse(null);
        }
        return false;
    }

    public Optional<Entry> entry(String code) {
        Entry known = entries.get(code);
        if (known != null) {
            return Optional.of(known);
        }
        Entry loaded = load(code);
        if (loaded != null) {
            entries.putIfAbsent(code, loaded);
        }
        return Optional.ofNullable(loaded);
    }

    private Entry load(String code) {
        Entry entry = null;
        DomainEventStream stream = storage.readEvents(code, 0L);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getPayload() instanceof BodyEvent body) {
                entry = apply(entry, body);
            }
        }
        return entry;
    }

    private static Entry apply(Entry entry, BodyEvent event) {
        if (event instanceof BodyRegistered r) {
            return registered(r);
        }
        if (entry != null && event instanceof BodyClosed c) {
            return entry.closed(c.effectiveDate());
        }
        if (entry != null && event instanceof BodyMerged m) {
            return entry.closed(m.effectiveDate());
        }
        return entry;
    }

    /** The codes of every body this index holds (those it was told of, or looked up, since it started). */
    Set<String> knownCodes() {
        return Set.copyOf(entries.keySet());
    }

    private static Entry registered(BodyRegistered r) {
        return new Entry(r.code(), r.parentCode(), true, r.level(), r.effectiveDate(), null);
    }

    @EventHandler
    void on(BodyRegistered event) {
        entries.put(event.code(), registered(event));
    }

    @EventHandler
    void on(BodyClosed event) {
        close(event.code(), event.effectiveDate());
    }

    @EventHandler
    void on(BodyMerged event) {
        close(event.code(), event.effectiveDate());
    }

    private void close(String code, LocalDate on) {
        // absent: the next lookup reads the stream, which holds the closing event by now
        entries.computeIfPresent(code, (k, e) -> e.closed(on));
    }
}

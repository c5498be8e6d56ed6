package vn.ledger.archive.records;

import vn.ledger.archive.spill.EventSpill;
import vn.ledger.archive.spill.SpilledEvent;
import vn.ledger.eventstore.CommitLog;
import vn.ledger.eventstore.StoredEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates' stored histories for the report and the metadata, one document at a time. The export pass filed the
 * events of every aggregate it is about under their document in a sorted spill on disk, so a document's history and
 * its tasks' are read back together from one place in a local file, not from the store; an aggregate the export does
 * not hold (a document issued before a time range) is read from its stream.
 */
public final class Histories {

    private final CommitLog log;
    private final EventSpill spill;
    private final Map<String, List<SpilledEvent>> loaded = new HashMap<>();
    private final List<String> tasks = new ArrayList<>();

    public Histories(CommitLog log, EventSpill spill) {
        this.log = log;
        this.spill = spill;
    }

    /**
     * Reads a document's events, and its tasks' when {@code withTasks} (without, its tasks are not listed either: the
     * read stops where they start); what was read before is dropped.
     */
    public void prefetch(String documentId, boolean withTasks) {
        loaded.clear();
        tasks.clear();
        List<SpilledEvent> events;
        try {
            events = withTasks ? spill.document(documentId, null) : spill.aggregate(documentId, documentId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Long> firstPosition = new LinkedHashMap<>();
        for (SpilledEvent e : events) {
            if (!e.aggregateId().equals(documentId)) {
                firstPosition.merge(e.aggregateId(), e.position(), Math::min);
            }
            if (e.payload() != null) {
                loaded.computeIfAbsent(e.aggregateId(), k -> new ArrayList<>()).add(e);
            }
        }
        firstPosition.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).forEach(t -> tasks.add(t.getKey()));
    }

    /** The loaded document's tasks the export holds events of, in the order the log first shows them. */
    public List<String> tasks() {
        return tasks;
    }

    /** An aggregate's events, payloads included: from the spill when loaded, else from its stream. */
    public List<SpilledEvent> of(String aggregateId) {
        List<SpilledEvent> events = loaded.get(aggregateId);
        if (events != null) {
            return events;
        }
        List<SpilledEvent> read = new ArrayList<>();
        for (StoredEvent e : log.history(aggregateId)) {
            read.add(SpilledEvent.of("", e, true));
        }
        return read;
    }
}

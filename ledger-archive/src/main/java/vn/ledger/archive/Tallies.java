package vn.ledger.archive;

import com.fasterxml.jackson.core.JsonGenerator;
import vn.ledger.eventstore.StoredEvent;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Per exported aggregate: its type, how many of its events the bundle holds, the first and last sequence. */
final class Tallies {

    private static final class Tally {
        final String type;
        final long first;
        long last;
        long count;
        long[] positions = new long[2];
        int commits;

        Tally(String type, long first) {
            this.type = type;
            this.first = first;
        }
    }

    private final Map<String, Tally> tallies = new LinkedHashMap<>();

    void see(StoredEvent event, long position) {
        Tally t = tallies.computeIfAbsent(event.aggregateId(), k -> new Tally(event.aggregateType(),
                event.sequenceNumber()));
        t.last = event.sequenceNumber();
        t.count++;
        if (t.commits == 0 || t.positions[t.commits - 1] != position) {
            if (t.commits == t.positions.length) {
                t.positions = java.util.Arrays.copyOf(t.positions, t.commits * 2);
            }
            t.positions[t.commits++] = position;
        }
    }

    /**
     * The positions of an aggregate's commits in the export, ascending (the report reads histories by them); null for
     * an aggregate the export did not see. Read in place rather than copied into a second map of every aggregate.
     */
    long[] positionsOf(String aggregateId) {
        Tally t = tallies.get(aggregateId);
        return t == null ? null : java.util.Arrays.copyOf(t.positions, t.commits);
    }

    boolean contains(String aggregateId) {
        return tallies.containsKey(aggregateId);
    }

    int size() {
        return tallies.size();
    }

    void write(JsonGenerator json) throws IOException {
        for (Map.Entry<String, Tally> e : tallies.entrySet()) {
            json.writeStartObject();
            json.writeStringField("aggregateId", e.getKey());
            json.writeStringField("aggregateType", e.getValue().type);
            json.writeNumberField("events", e.getValue().count);
            json.writeNumberField("firstSequence", e.getValue().first);
            json.writeNumberField("lastSequence", e.getValue().last);
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }
}

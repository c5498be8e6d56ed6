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

        Tally(String type, long first) {
            this.type = type;
            this.first = first;
        }
    }

    private final Map<String, Tally> tallies = new LinkedHashMap<>();

    void see(StoredEvent event) {
        Tally t = tallies.computeIfAbsent(event.aggregateId(), k -> new Tally(event.aggregateType(),
                event.sequenceNumber()));
        t.last = event.sequenceNumber();
        t.count++;
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

package vn.ledger.archive;

import com.fasterxml.jackson.core.JsonGenerator;
import vn.ledger.archive.spill.SpilledEvent;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Per exported aggregate: its type, how many of its events the bundle holds, the first and last sequence; written
 * as the sorted spill hands the events over, an aggregate's events being consecutive there, so only the aggregate
 * being counted is held.
 */
final class AggregateCounts {

    private final JsonGenerator json;
    private String id;
    private String type;
    private long first;
    private long last;
    private long count;
    private int aggregates;

    AggregateCounts(JsonGenerator json) {
        this.json = json;
    }

    void see(SpilledEvent event) {
        if (!event.aggregateId().equals(id)) {
            flush();
            id = event.aggregateId();
            type = event.aggregateType();
            first = event.sequence();
            count = 0;
        }
        last = event.sequence();
        count++;
    }

    /** Writes the last aggregate; returns how many were written. */
    int finish() {
        flush();
        return aggregates;
    }

    private void flush() {
        if (id == null) {
            return;
        }
        try {
            json.writeStartObject();
            json.writeStringField("aggregateId", id);
            json.writeStringField("aggregateType", type);
            json.writeNumberField("events", count);
            json.writeNumberField("firstSequence", first);
            json.writeNumberField("lastSequence", last);
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        aggregates++;
        id = null;
    }
}

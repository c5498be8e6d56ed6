package vn.ledger.eventstore;

import de.bwaldvogel.mongo.bson.Document;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Commands an embedded server handled, by command name and the collection it names (diagnostics). */
final class CommandCounts {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void count(String command, Document query) {
        Object target = query.get(command);
        String key = target instanceof String collection ? command + " " + collection : command;
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}

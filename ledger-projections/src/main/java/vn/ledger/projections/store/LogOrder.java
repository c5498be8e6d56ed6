package vn.ledger.projections.store;

import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import vn.ledger.eventstore.LogPosition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lists that a read model keeps in the order of the global log, whatever order the events reached it in: a list of
 * strings under {@code field} and, under {@code field + "At"}, the key of each item's place in the log
 * ({@link LogPosition#key()} of the event that listed it, with {@link #key(EventMessage, int)} for the several items
 * one event lists). An item is inserted where its key goes; an item listed again keeps the lower key (the first
 * event in the log that listed it). So the list is a function of the events alone: a commit that fills a gap late
 * lands where it would have had it come in order.
 */
public final class LogOrder {

    private static final String SUFFIX = "At";

    private LogOrder() {
    }

    /** The key of the event's place in the log; fails for a message that did not come from the log. */
    public static String key(EventMessage<?> m) {
        return LogPosition.require(m).key();
    }

    /** The key of the {@code index}-th of several items one event lists: after the event's own key, in order. */
    public static String key(EventMessage<?> m, int index) {
        return key(key(m), index);
    }

    /** The key of the {@code index}-th of several items the event of key {@code eventKey} lists. */
    public static String key(String eventKey, int index) {
        return eventKey + "/" + String.format("%05d", index);
    }

    /** Adds the value at the place of its key; false when nothing changed (listed already at or before the key). */
    public static boolean add(Document d, String field, String value, String key) {
        if (value == null) {
            return false;
        }
        List<String> values = strings(d, field);
        List<String> keys = keys(d, field, values.size());
        if (!add(values, keys, value, key)) {
            return false;
        }
        d.put(field, values);
        d.put(field + SUFFIX, keys);
        return true;
    }

    /**
     * Adds the value to {@code values} at the place of its key in {@code keys} (both changed in place, parallel);
     * false when nothing changed (listed already at or before the key).
     */
    public static boolean add(List<String> values, List<String> keys, String value, String key) {
        if (value == null) {
            return false;
        }
        int at = values.indexOf(value);
        if (at >= 0) {
            if (keys.get(at).compareTo(key) <= 0) {
                return false;
            }
            values.remove(at);
            keys.remove(at);
        }
        int pos = insertionPoint(keys, key);
        values.add(pos, value);
        keys.add(pos, key);
        return true;
    }

    /** Removes the value; false when it was not listed. */
    public static boolean remove(Document d, String field, String value) {
        List<String> values = strings(d, field);
        int at = values.indexOf(value);
        if (at < 0) {
            return false;
        }
        List<String> keys = keys(d, field, values.size());
        values.remove(at);
        keys.remove(at);
        d.put(field, values);
        d.put(field + SUFFIX, keys);
        return true;
    }

    /** Where a key goes in ascending keys (after equal ones): the end in the usual case, the latest event. */
    public static int insertionPoint(List<String> keys, String key) {
        if (keys.isEmpty() || key.compareTo(keys.get(keys.size() - 1)) >= 0) {
            return keys.size();
        }
        int i = Collections.binarySearch(keys, key);
        if (i < 0) {
            return -i - 1;
        }
        while (i < keys.size() && keys.get(i).equals(key)) {
            i++;
        }
        return i;
    }

    /**
     * The keys of the {@code size} values listed under {@code field} (a new list); a list of an earlier layout (no
     * keys) counts as listed before everything.
     */
    public static List<String> keys(Document d, String field, int size) {
        List<String> keys = strings(d, field + SUFFIX);
        while (keys.size() < size) {
            keys.add(0, "");
        }
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Document d, String field) {
        Object v = d.get(field);
        return v instanceof List<?> l ? new ArrayList<>((List<String>) l) : new ArrayList<>();
    }
}

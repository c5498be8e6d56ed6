package vn.ledger.projections.chain;

import org.bson.Document;
import vn.ledger.projections.store.Tuple;
import vn.ledger.projections.store.Docs;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists of strings kept in one string value of a chain node. The embedded server encodes a document value by
 * value, and the chain view reads ~1,700 nodes for a depth-2 view of the national tree, so a list read whole (a
 * node's children, its recipients, a task's leads) costs far less as one value than as one value per item and
 * field.
 *
 * <p>Items are separated by a control character ({@link #ITEM}; a recipient's fields by {@link #FIELD}, a field's
 * own list by {@link #SUB}); any of them, and {@link #ESC}, inside an item is preceded by {@link #ESC}, so that
 * every packed string reads back to exactly the lists it was made from.
 */
final class Packed {

    static final char ESC = '\u001B';
    static final char ITEM = '\u001E';
    static final char FIELD = '\u001F';
    static final char SUB = '\u001D';

    private Packed() {
    }

    /**
     * The list stored under {@code key} in one string, as a new list (a former layout's list of strings reads too).
     * Only for items never blank (ids, body codes): a list of one empty item would read back as none.
     */
    static List<String> list(Document node, String key) {
        Object v = node.get(key);
        return v instanceof String packed ? split(packed, ITEM) : new ArrayList<>(Docs.stringsView(node, key));
    }

    static void putList(Document node, String key, List<String> items) {
        node.put(key, join(items, ITEM));
    }

    /** The items, escaped, separated by {@code sep}; an empty list is the empty string. */
    static String join(List<String> items, char sep) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(sep);
            }
            escape(items.get(i), out);
        }
        return out.toString();
    }

    /** The items {@link #join} made (the empty string: none). */
    static List<String> split(String packed, char sep) {
        List<String> out = new ArrayList<>();
        for (String raw : splitRaw(packed, sep)) {
            out.add(unescape(raw));
        }
        return out;
    }

    /** The parts between unescaped {@code sep}, still escaped (to be split again at the next level). */
    static List<String> splitRaw(String packed, char sep) {
        List<String> out = new ArrayList<>();
        if (packed == null || packed.isEmpty()) {
            return out;
        }
        int start = 0;
        while (true) {
            int end = next(packed, start, packed.length(), sep);
            out.add(packed.substring(start, end));
            if (end == packed.length()) {
                return out;
            }
            start = end + 1;
        }
    }

    /** How many items {@link #split} would give, without making them. */
    static int count(String packed, char sep) {
        if (packed == null || packed.isEmpty()) {
            return 0;
        }
        int n = 1;
        for (int i = next(packed, 0, packed.length(), sep); i < packed.length(); i = next(packed, i + 1,
                packed.length(), sep)) {
            n++;
        }
        return n;
    }

    /** How many items the list under {@code key} holds (either layout), without making them. */
    static int size(Document node, String key) {
        Object v = node.get(key);
        return v instanceof String packed ? count(packed, ITEM) : Docs.stringsView(node, key).size();
    }

    /**
     * The index of the first {@code sep} in {@code packed[from, end)} that is not escaped, or {@code end}: the one
     * scan every reading of a packed string goes through.
     */
    static int next(String packed, int from, int end, char sep) {
        for (int i = from; i < end; i++) {
            char c = packed.charAt(i);
            if (c == ESC) {
                i++;
            } else if (c == sep) {
                return i;
            }
        }
        return end;
    }

    /** The characters a packed item escapes: the escape itself and every separator. */
    private static final String SPECIAL = "" + ESC + ITEM + FIELD + SUB;

    static void escape(String item, StringBuilder out) {
        Tuple.escape(item, out, SPECIAL);
    }

    static String unescape(String raw) {
        return Tuple.unescape(raw);
    }
}

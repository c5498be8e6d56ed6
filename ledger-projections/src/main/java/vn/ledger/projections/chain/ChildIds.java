package vn.ledger.projections.chain;

import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * How a chain node stores the ids of its children ({@code children}, in order of arrival). A directive's tasks
 * are {@code <directive id>/<code>} and a task's delegated tasks {@code <task id>.<n>}, so most children repeat
 * their parent's id, in practice a 36-character UUID: such a child is stored as the rest of its id ({@code /II.1},
 * {@code .1}). Any other id (a directive citing the node) is stored as it is, with a {@code \} in front when it
 * starts with {@code /}, {@code .} or {@code \}, so that each stored form reads back to exactly one id.
 *
 * <p>The stored forms are kept in <b>one string</b> ({@link Packed}). Every node a chain view shows is read whole,
 * including the ~1,600 leaves of a depth-2 view of the national tree whose children are only counted, and the
 * embedded server encodes a document value by value: a commune letter's 44 children as one value instead of 44
 * is a quarter fewer values in its node. A node stored by an earlier layout (a list) still reads back. Ids are
 * never blank, so an empty string is no children.
 */
final class ChildIds {

    private static final char ESCAPE = '\\';
    static final String FIELD = "children";

    private ChildIds() {
    }

    static String encode(String parentId, String childId) {
        if (childId.length() > parentId.length() && childId.startsWith(parentId)
                && isSeparator(childId.charAt(parentId.length()))) {
            return childId.substring(parentId.length());
        }
        if (!childId.isEmpty() && (isSeparator(childId.charAt(0)) || childId.charAt(0) == ESCAPE)) {
            return ESCAPE + childId;
        }
        return childId;
    }

    static String decode(String parentId, String stored) {
        if (stored.isEmpty()) {
            return stored;
        }
        char first = stored.charAt(0);
        if (isSeparator(first)) {
            return parentId + stored;
        }
        return first == ESCAPE ? stored.substring(1) : stored;
    }

    /** The node's children, ids decoded. */
    static List<String> of(Document node) {
        return slice(node, 0, Integer.MAX_VALUE);
    }

    /** The children from {@code from} (inclusive) to {@code to} (exclusive, capped), ids decoded. */
    static List<String> slice(Document node, int from, int to) {
        List<String> stored = stored(node);
        int end = Math.min(stored.size(), Math.max(0, to));
        int start = Math.min(Math.max(0, from), end);
        String parentId = node.getString("_id");
        List<String> out = new ArrayList<>(end - start);
        for (String s : stored.subList(start, end)) {
            out.add(decode(parentId, s));
        }
        return out;
    }

    static int count(Document node) {
        return Packed.size(node, FIELD);
    }

    /** Adds a child (by id) at the end unless it is there; true when added. */
    static boolean add(Document node, String childId) {
        String form = encode(node.getString("_id"), childId);
        List<String> stored = stored(node);
        if (stored.contains(form)) {
            return false;
        }
        stored.add(form);
        Packed.putList(node, FIELD, stored);
        return true;
    }

    /** The stored forms, in order. */
    static List<String> stored(Document node) {
        return Packed.list(node, FIELD);
    }

    private static boolean isSeparator(char c) {
        return c == '/' || c == '.';
    }
}

package vn.ledger.projections.chain;

import org.bson.Document;
import vn.ledger.projections.body.Docs;

import java.util.ArrayList;
import java.util.List;

/**
 * How a chain node stores the ids of its children ({@code children}, in order of arrival). A directive's tasks
 * are {@code <directive id>/<code>} and a task's delegated tasks {@code <task id>.<n>}, so most children repeat
 * their parent's id, in practice a 36-character UUID: such a child is stored as the rest of its id ({@code /II.1},
 * {@code .1}). A commune letter's 44 tasks then take about 0.5 KB instead of 2.1 KB, which matters because every
 * node a chain view shows is read whole, including the ~1,600 leaves of a depth-2 view whose children are only
 * counted. Any other id (a directive citing the node) is stored as it is, with a {@code \} in front when it starts
 * with {@code /}, {@code .} or {@code \}, so that each stored form reads back to exactly one id.
 */
final class ChildIds {

    private static final char ESCAPE = '\\';

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
        List<String> stored = Docs.stringsView(node, "children");
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
        return Docs.stringsView(node, "children").size();
    }

    private static boolean isSeparator(char c) {
        return c == '/' || c == '.';
    }
}

package vn.ledger.projections.chain;

import vn.ledger.eventstore.LogPosition;

import java.util.ArrayList;
import java.util.List;

/**
 * How a chain node stores its children ({@code children}): each child's id and the log position of the event that
 * made it, in that order ({@link Node.Child#ORDER}). A directive's tasks are {@code <directive id>/<code>} and a
 * task's delegated tasks {@code <task id>.<n>}, so most children repeat their parent's id, in practice a
 * 36-character UUID: such a child is stored as the rest of its id ({@code /II.1}, {@code .1}). Any other id (a
 * directive citing the node) is stored as it is, with a {@code \} in front when it starts with {@code /}, {@code .}
 * or {@code \}, so that each stored form reads back to exactly one id. The position follows after
 * {@link Packed#FIELD}, short ({@link #position(LogPosition)}).
 *
 * <p>All children are kept in <b>one string</b> ({@link Packed}): every node a chain view shows is read whole,
 * including the ~1,600 leaves of a depth-2 view of the national tree whose children are only counted, and the
 * embedded server encodes a document value by value. Ids are never blank, so an empty string is no children.
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

    /** The children in one string, in the order given. */
    static String pack(String parentId, List<Node.Child> children) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < children.size(); i++) {
            Node.Child c = children.get(i);
            if (i > 0) {
                out.append(Packed.ITEM);
            }
            Packed.escape(encode(parentId, c.id()), out);
            out.append(Packed.FIELD).append(position(c.at()));
        }
        return out.toString();
    }

    /** The children {@link #pack} made, in a new list. */
    static List<Node.Child> parse(String parentId, String packed) {
        List<Node.Child> out = new ArrayList<>();
        for (String item : Packed.splitRaw(packed, Packed.ITEM)) {
            int sep = Packed.next(item, 0, item.length(), Packed.FIELD);
            out.add(new Node.Child(decode(parentId, Packed.unescape(item.substring(0, sep))),
                    position(item.substring(sep + 1))));
        }
        return out;
    }

    /** How many children the packed string holds, without reading them. */
    static int count(String packed) {
        return Packed.count(packed, Packed.ITEM);
    }

    /** A log position in few characters: the commit position in base 36, then {@code .offset} unless 0. */
    static String position(LogPosition at) {
        String commit = Long.toString(at.commit(), Character.MAX_RADIX);
        return at.offset() == 0 ? commit : commit + '.' + Integer.toString(at.offset(), Character.MAX_RADIX);
    }

    static LogPosition position(String stored) {
        int dot = stored.indexOf('.');
        return dot < 0 ? new LogPosition(Long.parseLong(stored, Character.MAX_RADIX), 0)
                : new LogPosition(Long.parseLong(stored.substring(0, dot), Character.MAX_RADIX),
                Integer.parseInt(stored.substring(dot + 1), Character.MAX_RADIX));
    }

    private static boolean isSeparator(char c) {
        return c == '/' || c == '.';
    }
}

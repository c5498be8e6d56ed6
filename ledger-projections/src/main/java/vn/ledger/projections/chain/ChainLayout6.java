package vn.ledger.projections.chain;

import vn.ledger.eventstore.LogPosition;
import vn.ledger.projections.store.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the packed values chain layout 6 stored, the layout before this one, so that the generation it built keeps
 * answering after an upgrade until its rebuild replaces it (docs/design.md, "Generations"). Delete this class with
 * the next chain layout.
 *
 * <p>Layout 6 had a grammar of its own: items separated by U+001E, fields by U+001F, a field's list by U+001D, each
 * escaped by U+001B; a child stored as its id relative to its parent's ({@code /II.1}, {@code .1}, any other id as it
 * is with a {@code \} in front when it starts with {@code /}, {@code .} or {@code \}) and the base-36 log position
 * ({@code commit[.offset]}). Layout 7 stores every one of them in the one packed format ({@link Tuple}, a list as
 * its size then its items), which {@link #isCurrent} tells apart: a layout-7 list starts with its size, a layout-6
 * string with a body code or an id, never only digits.
 */
final class ChainLayout6 {

    private static final char ESC = '\u001B';
    private static final char ITEM = '\u001E';
    private static final char FIELD = '\u001F';
    private static final char SUB = '\u001D';

    private ChainLayout6() {
    }

    /** True for a packed list of the current layout: its first field, its size, is all digits. */
    static boolean isCurrent(String stored) {
        int i = 0;
        while (i < stored.length() && stored.charAt(i) >= '0' && stored.charAt(i) <= '9') {
            i++;
        }
        return i > 0 && (i == stored.length() || stored.charAt(i) == FIELD);
    }

    /** A list of codes or ids. */
    static List<String> list(String packed) {
        List<String> out = new ArrayList<>();
        for (String raw : splitRaw(packed, ITEM)) {
            out.add(Tuple.unescape(raw));
        }
        return out;
    }

    static int count(String packed) {
        return splitRaw(packed, ITEM).size();
    }

    static List<Node.Child> children(String parentId, String packed) {
        List<Node.Child> out = new ArrayList<>();
        for (String item : splitRaw(packed, ITEM)) {
            int sep = next(item, 0, item.length(), FIELD);
            out.add(new Node.Child(childId(parentId, Tuple.unescape(item.substring(0, sep))),
                    position(item.substring(sep + 1))));
        }
        return out;
    }

    static List<Recipients.Entry> recipients(String packed) {
        List<Recipients.Entry> out = new ArrayList<>();
        for (String item : splitRaw(packed, ITEM)) {
            String[] f = new String[5];
            for (int i = 0, from = 0; i < f.length && from <= item.length(); i++) {
                int to = next(item, from, item.length(), FIELD);
                f[i] = item.substring(from, to);
                from = to + 1;
            }
            List<String> forwarded = new ArrayList<>();
            for (String raw : splitRaw(f[4], SUB)) {
                forwarded.add(Tuple.unescape(raw));
            }
            out.add(new Recipients.Entry(field(f[0]), field(f[1]), field(f[2]), field(f[3]), forwarded));
        }
        return out;
    }

    /** A log position as layout 6 wrote it: the commit in base 36, then {@code .offset} unless 0. */
    static LogPosition position(String stored) {
        int dot = stored.indexOf('.');
        return dot < 0 ? new LogPosition(Long.parseLong(stored, Character.MAX_RADIX), 0)
                : new LogPosition(Long.parseLong(stored.substring(0, dot), Character.MAX_RADIX),
                Integer.parseInt(stored.substring(dot + 1), Character.MAX_RADIX));
    }

    private static String childId(String parentId, String stored) {
        if (stored.isEmpty()) {
            return stored;
        }
        char first = stored.charAt(0);
        if (first == '/' || first == '.') {
            return parentId + stored;
        }
        return first == '\\' ? stored.substring(1) : stored;
    }

    private static String field(String raw) {
        return raw == null || raw.isEmpty() ? null : Tuple.unescape(raw);
    }

    private static List<String> splitRaw(String packed, char sep) {
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

    private static int next(String packed, int from, int end, char sep) {
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
}

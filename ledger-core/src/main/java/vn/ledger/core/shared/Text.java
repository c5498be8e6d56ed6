package vn.ledger.core.shared;

import java.util.ArrayList;
import java.util.List;

/** Small null-tolerant helpers shared by the records and aggregates. */
public final class Text {

    private Text() {
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * Immutable copy of a list from a command or event. Null becomes empty (a JSON field left out) and null
     * elements are dropped, because List.copyOf would throw on them and a hole in a list carries no meaning.
     */
    public static <T> List<T> listOf(List<T> list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(list.size());
        for (T t : list) {
            if (t != null) {
                copy.add(t);
            }
        }
        return List.copyOf(copy);
    }
}

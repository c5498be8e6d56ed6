package vn.ledger.projections.body;

import org.bson.Document;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Null-tolerant readers for read-model documents. Numbers are read through {@link Number} because a document
 * that went through BSON may hold an int where a long was written (and the reverse), and lists come back as
 * whatever the driver decoded.
 */
public final class Docs {

    private Docs() {
    }

    public static long num(Document d, String key) {
        Object v = d == null ? null : d.get(key);
        return v instanceof Number n ? n.longValue() : 0L;
    }

    public static long num(Document d, String key, long absent) {
        Object v = d == null ? null : d.get(key);
        return v instanceof Number n ? n.longValue() : absent;
    }

    public static boolean bool(Document d, String key) {
        return d != null && Boolean.TRUE.equals(d.get(key));
    }

    public static String str(Document d, String key) {
        Object v = d == null ? null : d.get(key);
        return v == null ? null : v.toString();
    }

    public static LocalDate date(Document d, String key) {
        String s = str(d, key);
        return s == null ? null : day(s);
    }

    /**
     * An ISO day ("2026-03-20"), read without the formatter when it has that exact form: projections and
     * chain views read several per document (a province letter's hundred recipients on every act), and
     * {@link LocalDate#parse} costs about as much as the rest of that work. Anything else goes to the formatter.
     */
    public static LocalDate day(String s) {
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 7);
            int day = digits(s, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return LocalDate.of(year, month, day);
                } catch (DateTimeException e) {
                    // not a day (2026-02-30): the formatter reports it as it always did
                }
            }
        }
        return LocalDate.parse(s);
    }

    /** The decimal number in s[from, to), or -1 when a character is not a digit. */
    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    public static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** A mutable copy of a list of strings (empty when absent). */
    public static List<String> strings(Document d, String key) {
        Object v = d == null ? null : d.get(key);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                if (o != null) {
                    out.add(o.toString());
                }
            }
        }
        return out;
    }

    /** A mutable copy of a list of sub-documents (empty when absent). */
    public static List<Document> docs(Document d, String key) {
        Object v = d == null ? null : d.get(key);
        List<Document> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Document doc) {
                    out.add(doc);
                }
            }
        }
        return out;
    }

    /**
     * The list of strings under key as stored, not copied (empty when absent): for reading only, where a copy per
     * call would cost more than the work done with it (a node's children, a task's leads).
     */
    @SuppressWarnings("unchecked")
    public static List<String> stringsView(Document d, String key) {
        Object v = d == null ? null : d.get(key);
        return v instanceof List<?> list ? (List<String>) list : List.of();
    }

    /** The list of sub-documents under key as stored, not copied (empty when absent): for reading only. */
    @SuppressWarnings("unchecked")
    public static List<Document> docsView(Document d, String key) {
        Object v = d == null ? null : d.get(key);
        return v instanceof List<?> list ? (List<Document>) list : List.of();
    }

    /**
     * The list under key, in the document: changing it changes the document (which the caller then saves). A
     * list that is absent, or not an {@link ArrayList} (an immutable one), is replaced by a mutable copy first.
     */
    @SuppressWarnings("unchecked")
    public static <T> List<T> mutableList(Document d, String key) {
        Object v = d.get(key);
        if (v instanceof ArrayList<?> list) {
            return (List<T>) list;
        }
        List<T> list = new ArrayList<>();
        if (v instanceof List<?> old) {
            list.addAll((List<T>) old);
        }
        d.put(key, list);
        return list;
    }

    public static Document doc(Document d, String key) {
        Object v = d == null ? null : d.get(key);
        return v instanceof Document doc ? doc : null;
    }

    /** Adds {@code value} unless present; true when the list changed. */
    public static boolean addOnce(List<String> list, String value) {
        if (value == null || list.contains(value)) {
            return false;
        }
        list.add(value);
        return true;
    }
}

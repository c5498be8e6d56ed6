package vn.ledger.projections.store;

import org.bson.Document;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * How every read model writes plain values into its documents and reads them back, null-tolerant. One convention
 * everywhere: instants are BSON dates (millisecond precision), business dates and months are ISO strings
 * ("2026-03-20", "2026-04", which sort as text), sequence numbers and positions are 64-bit longs, enums are their
 * names. Numbers are read through {@link Number} because a document that went through BSON may hold an int where
 * a long was written (and the reverse), and lists come back as whatever the driver decoded. The values of the
 * ledger's events that are records of their own (actor, person, deadline, attachments) are {@link SharedValues}.
 */
public final class Docs {

    private Docs() {
    }

    // ------------------------------------------------------------------ writing

    public static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }

    public static String month(YearMonth month) {
        return month == null ? null : month.toString();
    }

    public static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    /** Appends the value under key unless it is null (an absent value is left out of a stored record). */
    public static Document appendPresent(Document d, String key, Object value) {
        return value == null ? d : d.append(key, value);
    }

    /** A copy of the strings (never null). */
    public static List<String> strings(Collection<String> values) {
        return values == null ? new ArrayList<>() : new ArrayList<>(values);
    }

    // ------------------------------------------------------------------ reading values

    public static Instant instant(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Date d) {
            return d.toInstant();
        }
        if (v instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        return Instant.parse(v.toString());
    }

    /** A business date as stored (its ISO string); null when absent. See {@link #day}. */
    public static LocalDate localDate(Object v) {
        return v == null ? null : day(v.toString());
    }

    public static YearMonth yearMonth(Object v) {
        return v == null ? null : YearMonth.parse(v.toString());
    }

    public static long lng(Object v, long orElse) {
        return v instanceof Number n ? n.longValue() : orElse;
    }

    public static Integer integer(Object v) {
        return v instanceof Number n ? n.intValue() : null;
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, Object v) {
        return v == null ? null : Enum.valueOf(type, v.toString());
    }

    // ------------------------------------------------------------------ reading documents

    public static long num(Document d, String key) {
        return num(d, key, 0L);
    }

    public static long num(Document d, String key, long absent) {
        return lng(d == null ? null : d.get(key), absent);
    }

    public static boolean bool(Document d, String key) {
        return d != null && Boolean.TRUE.equals(d.get(key));
    }

    public static String str(Document d, String key) {
        Object v = d == null ? null : d.get(key);
        return v == null ? null : v.toString();
    }

    public static LocalDate date(Document d, String key) {
        return localDate(d == null ? null : d.get(key));
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

    /**
     * A mutable copy of a list of strings (empty when absent), item for item: a null stays in its place, since
     * some lists run in parallel (a search token's ids and their days).
     */
    public static List<String> strings(Document d, String key) {
        Object v = d == null ? null : d.get(key);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                out.add(o == null ? null : o.toString());
            }
        }
        return out;
    }

    /**
     * A mutable copy of a list of sub-documents (empty when absent); the elements are the stored ones, so that a
     * projection can change one and put the list back.
     */
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

    /**
     * The items of the list under key as stored, of whatever kind (tuples, sub-documents of an earlier layout), not
     * copied: read only. Empty when absent.
     */
    public static List<?> items(Document d, String key) {
        return d != null && d.get(key) instanceof List<?> l ? l : List.of();
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

    /** Adds value to the list of strings under key unless present (a copy put back); true when the list changed. */
    public static boolean addToSet(Document d, String key, String value) {
        List<String> list = strings(d, key);
        if (!addOnce(list, value)) {
            return false;
        }
        d.put(key, list);
        return true;
    }
}

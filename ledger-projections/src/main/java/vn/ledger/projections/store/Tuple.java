package vn.ledger.projections.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The read side's one packed format (docs/design.md, "Packed values"), written and read through {@link StoredForm#packed}:
 * a record of values kept in one string value of a read-model document. The embedded server decodes, stores and
 * encodes a document value by value, and a rebuild writes tens of millions of them, so a record that is only ever
 * read whole (an audit entry, a report) costs far less as one string than as a sub-document of a dozen values.
 *
 * <p>Fields are separated by {@link #SEP}. A null is {@link #NUL} alone; {@link #ESC}, {@link #SEP} and
 * {@link #NUL} inside a value are preceded by {@link #ESC}, so every tuple reads back to exactly the values it was
 * made from, an empty string and null included. Tuples are flat: a record inside a record is written as its fields
 * in place, and a list as its size followed by its items, so that no value is escaped twice or parsed twice.
 */
public final class Tuple {

    static final char ESC = '\u001B';
    static final char SEP = '\u001F';
    static final char NUL = '\u0000';

    private Tuple() {
    }

    public static Writer writer() {
        return new Writer();
    }

    public static Reader reader(String tuple) {
        return new Reader(tuple);
    }

    /** The first field, without reading the rest (null for a null field). */
    public static String first(String tuple) {
        return new Reader(tuple).string();
    }

    /**
     * Whether a stored string looks packed: it holds a separator, an escape or a null of this format (or U+001D,
     * U+001E, separators of the chain's lists before chain layout 7).
     */
    public static boolean isPacked(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == NUL || c == ESC || (c >= '\u001D' && c <= SEP)) {
                return true;
            }
        }
        return false;
    }

    /** Every field of a tuple, unnamed (for an operator looking at a packed value no form names). */
    public static List<String> fields(String tuple) {
        List<String> out = new ArrayList<>();
        Reader r = reader(tuple);
        while (r.hasNext()) {
            out.add(r.string());
        }
        return out;
    }

    /** Builds a tuple field by field. */
    public static final class Writer {
        private final StringBuilder out = new StringBuilder(160);
        private boolean empty = true;

        private void separate() {
            if (!empty) {
                out.append(SEP);
            }
            empty = false;
        }

        public Writer add(String value) {
            separate();
            if (value == null) {
                out.append(NUL);
            } else {
                escape(value, out);
            }
            return this;
        }

        public Writer add(long value) {
            separate();
            out.append(value);
            return this;
        }

        public Writer add(Long value) {
            return value == null ? add((String) null) : add(value.longValue());
        }

        /** An instant as its epoch milliseconds (the precision of a BSON date), null as null. */
        public Writer add(Instant value) {
            return value == null ? add((String) null) : add(value.toEpochMilli());
        }

        /** A list in place: its size, then its items (read by {@link Reader#strings}). */
        public Writer addAll(Collection<String> values) {
            add(values.size());
            for (String v : values) {
                add(v);
            }
            return this;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }

    /** Reads a tuple's fields in order. */
    public static final class Reader {
        private final String tuple;
        private int at;

        private Reader(String tuple) {
            this.tuple = tuple;
        }

        private String raw() {
            if (at > tuple.length()) {
                throw new NoSuchElementException("no more fields in the tuple");
            }
            int end = at;
            while (end < tuple.length()) {
                char c = tuple.charAt(end);
                if (c == ESC) {
                    end++;
                } else if (c == SEP) {
                    break;
                }
                end++;
            }
            end = Math.min(end, tuple.length());
            String raw = tuple.substring(at, end);
            at = end + 1;
            return raw;
        }

        public boolean hasNext() {
            return at <= tuple.length();
        }

        public String string() {
            String raw = raw();
            return raw.length() == 1 && raw.charAt(0) == NUL ? null : unescape(raw);
        }

        public void skip() {
            raw();
        }

        public Long lngOrNull() {
            String v = string();
            return v == null ? null : Long.valueOf(v);
        }

        public long lng() {
            return Long.parseLong(raw());
        }

        /** An instant written by {@link Writer#add(Instant)}. */
        public Instant instant() {
            Long ms = lngOrNull();
            return ms == null ? null : Instant.ofEpochMilli(ms);
        }

        /** A list written by {@link Writer#addAll}, added to {@code into}. */
        public <C extends Collection<String>> C strings(C into) {
            for (long n = lng(); n > 0; n--) {
                into.add(string());
            }
            return into;
        }

        /** A list written by {@link Writer#addAll}. */
        public List<String> strings() {
            return strings(new ArrayList<>());
        }
    }

    /** The characters a tuple value escapes. */
    private static final String SPECIAL = "" + ESC + SEP + NUL;

    private static void escape(String value, StringBuilder out) {
        escape(value, out, SPECIAL);
    }

    /**
     * Appends the value with {@link #ESC} before each of {@code special} (which must hold {@link #ESC}) inside it:
     * the one escape of tuples and of the chain's packed lists, each with its own separators.
     */
    public static void escape(String value, StringBuilder out, String special) {
        // the usual case, no special character inside: the whole value copied at once (indexOf is vectorised, a
        // loop of charAt over a Vietnamese text was a quarter of the audit projection's time)
        boolean plain = true;
        for (int i = 0; i < special.length() && plain; i++) {
            plain = value.indexOf(special.charAt(i)) < 0;
        }
        if (plain) {
            out.append(value);
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (special.indexOf(c) >= 0) {
                out.append(ESC);
            }
            out.append(c);
        }
    }

    /** A value with its {@link #ESC} escapes removed (the same escape as the chain's packed lists). */
    public static String unescape(String raw) {
        if (raw.indexOf(ESC) < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ESC && i + 1 < raw.length()) {
                c = raw.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}

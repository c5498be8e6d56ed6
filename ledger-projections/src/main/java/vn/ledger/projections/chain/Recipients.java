package vn.ledger.projections.chain;

import org.bson.Document;
import vn.ledger.projections.store.Docs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A directive node's {@code recipients}, kept in one string ({@link Packed}): per recipient its {@code body},
 * {@code role}, {@code receivedOn}, {@code actedOn} and {@code forwardedAs}, in that order, an absent one empty.
 * A province's letter has ~100 recipients of five fields each, and every chain view from the top reads it. The
 * projection and the queries read the entries ({@link #entries}, one pass, no document made), replace the ones
 * that change and store them back ({@link #write}); a node stored by an earlier layout (a list of documents)
 * still reads back.
 */
final class Recipients {

    static final String FIELD = "recipients";
    private static final int FIELDS = 5;

    private Recipients() {
    }

    /** One entry: fields as stored (ISO days), absent ones null, {@code forwardedAs} never null. */
    record Entry(String body, String role, String receivedOn, String actedOn, List<String> forwardedAs) {

        Entry {
            forwardedAs = forwardedAs == null ? List.of() : List.copyOf(forwardedAs);
        }

        static Entry of(String body, String role) {
            return new Entry(body, role, null, null, List.of());
        }

        LocalDate received() {
            return receivedOn == null ? null : Docs.day(receivedOn);
        }

        LocalDate acted() {
            return actedOn == null ? null : Docs.day(actedOn);
        }

        Entry receivedOn(LocalDate day) {
            return new Entry(body, role, Docs.iso(day), actedOn, forwardedAs);
        }

        Entry actedOn(LocalDate day) {
            return new Entry(body, role, receivedOn, Docs.iso(day), forwardedAs);
        }

        Entry forwardedAs(List<String> directives) {
            return new Entry(body, role, receivedOn, actedOn, directives);
        }
    }

    /** The entries, in order, in a new list (changing it changes nothing until {@link #write}). */
    static List<Entry> entries(Document node) {
        Object v = node.get(FIELD);
        if (!(v instanceof String packed)) {
            List<Entry> out = new ArrayList<>();
            for (Document d : Docs.docsView(node, FIELD)) {
                out.add(new Entry(d.getString("body"), d.getString("role"), d.getString("receivedOn"),
                        d.getString("actedOn"), Docs.stringsView(d, "forwardedAs")));
            }
            return out;
        }
        return parse(packed);
    }

    /** The entries {@link #pack} made, in a new list. */
    static List<Entry> parse(String packed) {
        List<Entry> out = new ArrayList<>();
        if (packed == null || packed.isEmpty()) {
            return out;
        }
        int start = 0;
        while (true) {
            int end = Packed.next(packed, start, packed.length(), Packed.ITEM);
            String[] f = new String[FIELDS];
            for (int i = 0, from = start; i < FIELDS && from <= end; i++) {
                int to = Packed.next(packed, from, end, Packed.FIELD);
                f[i] = packed.substring(from, to);
                from = to + 1;
            }
            out.add(new Entry(field(f[0]), field(f[1]), field(f[2]), field(f[3]),
                    f[4] == null || f[4].isEmpty() ? List.of() : Packed.split(f[4], Packed.SUB)));
            if (end == packed.length()) {
                return out;
            }
            start = end + 1;
        }
    }

    private static String field(String raw) {
        return raw == null || raw.isEmpty() ? null : Packed.unescape(raw);
    }

    static void write(Document node, List<Entry> recipients) {
        node.put(FIELD, pack(recipients));
    }

    /** The entries in one string: fields separated by {@link Packed#FIELD}, entries by {@link Packed#ITEM}. */
    static String pack(List<Entry> recipients) {
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < recipients.size(); n++) {
            Entry r = recipients.get(n);
            if (n > 0) {
                out.append(Packed.ITEM);
            }
            for (String value : new String[]{r.body(), r.role(), r.receivedOn(), r.actedOn()}) {
                Packed.escape(value == null ? "" : value, out);
                out.append(Packed.FIELD);
            }
            out.append(Packed.join(r.forwardedAs(), Packed.SUB));
        }
        return out.toString();
    }
}

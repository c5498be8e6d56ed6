package vn.ledger.projections.chain;

import org.bson.Document;
import vn.ledger.projections.body.Docs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A directive node's {@code recipients}, kept in one string ({@link Packed}): per recipient its {@code body},
 * {@code role}, {@code receivedOn}, {@code actedOn} and {@code forwardedAs}, in that order, an absent one empty.
 * A province's letter has ~100 recipients of five fields each, and every chain view from the top reads it. The
 * projection and the queries work on the entries as documents ({@link #read}) and store them back ({@link #write});
 * a node stored by an earlier layout (a list of documents) still reads back.
 */
final class Recipients {

    static final String FIELD = "recipients";
    static final List<String> FIELDS = List.of("body", "role", "receivedOn", "actedOn", "forwardedAs");

    private Recipients() {
    }

    /** One entry as stored, for reading: fields unescaped, absent ones null. */
    record Entry(String body, String role, String receivedOn, String actedOn, List<String> forwardedAs) {

        LocalDate received() {
            return receivedOn == null ? null : LocalDate.parse(receivedOn);
        }

        LocalDate acted() {
            return actedOn == null ? null : LocalDate.parse(actedOn);
        }

        Document toDocument() {
            Document r = new Document();
            put(r, "body", body);
            put(r, "role", role);
            put(r, "receivedOn", receivedOn);
            put(r, "actedOn", actedOn);
            if (!forwardedAs.isEmpty()) {
                r.put("forwardedAs", forwardedAs);
            }
            return r;
        }

        private static void put(Document r, String key, String value) {
            if (value != null) {
                r.put(key, value);
            }
        }
    }

    /** The entries, to read (one pass over the string, no document made). */
    static List<Entry> entries(Document node) {
        Object v = node.get(FIELD);
        List<Entry> out = new ArrayList<>();
        if (!(v instanceof String packed)) {
            for (Document d : Docs.docsView(node, FIELD)) {
                out.add(new Entry(d.getString("body"), d.getString("role"), d.getString("receivedOn"),
                        d.getString("actedOn"), List.copyOf(Docs.stringsView(d, "forwardedAs"))));
            }
            return out;
        }
        if (packed.isEmpty()) {
            return out;
        }
        String[] f = new String[FIELDS.size()];
        int field = 0;
        int start = 0;
        for (int i = 0; i <= packed.length(); i++) {
            char c = i < packed.length() ? packed.charAt(i) : Packed.ITEM;
            if (c == Packed.ESC) {
                i++;
            } else if (c == Packed.FIELD || c == Packed.ITEM) {
                if (field < f.length) {
                    f[field++] = packed.substring(start, i);
                }
                start = i + 1;
                if (c == Packed.ITEM) {
                    out.add(new Entry(field(f[0]), field(f[1]), field(f[2]), field(f[3]),
                            f[4] == null || f[4].isEmpty() ? List.of() : Packed.split(f[4], Packed.SUB)));
                    f = new String[FIELDS.size()];
                    field = 0;
                }
            }
        }
        return out;
    }

    private static String field(String raw) {
        return raw == null || raw.isEmpty() ? null : Packed.unescape(raw);
    }

    /** The entries, as new documents (changing them changes nothing until {@link #write}). */
    static List<Document> read(Document node) {
        List<Document> out = new ArrayList<>();
        for (Entry e : entries(node)) {
            out.add(e.toDocument());
        }
        return out;
    }

    static void write(Document node, List<Document> recipients) {
        List<String> entries = new ArrayList<>(recipients.size());
        for (Document r : recipients) {
            StringBuilder e = new StringBuilder();
            for (int i = 0; i < FIELDS.size() - 1; i++) {
                if (i > 0) {
                    e.append(Packed.FIELD);
                }
                Object value = r.get(FIELDS.get(i));
                Packed.escape(value == null ? "" : value.toString(), e);
            }
            e.append(Packed.FIELD).append(Packed.join(Docs.stringsView(r, "forwardedAs"), Packed.SUB));
            entries.add(e.toString());
        }
        // each entry is escaped already: joined as it is
        node.put(FIELD, String.join(String.valueOf(Packed.ITEM), entries));
    }
}

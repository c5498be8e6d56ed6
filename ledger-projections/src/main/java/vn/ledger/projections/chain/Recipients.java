package vn.ledger.projections.chain;

import org.bson.Document;
import vn.ledger.projections.body.Docs;

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

    /** The entries, as new documents (changing them changes nothing until {@link #write}). */
    static List<Document> read(Document node) {
        Object v = node.get(FIELD);
        List<Document> out = new ArrayList<>();
        if (!(v instanceof String packed)) {
            Docs.docsView(node, FIELD).forEach(d -> out.add(new Document(d)));
            return out;
        }
        for (String entry : Packed.splitRaw(packed, Packed.ITEM)) {
            List<String> f = Packed.splitRaw(entry, Packed.FIELD);
            Document r = new Document();
            for (int i = 0; i < FIELDS.size() - 1 && i < f.size(); i++) {
                if (!f.get(i).isEmpty()) {
                    r.put(FIELDS.get(i), Packed.unescape(f.get(i)));
                }
            }
            if (f.size() == FIELDS.size() && !f.get(FIELDS.size() - 1).isEmpty()) {
                r.put("forwardedAs", Packed.split(f.get(FIELDS.size() - 1), Packed.SUB));
            }
            out.add(r);
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

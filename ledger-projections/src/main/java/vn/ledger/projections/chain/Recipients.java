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
    /** Stored with a node: how many buckets of recipients beyond the first ({@link #BUCKET}) it has. */
    static final String OVERFLOW = "recipientBuckets";
    /**
     * Recipients a document holds at most: the node the first ones, by their place in the directive's list, and
     * each further bucket its own document ({@code <directive id>#<n>}, n ≥ 1) in {@value ChainProjection#RECIPIENTS}.
     * A node is rewritten on every change below it (its roll-up), so a directive sent to every commune must not
     * carry them all; a recipient's bucket is a function of its place in the list, which the directive's events fix.
     */
    static final int BUCKET = 128;

    /** The recipients of a directive, remembering which buckets changed since they were read or written. */
    static final class Entries extends ArrayList<Entry> {
        private final java.util.BitSet touched = new java.util.BitSet();

        @Override
        public Entry set(int index, Entry e) {
            touched.set(index / BUCKET);
            return super.set(index, e);
        }

        @Override
        public boolean add(Entry e) {
            touched.set(size() / BUCKET);
            return super.add(e);
        }

        @Override
        public void add(int index, Entry e) {
            touched.set(index / BUCKET, size() / BUCKET + 1);
            super.add(index, e);
        }

        @Override
        public Entry remove(int index) {
            touched.set(index / BUCKET, size() / BUCKET + 1);
            return super.remove(index);
        }

        /** The buckets beyond the first that changed, and forgets them. */
        List<Integer> takeTouchedOverflow() {
            List<Integer> out = new ArrayList<>();
            for (int k = touched.nextSetBit(1); k >= 0; k = touched.nextSetBit(k + 1)) {
                out.add(k);
            }
            touched.clear();
            return out;
        }

        /** The entries of bucket {@code k}. */
        List<Entry> bucket(int k) {
            return subList(Math.min(size(), k * BUCKET), Math.min(size(), (k + 1) * BUCKET));
        }

        /** The buckets beyond the first. */
        int overflow() {
            return Math.max(0, (size() + BUCKET - 1) / BUCKET - 1);
        }
    }

    static String bucketId(String directiveId, int k) {
        return directiveId + "#" + k;
    }
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
    static Entries parse(String packed) {
        Entries out = new Entries();
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
                out.touched.clear();
                return out;
            }
            start = end + 1;
        }
    }

    private static String field(String raw) {
        return raw == null || raw.isEmpty() ? null : Packed.unescape(raw);
    }

    /**
     * The directive's recipients: those {@code packed} in its node, then those of its {@code overflow} further
     * buckets, which {@code load} gives by id.
     */
    static Entries read(String directiveId, String packed, int overflow,
                        java.util.function.Function<List<String>, java.util.Map<String, String>> load) {
        Entries out = parse(packed);
        if (overflow > 0) {
            List<String> ids = new ArrayList<>();
            for (int k = 1; k <= overflow; k++) {
                ids.add(bucketId(directiveId, k));
            }
            java.util.Map<String, String> found = load.apply(ids);
            for (String id : ids) {
                out.addAll(parse(found.get(id)));
            }
            out.touched.clear();
        }
        return out;
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

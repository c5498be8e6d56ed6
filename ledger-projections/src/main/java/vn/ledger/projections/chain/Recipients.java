package vn.ledger.projections.chain;

import org.bson.Document;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.StoredForm;
import vn.ledger.projections.store.Tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A directive node's {@code recipients}, kept in one packed string ({@link #LIST}): per recipient its {@code body},
 * {@code role}, {@code receivedOn}, {@code actedOn} and {@code forwardedAs}. A province's letter has ~100 recipients
 * of five fields each, and every chain view from the top reads it. A node stored by the previous layout still reads
 * back ({@link ChainLayout6}).
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

    /**
     * Recipients, packed: their number, then for each its body, role, received on, acted on (ISO days, null when
     * absent) and the directives it forwarded as (their number, then their ids). The previous layout's string reads
     * too ({@link #parse}).
     */
    static final StoredForm<List<Entry>> LIST = StoredForm.packed(Recipients::write, Recipients::read, null);

    /** A node's own recipients: the first {@link #BUCKET} of its list (written as {@link #LIST}). */
    static final StoredForm<List<Entry>> FIRST = StoredForm.packed((w, l) -> write(w, first(l)), Recipients::read,
            null);

    /** A bucket of recipients beyond the first, in {@value ChainProjection#RECIPIENTS}. */
    record Bucket(String id, List<Entry> entries) {

        static final StoredForm<Bucket> FORM = StoredForm.<Bucket>document(
                b -> new Document("_id", b.id()).append(FIELD, LIST.write(b.entries())),
                d -> new Bucket(d.getString("_id"), parse(d.getString(FIELD))), null)
                .shownAs(b -> new Document("_id", b.id()).append(FIELD, shown(b.entries())));
    }

    private static void write(Tuple.Writer w, List<Entry> entries) {
        w.add(entries.size());
        for (Entry e : entries) {
            w.add(e.body()).add(e.role()).add(e.receivedOn()).add(e.actedOn()).addAll(e.forwardedAs());
        }
    }

    private static Entries read(Tuple.Reader r) {
        Entries out = new Entries();
        for (long n = r.lng(); n > 0; n--) {
            out.add(new Entry(r.string(), r.string(), r.string(), r.string(), r.strings()));
        }
        out.touched.clear();
        return out;
    }

    private static List<Entry> first(List<Entry> all) {
        return all.size() <= BUCKET ? all : all.subList(0, BUCKET);
    }

    /** The recipients as an operator reads them: a document each. */
    static List<Document> shown(List<Entry> entries) {
        List<Document> out = new ArrayList<>();
        for (Entry e : entries) {
            out.add(new Document("body", e.body()).append("role", e.role()).append("receivedOn", e.receivedOn())
                    .append("actedOn", e.actedOn()).append("forwardedAs", e.forwardedAs()));
        }
        return out;
    }

    /** The entries stored in this layout ({@link #LIST}) or the previous one, in a new list. */
    static Entries parse(String packed) {
        if (packed != null && ChainLayout6.isCurrent(packed)) {
            return (Entries) LIST.read(packed);
        }
        Entries out = new Entries();
        if (packed != null) {
            out.addAll(ChainLayout6.recipients(packed));
        }
        out.touched.clear();
        return out;
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
}

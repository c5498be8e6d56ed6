package vn.ledger.projections.directive;

import org.bson.Document;
import vn.ledger.core.shared.Actor;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.store.StoredForm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The recipients of a directive sent to more than {@value #BUCKET} bodies, with their receipts, in buckets of about
 * {@value #BUCKET} in {@value #COLLECTION}
 * ({@code _id} = directive id + "|" + n), so that a receipt of a central notice sent to 3,400 communes writes one
 * small bucket and the directive's counters, not the whole list (directive layout 2 kept the list in the directive
 * document: half a megabyte written per receipt; a shorter list still is). The number of buckets is fixed when the directive is issued
 * ({@code recipientBuckets} in the directive document, from the number of recipients then); a body's entries are in
 * bucket {@code hash(body) mod buckets}, each entry with its {@code rank} in the directive's list (the order of the
 * issue, then the unlisted bodies in the order they received it), which the query sorts by. Everything here follows
 * the directive's own events, in the order of their sequence numbers: the buckets do not depend on delivery order.
 * A bucket is a {@link Bucket} of {@link Ranked} recipients.
 */
final class RecipientBuckets {

    static final String COLLECTION = "directive_recipients";
    static final int BUCKET = 64;

    private RecipientBuckets() {
    }

    /**
     * A recipient with its rank in the directive's list. A sub-document, absent values left out: the recipient's
     * fields ({@link DirectiveView.Recipient#FORM}), then {@code rank}.
     */
    record Ranked(DirectiveView.Recipient recipient, long rank) {

        static final StoredForm<Ranked> FORM = StoredForm.document(
                r -> DirectiveView.Recipient.write(r.recipient()).append("rank", r.rank()),
                d -> new Ranked(DirectiveView.Recipient.read(d), d.get("rank") instanceof Number n ? n.longValue() : 0),
                null);
    }

    /** A bucket: a document with {@code _id} (directive id + "|" + n) and {@code recipients}. */
    record Bucket(String id, List<Ranked> recipients) {

        static final StoredForm<Bucket> FORM = StoredForm.document(
                b -> new Document("_id", b.id()).append("recipients", Ranked.FORM.writeAll(b.recipients())),
                d -> new Bucket(d.getString("_id"), Ranked.FORM.readAll(d.get("recipients"))), null);

        Bucket {
            recipients = List.copyOf(recipients);
        }
    }

    static int bucketCount(int recipients) {
        return Math.max(1, (recipients + BUCKET - 1) / BUCKET);
    }

    static String bucketId(String directiveId, int n) {
        return directiveId + "|" + n;
    }

    static int bucketOf(String body, int buckets) {
        return Math.floorMod(body.hashCode(), buckets);
    }

    /** Writes the buckets of a directive just issued with these recipients (ranked in this order). */
    static void issue(ReadStore store, String directiveId, List<DirectiveView.Recipient> recipients, int buckets) {
        List<List<Ranked>> byBucket = new ArrayList<>();
        for (int n = 0; n < buckets; n++) {
            byBucket.add(new ArrayList<>());
        }
        for (int rank = 0; rank < recipients.size(); rank++) {
            DirectiveView.Recipient r = recipients.get(rank);
            byBucket.get(bucketOf(r.bodyCode(), buckets)).add(new Ranked(r, rank));
        }
        for (int n = 0; n < buckets; n++) {
            store.put(COLLECTION, Bucket.FORM.document(new Bucket(bucketId(directiveId, n), byBucket.get(n))));
        }
    }

    /**
     * Records the receipt in the body's bucket: on each of its entries not yet received, or as a new entry (a body
     * not listed) ranked {@code nextRank}.
     *
     * @return whether the body counts as received now and did not before (new entries count as listed too: see
     * {@code listedNow})
     */
    static Receipt receive(ReadStore store, String directiveId, int buckets, String body, long nextRank,
                           LocalDate receivedOn, Actor by, Instant at) {
        String id = bucketId(directiveId, bucketOf(body, buckets));
        Bucket bucket = store.find(COLLECTION, id).map(Bucket.FORM::read).orElseGet(() -> new Bucket(id, List.of()));
        List<Ranked> entries = new ArrayList<>();
        boolean listed = false;
        boolean receivedBefore = false;
        for (Ranked r : bucket.recipients()) {
            if (body.equals(r.recipient().bodyCode())) {
                listed = true;
                receivedBefore |= r.recipient().received();
                entries.add(new Ranked(r.recipient().received(receivedOn, by, at), r.rank()));
            } else {
                entries.add(r);
            }
        }
        if (!listed) {
            entries.add(new Ranked(new DirectiveView.Recipient(body, null, receivedOn, by, at), nextRank));
        }
        store.put(COLLECTION, Bucket.FORM.document(new Bucket(id, entries)));
        return new Receipt(!listed, !receivedBefore);
    }

    record Receipt(boolean listedNow, boolean firstReceipt) {
    }

    /** Every recipient of the directive, in rank order (one $in). */
    static List<DirectiveView.Recipient> all(ReadStore store, String directiveId, int buckets) {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < buckets; n++) {
            ids.add(bucketId(directiveId, n));
        }
        Map<String, Document> found = store.findAll(COLLECTION, ids);
        List<Ranked> all = new ArrayList<>();
        found.values().forEach(b -> all.addAll(Bucket.FORM.read(b).recipients()));
        all.sort(Comparator.comparingLong(Ranked::rank));
        return all.stream().map(Ranked::recipient).toList();
    }
}

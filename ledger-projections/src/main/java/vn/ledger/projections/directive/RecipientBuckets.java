package vn.ledger.projections.directive;

import org.bson.Document;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.ReadStore;

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
 */
final class RecipientBuckets {

    static final String COLLECTION = "directive_recipients";
    static final int BUCKET = 64;

    private RecipientBuckets() {
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
    static void issue(ReadStore store, String directiveId, List<Document> recipients, int buckets) {
        List<List<Document>> byBucket = new ArrayList<>();
        for (int n = 0; n < buckets; n++) {
            byBucket.add(new ArrayList<>());
        }
        for (int rank = 0; rank < recipients.size(); rank++) {
            Document r = recipients.get(rank);
            byBucket.get(bucketOf(r.getString("body"), buckets)).add(r.append("rank", rank));
        }
        for (int n = 0; n < buckets; n++) {
            store.put(COLLECTION, new Document("_id", bucketId(directiveId, n)).append("recipients", byBucket.get(n)));
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
                           Document received) {
        String id = bucketId(directiveId, bucketOf(body, buckets));
        Document bucket = store.find(COLLECTION, id).orElseGet(() -> new Document("_id", id));
        List<Document> entries = Docs.docs(bucket, "recipients");
        boolean listed = false;
        boolean receivedBefore = false;
        for (Document r : entries) {
            if (body.equals(r.getString("body"))) {
                listed = true;
                if (r.get("receivedOn") == null) {
                    r.putAll(received);
                } else {
                    receivedBefore = true;
                }
            }
        }
        if (!listed) {
            entries.add(new Document("body", body).append("role", null).append("receivedOn", null)
                    .append("receivedBy", null).append("receivedAt", null).append("rank", nextRank));
            entries.get(entries.size() - 1).putAll(received);
        }
        store.put(COLLECTION, bucket.append("recipients", entries));
        return new Receipt(!listed, !receivedBefore);
    }

    record Receipt(boolean listedNow, boolean firstReceipt) {
    }

    /** Every recipient of the directive, in rank order (one $in). */
    static List<Document> all(ReadStore store, String directiveId, int buckets) {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < buckets; n++) {
            ids.add(bucketId(directiveId, n));
        }
        Map<String, Document> found = store.findAll(COLLECTION, ids);
        List<Document> out = new ArrayList<>();
        found.values().forEach(b -> out.addAll(Docs.docs(b, "recipients")));
        out.sort(Comparator.comparingLong(r -> Docs.lng(r.get("rank"), 0)));
        return out;
    }
}

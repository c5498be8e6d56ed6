package vn.ledger.projections.directive;

import org.bson.Document;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.LogOrder;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.store.StoredForm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static vn.ledger.projections.store.Docs.appendPresent;

/**
 * The directives implementing a directive Y (reverse links), in log order (the key {@code at} of each implementer's
 * issue). The first {@value DirectiveProjection#INLINE_LINKS} live in Y's document; the others in overflow buckets
 * of {@value DirectiveProjection#BUCKET_LINKS} in {@value DirectiveProjection#LINKS} ("Y|0", "Y|1", ...), so that a
 * central directive implemented by thousands of communes keeps a small document. Which link is where is a function
 * of the set of links (link i of the sorted list is inline below {@value DirectiveProjection#INLINE_LINKS}, else in
 * bucket (i - {@value DirectiveProjection#INLINE_LINKS}) / {@value DirectiveProjection#BUCKET_LINKS}): a link later in
 * the log than every other is appended to the last bucket (the usual case); one that came late is inserted in its
 * place and the links after it move up, so live and rebuilt documents are the same. A link already present (a
 * redelivery after a crash) is updated in place.
 */
final class ImplementerLinks {

    private final ReadStore store;

    ImplementerLinks(ReadStore store) {
        this.store = store;
    }

    /**
     * A directive implementing this one, with the citation it used and its place in the log ({@code at}, the key
     * of its issue). A sub-document, absent values left out: {@code id}, {@code asWritten}, {@code symbol},
     * {@code issuer}, {@code issuedOn}, {@code at}.
     */
    public record Implementer(String directiveId, String citedAs, String symbol, String issuer, String issuedOn,
                              String at) {

        public static final StoredForm<Implementer> FORM = StoredForm.document(l -> {
            Document d = new Document("id", l.directiveId());
            appendPresent(d, "asWritten", l.citedAs());
            appendPresent(d, "symbol", l.symbol());
            appendPresent(d, "issuer", l.issuer());
            appendPresent(d, "issuedOn", l.issuedOn());
            return appendPresent(d, "at", l.at());
        }, d -> new Implementer(d.getString("id"), d.getString("asWritten"), d.getString("symbol"),
                d.getString("issuer"), d.getString("issuedOn"), d.getString("at")), null);

        /** The link with the values {@code other} has (its absent ones keep these). */
        Implementer merged(Implementer other) {
            return new Implementer(directiveId, or(other.citedAs, citedAs), or(other.symbol, symbol),
                    or(other.issuer, issuer), or(other.issuedOn, issuedOn), or(other.at, at));
        }

        public DirectiveView.ImplementerLink view() {
            return new DirectiveView.ImplementerLink(directiveId, symbol, issuer, Docs.localDate(issuedOn), citedAs);
        }

        private static String or(String value, String orElse) {
            return value != null ? value : orElse;
        }
    }

    /**
     * An overflow bucket of a directive's implementers in {@value DirectiveProjection#LINKS} ({@code _id} = directive
     * id + "|" + n): a document with {@code _id} and {@code links}.
     */
    public record LinkBucket(String id, List<Implementer> links) {

        public static final StoredForm<LinkBucket> FORM = StoredForm.document(
                b -> new Document("_id", b.id()).append("links", Implementer.FORM.writeAll(b.links())),
                d -> new LinkBucket(d.getString("_id"), Implementer.FORM.readAll(d.get("links"))), null);

        public LinkBucket {
            links = List.copyOf(links);
        }
    }

    /** Lists {@code link} among the directives implementing {@code y}, and stores what changed. */
    void add(StoredDirective y, Implementer link) {
        List<Implementer> inline = y.implementedBy();
        int buckets = y.linkBuckets();
        LinkBucket tail = buckets == 0 ? null : bucket(y.id(), buckets - 1);
        List<Implementer> last = tail != null ? tail.links() : inline;
        String lastAt = last.isEmpty() ? null : last.get(last.size() - 1).at();
        if (lastAt != null && link.at().compareTo(lastAt) <= 0) {
            insert(y, link); // late, or delivered again
            return;
        }
        if (inline.size() < DirectiveProjection.INLINE_LINKS) {
            List<Implementer> more = new ArrayList<>(inline);
            more.add(link);
            inline = more;
        } else {
            if (tail == null || tail.links().size() >= DirectiveProjection.BUCKET_LINKS) {
                tail = new LinkBucket(bucketId(y.id(), buckets), List.of());
                buckets++;
            }
            List<Implementer> links = new ArrayList<>(tail.links());
            links.add(link);
            put(new LinkBucket(tail.id(), links));
        }
        put(y.withImplementers(inline, y.implementedByCount() + 1, buckets));
    }

    /** The link merged where it is, or inserted at the place of its key with every link after it moved up. */
    private void insert(StoredDirective y, Implementer link) {
        List<Implementer> all = all(y);
        for (Implementer l : all) {
            if (link.directiveId().equals(l.directiveId())) {
                update(y, link);
                return;
            }
        }
        all.add(LogOrder.insertionPoint(all.stream().map(Implementer::at).toList(), link.at()), link);
        int inline = DirectiveProjection.INLINE_LINKS;
        int buckets = 0;
        for (int from = inline; from < all.size(); from += DirectiveProjection.BUCKET_LINKS) {
            put(new LinkBucket(bucketId(y.id(), buckets),
                    all.subList(from, Math.min(all.size(), from + DirectiveProjection.BUCKET_LINKS))));
            buckets++;
        }
        put(y.withImplementers(all.subList(0, Math.min(inline, all.size())), all.size(),
                Math.max(buckets, y.linkBuckets())));
    }

    /** Merges the link's values into the one with the same id, inline or in any overflow bucket. */
    void update(StoredDirective y, Implementer link) {
        List<Implementer> inline = merged(y.implementedBy(), link);
        if (inline != null) {
            put(y.withImplementers(inline, y.implementedByCount(), y.linkBuckets()));
            return;
        }
        for (LinkBucket b : buckets(y)) {
            List<Implementer> links = merged(b.links(), link);
            if (links != null) {
                put(new LinkBucket(b.id(), links));
                return;
            }
        }
    }

    /** Every directive implementing {@code y}: inline links, then the overflow buckets (one $in). */
    List<Implementer> all(StoredDirective y) {
        List<Implementer> all = new ArrayList<>(y.implementedBy());
        buckets(y).forEach(b -> all.addAll(b.links()));
        return all;
    }

    /** The list with {@code link} merged into the one of the same id; null when none has it. */
    private static List<Implementer> merged(List<Implementer> links, Implementer link) {
        for (int i = 0; i < links.size(); i++) {
            if (link.directiveId().equals(links.get(i).directiveId())) {
                List<Implementer> out = new ArrayList<>(links);
                out.set(i, links.get(i).merged(link));
                return out;
            }
        }
        return null;
    }

    /** The overflow buckets of a directive's reverse links, in order (one $in). */
    private List<LinkBucket> buckets(StoredDirective y) {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < y.linkBuckets(); n++) {
            ids.add(bucketId(y.id(), n));
        }
        List<LinkBucket> out = new ArrayList<>();
        if (!ids.isEmpty()) {
            Map<String, Document> found = store.findAll(DirectiveProjection.LINKS, ids);
            for (String id : ids) {
                Document b = found.get(id);
                if (b != null) {
                    out.add(LinkBucket.FORM.read(b));
                }
            }
        }
        return out;
    }

    private LinkBucket bucket(String directiveId, int n) {
        return store.find(DirectiveProjection.LINKS, bucketId(directiveId, n)).map(LinkBucket.FORM::read).orElse(null);
    }

    private static String bucketId(String directiveId, int n) {
        return directiveId + "|" + n;
    }

    private void put(LinkBucket b) {
        store.put(DirectiveProjection.LINKS, LinkBucket.FORM.document(b));
    }

    private void put(StoredDirective y) {
        store.put(DirectiveProjection.COLLECTION, StoredDirective.FORM.document(y));
    }
}

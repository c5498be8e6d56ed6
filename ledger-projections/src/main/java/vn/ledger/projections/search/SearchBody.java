package vn.ledger.projections.search;

import org.bson.Document;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.LogOrder;
import vn.ledger.projections.store.StoredForm;

import java.util.ArrayList;
import java.util.List;

/**
 * A body as the search index knows it ({@code _id} = code): its current {@code name} and the {@code directives} it
 * issued, in log order ({@code directivesAt}), so that renaming it re-indexes them. A directive may arrive before
 * its issuer's registration: the body is then kept without a name until it registers.
 *
 * @param seq the last applied sequence number of the body's stream; -1 for none
 */
public record SearchBody(String code, long seq, String name, List<String> directives, List<String> directivesAt) {

    /**
     * A document with named fields in this order, absent values left out: {@code _id}, {@code seq}, {@code name},
     * {@code directives}, {@code directivesAt}. The previous layout (the same names) reads the same.
     */
    public static final StoredForm<SearchBody> FORM = StoredForm.document(SearchBody::write, SearchBody::read, null);

    public SearchBody {
        directives = List.copyOf(directives);
        directivesAt = List.copyOf(directivesAt);
    }

    static SearchBody none(String code) {
        return new SearchBody(code, -1, null, List.of(), List.of());
    }

    boolean hasSeen(long sequence) {
        return sequence <= seq;
    }

    /** Named {@code newName} by the event of sequence number {@code sequence} of its stream. */
    SearchBody named(String newName, long sequence) {
        return new SearchBody(code, sequence, newName, directives, directivesAt);
    }

    /** With the directive listed at the place of its key in the log (null when listed there or before already). */
    SearchBody issued(String directiveId, String key) {
        List<String> ids = new ArrayList<>(directives);
        List<String> keys = new ArrayList<>(directivesAt);
        return LogOrder.add(ids, keys, directiveId, key) ? new SearchBody(code, seq, name, ids, keys) : null;
    }

    private static Document write(SearchBody b) {
        Document d = new Document("_id", b.code);
        if (b.seq >= 0) {
            d.append("seq", b.seq);
        }
        if (b.name != null) {
            d.append("name", b.name);
        }
        return d.append("directives", b.directives).append("directivesAt", b.directivesAt);
    }

    private static SearchBody read(Document d) {
        List<String> directives = Docs.strings(d, "directives");
        return new SearchBody(d.getString("_id"), Docs.num(d, "seq", -1), Docs.str(d, "name"), directives,
                LogOrder.keys(d, "directives", directives.size()));
    }
}

package vn.ledger.projections.search;

import org.bson.Document;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.LogOrder;
import vn.ledger.projections.store.StoredForm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The directives indexed under one token ({@code _id} {@code "tok:" + token}), as parallel lists: {@code ids},
 * {@code on} (their issue dates, so that a query ranks without reading the directives) and {@code at} (the log key
 * of their issue: the lists are in log order whatever order the directives were indexed in), and {@code n}, how
 * many.
 */
public record TokenPostings(String token, List<String> ids, List<String> on, List<String> at) {

    /** A document with named fields: {@code _id}, {@code ids}, {@code on}, {@code at}, {@code n}. */
    public static final StoredForm<TokenPostings> FORM = StoredForm.document(TokenPostings::write,
            TokenPostings::read, null);

    public TokenPostings {
        ids = Collections.unmodifiableList(new ArrayList<>(ids));
        on = Collections.unmodifiableList(new ArrayList<>(on));
        at = Collections.unmodifiableList(new ArrayList<>(at));
    }

    static TokenPostings none(String token) {
        return new TokenPostings(token, List.of(), List.of(), List.of());
    }

    /** Without the directive (itself when not listed). */
    TokenPostings without(String id) {
        int i = ids.indexOf(id);
        if (i < 0) {
            return this;
        }
        List<String> ids2 = new ArrayList<>(ids);
        List<String> on2 = new ArrayList<>(on);
        List<String> at2 = new ArrayList<>(at);
        ids2.remove(i);
        on2.remove(i);
        at2.remove(i);
        return new TokenPostings(token, ids2, on2, at2);
    }

    /**
     * With the directive issued on {@code issuedOn} at log key {@code key}: listed at the place of its key, or its
     * date brought up to date when listed already (itself when nothing changes).
     */
    TokenPostings with(String id, String issuedOn, String key) {
        int i = ids.indexOf(id);
        if (i >= 0) {
            if (Objects.equals(on.get(i), issuedOn)) {
                return this;
            }
            List<String> on2 = new ArrayList<>(on);
            on2.set(i, issuedOn);
            return new TokenPostings(token, ids, on2, at);
        }
        List<String> ids2 = new ArrayList<>(ids);
        List<String> on2 = new ArrayList<>(on);
        List<String> at2 = new ArrayList<>(at);
        int p = LogOrder.insertionPoint(at2, key);
        ids2.add(p, id);
        on2.add(p, issuedOn);
        at2.add(p, key);
        return new TokenPostings(token, ids2, on2, at2);
    }

    private static Document write(TokenPostings t) {
        return new Document("_id", SearchProjection.TOKEN + t.token).append("ids", t.ids).append("on", t.on)
                .append("at", t.at).append("n", (long) t.ids.size());
    }

    private static TokenPostings read(Document d) {
        List<String> ids = Docs.strings(d, "ids");
        List<String> at = Docs.strings(d, "at");
        if (at.size() != ids.size()) {
            at = new ArrayList<>(Collections.nCopies(ids.size(), "")); // a list of layout 1
        }
        return new TokenPostings(d.getString("_id").substring(SearchProjection.TOKEN.length()), ids,
                Docs.strings(d, "on"), at);
    }
}

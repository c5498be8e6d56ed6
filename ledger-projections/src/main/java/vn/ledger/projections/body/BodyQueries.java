package vn.ledger.projections.body;

import org.bson.Document;
import vn.ledger.projections.store.ReadStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Queries on {@link BodiesProjection}'s collection; each reads documents by {@code _id} only. */
public class BodyQueries {

    private final ReadStore store;

    public BodyQueries(ReadStore store) {
        this.store = store;
    }

    /** One body: 1 read by {@code _id}. */
    public Optional<BodyView> body(String code) {
        return store.find(BodiesProjection.COLLECTION, code).map(BodyQueries::view);
    }

    /** Several bodies: 1 {@code $in} read; unknown codes are left out. */
    public Map<String, BodyView> bodies(List<String> codes) {
        Map<String, BodyView> out = new LinkedHashMap<>();
        store.findAll(BodiesProjection.COLLECTION, codes).forEach((k, d) -> out.put(k, view(d)));
        return out;
    }

    /** The direct children of a body: 2 reads (the body, then its children by {@code $in}). */
    public List<BodyView> children(String code) {
        return body(code).map(b -> new ArrayList<>(bodies(b.children()).values())).orElseGet(ArrayList::new);
    }

    /** The body's ancestors, root first: 2 reads. */
    public List<BodyView> ancestors(String code) {
        return body(code).map(b -> new ArrayList<>(bodies(b.path()).values())).orElseGet(ArrayList::new);
    }

    /** Follows merges to the body that carries on today (the body itself when not merged); 1 read per hop. */
    public Optional<BodyView> current(String code) {
        Optional<BodyView> at = body(code);
        for (int hops = 0; hops < 32 && at.isPresent() && at.get().successor() != null; hops++) {
            at = body(at.get().successor());
        }
        return at;
    }

    static BodyView view(Document d) {
        return BodyNode.FORM.read(d).view();
    }
}

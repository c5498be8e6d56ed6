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

    /**
     * A body in a tree: its name, level, whether it is closed (and into which body it was merged), and the
     * bodies under it, in the order they were registered.
     */
    public record TreeNode(String code, String name, String level, boolean closed, String successor,
                           List<TreeNode> children) {
    }

    /**
     * The hierarchy as trees: under {@code rootCode}, or every root (a body without parent) when null. One scan of
     * the collection; empty when the root is unknown. Closed bodies are kept unless {@code openOnly}; a body only
     * referenced so far (not registered: no name) is left out.
     */
    public List<TreeNode> tree(String rootCode, boolean openOnly) {
        Map<String, BodyView> all = new LinkedHashMap<>();
        store.scan(BodiesProjection.COLLECTION).map(BodyQueries::view).forEach(b -> all.put(b.code(), b));
        List<String> roots = rootCode != null ? (all.containsKey(rootCode) ? List.of(rootCode) : List.of())
                : all.values().stream().filter(b -> b.parent() == null).map(BodyView::code).toList();
        List<TreeNode> out = new ArrayList<>();
        for (String code : roots) {
            node(all, code, openOnly, 0).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<TreeNode> node(Map<String, BodyView> all, String code, boolean openOnly, int depth) {
        BodyView b = all.get(code);
        if (b == null || !b.registered() || (openOnly && b.closed()) || depth > 64) {
            return Optional.empty();
        }
        List<TreeNode> children = new ArrayList<>();
        for (String child : b.children()) {
            node(all, child, openOnly, depth + 1).ifPresent(children::add);
        }
        return Optional.of(new TreeNode(b.code(), b.name(), b.level(), b.closed(), b.successor(),
                List.copyOf(children)));
    }

    static BodyView view(Document d) {
        return BodyNode.FORM.read(d).view();
    }
}

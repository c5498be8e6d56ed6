package vn.ledger.projections.body;

import org.bson.Document;
import vn.ledger.core.body.BodyClosed;
import vn.ledger.core.body.BodyMerged;
import vn.ledger.core.body.BodyRegistered;
import vn.ledger.core.body.BodyRenamed;
import vn.ledger.projections.store.LogOrder;
import vn.ledger.projections.store.ReadStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hierarchy of bodies kept in one collection, one document per body ({@code _id} = code): name and its
 * history, parent, level, children codes, ancestor path (root first, the body itself excluded), closed or
 * merged (successor). Used by {@link BodiesProjection} ("bodies") and, on a collection of its own, by the
 * dashboard, so that each read model is rebuilt from the events alone.
 *
 * <p>Children and merged bodies are listed in log order ({@link LogOrder}), whatever order the events came in.
 *
 * <p>Idempotent: every document remembers the sequence number of the last event of its own Body aggregate it
 * took in, and an event at or below it is a duplicate. Out of order across aggregates: a child registered
 * before its parent creates a placeholder parent ({@code registered=false}) that lists it; when the parent
 * registers (or gets its own parent), the paths of everything below are rewritten and the change is reported
 * as a {@link Moved}, so that roll-ups kept along the path can move the subtree's totals.
 */
public final class BodyTree {

    /** The ancestor path of {@code code} changed from {@code oldPath} to {@code newPath} (root first). */
    public record Moved(String code, List<String> oldPath, List<String> newPath) {
    }

    private final ReadStore store;
    private final String collection;

    public BodyTree(ReadStore store, String collection) {
        this.store = store;
        this.collection = collection;
    }

    public String collection() {
        return collection;
    }

    public Optional<BodyNode> get(String code) {
        return store.find(collection, code).map(BodyNode.FORM::read);
    }

    /** Ancestor path of a body, root first, itself excluded; empty when unknown or a root. */
    public List<String> path(String code) {
        return get(code).map(b -> new ArrayList<>(b.path())).orElseGet(ArrayList::new);
    }

    /** Paths of several bodies in one read; unknown bodies map to an empty path. */
    public Map<String, List<String>> paths(List<String> codes) {
        Map<String, Document> found = store.findAll(collection, codes);
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (String c : codes) {
            Document d = found.get(c);
            out.put(c, d == null ? new ArrayList<>() : new ArrayList<>(BodyNode.FORM.read(d).path()));
        }
        return out;
    }

    /**
     * @param key the log key of the event ({@link LogOrder#key}): a parent lists its children in log order
     * @return the move of the body's path, when this registration changed it (empty for a duplicate)
     */
    public Optional<Moved> register(BodyRegistered e, long seq, String key) {
        BodyNode body = load(e.code());
        if (body.hasSeen(seq)) {
            return Optional.empty();
        }
        List<String> oldPath = body.path();
        List<String> newPath = new ArrayList<>();
        String parent = e.parentCode();
        if (parent != null && !parent.isBlank() && !parent.equals(e.code())) {
            BodyNode p = load(parent);
            if (p.path().contains(e.code())) {
                parent = null; // would close a cycle: keep the body a root rather than loop for ever
            } else {
                BodyNode listed = p.withChild(e.code(), key);
                if (listed != null) {
                    save(listed);
                }
                newPath.addAll(p.path());
                newPath.add(parent);
            }
        } else {
            parent = null;
        }
        BodyNode registered = body.apply(e, seq, parent, newPath);
        save(registered);
        if (oldPath.equals(newPath)) {
            return Optional.empty();
        }
        rewriteDescendants(registered);
        return Optional.of(new Moved(e.code(), oldPath, newPath));
    }

    public boolean rename(BodyRenamed e, long seq) {
        BodyNode body = load(e.code());
        if (body.hasSeen(seq)) {
            return false;
        }
        save(body.apply(e, seq));
        return true;
    }

    public boolean close(BodyClosed e, long seq) {
        BodyNode body = load(e.code());
        if (body.hasSeen(seq)) {
            return false;
        }
        save(body.apply(e, seq));
        return true;
    }

    /** @param key the log key of the event: a body lists the bodies merged into it in log order */
    public boolean merge(BodyMerged e, long seq, String key) {
        BodyNode body = load(e.code());
        if (body.hasSeen(seq)) {
            return false;
        }
        save(body.apply(e, seq));
        BodyNode listed = load(e.intoCode()).withMergedFrom(e.code(), key);
        if (listed != null) {
            save(listed);
        }
        return true;
    }

    /** Every body below {@code code} (itself excluded), breadth first; one {@code $in} read per level. */
    public List<String> descendants(String code) {
        List<String> out = new ArrayList<>();
        List<String> level = get(code).map(BodyNode::children).orElseGet(List::of);
        while (!level.isEmpty()) {
            out.addAll(level);
            List<String> next = new ArrayList<>();
            for (Document d : store.findAll(collection, level).values()) {
                next.addAll(BodyNode.FORM.read(d).children());
            }
            level = next;
        }
        return out;
    }

    private BodyNode load(String code) {
        return get(code).orElseGet(() -> BodyNode.placeholder(code));
    }

    private void save(BodyNode body) {
        store.put(collection, BodyNode.FORM.document(body));
    }

    /** Rewrites the path of every descendant of {@code top} (top-down, one read per level). */
    private void rewriteDescendants(BodyNode top) {
        List<BodyNode> level = List.of(top);
        while (!level.isEmpty()) {
            List<String> ids = new ArrayList<>();
            Map<String, List<String>> pathOfParent = new java.util.HashMap<>();
            for (BodyNode p : level) {
                List<String> childPath = new ArrayList<>(p.path());
                childPath.add(p.code());
                for (String c : p.children()) {
                    if (!childPath.contains(c)) {
                        ids.add(c);
                        pathOfParent.put(c, childPath);
                    }
                }
            }
            List<BodyNode> next = new ArrayList<>();
            for (Document d : store.findAll(collection, ids).values()) {
                BodyNode c = BodyNode.FORM.read(d);
                BodyNode moved = c.withPath(pathOfParent.get(c.code()));
                save(moved);
                next.add(moved);
            }
            level = next;
        }
    }
}

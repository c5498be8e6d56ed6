package vn.ledger.projections.body;

import org.bson.Document;
import vn.ledger.core.body.BodyClosed;
import vn.ledger.core.body.BodyMerged;
import vn.ledger.core.body.BodyRegistered;
import vn.ledger.core.body.BodyRenamed;
import vn.ledger.projections.store.Docs;
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

    public Optional<Document> get(String code) {
        return store.find(collection, code);
    }

    /** Ancestor path of a body, root first, itself excluded; empty when unknown or a root. */
    public List<String> path(String code) {
        return store.find(collection, code).map(d -> Docs.strings(d, "path")).orElseGet(ArrayList::new);
    }

    /** Paths of several bodies in one read; unknown bodies map to an empty path. */
    public Map<String, List<String>> paths(List<String> codes) {
        Map<String, Document> found = store.findAll(collection, codes);
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (String c : codes) {
            out.put(c, Docs.strings(found.get(c), "path"));
        }
        return out;
    }

    /**
     * @param key the log key of the event ({@link LogOrder#key}): a parent lists its children in log order
     * @return the move of the body's path, when this registration changed it (empty for a duplicate)
     */
    public Optional<Moved> register(BodyRegistered e, long seq, String key) {
        Document doc = load(e.code());
        if (Docs.num(doc, "seq", -1) >= seq) {
            return Optional.empty();
        }
        doc.put("seq", seq);
        doc.put("registered", true);
        doc.put("name", e.name());
        List<Document> names = Docs.docs(doc, "names");
        if (names.isEmpty()) {
            names.add(new Document("name", e.name()).append("from", Docs.iso(e.effectiveDate())));
        }
        doc.put("names", names);
        doc.put("level", e.level() == null ? null : e.level().name());
        doc.put("registeredOn", Docs.iso(e.effectiveDate()));
        List<String> oldPath = Docs.strings(doc, "path");
        List<String> newPath = new ArrayList<>();
        String parent = e.parentCode();
        if (parent != null && !parent.isBlank() && !parent.equals(e.code())) {
            Document p = load(parent);
            List<String> parentPath = Docs.strings(p, "path");
            if (parentPath.contains(e.code())) {
                parent = null; // would close a cycle: keep the body a root rather than loop for ever
            } else {
                if (LogOrder.add(p, "children", e.code(), key)) {
                    store.put(collection, p);
                }
                newPath.addAll(parentPath);
                newPath.add(parent);
            }
        } else {
            parent = null;
        }
        doc.put("parent", parent);
        doc.put("path", newPath);
        store.put(collection, doc);
        if (oldPath.equals(newPath)) {
            return Optional.empty();
        }
        rewriteDescendants(doc);
        return Optional.of(new Moved(e.code(), oldPath, newPath));
    }

    public boolean rename(BodyRenamed e, long seq) {
        Document doc = load(e.code());
        if (Docs.num(doc, "seq", -1) >= seq) {
            return false;
        }
        doc.put("seq", seq);
        List<Document> names = Docs.docs(doc, "names");
        names.add(new Document("name", e.newName()).append("from", Docs.iso(e.effectiveDate())));
        doc.put("names", names);
        doc.put("name", e.newName());
        store.put(collection, doc);
        return true;
    }

    public boolean close(BodyClosed e, long seq) {
        Document doc = load(e.code());
        if (Docs.num(doc, "seq", -1) >= seq) {
            return false;
        }
        doc.put("seq", seq);
        doc.put("closed", true);
        doc.put("closedOn", Docs.iso(e.effectiveDate()));
        doc.put("closedReason", e.reason());
        store.put(collection, doc);
        return true;
    }

    /** @param key the log key of the event: a body lists the bodies merged into it in log order */
    public boolean merge(BodyMerged e, long seq, String key) {
        Document doc = load(e.code());
        if (Docs.num(doc, "seq", -1) >= seq) {
            return false;
        }
        doc.put("seq", seq);
        doc.put("closed", true);
        doc.put("closedOn", Docs.iso(e.effectiveDate()));
        doc.put("successor", e.intoCode());
        store.put(collection, doc);
        Document into = load(e.intoCode());
        if (LogOrder.add(into, "mergedFrom", e.code(), key)) {
            store.put(collection, into);
        }
        return true;
    }

    /** Every body below {@code code} (itself excluded), breadth first; one {@code $in} read per level. */
    public List<String> descendants(String code) {
        List<String> out = new ArrayList<>();
        List<String> level = store.find(collection, code).map(d -> Docs.strings(d, "children")).orElseGet(List::of);
        while (!level.isEmpty()) {
            out.addAll(level);
            List<String> next = new ArrayList<>();
            for (Document d : store.findAll(collection, level).values()) {
                next.addAll(Docs.strings(d, "children"));
            }
            level = next;
        }
        return out;
    }

    private Document load(String code) {
        return store.find(collection, code).orElseGet(() -> new Document("_id", code).append("code", code)
                .append("registered", false).append("children", new ArrayList<String>())
                .append("path", new ArrayList<String>()));
    }

    /** Rewrites the path of every descendant of {@code top} (top-down, one read per level). */
    private void rewriteDescendants(Document top) {
        List<Document> level = List.of(top);
        while (!level.isEmpty()) {
            List<String> ids = new ArrayList<>();
            Map<String, List<String>> pathOfParent = new java.util.HashMap<>();
            for (Document p : level) {
                List<String> childPath = Docs.strings(p, "path");
                childPath.add(p.getString("_id"));
                for (String c : Docs.strings(p, "children")) {
                    if (!childPath.contains(c)) {
                        ids.add(c);
                        pathOfParent.put(c, childPath);
                    }
                }
            }
            List<Document> next = new ArrayList<>();
            for (Document c : store.findAll(collection, ids).values()) {
                c.put("path", new ArrayList<>(pathOfParent.get(c.getString("_id"))));
                store.put(collection, c);
                next.add(c);
            }
            level = next;
        }
    }
}

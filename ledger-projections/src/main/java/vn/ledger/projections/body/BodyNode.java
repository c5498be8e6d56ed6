package vn.ledger.projections.body;

import org.bson.Document;
import vn.ledger.core.body.BodyClosed;
import vn.ledger.core.body.BodyMerged;
import vn.ledger.core.body.BodyRegistered;
import vn.ledger.core.body.BodyRenamed;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.LogOrder;
import vn.ledger.projections.store.StoredForm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One stored body of a {@link BodyTree} ({@code _id} = code), as the tree works on it: the facts its own events set
 * ({@code apply}, pure), its place in the hierarchy, and the lists kept in log order ({@link LogOrder}) with the
 * key of each item's place ({@code childrenAt}, {@code mergedFromAt}).
 *
 * @param seq        the sequence number of the last event of its own Body aggregate taken in; -1 for none (a
 *                   placeholder made for a child registered before it)
 * @param registered false while only referenced: name and level unknown
 * @param path       ancestor codes, root first, the body itself excluded
 */
public record BodyNode(String code, long seq, boolean registered, String name, List<BodyView.NameSince> names,
                       String level, LocalDate registeredOn, String parent, List<String> path,
                       List<String> children, List<String> childrenAt, boolean closed, LocalDate closedOn,
                       String closedReason, String successor, List<String> mergedFrom, List<String> mergedFromAt) {

    /**
     * A document with named fields, always in this order, absent values left out: {@code _id}, {@code seq},
     * {@code registered}, {@code name}, {@code names} ({@code name}, {@code from}), {@code level},
     * {@code registeredOn}, {@code parent}, {@code path}, {@code children}, {@code childrenAt}, {@code closed},
     * {@code closedOn}, {@code closedReason}, {@code successor}, {@code mergedFrom}, {@code mergedFromAt}. The
     * previous layout (the same names in the order its events came) reads the same.
     */
    public static final StoredForm<BodyNode> FORM = StoredForm.document(BodyNode::write, BodyNode::read, null);

    public BodyNode {
        names = List.copyOf(names);
        path = List.copyOf(path);
        children = List.copyOf(children);
        childrenAt = List.copyOf(childrenAt);
        mergedFrom = List.copyOf(mergedFrom);
        mergedFromAt = List.copyOf(mergedFromAt);
    }

    /** A body known only because another one names it (as its parent, or as the body it merged into). */
    public static BodyNode placeholder(String code) {
        return new BodyNode(code, -1, false, null, List.of(), null, null, null, List.of(), List.of(), List.of(),
                false, null, null, null, List.of(), List.of());
    }

    /** True when the event of sequence number {@code seq} of its own aggregate was taken in already. */
    public boolean hasSeen(long seq) {
        return this.seq >= seq;
    }

    /**
     * Registered, below {@code parent} on {@code path} (both as the tree resolved them: null and empty for a
     * root). Its first name is the registered one; a name history it has already is kept.
     */
    public BodyNode apply(BodyRegistered e, long seq, String parent, List<String> path) {
        List<BodyView.NameSince> n = names.isEmpty() ? List.of(new BodyView.NameSince(e.name(), e.effectiveDate()))
                : names;
        return new BodyNode(code, seq, true, e.name(), n, e.level() == null ? null : e.level().name(),
                e.effectiveDate(), parent, path, children, childrenAt, closed, closedOn, closedReason, successor,
                mergedFrom, mergedFromAt);
    }

    public BodyNode apply(BodyRenamed e, long seq) {
        List<BodyView.NameSince> n = new ArrayList<>(names);
        n.add(new BodyView.NameSince(e.newName(), e.effectiveDate()));
        return new BodyNode(code, seq, registered, e.newName(), n, level, registeredOn, parent, path, children,
                childrenAt, closed, closedOn, closedReason, successor, mergedFrom, mergedFromAt);
    }

    public BodyNode apply(BodyClosed e, long seq) {
        return new BodyNode(code, seq, registered, name, names, level, registeredOn, parent, path, children,
                childrenAt, true, e.effectiveDate(), e.reason(), successor, mergedFrom, mergedFromAt);
    }

    public BodyNode apply(BodyMerged e, long seq) {
        return new BodyNode(code, seq, registered, name, names, level, registeredOn, parent, path, children,
                childrenAt, true, e.effectiveDate(), closedReason, e.intoCode(), mergedFrom, mergedFromAt);
    }

    /** With {@code child} listed at the place of its key in the log (null when already listed there or before). */
    public BodyNode withChild(String child, String key) {
        List<String> values = new ArrayList<>(children);
        List<String> keys = new ArrayList<>(childrenAt);
        return LogOrder.add(values, keys, child, key) ? new BodyNode(code, seq, registered, name, names, level,
                registeredOn, parent, path, values, keys, closed, closedOn, closedReason, successor, mergedFrom,
                mergedFromAt) : null;
    }

    /** With {@code merged} listed among the bodies merged into it (null when already listed there or before). */
    public BodyNode withMergedFrom(String merged, String key) {
        List<String> values = new ArrayList<>(mergedFrom);
        List<String> keys = new ArrayList<>(mergedFromAt);
        return LogOrder.add(values, keys, merged, key) ? new BodyNode(code, seq, registered, name, names, level,
                registeredOn, parent, path, children, childrenAt, closed, closedOn, closedReason, successor, values,
                keys) : null;
    }

    public BodyNode withPath(List<String> newPath) {
        return new BodyNode(code, seq, registered, name, names, level, registeredOn, parent, newPath, children,
                childrenAt, closed, closedOn, closedReason, successor, mergedFrom, mergedFromAt);
    }

    public BodyView view() {
        return new BodyView(code, registered, name, names, parent, level, children, path, closed, closedOn,
                closedReason, successor, mergedFrom);
    }

    private static Document write(BodyNode b) {
        Document d = new Document("_id", b.code);
        if (b.seq >= 0) {
            d.append("seq", b.seq);
        }
        d.append("registered", b.registered);
        put(d, "name", b.name);
        if (!b.names.isEmpty()) {
            List<Document> names = new ArrayList<>();
            for (BodyView.NameSince n : b.names) {
                names.add(new Document("name", n.name()).append("from", Docs.iso(n.from())));
            }
            d.append("names", names);
        }
        put(d, "level", b.level);
        put(d, "registeredOn", Docs.iso(b.registeredOn));
        put(d, "parent", b.parent);
        d.append("path", b.path).append("children", b.children).append("childrenAt", b.childrenAt);
        if (b.closed) {
            d.append("closed", true);
        }
        put(d, "closedOn", Docs.iso(b.closedOn));
        put(d, "closedReason", b.closedReason);
        put(d, "successor", b.successor);
        if (!b.mergedFrom.isEmpty()) {
            d.append("mergedFrom", b.mergedFrom).append("mergedFromAt", b.mergedFromAt);
        }
        return d;
    }

    private static BodyNode read(Document d) {
        List<BodyView.NameSince> names = new ArrayList<>();
        for (Document n : Docs.docsView(d, "names")) {
            names.add(new BodyView.NameSince(Docs.str(n, "name"), Docs.date(n, "from")));
        }
        List<String> children = Docs.strings(d, "children");
        List<String> mergedFrom = Docs.strings(d, "mergedFrom");
        return new BodyNode(Docs.str(d, "_id"), Docs.num(d, "seq", -1), Docs.bool(d, "registered"),
                Docs.str(d, "name"), names, Docs.str(d, "level"), Docs.date(d, "registeredOn"), Docs.str(d, "parent"),
                Docs.strings(d, "path"), children, LogOrder.keys(d, "children", children.size()),
                Docs.bool(d, "closed"), Docs.date(d, "closedOn"), Docs.str(d, "closedReason"),
                Docs.str(d, "successor"), mergedFrom, LogOrder.keys(d, "mergedFrom", mergedFrom.size()));
    }

    private static void put(Document d, String key, Object value) {
        if (value != null) {
            d.append(key, value);
        }
    }
}

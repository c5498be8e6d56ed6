package vn.ledger.projections.dashboard;

import org.bson.Document;
import vn.ledger.core.body.BodyClosed;
import vn.ledger.core.body.BodyMerged;
import vn.ledger.core.body.BodyRegistered;
import vn.ledger.core.body.BodyRenamed;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.StoredForm;

import static vn.ledger.projections.store.Docs.appendPresent;

/**
 * A body's dashboard in {@value DashboardProjection#DASHBOARD} ({@code _id} = its code), the one document a dashboard
 * query reads: what the body's own events say of it ({@code apply}, pure, each taking the event's sequence number in
 * the body's stream) and two {@link Tally}s, {@code self} (the tasks it leads) and {@code tree} (it and every body
 * below it).
 *
 * <p>The tallies are the one part not changed purely: {@link #count} adds to them in place. A province's
 * {@code tree} holds a bucket per due day and per month, and every task event below the province changes it; a copy
 * per event would cost more than the rest of the event's work (during a rebuild the document, and so its tallies,
 * stays in memory as objects for the whole batch and is packed once, when written).
 *
 * @param seq    the sequence number of the last event of the body's own stream taken in; -1 for none (a body
 *               counted before its registration reached the dashboard)
 * @param level  the {@code BodyLevel} name, null when not given
 * @param parent the parent as the registration named it (null for a root)
 */
public record StoredDashboard(String code, long seq, String name, String level, String parent, boolean closed,
                              String successor, Tally self, Tally tree) {

    /**
     * A document with named fields, always in this order, absent values (and zero tallies) left out: {@code _id},
     * {@code seq}, {@code name}, {@code level}, {@code parent}, {@code closed}, {@code successor}, {@code self},
     * {@code tree}; the tallies packed ({@link Tally#FORM}). Dashboard layout 5 stored the same names (no
     * {@code seq}) in the order its events came, absent values as null: it reads the same. The administrator's
     * endpoint shows the tallies as documents.
     */
    public static final StoredForm<StoredDashboard> FORM = StoredForm.<StoredDashboard>document(StoredDashboard::write,
            StoredDashboard::read, null).shownAs(StoredDashboard::shown);

    public StoredDashboard {
        self = self == null ? new Tally() : self;
        tree = tree == null ? new Tally() : tree;
    }

    /** The dashboard of a body none of whose events, and no task of which, was taken in yet. */
    public static StoredDashboard none(String code) {
        return new StoredDashboard(code, -1, null, null, null, false, null, new Tally(), new Tally());
    }

    /** True when the event of sequence number {@code seq} of the body's own stream was taken in already. */
    public boolean hasSeen(long seq) {
        return this.seq >= seq;
    }

    // ------------------------------------------------------------------ the body's own events

    public StoredDashboard apply(BodyRegistered e, long seq) {
        return new StoredDashboard(code, seq, e.name(), e.level() == null ? null : e.level().name(), e.parentCode(),
                closed, successor, self, tree);
    }

    public StoredDashboard apply(BodyRenamed e, long seq) {
        return new StoredDashboard(code, seq, e.newName(), level, parent, closed, successor, self, tree);
    }

    public StoredDashboard apply(BodyClosed e, long seq) {
        return new StoredDashboard(code, seq, name, level, parent, true, successor, self, tree);
    }

    public StoredDashboard apply(BodyMerged e, long seq) {
        return new StoredDashboard(code, seq, name, level, parent, true, e.intoCode(), self, tree);
    }

    // ------------------------------------------------------------------ the counters

    /** Adds the deltas (either may be null) to {@code self} and {@code tree}, in place (see the class comment). */
    public void count(Tally selfDelta, Tally treeDelta) {
        if (selfDelta != null) {
            self.add(selfDelta, 1, 0);
        }
        if (treeDelta != null) {
            tree.add(treeDelta, 1, 0);
        }
    }

    // ------------------------------------------------------------------ stored form

    private static Document write(StoredDashboard s) {
        Document d = new Document("_id", s.code);
        if (s.seq >= 0) {
            d.append("seq", s.seq);
        }
        appendPresent(d, "name", s.name);
        appendPresent(d, "level", s.level);
        appendPresent(d, "parent", s.parent);
        if (s.closed) {
            d.append("closed", true);
        }
        appendPresent(d, "successor", s.successor);
        // the tallies themselves: the store's codec packs them when the document is written (Tally#stored)
        if (!s.self.isZero()) {
            d.append("self", s.self);
        }
        if (!s.tree.isZero()) {
            d.append("tree", s.tree);
        }
        return d;
    }

    private static StoredDashboard read(Document d) {
        return new StoredDashboard(d.getString("_id"), Docs.num(d, "seq", -1), Docs.str(d, "name"),
                Docs.str(d, "level"), Docs.str(d, "parent"), Docs.bool(d, "closed"), Docs.str(d, "successor"),
                Tally.read(d.get("self")), Tally.read(d.get("tree")));
    }

    private static Object shown(StoredDashboard s) {
        Document d = write(s);
        if (d.containsKey("self")) {
            d.put("self", s.self.toDocument());
        }
        if (d.containsKey("tree")) {
            d.put("tree", s.tree.toDocument());
        }
        return d;
    }
}

package vn.ledger.projections.chain;

import vn.ledger.projections.store.ReadStore;

import java.time.LocalDate;

/**
 * One event's work for {@link ChainProjection}: its nodes, the tree over them, written once at the end (one per
 * event, never shared).
 */
final class ChainUnit {
    final ChainRepository repo;
    final ChainTree tree;

    ChainUnit(ReadStore store) {
        repo = new ChainRepository(store);
        tree = new ChainTree(repo);
    }

    /** The node, when the event of its own aggregate at {@code seq} is new to it. */
    Node own(String id, String kind, Long seq) {
        Node n = repo.node(id, kind);
        if (!n.advance(seq == null ? 0 : seq)) {
            return null;
        }
        repo.changed(n);
        return n;
    }

    /** The body issued a directive citing {@code directiveId}: a forward, and an act on it. */
    void forwarded(String directiveId, Acts.Forward f) {
        Acts a = repo.acts(directiveId);
        if (a.forward(f)) {
            repo.actsChanged(a);
            brought(repo.node(directiveId, Node.DIRECTIVE), a, f.body());
        }
    }

    /** The body acted on the directive ({@link Acts#DELEGATIONS} or {@link Acts#STARTS}) on {@code on}. */
    void acted(String directiveId, String list, String body, LocalDate on) {
        if (directiveId == null || body == null || on == null) {
            return;
        }
        Acts a = repo.acts(directiveId);
        if (a.act(list, body, on)) {
            repo.actsChanged(a);
            brought(repo.node(directiveId, Node.DIRECTIVE), a, body);
        }
    }

    /** Brings the acts to the directive's entries for the body; a directive known only by reference is saved. */
    private void brought(Node d, Acts a, String body) {
        boolean changed = a.refresh(d, body);
        if (changed || repo.isNew(d)) {
            repo.changed(d);
        }
        if (changed) {
            tree.recompute(d);
        }
    }

    /** The body issued a task linked to the parent task: it made it concrete (kept on a placeholder until then). */
    void concrete(String parentTaskId, String body) {
        Node parent = repo.node(parentTaskId, Node.TASK);
        if (parent.madeConcreteBy(body)) {
            repo.changed(parent);
            tree.recompute(parent);
        }
    }
}

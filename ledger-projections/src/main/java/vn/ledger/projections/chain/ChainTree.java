package vn.ledger.projections.chain;

import vn.ledger.eventstore.LogPosition;
import vn.ledger.projections.dashboard.Tally;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The chain tree's rules over node records, with no store: hanging a node under its parent, recomputing a node's
 * own contribution and spreading the change to the roll-ups above it, stopping a directive's tasks.
 *
 * <h2>Roll-up</h2>
 * On every change of a node's own contribution ({@link Contribution}) the difference {@code new − old} is added to
 * the node's roll-up and to each ancestor's, the levels shifted by the distance ({@link Tally#add}: the work is that
 * of the difference, not of the roll-ups of the top nodes). A roll-up is a sum, so it does not depend on the order
 * the changes came in; the same event applied twice changes no contribution and adds nothing.
 *
 * <h2>Late nodes</h2>
 * A node referenced before it exists (a child directive delivered before its parent) is a placeholder; when it is
 * linked under its own parent later, its whole roll-up is added to its new ancestors and the ancestor lists below it
 * are rewritten. A child's place among its siblings is the log position of the event that made it, so it is the
 * same whichever arrived first.
 */
final class ChainTree {

    /** The nodes an event works on: read once, changed in place, written once ({@link ChainRepository}). */
    interface Nodes {

        /** The node, or a new placeholder of that kind when none is known. */
        Node node(String id, String kind);

        /** The nodes known among {@code ids}, in that order. */
        Map<String, Node> known(Collection<String> ids);

        /** The node changed and is to be written. */
        void changed(Node node);
    }

    private final Nodes nodes;

    ChainTree(Nodes nodes) {
        this.nodes = nodes;
    }

    /** Applies the change of the node's own contribution to its roll-up and every ancestor's. */
    void recompute(Node node) {
        Tally after = Contribution.of(node);
        if (after.equals(node.own)) {
            return;
        }
        Tally delta = Tally.delta(after, node.own);
        node.own = after;
        node.rollup.add(delta, 1, 0);
        nodes.changed(node);
        addToAncestors(node.ancestors, delta, 1, -1);
    }

    private void addToAncestors(List<String> ancestors, Tally t, int sign, int height) {
        Map<String, Node> found = nodes.known(ancestors);
        for (int i = 0; i < ancestors.size(); i++) {
            int distance = ancestors.size() - i;
            Node a = found.get(ancestors.get(i));
            if (a == null) {
                a = nodes.node(ancestors.get(i), Node.DIRECTIVE);
            }
            if (!t.isZero()) {
                a.rollup.add(t, sign, distance);
            }
            if (height >= 0 && a.height < height + distance) {
                a.height = height + distance;
            }
            nodes.changed(a);
        }
    }

    /**
     * Hangs the node under {@code parentId}, as a child made by the event at {@code at}; moves its roll-up to its new
     * ancestors when it had other ones. A link that would make a cycle is ignored (the node stays a root).
     */
    void link(Node node, String parentId, String parentKind, LogPosition at) {
        Node parent = nodes.node(parentId, parentKind);
        if (parentId.equals(node.id) || parent.ancestors.contains(node.id)) {
            return;
        }
        if (parent.addChild(node.id, at)) {
            nodes.changed(parent);
        }
        if (parentId.equals(node.parent)) {
            return;
        }
        List<String> oldAncestors = node.ancestors;
        List<String> newAncestors = new ArrayList<>(parent.ancestors);
        newAncestors.add(parentId);
        if (!oldAncestors.isEmpty()) {
            addToAncestors(oldAncestors, node.rollup, -1, -1);
        }
        node.parent = parentId;
        node.ancestors = newAncestors;
        nodes.changed(node);
        addToAncestors(newAncestors, node.rollup, 1, node.height);
        rewriteDescendants(node);
    }

    private void rewriteDescendants(Node top) {
        List<Node> level = List.of(top);
        while (!level.isEmpty()) {
            List<Node> next = new ArrayList<>();
            for (Node p : level) {
                List<String> below = new ArrayList<>(p.ancestors);
                below.add(p.id);
                for (Node c : nodes.known(p.childIds()).values()) {
                    if (!below.contains(c.id)) {
                        c.ancestors = new ArrayList<>(below);
                        nodes.changed(c);
                        next.add(c);
                    }
                }
            }
            level = next;
        }
    }

    /**
     * The directive was recalled or replaced: its tasks and the tasks delegated from them (same authority) stop;
     * directives below it are other bodies' documents and do not.
     */
    void stop(Node directive) {
        recompute(directive);
        List<String> level = directive.childIds();
        Set<String> seen = new HashSet<>();
        while (!level.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (Node t : nodes.known(level).values()) {
                if (!Node.TASK.equals(t.kind) || !seen.add(t.id) || !directive.id.equals(t.directiveId)) {
                    continue;
                }
                next.addAll(t.childIds());
                t.stopped = true;
                nodes.changed(t);
                recompute(t);
            }
            level = next;
        }
    }
}

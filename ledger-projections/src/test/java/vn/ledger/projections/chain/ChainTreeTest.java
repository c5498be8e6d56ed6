package vn.ledger.projections.chain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.eventstore.LogPosition;
import vn.ledger.projections.dashboard.Tally;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain tree's rules on node records alone: no store, no events. */
@DisplayName("The chain tree over node records")
class ChainTreeTest {

    /** Nodes in a map: what a repository would read and write. */
    private static final class InMemory implements ChainTree.Nodes {
        final Map<String, Node> all = new LinkedHashMap<>();
        final Set<String> changed = new LinkedHashSet<>();

        @Override
        public Node node(String id, String kind) {
            return all.computeIfAbsent(id, i -> new Node(i, kind));
        }

        @Override
        public Map<String, Node> known(Collection<String> ids) {
            Map<String, Node> out = new LinkedHashMap<>();
            ids.stream().filter(all::containsKey).forEach(i -> out.put(i, all.get(i)));
            return out;
        }

        @Override
        public void changed(Node node) {
            changed.add(node.id);
        }
    }

    private final InMemory nodes = new InMemory();
    private final ChainTree tree = new ChainTree(nodes);
    private long position;

    private Node directive(String id, String parent, String... actionRecipients) {
        Node d = nodes.node(id, Node.DIRECTIVE);
        d.exists = true;
        d.status = "ACTIVE";
        d.issuedOn = LocalDate.of(2026, 3, 20);
        for (String r : actionRecipients) {
            d.recipients().add(Recipients.Entry.of(r, "ACTION"));
        }
        if (parent != null) {
            tree.link(d, parent, Node.DIRECTIVE, new LogPosition(++position, 0));
        }
        tree.recompute(d);
        return d;
    }

    private Node task(String id, String directiveId, String parentTask, LocalDate due) {
        Node t = nodes.node(id, Node.TASK);
        t.exists = true;
        t.directiveId = directiveId;
        t.parentTask = parentTask;
        t.assignedOn = LocalDate.of(2026, 3, 21);
        t.due = due;
        t.leads = new ArrayList<>(List.of("L"));
        tree.link(t, parentTask != null ? parentTask : directiveId, parentTask != null ? Node.TASK : Node.DIRECTIVE,
                new LogPosition(++position, 0));
        tree.recompute(t);
        return t;
    }

    @Test
    void aLinkedNodesContributionIsInItsAncestorsRollUpsAtItsDistance() {
        Node a = directive("A", null, "P");
        task("A/1", "A", null, LocalDate.of(2026, 6, 30));
        directive("B", "A", "X1", "X2");
        Node b1 = task("B/1", "B", null, null);

        assertThat(a.rollup.get("tasks")).isEqualTo(2);
        assertThat(a.rollup.get("directives")).isEqualTo(2);
        assertThat(a.rollup.level(1, "recipients")).as("B's two, one level down").isEqualTo(2);
        assertThat(a.rollup.level(2, "tasks")).as("B/1").isEqualTo(1);
        assertThat(a.height).isEqualTo(2);
        assertThat(b1.ancestors).containsExactly("A", "B");
        assertThat(a.childIds()).containsExactly("A/1", "B");
    }

    @Test
    void aChangeOfContributionAddsOnlyTheDifferenceAndAnUnchangedOneNothing() {
        Node a = directive("A", null);
        Node t = task("A/1", "A", null, LocalDate.of(2026, 6, 30));
        Tally before = a.rollup.copy();
        nodes.changed.clear();

        tree.recompute(t);
        assertThat(nodes.changed).as("nothing changed, nothing written").isEmpty();

        t.completedOn = LocalDate.of(2026, 6, 1);
        tree.recompute(t);

        assertThat(a.rollup.get("doneOnTime")).isEqualTo(1);
        assertThat(a.rollup.histogram("openNS")).isEmpty();
        assertThat(a.rollup.get("tasks")).isEqualTo(before.get("tasks"));
        assertThat(nodes.changed).containsExactly("A/1", "A");
    }

    @Test
    void aChildLinkedBeforeItsParentIsCarriedUpWhenTheParentIsLinked() {
        // B's letter C and its task arrive first: B is a placeholder, a root
        Node c = directive("C", "B", "Y");
        task("C/1", "C", null, null);
        Node b = nodes.all.get("B");
        assertThat(b.exists).isFalse();
        assertThat(b.rollup.get("tasks")).isEqualTo(1);

        Node a = directive("A", null);
        directive("B", "A");

        assertThat(a.rollup.get("tasks")).isEqualTo(1);
        assertThat(a.rollup.get("directives")).isEqualTo(3);
        assertThat(a.rollup.level(2, "recipients")).as("C's, two levels down").isEqualTo(1);
        assertThat(c.ancestors).containsExactly("A", "B");
        assertThat(nodes.all.get("C/1").ancestors).containsExactly("A", "B", "C");
        assertThat(a.height).isEqualTo(3);
    }

    @Test
    void rollUpsDoNotDependOnTheOrderNodesCameIn() {
        ChainTreeTest inOrder = new ChainTreeTest();
        inOrder.directive("A", null, "P");
        inOrder.directive("B", "A", "Q");
        inOrder.task("B/1", "B", null, LocalDate.of(2026, 5, 1));
        inOrder.task("B/1.1", "B", "B/1", LocalDate.of(2026, 4, 1));

        // the same nodes made by the same events (same positions), deepest first
        ChainTreeTest reversed = new ChainTreeTest();
        reversed.position = 2;
        reversed.task("B/1.1", "B", "B/1", LocalDate.of(2026, 4, 1));
        reversed.position = 1;
        reversed.task("B/1", "B", null, LocalDate.of(2026, 5, 1));
        reversed.position = 0;
        reversed.directive("B", "A", "Q");
        reversed.directive("A", null, "P");

        for (String id : List.of("A", "B", "B/1", "B/1.1")) {
            Node x = inOrder.nodes.all.get(id);
            Node y = reversed.nodes.all.get(id);
            assertThat(y.rollup).as(id).isEqualTo(x.rollup);
            assertThat(y.ancestors).as(id).isEqualTo(x.ancestors);
            assertThat(y.children()).as(id).isEqualTo(x.children());
            assertThat(y.height).as(id).isEqualTo(x.height);
        }
    }

    @Test
    void stoppingADirectiveStopsItsTasksAndTheirDelegatedTasksButNotTheDirectivesBelow() {
        Node a = directive("A", null);
        Node t = task("A/1", "A", null, LocalDate.of(2026, 6, 30));
        Node delegated = task("A/1.1", "A", "A/1", LocalDate.of(2026, 6, 30));
        Node below = directive("B", "A");
        Node belowTask = task("B/1", "B", null, LocalDate.of(2026, 6, 30));

        a.status = "RECALLED";
        tree.stop(a);

        assertThat(t.stopped).isTrue();
        assertThat(delegated.stopped).isTrue();
        assertThat(belowTask.stopped).as("B is another body's document").isFalse();
        assertThat(below.status).isEqualTo("ACTIVE");
        assertThat(a.rollup.get("cancelled")).isEqualTo(2);
        assertThat(a.rollup.get("directivesStopped")).isEqualTo(1);
    }

    @Test
    void aLinkThatWouldMakeACycleLeavesTheNodeARoot() {
        Node a = directive("A", null);
        directive("B", "A");

        tree.link(a, "B", Node.DIRECTIVE, new LogPosition(99, 0));

        assertThat(a.parent).isNull();
        assertThat(nodes.all.get("B").childIds()).isEmpty();
    }
}

package vn.ledger.projections.chain;

import vn.ledger.eventstore.LogPosition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Children ids as a node stores them")
class ChildIdsTest {

    private static final String D = "21fc5745-b370-3e18-b428-3827c4635e5c";

    @Test
    void aChildExtendingItsParentsIdIsStoredAsTheRestAndEveryIdReadsBack() {
        assertThat(ChildIds.encode(D, D + "/II.1")).isEqualTo("/II.1");
        assertThat(ChildIds.encode(D + "/3", D + "/3.1")).isEqualTo(".1");
        assertThat(ChildIds.encode(D, "B-569-CV-TU")).as("a citing directive").isEqualTo("B-569-CV-TU");
        assertThat(ChildIds.encode(D, D + "x")).as("not a separator").isEqualTo(D + "x");
        assertThat(ChildIds.encode(D, D)).isEqualTo(D);
        assertThat(ChildIds.encode(D, "/odd")).isEqualTo("\\/odd");
        assertThat(ChildIds.encode(D, ".odd")).isEqualTo("\\.odd");
        assertThat(ChildIds.encode(D, "\\odd")).isEqualTo("\\\\odd");

        for (String parent : List.of(D, D + "/3", "A", "/", "")) {
            for (String child : List.of(D + "/II.1", D + "/3.1", D + "/3.1.2", "B-569-CV-TU", D + "x", D, "/odd",
                    ".odd", "\\odd", "\\", "/", ".", "", parent + "/", parent + ".")) {
                assertThat(ChildIds.decode(parent, ChildIds.encode(parent, child))).as(parent + " ← " + child)
                        .isEqualTo(child);
            }
        }
    }

    @Test
    void theChildrenArePackedInOneStringWithTheirPositionsAndReadBackWhateverTheIdsContain() {
        List<Node.Child> children = List.of(new Node.Child(D + "/1", new LogPosition(7, 0)),
                new Node.Child("odd\u001Eid", new LogPosition(1_000_000_007L, 3)),
                new Node.Child("esc\u001B", new LogPosition(36, 35)), new Node.Child("C-506", new LogPosition(0, 0)));

        String packed = ChildIds.pack(D, children);

        assertThat(packed).startsWith("/1\u001F7\u001E");
        assertThat(ChildIds.parse(D, packed)).isEqualTo(children);
        assertThat(ChildIds.count(packed)).isEqualTo(4);
        assertThat(ChildIds.parse(D, "")).isEmpty();
        assertThat(ChildIds.position(new LogPosition(36, 35))).isEqualTo("10.z");
    }

    @Test
    void aChildTakesItsPlaceByThePositionOfTheEventThatMadeItWhenEverItArrives() {
        Node early = new Node(D, Node.DIRECTIVE);
        early.addChild(D + "/1", new LogPosition(5, 1));
        early.addChild(D + "/2", new LogPosition(5, 2));
        early.addChild("C-506", new LogPosition(9, 0));
        Node late = new Node(D, Node.DIRECTIVE);
        late.addChild("C-506", new LogPosition(9, 0));
        late.addChild(D + "/2", new LogPosition(5, 2));
        late.addChild(D + "/1", new LogPosition(5, 1));

        assertThat(late.childIds()).containsExactly(D + "/1", D + "/2", "C-506").isEqualTo(early.childIds());
        assertThat(late.addChild("C-506", new LogPosition(9, 0))).as("once").isFalse();
        assertThat(ChildIds.pack(D, late.children())).isEqualTo(ChildIds.pack(D, early.children()));
    }
}

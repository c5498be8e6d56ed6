package vn.ledger.projections.chain;

import org.bson.Document;
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
    void theStoredFormsArePackedInOneStringThatReadsBackWhateverTheIdsContain() {
        Document node = new Document("_id", D).append("children", "");
        for (String child : List.of(D + "/1", "odd\u001Eid", D + "/1", "esc\u001B", "C-506")) {
            ChildIds.add(node, child);
        }
        assertThat(node.get("children")).isInstanceOf(String.class);
        assertThat(ChildIds.of(node)).containsExactly(D + "/1", "odd\u001Eid", "esc\u001B", "C-506");
        assertThat(ChildIds.count(node)).isEqualTo(4);
        assertThat(ChildIds.add(node, "C-506")).as("once").isFalse();
    }

    @Test
    void aNodeStoredByTheFormerLayoutReadsBackAndIsPackedOnItsNextChild() {
        Document node = new Document("_id", D).append("children", List.of("/1", "C-506"));
        assertThat(ChildIds.of(node)).containsExactly(D + "/1", "C-506");
        assertThat(ChildIds.count(node)).isEqualTo(2);

        ChildIds.add(node, D + "/2");
        assertThat(node.get("children")).isEqualTo("/1\u001EC-506\u001E/2");
        assertThat(ChildIds.of(node)).containsExactly(D + "/1", "C-506", D + "/2");
    }

    @Test
    void aNodesChildrenAreReadDecodedWholeOrBySlice() {
        Document node = new Document("_id", D).append("children", "");
        List.of(D + "/1", D + "/2", "C-506").forEach(c -> ChildIds.add(node, c));

        assertThat(ChainProjection.children(node)).containsExactly(D + "/1", D + "/2", "C-506");
        assertThat(ChildIds.slice(node, 1, 10)).containsExactly(D + "/2", "C-506");
        assertThat(ChildIds.slice(node, 5, 10)).isEmpty();
        assertThat(ChildIds.count(node)).isEqualTo(3);
    }
}

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
    void aNodesChildrenAreReadDecodedWholeOrBySlice() {
        Document node = new Document("_id", D).append("children",
                List.of(ChildIds.encode(D, D + "/1"), ChildIds.encode(D, D + "/2"), ChildIds.encode(D, "C-506")));

        assertThat(ChainProjection.children(node)).containsExactly(D + "/1", D + "/2", "C-506");
        assertThat(ChildIds.slice(node, 1, 10)).containsExactly(D + "/2", "C-506");
        assertThat(ChildIds.slice(node, 5, 10)).isEmpty();
        assertThat(ChildIds.count(node)).isEqualTo(3);
    }
}

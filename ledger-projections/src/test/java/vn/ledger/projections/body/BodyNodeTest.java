package vn.ledger.projections.body;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.core.body.BodyClosed;
import vn.ledger.core.body.BodyLevel;
import vn.ledger.core.body.BodyMerged;
import vn.ledger.core.body.BodyRegistered;
import vn.ledger.core.body.BodyRenamed;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A stored body is a record its own events change, without a store")
class BodyNodeTest {

    private static final LocalDate D1 = LocalDate.of(2026, 1, 5);
    private static final LocalDate D2 = LocalDate.of(2026, 3, 1);

    @Test
    void registeredRenamedAndClosedByItsEvents() {
        BodyNode b = BodyNode.placeholder("BKHCN")
                .apply(registered("BKHCN", "Bộ KH&CN"), 0, "CP", List.of("CP"))
                .apply(new BodyRenamed("BKHCN", "Bộ KH&CN", "Bộ Khoa học và Công nghệ", D2, null), 1)
                .apply(new BodyClosed("BKHCN", "sáp nhập", D2, null), 2);

        BodyView v = b.view();
        assertThat(v.registered()).isTrue();
        assertThat(v.name()).isEqualTo("Bộ Khoa học và Công nghệ");
        assertThat(v.names()).containsExactly(new BodyView.NameSince("Bộ KH&CN", D1),
                new BodyView.NameSince("Bộ Khoa học và Công nghệ", D2));
        assertThat(v.path()).containsExactly("CP");
        assertThat(v.closed()).isTrue();
        assertThat(v.closedReason()).isEqualTo("sáp nhập");
        assertThat(b.hasSeen(2)).isTrue();
        assertThat(b.hasSeen(3)).isFalse();
    }

    @Test
    void childrenAndMergedBodiesAreListedInLogOrderWhateverOrderTheyCameIn() {
        BodyNode p = BodyNode.placeholder("CP").withChild("B", "0002").withChild("A", "0001");

        assertThat(p.children()).containsExactly("A", "B");
        assertThat(p.withChild("A", "0003")).as("listed already, earlier").isNull();
        BodyNode merged = p.apply(new BodyMerged("CP", "X", D2, null), 0).withMergedFrom("M2", "0009")
                .withMergedFrom("M1", "0008");
        assertThat(merged.view().mergedFrom()).containsExactly("M1", "M2");
        assertThat(merged.view().successor()).isEqualTo("X");
    }

    @Test
    void itsDocumentHasNamedFieldsInOneOrderAndReadsBack() {
        BodyNode b = BodyNode.placeholder("CP").withChild("A", "0001")
                .apply(registered("CP", "Chính phủ"), 4, null, List.of());

        Document d = BodyNode.FORM.document(b);

        assertThat(d.keySet()).containsExactly("_id", "seq", "registered", "name", "names", "level", "registeredOn",
                "path", "children", "childrenAt");
        assertThat(BodyNode.FORM.read(d)).isEqualTo(b);
    }

    /** A document as bodies layout 2 (the current main layout before this one) stored it. */
    @Test
    void aDocumentOfThePreviousLayoutDecodes() {
        Document previous = new Document("_id", "CP").append("code", "CP").append("registered", true)
                .append("children", List.of("A", "B")).append("path", List.of()).append("childrenAt", List.of("1", "2"))
                .append("seq", 0L).append("name", "Chính phủ")
                .append("names", List.of(new Document("name", "Chính phủ").append("from", "2026-01-05")))
                .append("level", "CENTRAL").append("registeredOn", "2026-01-05").append("parent", null);

        BodyNode b = BodyNode.FORM.read(previous);

        assertThat(b.view()).isEqualTo(new BodyView("CP", true, "Chính phủ", List.of(new BodyView.NameSince(
                "Chính phủ", D1)), null, "CENTRAL", List.of("A", "B"), List.of(), false, null, null, null, List.of()));
        assertThat(b.seq()).isZero();
        assertThat(b.withChild("C", "3").children()).containsExactly("A", "B", "C");
    }

    private static BodyRegistered registered(String code, String name) {
        return new BodyRegistered(code, name, null, BodyLevel.CENTRAL, D1, null);
    }
}

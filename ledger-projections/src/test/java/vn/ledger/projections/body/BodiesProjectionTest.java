package vn.ledger.projections.body;

import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.core.body.BodyLevel;
import vn.ledger.projections.fixture.EventFeed;
import vn.ledger.projections.fixture.Ledger;
import vn.ledger.projections.fixture.SeedCascade;
import vn.ledger.projections.fixture.Snapshot;
import vn.ledger.projections.store.InMemoryReadStore;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ledger.projections.fixture.Ledger.d;

@DisplayName("Bodies read model")
class BodiesProjectionTest {

    private final InMemoryReadStore store = new InMemoryReadStore();
    private final EventFeed feed = new EventFeed(new BodiesProjection(store));
    private final Ledger ledger = new Ledger(feed);
    private final BodyQueries queries = new BodyQueries(store);

    @Test
    void aBodyKnowsItsParentLevelChildrenAndAncestorPathRootFirst() {
        SeedCascade.bodies(ledger);

        BodyView unit = queries.body("TTDVTH-SINHBINH").orElseThrow();
        assertThat(unit.registered()).isTrue();
        assertThat(unit.level()).isEqualTo("UNIT");
        assertThat(unit.parent()).isEqualTo("DUUBND-SINHBINH");
        assertThat(unit.path()).containsExactly("TU-DIENBIEN", "DU-SINHBINH", "DUUBND-SINHBINH");
        assertThat(queries.body("DU-SINHBINH").orElseThrow().children())
                .containsExactly("BXDD-SINHBINH", "DUUBND-SINHBINH", "MTTQ-SINHBINH");
        assertThat(queries.ancestors("TTDVTH-SINHBINH")).extracting(BodyView::code)
                .containsExactly("TU-DIENBIEN", "DU-SINHBINH", "DUUBND-SINHBINH");
        assertThat(queries.children("TU-DIENBIEN")).extracting(BodyView::code).contains("DU-SINHBINH", "VPTU-DIENBIEN");
    }

    @Test
    void theBodiesFormATreeWithTheirCurrentNamesAndClosedOnesCanBeLeftOut() {
        SeedCascade.bodies(ledger);
        ledger.rename("BTGDV-DIENBIEN", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy", d("2026-01-01"))
                .merge("MTTQ-SINHBINH", "DU-SINHBINH", d("2026-02-01"));

        List<BodyQueries.TreeNode> roots = queries.tree(null, false);
        assertThat(roots).extracting(BodyQueries.TreeNode::code).contains("TU-DIENBIEN");
        BodyQueries.TreeNode province = roots.stream().filter(n -> n.code().equals("TU-DIENBIEN")).findFirst()
                .orElseThrow();
        assertThat(province.children()).filteredOn(n -> n.code().equals("BTGDV-DIENBIEN"))
                .extracting(BodyQueries.TreeNode::name).containsExactly("Ban Tuyên giáo Tỉnh ủy");

        BodyQueries.TreeNode commune = queries.tree("DU-SINHBINH", false).get(0);
        assertThat(commune.children()).extracting(BodyQueries.TreeNode::code)
                .containsExactly("BXDD-SINHBINH", "DUUBND-SINHBINH", "MTTQ-SINHBINH");
        assertThat(commune.children().get(2).closed()).isTrue();
        assertThat(commune.children().get(2).successor()).isEqualTo("DU-SINHBINH");
        assertThat(commune.children().get(1).children()).extracting(BodyQueries.TreeNode::code)
                .containsExactly("TTDVTH-SINHBINH");
        assertThat(queries.tree("DU-SINHBINH", true).get(0).children()).extracting(BodyQueries.TreeNode::code)
                .containsExactly("BXDD-SINHBINH", "DUUBND-SINHBINH");
        assertThat(queries.tree("NO-SUCH", false)).isEmpty();
    }

    @Test
    void renamesAreKeptAsHistoryAndAMergeNamesTheSuccessor() {
        SeedCascade.bodies(ledger);
        ledger.rename("BTGDV-DIENBIEN", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy", d("2026-01-01"))
                .merge("MTTQ-SINHBINH", "DU-SINHBINH", d("2026-02-01"));

        BodyView renamed = queries.body("BTGDV-DIENBIEN").orElseThrow();
        assertThat(renamed.name()).isEqualTo("Ban Tuyên giáo Tỉnh ủy");
        assertThat(renamed.names()).extracting(BodyView.NameSince::name)
                .containsExactly("Ban Tuyên giáo và Dân vận Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy");
        assertThat(renamed.names().get(1).from()).isEqualTo(d("2026-01-01"));

        BodyView merged = queries.body("MTTQ-SINHBINH").orElseThrow();
        assertThat(merged.closed()).isTrue();
        assertThat(merged.successor()).isEqualTo("DU-SINHBINH");
        assertThat(queries.body("DU-SINHBINH").orElseThrow().mergedFrom()).containsExactly("MTTQ-SINHBINH");
        assertThat(queries.current("MTTQ-SINHBINH").orElseThrow().code()).isEqualTo("DU-SINHBINH");
    }

    @Test
    void everyEventDeliveredTwiceChangesNothing() {
        SeedCascade.bodies(ledger);
        ledger.rename("BTC", "Bộ Tài chính", "Bộ Tài chính (mới)", d("2026-01-01"));
        var before = Snapshot.of(store, BodiesProjection.COLLECTION);

        feed.deliverAll(feed.emitted());

        assertThat(Snapshot.of(store, BodiesProjection.COLLECTION)).isEqualTo(before);
        assertThat(queries.body("BTC").orElseThrow().names()).hasSize(2);
    }

    @Test
    void childrenRegisteredBeforeTheirParentGetTheirPathWhenTheParentArrives() {
        feed.hold();
        SeedCascade.bodies(ledger);
        List<DomainEventMessage<?>> reversed = new ArrayList<>(feed.emitted());
        java.util.Collections.reverse(reversed); // every child before its parent

        InMemoryReadStore other = new InMemoryReadStore();
        EventFeed.replay(reversed, new BodiesProjection(other));
        BodyQueries late = new BodyQueries(other);

        assertThat(late.body("TTDVTH-SINHBINH").orElseThrow().path())
                .containsExactly("TU-DIENBIEN", "DU-SINHBINH", "DUUBND-SINHBINH");
        assertThat(late.body("DU-SINHBINH").orElseThrow().children())
                .containsExactlyInAnyOrder("BXDD-SINHBINH", "DUUBND-SINHBINH", "MTTQ-SINHBINH");
        assertThat(late.body("TU-DIENBIEN").orElseThrow().registered()).isTrue();
    }

    @Test
    void aParentOnlyReferencedSoFarIsAPlaceholder() {
        ledger.body("XA-1", "Xã 1", "TINH-1", BodyLevel.COMMUNE);

        BodyView parent = queries.body("TINH-1").orElseThrow();
        assertThat(parent.registered()).isFalse();
        assertThat(parent.children()).containsExactly("XA-1");
        assertThat(queries.body("XA-1").orElseThrow().path()).containsExactly("TINH-1");
    }
}

package vn.ledger.projections.asof;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.projections.body.BodiesProjection;
import vn.ledger.projections.body.BodyQueries;
import vn.ledger.projections.body.BodyView;
import vn.ledger.projections.chain.ChainProjection;
import vn.ledger.projections.chain.ChainQueries;
import vn.ledger.projections.chain.ChainView;
import vn.ledger.projections.dashboard.DashboardProjection;
import vn.ledger.projections.dashboard.DashboardQueries;
import vn.ledger.projections.dashboard.DashboardView;
import vn.ledger.projections.fixture.EventFeed;
import vn.ledger.projections.fixture.Ledger;
import vn.ledger.projections.fixture.SeedCascade;
import vn.ledger.projections.replay.EventReplayer;
import vn.ledger.projections.store.InMemoryReadStore;
import vn.ledger.projections.store.ReadStore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ledger.projections.fixture.Ledger.d;
import static vn.ledger.projections.fixture.SeedCascade.A;
import static vn.ledger.projections.fixture.SeedCascade.B;
import static vn.ledger.projections.fixture.SeedCascade.C;

@DisplayName("As of a past instant")
class AsOfViewsTest {

    /** 3/5/2026, 10:00 in Hà Nội: II.1 (due end of April) is overdue, not yet completed. */
    private static final Instant MAY_3 = Instant.parse("2026-05-03T03:00:00Z");
    /** 6/5/2026: II.1 was completed on 5/5, late. */
    private static final Instant MAY_6 = Instant.parse("2026-05-06T03:00:00Z");

    private final InMemoryReadStore live = new InMemoryReadStore();
    private final EventFeed feed = new EventFeed(new BodiesProjection(live), new DashboardProjection(live),
            new ChainProjection(live));
    private final Ledger ledger = new Ledger(feed);
    private AsOfViews asOf;

    @BeforeEach
    void seed() {
        SeedCascade.load(ledger);
        SeedCascade.later(ledger);
        ledger.at("2026-05-06T01:00:00Z").rename("BKHCN", "Bộ Khoa học và Công nghệ", "Bộ KH&CN", d("2026-05-06"));
        asOf = new AsOfViews(live, feed.histories(), new EventReplayer(EventFeed.serializer()));
    }

    private static String statusOf(ChainView.ChainNode n, String id) {
        return n.children().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().status();
    }

    @Test
    void beforeTheCompletionTheTaskIsOverdueAfterItDoneLate() {
        AsOfViews.AsOf<Optional<ChainView>> before = asOf.chain(A, 1, MAY_3);
        AsOfViews.AsOf<Optional<ChainView>> after = asOf.chain(A, 1, MAY_6);

        assertThat(statusOf(before.value().orElseThrow().root(), A + "/II.1")).isEqualTo("OVERDUE_NOT_DONE");
        assertThat(statusOf(after.value().orElseThrow().root(), A + "/II.1")).isEqualTo("DONE_LATE");
        assertThat(before.value().orElseThrow().root().rollup().overdue()).isEqualTo(2);
        assertThat(after.value().orElseThrow().root().rollup().overdue()).isEqualTo(1);
        // today's model asked about 3/5 is not the past: it already knows the completion of 5/5
        ChainView.ChainNode liveAtMay3 = new ChainQueries(live).chain(A, 1, MAY_3).orElseThrow().root();
        assertThat(statusOf(liveAtMay3, A + "/II.1")).isEqualTo("DONE_LATE");
    }

    @Test
    void theCostIsOneHistoryPerAggregateOfTheChain() {
        AsOfViews.AsOf<Optional<ChainView>> view = asOf.chain(A, 3, MAY_3);

        // 22-TB and its 7 tasks, 569 and its 3, 506 and its 3
        assertThat(view.aggregatesLoaded()).isEqualTo(16);
        assertThat(view.eventsApplied()).isLessThan(view.eventsRead());
        assertThat(asOf.chainAggregates(C)).as("506's chain also needs 22-TB and 569: it forwards them")
                .contains(C, C + "/1");
    }

    @Test
    void beforeTheCommuneForwardedTheChainStopsAtTheProvince() {
        Instant march24 = Instant.parse("2026-03-24T12:00:00Z");

        ChainView.ChainNode then = asOf.chain(A, 3, march24).value().orElseThrow().root();
        ChainView.ChainNode province = then.children().stream().filter(c -> c.id().equals(B)).findFirst().orElseThrow();
        assertThat(province.children()).extracting(ChainView.ChainNode::label).containsExactly("1", "2", "3");
        assertThat(then.rollup().directives()).isEqualTo(2);
        assertThat(then.rollup().depthBelow()).isEqualTo(2);
        assertThat(new ChainQueries(live).chain(A, 0, march24).orElseThrow().root().rollup().directives())
                .isEqualTo(3);
    }

    @Test
    void afterTheLastEventTheAsOfViewIsTheLiveOne() {
        Instant end = Instant.parse("2026-06-01T00:00:00Z");

        assertThat(asOf.chain(A, 3, end).value().orElseThrow().root())
                .isEqualTo(new ChainQueries(live).chain(A, 3, end).orElseThrow().root());
        assertThat(asOf.dashboard("TU-DIENBIEN", true, 7, end).value())
                .isEqualTo(new DashboardQueries(live).dashboard("TU-DIENBIEN", true, 7, end));
        assertThat(asOf.stalls(A, 7, 100, end).value().orElseThrow().items())
                .isEqualTo(new ChainQueries(live).stalls(A, 7, 100, end).orElseThrow().items());
        assertThat(asOf.coverage(A, 100, end).value())
                .isEqualTo(new ChainQueries(live).coverage(A, 100, end));
    }

    @Test
    void theDashboardAsOfAnInstant() {
        AsOfViews.AsOf<Optional<DashboardView>> april1 = asOf.dashboard("BKHCN", false, 7, Instant.parse("2026-04-01T03:00:00Z"));
        AsOfViews.AsOf<Optional<DashboardView>> may3 = asOf.dashboard("BKHCN", false, 7, MAY_3);
        AsOfViews.AsOf<Optional<DashboardView>> may6 = asOf.dashboard("BKHCN", false, 7, MAY_6);

        assertThat(april1.value().orElseThrow().dueSoon()).as("App.1, due 4/4, not yet done").isEqualTo(1);
        assertThat(april1.value().orElseThrow().doneOnTime()).isZero();
        assertThat(may3.value().orElseThrow().overdue()).isEqualTo(2);
        assertThat(may3.value().orElseThrow().onTimeRate()).isEqualTo(1.0);
        assertThat(may6.value().orElseThrow().overdue()).isEqualTo(1);
        assertThat(may6.value().orElseThrow().doneLate()).isEqualTo(1);
        assertThat(may6.value().orElseThrow().onTimeRate()).isEqualTo(0.5);
        // the body, its 6 tasks, their directive
        assertThat(may3.aggregatesLoaded()).isEqualTo(8);
        assertThat(asOf.dashboardAggregates("TU-DIENBIEN", true)).contains("DU-SINHBINH", "TTDVTH-SINHBINH",
                B + "/1", C + "/2", B, C);
    }

    @Test
    void anyProjectionCanBeAskedAsOfAnInstant() {
        Function<ReadStore, Object> bodies = BodiesProjection::new;

        AsOfViews.AsOf<Optional<BodyView>> before = asOf.view(MAY_3, List.of("BKHCN"), List.of(bodies),
                store -> new BodyQueries(store).body("BKHCN"));

        assertThat(before.value().orElseThrow().name()).isEqualTo("Bộ Khoa học và Công nghệ");
        assertThat(new BodyQueries(live).body("BKHCN").orElseThrow().name()).isEqualTo("Bộ KH&CN");
        assertThat(before.aggregatesLoaded()).isEqualTo(1);
    }

    @Test
    void aTargetNamesTheAggregatesToLoad() {
        assertThat(asOf.aggregatesOf(C)).as("506, its tasks, and the two documents it cites")
                .containsExactlyInAnyOrder(C, C + "/1", C + "/2", C + "/3", B, A);
        assertThat(asOf.aggregatesOf("DU-SINHBINH")).contains("DU-SINHBINH", "BXDD-SINHBINH", B + "/1", C + "/1", C, B);
        assertThat(asOf.aggregatesOf("unknown")).containsExactly("unknown");

        AsOfViews.AsOf<Optional<ChainView>> view = asOf.view(MAY_3, A + "/II.1", List.of(ChainProjection::new),
                store -> new ChainQueries(store).chain(A + "/II.1", 0, MAY_3));
        assertThat(view.value().orElseThrow().root().status()).isEqualTo("OVERDUE_NOT_DONE");
    }
}

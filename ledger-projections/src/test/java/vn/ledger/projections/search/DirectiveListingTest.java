package vn.ledger.projections.search;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.core.directive.DirectiveKind;
import vn.ledger.core.directive.DirectiveRecalled;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.projections.fixture.EventFeed;
import vn.ledger.projections.fixture.Seed;
import vn.ledger.projections.store.InMemoryReadStore;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ledger.projections.fixture.Seed.A;
import static vn.ledger.projections.fixture.Seed.B;
import static vn.ledger.projections.fixture.Seed.C;

@DisplayName("Listing directives: filters combined, paged, by issue date")
class DirectiveListingTest {

    private static final DirectiveListing.Filter ANY = new DirectiveListing.Filter(null, null, null, null, null);

    private final InMemoryReadStore store = new InMemoryReadStore();
    private final EventFeed feed = new EventFeed(new SearchProjection(store)).ticking();
    private final DirectiveListing listing = new DirectiveListing(store);

    private void seed() {
        feed.send(Seed.bodies().toArray());
        // delivered newest first: the listing's order is the issue date's, not the log's
        feed.send(Seed.issuedC(), Seed.issuedB(), Seed.issuedA());
    }

    private List<String> ids(DirectiveListing.Page page) {
        return page.items().stream().map(DirectiveListing.Item::directiveId).toList();
    }

    @Test
    void givenTheCascade_whenListedWithoutFilter_thenNewestFirstOrOldestFirstOnRequest() {
        seed();
        assertThat(ids(listing.list(ANY, null, 0, 10, true))).containsExactly(C, B, A);
        assertThat(ids(listing.list(ANY, null, 0, 10, false))).containsExactly(A, B, C);
        assertThat(listing.list(ANY, null, 0, 10, true).items().get(0).issuerName()).isEqualTo("Đảng ủy xã Sính Bình");
    }

    @Test
    void givenTheCascade_whenFiltered_thenEveryFilterMustHold() {
        seed();
        assertThat(ids(listing.list(new DirectiveListing.Filter(Seed.TU, null, null, null, null), null, 0, 10, true)))
                .containsExactly(B);
        assertThat(ids(listing.list(new DirectiveListing.Filter(null, null, DirectiveKind.CONG_VAN, 2026, null), null,
                0, 10, true))).containsExactly(C, B);
        assertThat(ids(listing.list(new DirectiveListing.Filter(null, null, null, 2025, null), null, 0, 10, true)))
                .isEmpty();
        assertThat(ids(listing.list(new DirectiveListing.Filter(null, null, null, null, "sinh binh"), null, 0, 10,
                true))).containsExactly(C);
        assertThat(ids(listing.list(ANY, Set.of(A, C)::contains, 0, 10, true))).containsExactly(C, A);
    }

    @Test
    void givenARecalledLetter_whenListedByStatus_thenItIsApart() {
        seed();
        feed.send(new DirectiveRecalled(C, "Nhầm", LocalDate.of(2026, 3, 26), Seed.HANG_XUAN_THANG));
        assertThat(ids(listing.list(new DirectiveListing.Filter(null, DirectiveStatus.RECALLED, null, null, null), null,
                0, 10, true))).containsExactly(C);
        assertThat(ids(listing.list(new DirectiveListing.Filter(null, DirectiveStatus.ACTIVE, null, null, null), null,
                0, 10, true))).containsExactly(B, A);
    }

    @Test
    void givenThreeDirectives_whenPagedByTwo_thenTheSecondPageHoldsTheRestAndTotalCountsAll() {
        seed();
        DirectiveListing.Page first = listing.list(ANY, null, 0, 2, true);
        DirectiveListing.Page second = listing.list(ANY, null, 1, 2, true);
        assertThat(ids(first)).containsExactly(C, B);
        assertThat(ids(second)).containsExactly(A);
        assertThat(first.total()).isEqualTo(3);
        assertThat(ids(listing.list(ANY, null, 5, 2, true))).isEmpty();
    }

    @Test
    void givenSymbolsLookedUp_whenSomeAreNotIndexedYet_thenTheyAreLeftOut() {
        seed();
        assertThat(listing.items(List.of(B, "dir-not-yet", A)).stream().map(DirectiveListing.Item::symbol))
                .containsExactly("569-CV/TU", "22-TB/CQTTBCĐ");
    }
}

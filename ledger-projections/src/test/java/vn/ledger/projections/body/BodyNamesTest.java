package vn.ledger.projections.body;

import org.junit.jupiter.api.Test;
import vn.ledger.core.body.BodyLevel;
import vn.ledger.core.body.BodyRegistered;
import vn.ledger.core.body.BodyRenamed;
import vn.ledger.projections.fixture.EventFeed;
import vn.ledger.projections.fixture.Seed;
import vn.ledger.projections.store.InMemoryReadStore;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A body's name on a day, from the bodies model, by the effective dates of its registration and renames. */
class BodyNamesTest {

    private final InMemoryReadStore store = new InMemoryReadStore();
    private final EventFeed feed = new EventFeed(new BodiesProjection(store));
    private final BodyNames names = new BodyNames(store);

    @Test
    void givenARenamedBody_whenNamedOnADay_thenTheNameInForceThatDayIsGiven() {
        feed.send(new BodyRegistered("SO-KHCN", "Sở Khoa học và Công nghệ", null, BodyLevel.PROVINCE,
                LocalDate.of(2020, 1, 1), Seed.PHAM_GIA_TUC));
        feed.send(new BodyRenamed("SO-KHCN", "Sở Khoa học và Công nghệ", "Sở Khoa học, Công nghệ và Chuyển đổi số", LocalDate.of(2025, 7, 1),
                Seed.PHAM_GIA_TUC));

        assertThat(names.on(List.of("SO-KHCN"), LocalDate.of(2025, 6, 30)))
                .containsEntry("SO-KHCN", "Sở Khoa học và Công nghệ");
        assertThat(names.on(List.of("SO-KHCN"), LocalDate.of(2025, 7, 1)))
                .containsEntry("SO-KHCN", "Sở Khoa học, Công nghệ và Chuyển đổi số");
        assertThat(names.on(List.of("SO-KHCN", "NO-SUCH"), null)).as("current; an unknown code has none")
                .containsOnlyKeys("SO-KHCN").containsEntry("SO-KHCN", "Sở Khoa học, Công nghệ và Chuyển đổi số");
        assertThat(names.on(List.of("SO-KHCN"), LocalDate.of(2019, 1, 1))).as("before registration: its first")
                .containsEntry("SO-KHCN", "Sở Khoa học và Công nghệ");
    }
}

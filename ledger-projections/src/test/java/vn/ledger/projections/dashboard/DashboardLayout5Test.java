package vn.ledger.projections.dashboard;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.core.body.BodyLevel;
import vn.ledger.projections.fixture.EventFeed;
import vn.ledger.projections.fixture.Ledger;
import vn.ledger.projections.store.InMemoryReadStore;
import vn.ledger.projections.store.StoredForms;
import vn.ledger.projections.task.TimelinessRule;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ledger.projections.dashboard.DashboardProjection.BODY_TASKS;
import static vn.ledger.projections.dashboard.DashboardProjection.DASHBOARD;
import static vn.ledger.projections.dashboard.DashboardProjection.DIRECTIVES;
import static vn.ledger.projections.dashboard.DashboardProjection.TASKS;
import static vn.ledger.projections.fixture.Ledger.d;
import static vn.ledger.projections.fixture.Ledger.spec;

/**
 * A generation built by dashboard layout 5 keeps answering until its rebuild replaces it: its documents read, and
 * the projection goes on counting on them. The layout-5 documents are written here as that layout's projection
 * wrote them: names in the order its events came, absent values as null, an {@code assigned} flag, a task's
 * extensions packed.
 */
@DisplayName("Dashboard layout 5 documents")
class DashboardLayout5Test {

    private static final Instant APRIL_25 = Instant.parse("2026-04-25T03:00:00Z");
    /** t4, due 12/4, extended to 25/4 by a decision dated 21/4, open. */
    private static final Tally T4_OPEN = new Tally().count("assigned", 1).bucket("assignedByMonth", "2026-03", 1)
            .count("open", 1).bucket("openByDue", "2026-04-25", 1);

    private final InMemoryReadStore current = new InMemoryReadStore();
    private final Ledger ledger = new Ledger(new EventFeed(new DashboardProjection(current)));
    private final InMemoryReadStore previous = new InMemoryReadStore();
    private final DashboardProjection onPrevious = new DashboardProjection(previous);

    /** The province and its commune, registered on both stores; t4 of D assigned and extended on the current one. */
    private void givenT4AssignedAndExtended() {
        ledger.at("2026-03-01T01:00:00Z").body("PROV", "Tỉnh ủy", null, BodyLevel.PROVINCE)
                .body("COMM1", "Đảng ủy xã 1", "PROV", BodyLevel.COMMUNE);
        new Ledger(new EventFeed(onPrevious)).at("2026-03-01T01:00:00Z").body("PROV", "Tỉnh ủy", null, BodyLevel.PROVINCE)
                .body("COMM1", "Đảng ủy xã 1", "PROV", BodyLevel.COMMUNE);
        ledger.at("2026-03-02T02:00:00Z").issue("D", "10-CV/TU", "PROV", d("2026-03-02"), List.of("COMM1"), List.of(),
                List.of(), List.of(), spec("t4", "việc 4", List.of("COMM1"), "ngày 12/4/2026", "sp"));
        ledger.at("2026-04-10T02:00:00Z").extend("D/t4", "ngày 25/4/2026", d("2026-04-21"));
        String key = current.find(DIRECTIVES, "D").orElseThrow().getList("tasksAt", String.class).get(0);
        previous.put(DASHBOARD, new Document("_id", "PROV").append("name", "Tỉnh ủy").append("level", "PROVINCE")
                .append("parent", null).append("tree", T4_OPEN.stored()));
        previous.put(DASHBOARD, new Document("_id", "COMM1").append("name", "Đảng ủy xã 1").append("level", "COMMUNE")
                .append("parent", "PROV").append("self", T4_OPEN.stored()).append("tree", T4_OPEN.stored()));
        previous.put(TASKS, layout5Task());
        previous.put(DIRECTIVES, new Document("_id", "D").append("tasks", List.of("D/t4")).append("tasksAt", List.of(key)));
        previous.put(BODY_TASKS, new Document("_id", "COMM1").append("tasks", List.of("D/t4"))
                .append("tasksAt", List.of(key)));
    }

    /** As layout 5 left t4 after its assignment (seq 0) and extension (seq 1). */
    private static Document layout5Task() {
        return new Document("_id", "D/t4").append("seq", 1L).append("assigned", true).append("directiveId", "D")
                .append("parentTask", null).append("leads", List.of("COMM1")).append("assignedOn", "2026-03-02")
                .append("due", "2026-04-25").append("stopped", false)
                .append("contrib", new Document("leads", List.of("COMM1")).append("tally", T4_OPEN.stored()))
                .append("dueWritten", "2026-04-12").append("extensions", DashboardLayout5.packed(
                        List.of(new TimelinessRule.Grant(d("2026-04-21"), d("2026-04-25")))));
    }

    @Test
    void givenALayout5Task_whenRead_thenItIsTheRecordTheCurrentLayoutStores() {
        givenT4AssignedAndExtended();

        StoredDashboardTask read = StoredDashboardTask.FORM.read(layout5Task());

        assertThat(read).isEqualTo(StoredDashboardTask.FORM.read(current.find(TASKS, "D/t4").orElseThrow()));
        assertThat(read.extensions()).containsExactly(new TimelinessRule.Grant(d("2026-04-21"), d("2026-04-25")));
        assertThat(StoredDashboard.FORM.read(previous.find(DASHBOARD, "COMM1").orElseThrow()).self())
                .isEqualTo(T4_OPEN);
    }

    @Test
    void givenALayout5Generation_whenAsked_thenItAnswersAsTheCurrentOne() {
        givenT4AssignedAndExtended();

        for (String body : List.of("PROV", "COMM1")) {
            for (boolean subtree : List.of(false, true)) {
                assertThat(new DashboardQueries(previous).dashboard(body, subtree, 7, APRIL_25)).as(body)
                        .isEqualTo(new DashboardQueries(current).dashboard(body, subtree, 7, APRIL_25));
            }
        }
    }

    @Test
    void givenALayout5Generation_whenTheTaskIsCompleted_thenItCountsOnAndTheTaskIsStoredInTheCurrentLayout() {
        givenT4AssignedAndExtended();
        ledger.at("2026-04-21T02:00:00Z").complete("D/t4", "COMM1", d("2026-04-20"));

        onPrevious.on(StoredDashboardTest.completed("D/t4", "2026-04-20"), 2L);

        assertThat(previous.find(TASKS, "D/t4").orElseThrow().toJson())
                .isEqualTo(current.find(TASKS, "D/t4").orElseThrow().toJson());
        DashboardView province = new DashboardQueries(previous).dashboard("PROV", true, 7, APRIL_25).orElseThrow();
        assertThat(province.doneLate()).as("done on 20/4: judged by the due day in force then, 12/4, which only the "
                + "extensions read from layout 5 tell").isEqualTo(1);
        assertThat(province.open()).isZero();
        assertThat(province).isEqualTo(new DashboardQueries(current).dashboard("PROV", true, 7, APRIL_25).orElseThrow());
    }

    @Test
    void givenALayout5Task_whenAnAdministratorReadsIt_thenItIsShownDecoded() {
        StoredForms.Decoded decoded = DashboardProjection.FORMS.decode(TASKS, layout5Task());

        assertThat(decoded.decodedPaths()).containsExactly("$");
        Document shown = (Document) decoded.document();
        assertThat(shown.get("extensions"))
                .isEqualTo(List.of(new Document("grantedOn", "2026-04-21").append("due", "2026-04-25")));
        assertThat(((Document) shown.get("contrib")).get("tally")).isEqualTo(T4_OPEN.toDocument());
        assertThat(shown).doesNotContainKey("assigned");
        Document dashboard = (Document) DashboardProjection.FORMS.decode(DASHBOARD, new Document("_id", "COMM1")
                .append("name", "Xã 1").append("parent", null).append("self", T4_OPEN.stored())).document();
        assertThat(dashboard).isEqualTo(new Document("_id", "COMM1").append("name", "Xã 1")
                .append("self", T4_OPEN.toDocument()));
        assertThat(DashboardProjection.FORMS.decode(DIRECTIVES, new Document("_id", "D").append("seq", 2L)
                .append("stopped", true)).document()).isEqualTo(new StoredDashboardDirective("D", 2, true, List.of(),
                List.of()));
    }
}

package vn.ledger.projections.dashboard;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.core.body.BodyLevel;
import vn.ledger.core.body.BodyMerged;
import vn.ledger.core.body.BodyRegistered;
import vn.ledger.core.body.BodyRenamed;
import vn.ledger.core.shared.DeadlineParser;
import vn.ledger.core.task.CompletionRejected;
import vn.ledger.core.task.ExtensionGranted;
import vn.ledger.core.task.TaskAssigned;
import vn.ledger.core.task.TaskCompleted;
import vn.ledger.projections.fixture.EventFeed;
import vn.ledger.projections.fixture.Ledger;
import vn.ledger.projections.store.InMemoryReadStore;
import vn.ledger.projections.task.TimelinessRule;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ledger.projections.fixture.Ledger.actor;
import static vn.ledger.projections.fixture.Ledger.d;

@DisplayName("The dashboard's documents are records their own events change, without a store")
class StoredDashboardTest {

    private static final String KEY = "0000000000000000042.000000000";
    private static final String LATER = "0000000000000000050.000000000";

    static TaskAssigned assigned(String taskId, String lead, String deadline) {
        return new TaskAssigned(taskId, "D", null, "t", "việc", null, List.of(lead), List.of(),
                DeadlineParser.parse(deadline), "sp", "PROV", List.of(), d("2026-03-02"), actor("PROV"));
    }

    static ExtensionGranted extended(String taskId, String deadline, String on) {
        return new ExtensionGranted(taskId, "D", taskId + "#ext1", null, DeadlineParser.parse(deadline), d(on),
                actor("PROV"));
    }

    static TaskCompleted completed(String taskId, String on) {
        return new TaskCompleted(taskId, "D", "sản phẩm", List.of(), d(on), actor("COMM1"));
    }

    @Test
    void givenATaskExtendedBeforeItsDueDay_whenCompletedAfterIt_thenItCountsOnTimeByTheExtension() {
        StoredDashboardTask t = StoredDashboardTask.none("D/t4")
                .apply(assigned("D/t4", "COMM1", "ngày 12/4/2026"), 0, false)
                .apply(extended("D/t4", "ngày 25/4/2026", "2026-04-10"), 1);

        StoredDashboardTask done = t.apply(completed("D/t4", "2026-04-20"), 2);

        assertThat(t.due()).isEqualTo(d("2026-04-25"));
        assertThat(t.dueWritten()).isEqualTo(d("2026-04-12"));
        assertThat(t.extensions()).containsExactly(new TimelinessRule.Grant(d("2026-04-10"), d("2026-04-25")));
        assertThat(t.contribution()).isEqualTo(new Tally().count("assigned", 1).bucket("assignedByMonth", "2026-03", 1)
                .count("open", 1).bucket("openByDue", "2026-04-25", 1));
        assertThat(done.contribution().get("doneOnTime")).isEqualTo(1);
        assertThat(done.contribution().histogram("doneOnTimeByMonth")).containsEntry("2026-04", 1L);
        assertThat(done.apply(new CompletionRejected("D/t4", "D", "chưa đạt", d("2026-04-21"), actor("PROV")), 3)
                .contribution().get("open")).as("rejected: open again").isEqualTo(1);
        assertThat(done.hasSeen(2)).isTrue();
        assertThat(t.completedOn()).as("the record it came from is unchanged").isNull();
    }

    @Test
    void givenATaskKnownOnlyAsAParent_thenItCountsNothingAndListsItsChildrenInLogOrder() {
        StoredDashboardTask parent = StoredDashboardTask.none("D/t3").withChild("D/t3.2", LATER);

        StoredDashboardTask both = parent.withChild("D/t3.1", KEY);

        assertThat(parent.assigned()).isFalse();
        assertThat(parent.contribution().isZero()).isTrue();
        assertThat(both.children()).containsExactly("D/t3.1", "D/t3.2");
        assertThat(both.withChild("D/t3.2", LATER)).as("listed already").isNull();
    }

    @Test
    void givenAnOpenTask_whenItsDirectiveStops_thenItCountsAsStoppedOnce() {
        StoredDashboardTask t = StoredDashboardTask.none("D/t1").apply(assigned("D/t1", "COMM1", "ngày 10/4/2026"), 0,
                false);

        StoredDashboardTask stopped = t.stoppedBy("D");

        assertThat(stopped.contribution().get("stopped")).isEqualTo(1);
        assertThat(stopped.contribution().get("cancelled")).isEqualTo(1);
        assertThat(stopped.stoppedBy("D")).as("stopped already").isNull();
        assertThat(t.stoppedBy("OTHER")).as("another directive's stop").isNull();
    }

    @Test
    void givenADirective_whenStoppedTwiceByTheSameEvent_thenTheSecondChangesNothing() {
        StoredDashboardDirective d = StoredDashboardDirective.none("D").withTask("D/t2", LATER).withTask("D/t1", KEY);

        StoredDashboardDirective stopped = d.stopped(4);

        assertThat(stopped.stopped()).isTrue();
        assertThat(stopped.tasks()).containsExactly("D/t1", "D/t2");
        assertThat(stopped.stopped(4)).isNull();
        assertThat(d.withTask("D/t1", LATER)).as("listed already, earlier").isNull();
    }

    @Test
    void givenABodysDashboard_whenRegisteredRenamedAndMerged_thenEachEventOnceAndTalliesKept() {
        StoredDashboard none = StoredDashboard.none("COMM1");
        none.count(new Tally().count("assigned", 2), new Tally().count("assigned", 3));

        StoredDashboard d = none.apply(new BodyRegistered("COMM1", "Xã 1", "PROV", BodyLevel.COMMUNE, d("2025-07-01"),
                        actor("PROV")), 0)
                .apply(new BodyRenamed("COMM1", "Xã 1", "Xã Một", d("2026-01-01"), actor("PROV")), 1)
                .apply(new BodyMerged("COMM1", "COMM2", d("2026-02-01"), actor("PROV")), 2);

        assertThat(d.name()).isEqualTo("Xã Một");
        assertThat(d.level()).isEqualTo("COMMUNE");
        assertThat(d.parent()).isEqualTo("PROV");
        assertThat(d.closed()).isTrue();
        assertThat(d.successor()).isEqualTo("COMM2");
        assertThat(d.self().get("assigned")).isEqualTo(2);
        assertThat(d.tree().get("assigned")).isEqualTo(3);
        assertThat(d.hasSeen(2)).isTrue();
        assertThat(none.name()).isNull();
    }

    @Test
    void givenARenamedBody_whenItsEventsAreDeliveredAgain_thenItsDashboardKeepsTheNewName() {
        InMemoryReadStore store = new InMemoryReadStore();
        EventFeed feed = new EventFeed(new DashboardProjection(store));
        new Ledger(feed).body("PROV", "Tỉnh ủy", null, BodyLevel.PROVINCE).rename("PROV", "Tỉnh ủy", "Tỉnh ủy mới",
                d("2026-01-01"));

        feed.deliverAll(feed.emitted());

        DashboardView v = new DashboardQueries(store).dashboard("PROV", true, 7, feed.now()).orElseThrow();
        assertThat(v.name()).isEqualTo("Tỉnh ủy mới");
    }

    @Test
    void eachDocumentHasNamedFieldsInOneOrderAndReadsBack() {
        StoredDashboardTask task = StoredDashboardTask.none("D/t4")
                .apply(assigned("D/t4", "COMM1", "ngày 12/4/2026"), 0, false)
                .apply(extended("D/t4", "ngày 25/4/2026", "2026-04-10"), 1).withChild("D/t4.1", KEY).stoppedBy("D");
        task = task.counted(new StoredDashboardTask.Counted(task.leads(), task.contribution()));
        StoredDashboard dashboard = StoredDashboard.none("COMM1").apply(new BodyRegistered("COMM1", "Xã 1", "PROV",
                BodyLevel.COMMUNE, d("2025-07-01"), actor("PROV")), 0);
        dashboard.count(task.contribution(), task.contribution());

        Document storedTask = StoredDashboardTask.FORM.document(task);
        Document storedDashboard = StoredDashboard.FORM.document(dashboard);

        assertThat(storedTask.keySet()).containsExactly("_id", "seq", "directiveId", "leads", "assignedOn", "due",
                "dueWritten", "extensions", "stopped", "children", "childrenAt", "contrib");
        assertThat(storedTask.get("extensions")).as("readable in a MongoDB shell")
                .isEqualTo(List.of(new Document("grantedOn", "2026-04-10").append("due", "2026-04-25")));
        assertThat(StoredDashboardTask.FORM.read(storedTask)).isEqualTo(task);
        assertThat(storedDashboard.keySet()).containsExactly("_id", "seq", "name", "level", "parent", "self", "tree");
        assertThat(StoredDashboard.FORM.read(storedDashboard)).isEqualTo(dashboard);
        assertThat(StoredDashboard.FORM.document(StoredDashboard.none("X")).keySet()).containsExactly("_id");
        StoredDashboardDirective directive = StoredDashboardDirective.none("D").withTask("D/t4", KEY).stopped(3);
        assertThat(StoredDashboardDirective.FORM.document(directive).keySet())
                .containsExactly("_id", "seq", "stopped", "tasks", "tasksAt");
        assertThat(StoredDashboardDirective.FORM.read(StoredDashboardDirective.FORM.document(directive)))
                .isEqualTo(directive);
        StoredBodyTasks bodyTasks = StoredBodyTasks.none("COMM1").withTask("D/t4", KEY);
        assertThat(StoredBodyTasks.FORM.read(StoredBodyTasks.FORM.document(bodyTasks))).isEqualTo(bodyTasks);
    }
}

package vn.ledger.projections.asof;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.core.body.BodyLevel;
import vn.ledger.projections.body.BodiesProjection;
import vn.ledger.projections.chain.ChainProjection;
import vn.ledger.projections.chain.ChainQueries;
import vn.ledger.projections.chain.ChainView;
import vn.ledger.projections.dashboard.DashboardProjection;
import vn.ledger.projections.dashboard.DashboardQueries;
import vn.ledger.projections.dashboard.DashboardView;
import vn.ledger.projections.fixture.EventFeed;
import vn.ledger.projections.fixture.Ledger;
import vn.ledger.projections.replay.EventReplayer;
import vn.ledger.projections.store.InMemoryReadStore;
import vn.ledger.projections.task.TaskProjection;
import vn.ledger.projections.task.TaskQueries;
import vn.ledger.projections.task.TaskView;
import vn.ledger.projections.task.Timeliness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ledger.projections.fixture.Ledger.d;
import static vn.ledger.projections.fixture.Ledger.spec;

/**
 * The state of affairs on a business day, as known now: the events dated on or before the day, whenever they were
 * recorded, replayed in log order. The Government Office's notice of 30/9/2025 gives the Ministry of Science a task
 * due before 30/11/2025; the ministry's October and November work (acknowledgement, a delegation to its IT
 * department, two reports, the completion) is entered in December 2026, in another order than it happened.
 */
@DisplayName("On a business day, as known now")
class BusinessDayViewsTest {

    private static final String N = "TB-VPCP-2025";
    private static final String TASK = N + "/1";
    private static final LocalDate OCT_31 = d("2025-10-31");
    private static final LocalDate NOV_30 = d("2025-11-30");

    private final InMemoryReadStore live = new InMemoryReadStore();
    private final EventFeed feed = new EventFeed(new BodiesProjection(live), new DashboardProjection(live),
            new ChainProjection(live), new TaskProjection(live));
    private final Ledger ledger = new Ledger(feed);
    private AsOfViews views;

    @BeforeEach
    void givenOctoberWorkEnteredInDecember() {
        ledger.at("2025-09-01T01:00:00Z")
                .body("CP", "Chính phủ", null, BodyLevel.CENTRAL)
                .body("VPCP", "Văn phòng Chính phủ", "CP", BodyLevel.CENTRAL)
                .body("BKHCN", "Bộ Khoa học và Công nghệ", "CP", BodyLevel.MINISTRY)
                .body("CUC-CNTT", "Cục Công nghệ thông tin", "BKHCN", BodyLevel.UNIT);
        ledger.at("2025-09-30T09:00:00Z").issue(N, "TB-VPCP/30-9-2025", "VPCP", d("2025-09-30"),
                List.of("BKHCN"), List.of(), List.of(), List.of(),
                spec("1", "Xây dựng Đề án UAV", List.of("BKHCN"), "trước ngày 30/11/2025", "Đề án"));
        ledger.at("2025-10-01T03:00:00Z").receive(N, "BKHCN", d("2025-10-01"));
        // December 2026: the ministry's clerk enters the papers as they come out of the file, out of order
        ledger.at("2026-12-01T02:00:00Z").reportPercent(TASK, "BKHCN", d("2025-11-20"), 80);
        ledger.at("2026-12-02T02:00:00Z").complete(TASK, "BKHCN", d("2025-11-25"));
        ledger.at("2026-12-03T02:00:00Z").delegate(TASK, 1, "BKHCN",
                spec("1", "Khảo sát hiện trạng UAV", List.of("CUC-CNTT"), "trước ngày 15/11/2025", "Báo cáo"),
                d("2025-10-05"));
        ledger.at("2026-12-04T02:00:00Z").ack(TASK, "BKHCN", d("2025-10-02"))
                .reportPercent(TASK, "BKHCN", d("2025-10-20"), 40);
        views = new AsOfViews(live, feed.histories(), new EventReplayer(EventFeed.serializer()));
    }

    private Optional<TaskView> task(Axes axes) {
        return views.view(axes, List.of(TASK), List.of(TaskProjection::new),
                store -> new TaskQueries(store).state(TASK, axes.clock())).value();
    }

    private ChainView.ChainNode chain(Axes axes) {
        return views.chain(N, 2, axes).value().orElseThrow().root();
    }

    private static ChainView.ChainNode child(ChainView.ChainNode node, String id) {
        return node.children().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void on31OctoberTheTaskIsInProgressWithTheOctoberReportAndItsDelegation() {
        // when the task is read on 31/10/2025, as known now
        TaskView task = task(Axes.onDay(OCT_31)).orElseThrow();

        // then the acknowledgement of 2/10, the delegation of 5/10 and the report of 20/10 are there, entered last
        assertThat(task.timeliness()).isEqualTo(Timeliness.IN_PROGRESS_ON_TIME);
        assertThat(task.lastPercent()).isEqualTo(40);
        assertThat(task.childTaskIds()).containsExactly(TASK + ".1");
        assertThat(task.completion()).isNull();
    }

    @Test
    void on30NovemberTheTaskIsDoneOnTime() {
        // when the task is read on 30/11/2025: the report of 20/11 and the completion of 25/11 count
        TaskView task = task(Axes.onDay(NOV_30)).orElseThrow();

        // then it is done, before its deadline, and the latest report by business date gave 80%
        assertThat(task.timeliness()).isEqualTo(Timeliness.DONE_ON_TIME);
        assertThat(task.lastPercent()).isEqualTo(80);
        assertThat(task.completion().completedOn()).isEqualTo(d("2025-11-25"));
    }

    @Test
    void theChainOnABusinessDayMeasuresTheHopInBusinessDays() {
        // when the chain is read on 31/10/2025
        ChainView.ChainNode root = chain(Axes.onDay(OCT_31));

        // then the ministry received the notice 1 day after its issue and acted (acknowledged its task) 1 day after
        // receiving, not 430 days: the acts entered in December 2026 count by their business dates
        ChainView.Recipient most = root.recipients().stream().filter(r -> r.body().equals("BKHCN")).findFirst()
                .orElseThrow();
        assertThat(most.daysToReceive()).isEqualTo(1);
        assertThat(most.actedOn()).isEqualTo(d("2025-10-02"));
        assertThat(most.daysToAct()).isEqualTo(1);
        ChainView.ChainNode task = child(root, TASK);
        assertThat(task.status()).isEqualTo("IN_PROGRESS_ON_TIME");
        assertThat(task.lastReportedPercent()).isEqualTo(40);
        assertThat(task.childCount()).isEqualTo(1);
        assertThat(root.rollup().levels().get(1).avgDaysToDelegate()).as("assigned 30/9, delegated 5/10")
                .isEqualTo(5.0);
        // and on 30/11 the same task is done, its child still open and due before 15/11: overdue
        ChainView.ChainNode november = chain(Axes.onDay(NOV_30));
        assertThat(child(november, TASK).status()).isEqualTo("DONE_ON_TIME");
        assertThat(child(child(november, TASK), TASK + ".1").status()).isEqualTo("OVERDUE_NOT_DONE");
    }

    @Test
    void beforeAnyActTheDayShowsOnlyTheNoticeAndItsReceipt() {
        // when the chain is read on 1/10/2025: issued and received, nothing done
        ChainView.ChainNode root = chain(Axes.onDay(d("2025-10-01")));

        assertThat(child(root, TASK).status()).isEqualTo("NOT_STARTED");
        assertThat(child(root, TASK).childCount()).isZero();
        assertThat(root.recipients().get(0).actedOn()).isNull();
        // and before the notice was issued it is not known at all
        assertThat(views.chain(N, 2, Axes.onDay(d("2025-09-29"))).value()).isEmpty();
    }

    @Test
    void bothAxesTogetherAreTheDayAsKnownAtTheInstant() {
        // given what had been recorded by 2/12/2026 at noon: the report of 20/11 and the completion of 25/11 only
        Instant dec2 = Instant.parse("2026-12-02T05:00:00Z");

        // when the task is read on 31/10/2025 as known then, and on 30/11/2025 as known then
        TaskView october = task(new Axes(dec2, OCT_31)).orElseThrow();
        TaskView november = task(new Axes(dec2, NOV_30)).orElseThrow();

        // then on 31/10 nothing of the ministry's was known yet; on 30/11 the completion, without the delegation
        assertThat(october.timeliness()).isEqualTo(Timeliness.NOT_STARTED);
        assertThat(october.lastPercent()).isNull();
        assertThat(october.childTaskIds()).isEmpty();
        assertThat(november.timeliness()).isEqualTo(Timeliness.DONE_ON_TIME);
        assertThat(november.childTaskIds()).isEmpty();
        // as known now, the day has its delegation
        assertThat(task(Axes.onDay(OCT_31)).orElseThrow().childTaskIds()).hasSize(1);
    }

    @Test
    void theDashboardOnADayCountsWhatWasDueThen() {
        // when the ministry's dashboard is read on 31/10 and on 30/11 (its subtree: the department's child task)
        DashboardView october = views.dashboard("BKHCN", true, 30, Axes.onDay(OCT_31)).value().orElseThrow();
        DashboardView november = views.dashboard("BKHCN", true, 30, Axes.onDay(NOV_30)).value().orElseThrow();

        // then on 31/10 both are open and due within 30 days; on 30/11 one is done on time, the child overdue
        assertThat(october.open()).isEqualTo(2);
        assertThat(october.overdue()).isZero();
        assertThat(november.doneOnTime()).isEqualTo(1);
        assertThat(november.overdue()).isEqualTo(1);
    }

    @Test
    void anAggregateThatDidNotExistOnTheDayIsNotThereWhateverTheDatesOfItsLaterEvents() {
        // given a notice stored without a business date (as before acts carried one: it reads as its recorded day,
        // 5/12/2026), whose task is then acknowledged with the date 2/10/2025
        String old = "OLD-NOTICE";
        ledger.at("2026-12-05T02:00:00Z").issue(old, "01-TB/OLD", "VPCP", null, List.of("BKHCN"), List.of(),
                List.of(), List.of(), spec("1", "Việc cũ", List.of("BKHCN"), "trong tháng 12/2026", "Báo cáo"));
        ledger.at("2026-12-05T03:00:00Z").ack(old + "/1", "BKHCN", d("2025-10-02"));
        views = new AsOfViews(live, feed.histories(), new EventReplayer(EventFeed.serializer()));

        // when its task is read on 31/10/2025
        AsOfViews.AsOf<Optional<TaskView>> view = views.view(Axes.onDay(OCT_31), List.of(old + "/1"),
                List.of(TaskProjection::new), store -> new TaskQueries(store).state(old + "/1", Axes.onDay(OCT_31)
                        .clock()));

        // then it did not exist yet: its acknowledgement is not applied to a task that was not there
        assertThat(view.value()).isEmpty();
        assertThat(view.eventsApplied()).isZero();
        assertThat(view.eventsRead()).isEqualTo(2);
        assertThat(task(Axes.onDay(d("2026-12-05")))).isPresent();
    }

    @Test
    void onALaterDayEverythingIsTheLiveView() {
        // when read on a day after every business date, as known now
        LocalDate day = d("2026-12-05");
        Instant end = Axes.onDay(day).clock();

        // then it is today's model asked at the end of that day, and every event was applied
        AsOfViews.AsOf<Optional<ChainView>> view = views.chain(N, 2, Axes.onDay(day));
        assertThat(view.value().orElseThrow().root()).isEqualTo(new ChainQueries(live).chain(N, 2, end)
                .orElseThrow().root());
        assertThat(views.dashboard("BKHCN", true, 7, Axes.onDay(day)).value())
                .isEqualTo(new DashboardQueries(live).dashboard("BKHCN", true, 7, end));
        assertThat(view.eventsApplied()).isEqualTo(view.eventsRead());
        assertThat(view.asOf()).isEqualTo(Instant.parse("2026-12-05T16:59:59.999999999Z"));
    }
}

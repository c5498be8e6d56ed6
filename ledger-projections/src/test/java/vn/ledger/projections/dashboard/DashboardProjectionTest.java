package vn.ledger.projections.dashboard;

import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.ledger.core.body.BodyLevel;
import vn.ledger.core.body.BodyRegistered;
import vn.ledger.core.directive.DirectiveRecalled;
import vn.ledger.projections.fixture.CountingReadStore;
import vn.ledger.projections.fixture.EventFeed;
import vn.ledger.projections.fixture.Ledger;
import vn.ledger.projections.fixture.SeedCascade;
import vn.ledger.projections.fixture.Snapshot;
import vn.ledger.projections.store.InMemoryReadStore;
import vn.ledger.projections.task.TimelinessRule;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ledger.projections.fixture.Ledger.d;
import static vn.ledger.projections.fixture.Ledger.spec;

@DisplayName("Body dashboard")
class DashboardProjectionTest {

    /** 15/4/2026 10:00 in Hà Nội. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-15T03:00:00Z"), ZoneOffset.UTC);
    private static final String[] COLLECTIONS = {DashboardProjection.DASHBOARD, DashboardProjection.TASKS,
            DashboardProjection.BODIES, DashboardProjection.DIRECTIVES, DashboardProjection.BODY_TASKS};

    private final InMemoryReadStore store = new InMemoryReadStore();
    private final EventFeed feed = new EventFeed(new DashboardProjection(store));
    private final Ledger ledger = new Ledger(feed);
    private final DashboardQueries queries = new DashboardQueries(store);

    /** A province, two communes, a unit; nine tasks of one provincial directive in every state. */
    static void province(Ledger l) {
        l.at("2026-03-01T01:00:00Z")
                .body("PROV", "Tỉnh ủy", null, BodyLevel.PROVINCE)
                .body("COMM1", "Đảng ủy xã 1", "PROV", BodyLevel.COMMUNE)
                .body("UNIT1", "Ban Xây dựng Đảng xã 1", "COMM1", BodyLevel.UNIT)
                .body("COMM2", "Đảng ủy xã 2", "PROV", BodyLevel.COMMUNE);
        l.at("2026-03-02T02:00:00Z").issue("D", "10-CV/TU", "PROV", d("2026-03-02"),
                List.of("COMM1", "COMM2"), List.of(), List.of(), List.of(),
                spec("t1", "việc 1", List.of("COMM1"), "ngày 10/4/2026", "sp"),
                spec("t2", "việc 2", List.of("COMM1"), "ngày 05/4/2026", "sp"),
                spec("t3", "việc 3", List.of("COMM1"), "ngày 20/4/2026", "sp"),
                spec("t4", "việc 4", List.of("COMM1"), "ngày 12/4/2026", "sp"),
                spec("t5", "việc 5", List.of("COMM1"), null, "sp"),
                spec("t6", "việc 6", List.of("COMM1"), "ngày 30/5/2026", "sp"),
                spec("t7", "việc 7", List.of("COMM1"), "ngày 30/5/2026", "sp"),
                spec("u1", "việc u1", List.of("UNIT1"), "ngày 14/4/2026", "sp"),
                spec("c2", "việc c2", List.of("COMM2"), "ngày 16/4/2026", "sp"));
        l.at("2026-04-08T02:00:00Z").complete("D/t1", "COMM1", d("2026-04-08"))
                .complete("D/t2", "COMM1", d("2026-04-07"))
                .cancel("D/t7", d("2026-04-08"));
    }

    private DashboardView view(String body, boolean subtree, int days) {
        return queries.dashboard(body, subtree, days, CLOCK.instant()).orElseThrow();
    }

    @Test
    void aBodysOwnFiguresAtAFixedClock() {
        province(ledger);

        DashboardView c1 = view("COMM1", false, 7);
        assertThat(c1.name()).isEqualTo("Đảng ủy xã 1");
        assertThat(c1.today()).isEqualTo(d("2026-04-15"));
        assertThat(c1.assigned()).isEqualTo(7);
        assertThat(c1.open()).isEqualTo(4);
        assertThat(c1.overdue()).as("t4, due 12/4").isEqualTo(1);
        assertThat(c1.dueSoon()).as("t3, due 20/4 ≤ 22/4").isEqualTo(1);
        assertThat(c1.openWithoutDueDate()).as("t5").isEqualTo(1);
        assertThat(c1.doneOnTime()).as("t1").isEqualTo(1);
        assertThat(c1.doneLate()).as("t2, done 7/4 for 5/4").isEqualTo(1);
        assertThat(c1.cancelled()).isEqualTo(1);
        assertThat(c1.onTimeRate()).isEqualTo(0.5);
        assertThat(c1.ruleVersion()).isEqualTo(TimelinessRule.VERSION);
        assertThat(c1.trends()).containsExactly(
                new DashboardView.MonthTrend(YearMonth.of(2026, 3), 7, 0, 0),
                new DashboardView.MonthTrend(YearMonth.of(2026, 4), 0, 1, 1));
        assertThat(view("PROV", false, 7).assigned()).as("the province leads nothing itself").isZero();
    }

    @Test
    void trendsAndTimelinessFollowBusinessDatesWhateverWasEnteredWhen() {
        province(ledger);
        // entered in December: t3 done on 18/4 (due 20/4), t4 extended on 10/4 to 30/4 and done on 25/4, t6 done
        // on 5/6 and extended only on 8/6 (after its completion): late
        ledger.at("2026-12-01T02:00:00Z").complete("D/t3", "COMM1", d("2026-04-18"))
                .complete("D/t4", "COMM1", d("2026-04-25"))
                .extend("D/t4", "ngày 30/4/2026", d("2026-04-10"))
                .complete("D/t6", "COMM1", d("2026-06-05"))
                .extend("D/t6", "ngày 30/6/2026", d("2026-06-08"));

        DashboardView c1 = queries.dashboard("COMM1", false, 7, Instant.parse("2026-12-02T03:00:00Z")).orElseThrow();
        assertThat(c1.doneOnTime()).as("t1, t3, t4").isEqualTo(3);
        assertThat(c1.doneLate()).as("t2, t6").isEqualTo(2);
        assertThat(c1.trends()).as("months of the business dates, none of December").containsExactly(
                new DashboardView.MonthTrend(YearMonth.of(2026, 3), 7, 0, 0),
                new DashboardView.MonthTrend(YearMonth.of(2026, 4), 0, 3, 1),
                new DashboardView.MonthTrend(YearMonth.of(2026, 6), 0, 0, 1));
    }

    @Test
    void subtreeRollUpsSumEveryBodyBelow() {
        province(ledger);

        DashboardView c1 = view("COMM1", true, 7);
        assertThat(c1.assigned()).isEqualTo(8);
        assertThat(c1.overdue()).as("t4 and u1").isEqualTo(2);
        DashboardView p = view("PROV", true, 7);
        assertThat(p.assigned()).isEqualTo(9);
        assertThat(p.overdue()).isEqualTo(2);
        assertThat(p.dueSoon()).as("t3 and c2").isEqualTo(2);
        assertThat(p.open()).isEqualTo(6);
        assertThat(p.trends().get(0)).isEqualTo(new DashboardView.MonthTrend(YearMonth.of(2026, 3), 9, 0, 0));
    }

    @Test
    void theDueSoonWindowAndOverdueFollowTheInstantAsked() {
        province(ledger);

        // 12/4 at 23:59:59 in Hà Nội is the last instant t4 is not overdue
        Instant lastMoment = Instant.parse("2026-04-12T16:59:59Z");
        DashboardView then = queries.dashboard("COMM1", false, 0, lastMoment).orElseThrow();
        assertThat(then.overdue()).isZero();
        assertThat(then.dueSoon()).as("t4 due today").isEqualTo(1);
        assertThat(queries.dashboard("COMM1", false, 0, lastMoment.plusSeconds(1)).orElseThrow().overdue())
                .isEqualTo(1);
        assertThat(view("PROV", true, 60).dueSoon()).as("t3, t6, c2").isEqualTo(3);
    }

    @Test
    void aProvincesOrCommunesDashboardReadsOneDocument() {
        province(ledger);
        CountingReadStore counting = new CountingReadStore(store);

        new DashboardQueries(counting).dashboard("PROV", true, 7, CLOCK.instant());

        assertThat(counting.roundTrips).isEqualTo(1);
        assertThat(counting.documents).isEqualTo(1);
        assertThat(counting.scans).isZero();
    }

    @Test
    void everyEventDeliveredTwiceChangesNothing() {
        province(ledger);
        var before = Snapshot.of(store, COLLECTIONS);

        for (DomainEventMessage<?> m : feed.emitted()) {
            feed.deliver(m);
        }

        assertThat(Snapshot.of(store, COLLECTIONS)).isEqualTo(before);
    }

    @Test
    void lateAndOutOfOrderDeliveryGivesTheSameFigures() {
        feed.hold();
        province(ledger);
        SeedCascade.load(ledger);
        List<DomainEventMessage<?>> inOrder = feed.emitted();
        EventFeed.replay(inOrder, new DashboardProjection(store));

        // bodies registered after all their tasks, children before parents
        List<DomainEventMessage<?>> bodiesLast = new ArrayList<>(inOrder.stream()
                .filter(m -> !(m.getPayload() instanceof BodyRegistered)).toList());
        List<DomainEventMessage<?>> bodies = new ArrayList<>(inOrder.stream()
                .filter(m -> m.getPayload() instanceof BodyRegistered).toList());
        java.util.Collections.reverse(bodies);
        bodiesLast.addAll(bodies);
        InMemoryReadStore late = new InMemoryReadStore();
        EventFeed.replay(bodiesLast, new DashboardProjection(late));

        for (long seed = 1; seed <= 3; seed++) {
            InMemoryReadStore shuffled = new InMemoryReadStore();
            EventFeed.replay(EventFeed.shuffleAcrossAggregates(inOrder, seed), new DashboardProjection(shuffled));
            assertSameDashboards(shuffled);
        }
        assertSameDashboards(late);
        assertThat(new DashboardQueries(late).dashboard("PROV", true, 7, CLOCK.instant()).orElseThrow().assigned())
                .isEqualTo(9);
    }

    private void assertSameDashboards(InMemoryReadStore other) {
        DashboardQueries q = new DashboardQueries(other);
        for (String body : List.of("PROV", "COMM1", "UNIT1", "COMM2", "TU-DIENBIEN", "DU-SINHBINH", "CP", "BKHCN")) {
            for (boolean subtree : List.of(false, true)) {
                assertThat(q.dashboard(body, subtree, 7, CLOCK.instant()))
                        .as(body + (subtree ? " subtree" : ""))
                        .isEqualTo(queries.dashboard(body, subtree, 7, CLOCK.instant()));
            }
        }
    }

    @Nested
    @DisplayName("changes of a task move its contribution")
    class Changes {

        @Test
        void anExtensionMovesTheTaskOutOfOverdue() {
            province(ledger);
            ledger.at("2026-04-14T02:00:00Z").extend("D/t4", "ngày 25/4/2026", d("2026-04-14"));

            assertThat(view("COMM1", false, 7).overdue()).isZero();
            assertThat(view("COMM1", false, 10).dueSoon()).as("t3 and t4").isEqualTo(2);
            assertThat(view("PROV", true, 7).overdue()).as("u1 only").isEqualTo(1);
        }

        @Test
        void aRejectedCompletionReopensTheTask() {
            province(ledger);
            ledger.at("2026-04-09T02:00:00Z").reject("D/t1", d("2026-04-09"));

            DashboardView c1 = view("COMM1", false, 7);
            assertThat(c1.doneOnTime()).isZero();
            assertThat(c1.overdue()).as("t1 due 10/4, open again").isEqualTo(2);
            assertThat(c1.trends()).containsExactly(
                    new DashboardView.MonthTrend(YearMonth.of(2026, 3), 7, 0, 0),
                    new DashboardView.MonthTrend(YearMonth.of(2026, 4), 0, 0, 1));
        }

        @Test
        void aReassignmentMovesTheTaskToTheNewLeadButNotOutOfTheProvince() {
            province(ledger);
            DashboardView provinceBefore = view("PROV", true, 7);
            ledger.at("2026-04-09T02:00:00Z").reassign("D/t4", List.of("COMM2"), d("2026-04-09"));

            assertThat(view("COMM1", false, 7).assigned()).isEqualTo(6);
            assertThat(view("COMM2", false, 7).overdue()).isEqualTo(1);
            assertThat(view("PROV", true, 7)).isEqualTo(provinceBefore);
        }

        @Test
        void aRecalledDirectiveStopsItsOpenTasksAndKeepsTheDoneOnes() {
            province(ledger);
            ledger.at("2026-04-10T02:00:00Z").recall("D", "PROV", d("2026-04-10"));

            DashboardView p = view("PROV", true, 7);
            assertThat(p.open()).isZero();
            assertThat(p.cancelled()).isEqualTo(7);
            assertThat(p.stopped()).isEqualTo(6);
            assertThat(p.doneOnTime() + p.doneLate()).isEqualTo(2);
        }

        @Test
        void aRecallDeliveredBeforeTheTasksStillStopsThem() {
            feed.hold();
            province(ledger);
            ledger.at("2026-04-10T02:00:00Z").recall("D", "PROV", d("2026-04-10"));
            List<DomainEventMessage<?>> events = new ArrayList<>(feed.emitted());
            DomainEventMessage<?> recall = events.stream()
                    .filter(m -> m.getPayload() instanceof DirectiveRecalled).findFirst().orElseThrow();
            events.remove(recall);
            events.add(0, recall);

            EventFeed.replay(events, new DashboardProjection(store));

            assertThat(view("PROV", true, 7).open()).isZero();
            assertThat(view("PROV", true, 7).stopped()).isEqualTo(6);
        }

        @Test
        void delegatedTasksCountForTheirOwnLeadAndStopWithTheDirective() {
            province(ledger);
            ledger.at("2026-04-09T02:00:00Z")
                    .delegate("D/t3", 1, "COMM1", spec("t3.1", "phần việc", List.of("UNIT1"), "ngày 18/4/2026", "sp"),
                            d("2026-04-09"));

            assertThat(view("UNIT1", false, 7).dueSoon()).isEqualTo(1);
            assertThat(view("COMM1", true, 7).assigned()).isEqualTo(9);

            ledger.at("2026-04-10T02:00:00Z").recall("D", "PROV", d("2026-04-10"));
            assertThat(view("UNIT1", false, 7).stopped()).isEqualTo(2);
        }
    }

    @Test
    void theSeedCascadeAtTheStartOfMay() {
        SeedCascade.load(ledger);
        Instant may3 = Instant.parse("2026-05-03T03:00:00Z");

        DashboardView most = queries.dashboard("BKHCN", false, 30, may3).orElseThrow();
        assertThat(most.assigned()).isEqualTo(6);
        assertThat(most.overdue()).as("II.1 and II.2, due end of April").isEqualTo(2);
        assertThat(most.doneOnTime()).as("App.1").isEqualTo(1);
        assertThat(most.dueSoon()).as("II.4, end of May").isEqualTo(1);
        assertThat(most.onTimeRate()).isEqualTo(1.0);

        DashboardView province = queries.dashboard("TU-DIENBIEN", true, 30, may3).orElseThrow();
        assertThat(province.assigned()).as("B/1 ×4 leads, B/2, B/3, C/1 ×2, C/2, C/3").isEqualTo(10);
        assertThat(province.openWithoutDueDate()).isEqualTo(10);
        assertThat(queries.dashboard("DU-SINHBINH", true, 30, may3).orElseThrow().assigned()).isEqualTo(5);
        assertThat(queries.dashboard("CP", true, 30, may3).orElseThrow().assigned())
                .as("every ministry's assignments under the Government").isEqualTo(12);
    }
}

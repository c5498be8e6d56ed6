package vn.ledger.projections.chain;

import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.ledger.core.directive.DirectiveIssued;
import vn.ledger.core.directive.DirectiveReceived;
import vn.ledger.projections.fixture.CountingReadStore;
import vn.ledger.projections.fixture.EventFeed;
import vn.ledger.projections.fixture.Ledger;
import vn.ledger.projections.fixture.SeedCascade;
import vn.ledger.projections.fixture.Snapshot;
import vn.ledger.projections.store.InMemoryReadStore;
import vn.ledger.projections.task.TimelinessRule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.ledger.projections.fixture.Ledger.d;
import static vn.ledger.projections.fixture.Ledger.spec;
import static vn.ledger.projections.fixture.SeedCascade.A;
import static vn.ledger.projections.fixture.SeedCascade.B;
import static vn.ledger.projections.fixture.SeedCascade.C;

@DisplayName("Implementation chain")
class ChainProjectionTest {

    /** 3/5/2026 10:00 in Hà Nội: the end of April has passed. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-03T03:00:00Z"), ZoneOffset.UTC);

    private final InMemoryReadStore store = new InMemoryReadStore();
    private final EventFeed feed = new EventFeed(new ChainProjection(store));
    private final Ledger ledger = new Ledger(feed);
    private final ChainQueries queries = new ChainQueries(store);

    private ChainView.ChainNode chain(String id, int depth) {
        return queries.chain(id, depth, CLOCK.instant()).orElseThrow().root();
    }

    private static ChainView.ChainNode child(ChainView.ChainNode n, String id) {
        return n.children().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Nested
    @DisplayName("the seed cascade 22-TB → 569-CV/TU → 506-CV/ĐU")
    class Seed {

        @Test
        void theCentralNoticesChainShowsTheProvinceAndTheCommuneWithTheirTasksAndStatuses() {
            SeedCascade.load(ledger);

            ChainView.ChainNode a = chain(A, 3);
            assertThat(a.label()).isEqualTo("22-TB/CQTTBCĐ");
            assertThat(a.children()).extracting(ChainView.ChainNode::id).containsExactly(A + "/II.1", A + "/II.2",
                    A + "/II.3", A + "/II.4", A + "/II.5", A + "/II.6", A + "/App.1", B);
            assertThat(a.children()).extracting(ChainView.ChainNode::label, ChainView.ChainNode::status).containsExactly(
                    tuple("II.1", "OVERDUE_NOT_DONE"), tuple("II.2", "OVERDUE_NOT_DONE"), tuple("II.3", "NOT_STARTED"),
                    tuple("II.4", "NOT_STARTED"), tuple("II.5", "NOT_STARTED"), tuple("II.6", "NOT_STARTED"),
                    tuple("App.1", "DONE_ON_TIME"), tuple("569-CV/TU", "ACTIVE"));

            ChainView.ChainNode province = child(a, B);
            assertThat(province.issuer()).isEqualTo("TU-DIENBIEN");
            assertThat(province.children()).extracting(ChainView.ChainNode::label, ChainView.ChainNode::status)
                    .containsExactly(tuple("1", "NOT_STARTED"), tuple("2", "NOT_STARTED"),
                            tuple("3", "IN_PROGRESS_ON_TIME"), tuple("506-CV/ĐU", "ACTIVE"));
            ChainView.ChainNode commune = child(province, C);
            assertThat(commune.issuer()).isEqualTo("DU-SINHBINH");
            assertThat(commune.alsoImplements()).containsExactly(A);
            assertThat(commune.children()).extracting(ChainView.ChainNode::label, ChainView.ChainNode::status,
                    ChainView.ChainNode::leads).containsExactly(
                    tuple("1", "IN_PROGRESS_ON_TIME", List.of("BXDD-SINHBINH", "MTTQ-SINHBINH")),
                    tuple("2", "NOT_STARTED", List.of("DUUBND-SINHBINH")),
                    tuple("3", "NOT_STARTED", List.of("BXDD-SINHBINH")));
            assertThat(queries.chain(A, 3, CLOCK.instant()).orElseThrow().timelinessRule())
                    .isEqualTo(TimelinessRule.VERSION);
        }

        @Test
        void theRollUpCountsEveryNodeBelowByStatus() {
            SeedCascade.load(ledger);

            ChainView.Rollup r = chain(A, 0).rollup();
            assertThat(r.directives()).isEqualTo(3);
            assertThat(r.tasks()).isEqualTo(13);
            assertThat(r.overdue()).as("II.1, II.2").isEqualTo(2);
            assertThat(r.inProgress()).as("B/3, C/1").isEqualTo(2);
            assertThat(r.notStarted()).isEqualTo(8);
            assertThat(r.doneOnTime()).as("App.1").isEqualTo(1);
            assertThat(r.percentDone()).isEqualTo(7.7);
            assertThat(r.latestDeadline()).isEqualTo(d("2026-06-30"));
            assertThat(chain(B, 0).rollup().tasks()).isEqualTo(6);
            assertThat(chain(B, 0).rollup().latestDeadline()).as("no deadline in B or C").isNull();
        }

        @Test
        void aTaskShowsItsLastReportedPercentBesideItsDoneCount() {
            SeedCascade.load(ledger);

            // II.1: BKHCN reported 50% on 10/4; nothing is done, so the roll-up's done count stays 0
            ChainView.ChainNode ii1 = child(chain(A, 1), A + "/II.1");
            assertThat(ii1.lastReportedPercent()).isEqualTo(50);
            assertThat(ii1.lastReportedOn()).isEqualTo(d("2026-04-10"));
            assertThat(ii1.rollup().percentDone()).isEqualTo(0.0);
            assertThat(child(chain(A, 1), A + "/II.3").lastReportedPercent()).as("never reported").isNull();

            // a newer report counts; one entered later for an earlier day, or one without a percent, does not
            ledger.at("2026-04-21T02:00:00Z").reportPercent(A + "/II.1", "BKHCN", d("2026-04-20"), 70);
            ledger.at("2026-04-22T02:00:00Z").reportPercent(A + "/II.1", "BTC", d("2026-04-15"), 60);
            ledger.at("2026-04-23T02:00:00Z").reportPercent(A + "/II.1", "BKHCN", d("2026-04-23"), null);
            ii1 = child(chain(A, 1), A + "/II.1");
            assertThat(ii1.lastReportedPercent()).isEqualTo(70);
            assertThat(ii1.lastReportedOn()).isEqualTo(d("2026-04-20"));
            // BTC's first report still makes it a body that started the task
            assertThat(chain(A, 0).rollup().inProgress() + chain(A, 0).rollup().overdue()).isEqualTo(4);
        }

        @Test
        void sixClearGapsArListedPerTaskAndCountedPerNode() {
            SeedCascade.load(ledger);

            ChainView.ChainNode b = chain(B, 1);
            assertThat(child(b, B + "/1").missing()).containsExactly("rõ người", "rõ thời gian", "rõ sản phẩm");
            assertThat(child(b, B + "/3").missing()).containsExactly("rõ người", "rõ thời gian");
            ChainView.Rollup r = chain(A, 0).rollup();
            assertThat(r.tasksWithGaps()).isEqualTo(13);
            assertThat(r.missingByRo()).containsEntry("rõ người", 13L).containsEntry("rõ thời gian", 6L)
                    .containsEntry("rõ sản phẩm", 4L);
        }

        @Test
        void hopLatencyPerLevel() {
            SeedCascade.load(ledger);

            List<ChainView.Level> levels = chain(A, 0).rollup().levels();
            // level 0: 22-TB's action recipients, received 20-21/3; BKHCN acted 22/3 (ack), Điện Biên 23/3 (569)
            assertThat(levels.get(0)).isEqualTo(new ChainView.Level(0, 1, 4, 4, 0.8, 2, 2.0, 0, 0, null));
            // level 1: 569's recipients (3 of 5 received), and 22-TB's 7 tasks
            assertThat(levels.get(1)).isEqualTo(new ChainView.Level(1, 1, 5, 3, 0.7, 2, 1.5, 7, 0, null));
            assertThat(levels.get(2)).isEqualTo(new ChainView.Level(2, 1, 3, 1, 1.0, 1, 1.0, 3, 0, null));
            assertThat(levels.get(3).tasks()).isEqualTo(3);
            assertThat(chain(A, 0).rollup().depthBelow()).isEqualTo(3);

            ChainView.Recipient province = chain(A, 0).recipients().stream()
                    .filter(r -> r.body().equals("TU-DIENBIEN")).findFirst().orElseThrow();
            assertThat(province.receivedOn()).isEqualTo(d("2026-03-21"));
            assertThat(province.actedOn()).isEqualTo(d("2026-03-23"));
            assertThat(province.daysToAct()).isEqualTo(2);
            assertThat(province.forwardedAs()).containsExactly(B);
        }

        @Test
        void whereDidItStall() {
            SeedCascade.load(ledger);

            StallReport report = queries.stalls(A, 7, 100, CLOCK.instant()).orElseThrow();
            assertThat(report.rule()).isEqualTo(ChainRules.STALL);
            assertThat(report.cutoff()).isEqualTo(d("2026-04-26"));
            assertThat(report.items()).filteredOn(s -> s.reason() == StallReport.Reason.RECEIVED_NOT_ACTED)
                    .extracting(StallReport.Stall::nodeId, StallReport.Stall::body, StallReport.Stall::level)
                    .containsExactlyInAnyOrder(tuple(A, "BTC", 0), tuple(A, "BGDDT", 0),
                            tuple(B, "DUUBND-DIENBIEN", 1));
            assertThat(report.items()).filteredOn(s -> s.reason() == StallReport.Reason.NEVER_ACKNOWLEDGED)
                    .extracting(StallReport.Stall::body).containsExactlyInAnyOrder("DUCQD-DIENBIEN",
                            "MTTQ-DIENBIEN", "MTTQ-SINHBINH", "DUUBND-SINHBINH");
            assertThat(report.items()).filteredOn(s -> s.reason() == StallReport.Reason.TASK_NOT_STARTED)
                    .extracting(StallReport.Stall::nodeId).containsExactlyInAnyOrder(A + "/II.3", A + "/II.4",
                            A + "/II.5", A + "/II.6", B + "/1", B + "/2", C + "/2", C + "/3");
            assertThat(report.receivedNotActed()).isEqualTo(3);
            assertThat(report.neverAcknowledged()).isEqualTo(4);
            assertThat(report.tasksNotStarted()).isEqualTo(8);
            StallReport.Stall waiting = report.items().stream()
                    .filter(s -> s.body().equals("DUUBND-DIENBIEN")).findFirst().orElseThrow();
            assertThat(waiting.since()).isEqualTo(d("2026-03-24"));
            assertThat(waiting.days()).isEqualTo(40);
            assertThat(report.deepestLevel()).isEqualTo(3);
            assertThat(report.branches()).filteredOn(b -> b.id().equals(B)).singleElement()
                    .extracting(StallReport.Branch::deepestLevel).isEqualTo(3);

            // nothing had been waiting 60 days yet
            StallReport longer = queries.stalls(A, 60, 100, CLOCK.instant()).orElseThrow();
            assertThat(longer.items()).isEmpty();
            assertThat(queries.stalls(A, 7, 2, CLOCK.instant()).orElseThrow().truncated()).isTrue();
        }

        @Test
        void whichParentTasksWereNeverMadeConcreteBelow() {
            SeedCascade.load(ledger);

            CoverageReport report = queries.coverage(A, 100, CLOCK.instant()).orElseThrow();
            assertThat(report.rule()).isEqualTo(ChainRules.COVERAGE);
            // 22-TB: 9 (App.1 is done; TU-DIENBIEN's links from 569/1 cover nothing: it leads none of II.1–II.6);
            // 569: 6 (506 cites 569 but links its tasks to 22-TB's, so it passed 569/1 on); 506: 4
            assertThat(report.gaps()).isEqualTo(19);
            assertThat(report.items()).hasSize(19);
            assertThat(report.items()).extracting(CoverageReport.Gap::taskId, CoverageReport.Gap::leadBody)
                    .contains(tuple(B + "/1", "DUUBND-DIENBIEN"), tuple(B + "/2", "DUUBND-DIENBIEN"),
                            tuple(A + "/II.4", "BTC"), tuple(B + "/1", "DU-SINHBINH"))
                    .doesNotContain(tuple(A + "/App.1", "BKHCN"));
            assertThat(report.items())
                    .filteredOn(g -> g.taskId().equals(B + "/1") && g.leadBody().equals("DU-SINHBINH"))
                    .singleElement().satisfies(g -> {
                        assertThat(g.reason()).isEqualTo(CoverageReport.Reason.PASSED_ON_WITHOUT_CONCRETE_TASKS);
                        assertThat(g.passedOnIn()).containsExactly(C);
                    });
            assertThat(child(chain(B, 1), B + "/1").uncoveredLeads())
                    .containsExactly("DUCQD-DIENBIEN", "DUUBND-DIENBIEN", "MTTQ-DIENBIEN", "DU-SINHBINH");
            assertThat(queries.coverage(A, 5, CLOCK.instant()).orElseThrow().truncated()).isTrue();
        }
    }

    @Nested
    @DisplayName("idempotency and order")
    class Delivery {

        @Test
        void everyEventDeliveredTwiceChangesNothing() {
            SeedCascade.load(ledger);
            var before = Snapshot.of(store, ChainProjection.COLLECTIONS.toArray(String[]::new));

            feed.deliverAll(feed.emitted());
            for (DomainEventMessage<?> m : feed.emitted()) {
                feed.deliver(m);
                feed.deliver(m);
            }

            assertThat(Snapshot.of(store, ChainProjection.COLLECTIONS.toArray(String[]::new))).isEqualTo(before);
        }

        @Test
        void aReceiptOrAChildDirectiveBeforeItsParentGivesTheSameChain() {
            feed.hold();
            SeedCascade.load(ledger);
            List<DomainEventMessage<?>> inOrder = feed.emitted();
            EventFeed.replay(inOrder, new ChainProjection(store));

            // 506 (and its tasks) before 569 and 22-TB; the receipt of 569 by Sính Bình after 506
            List<DomainEventMessage<?>> childFirst = new ArrayList<>();
            List<DomainEventMessage<?>> rest = new ArrayList<>();
            for (DomainEventMessage<?> m : inOrder) {
                String agg = m.getAggregateIdentifier();
                boolean receiptOfB = m.getPayload() instanceof DirectiveReceived r && r.directiveId().equals(B)
                        && r.bodyCode().equals("DU-SINHBINH");
                (agg.startsWith(C) && !receiptOfB ? childFirst : rest).add(m);
            }
            childFirst.addAll(rest);
            assertThat(childFirst.get(0).getPayload()).isInstanceOf(DirectiveIssued.class);
            InMemoryReadStore reordered = new InMemoryReadStore();
            EventFeed.replay(childFirst, new ChainProjection(reordered));
            assertSameNodes(normalised(reordered), normalised(store), "child first");

            for (long seed = 1; seed <= 5; seed++) {
                InMemoryReadStore shuffled = new InMemoryReadStore();
                EventFeed.replay(EventFeed.shuffleAcrossAggregates(inOrder, seed), new ChainProjection(shuffled));
                assertSameNodes(normalised(shuffled), normalised(store), "shuffle " + seed);
            }
        }

        private void assertSameNodes(Map<String, String> actual, Map<String, String> expected, String as) {
            assertThat(actual.keySet()).as(as).isEqualTo(expected.keySet());
            for (String id : expected.keySet()) {
                assertThat(actual.get(id)).as(as + ": " + id).isEqualTo(expected.get(id));
            }
        }

        /**
         * The nodes and the acts on directives, with their lists sorted: the order children and acts arrive in
         * may differ, nothing else may.
         */
        private Map<String, String> normalised(InMemoryReadStore s) {
            Map<String, String> out = new TreeMap<>();
            for (String collection : List.of(ChainProjection.NODES, ChainProjection.ACTS)) {
                s.scan(collection).forEach(d -> {
                    d.remove("seq");
                    for (String list : List.of("children", "startedBy", "delegatedBy", "uncoveredLeads")) {
                        List<String> l = new ArrayList<>(vn.ledger.projections.store.Docs.strings(d, list));
                        l.sort(null);
                        d.put(list, l);
                    }
                    for (String list : List.of("forwards", "starts", "delegations", "recipients")) {
                        List<Document> l = new ArrayList<>(vn.ledger.projections.store.Docs.docs(d, list));
                        l.sort(java.util.Comparator.comparing(Document::toJson));
                        d.put(list, l);
                    }
                    Document sorted = new Document();
                    new TreeMap<>(d).forEach(sorted::append);
                    out.put(collection + " " + d.getString("_id"), sorted.toJson());
                });
            }
            return out;
        }
    }

    @Nested
    @DisplayName("delegation, recall and the chain of a task")
    class Tasks {

        private void delegatedTwice() {
            SeedCascade.load(ledger);
            ledger.at("2026-04-01T02:00:00Z")
                    .delegate(B + "/2", 1, "DUUBND-DIENBIEN",
                            spec("2.1", "UBND tỉnh xây dựng kế hoạch", List.of("DUUBND-DIENBIEN"), "ngày 30/4/2026",
                                    "Kế hoạch"), d("2026-03-30"));
            ledger.at("2026-04-02T02:00:00Z")
                    .delegate(B + "/2.1", 1, "DUUBND-DIENBIEN",
                            spec("2.1.1", "Sở KH&CN dự thảo", List.of("DUUBND-DIENBIEN"), "ngày 20/4/2026", "Dự thảo"),
                            d("2026-04-02"))
                    .complete(B + "/2.1.1", "DUUBND-DIENBIEN", d("2026-04-22"));
        }

        @Test
        void delegatedTasksHangUnderTheirParentTaskAtAnyDepth() {
            delegatedTwice();

            ChainView.ChainNode t = chain(B + "/2", 5);
            assertThat(t.kind()).isEqualTo("TASK");
            assertThat(t.children()).extracting(ChainView.ChainNode::id).containsExactly(B + "/2.1");
            ChainView.ChainNode grandchild = t.children().get(0).children().get(0);
            assertThat(grandchild.id()).isEqualTo(B + "/2.1.1");
            assertThat(grandchild.status()).isEqualTo("DONE_LATE");
            assertThat(grandchild.depth()).isEqualTo(2);
            assertThat(t.rollup().tasks()).isEqualTo(3);
            assertThat(t.rollup().overdue()).as("2.1, due 30/4").isEqualTo(1);
            assertThat(t.rollup().doneLate()).isEqualTo(1);
            assertThat(t.rollup().latestDeadline()).isEqualTo(d("2026-04-30"));
            assertThat(t.rollup().levels().get(0).delegated()).isEqualTo(1);
            assertThat(t.rollup().levels().get(0).avgDaysToDelegate()).as("assigned 23/3, delegated 30/3")
                    .isEqualTo(7.0);
            assertThat(chain(A, 0).rollup().tasks()).isEqualTo(15);
        }

        @Test
        void delegatingMakesTheParentTaskConcreteAndActsOnTheDirective() {
            delegatedTwice();

            assertThat(child(chain(B, 1), B + "/2").uncoveredLeads()).isEmpty();
            ChainView.Recipient r = chain(B, 0).recipients().stream()
                    .filter(x -> x.body().equals("DUUBND-DIENBIEN")).findFirst().orElseThrow();
            assertThat(r.actedOn()).isEqualTo(d("2026-03-30"));
            StallReport stalls = queries.stalls(B, 7, 100, CLOCK.instant()).orElseThrow();
            assertThat(stalls.items()).extracting(StallReport.Stall::body).doesNotContain("DUUBND-DIENBIEN");
        }

        @Test
        void aRecallStopsTheDirectivesTasksAndTheirDelegatedTasks() {
            delegatedTwice();
            ledger.at("2026-04-25T02:00:00Z").recall(B, "TU-DIENBIEN", d("2026-04-25"));

            ChainView.ChainNode b = chain(B, 5);
            assertThat(b.status()).isEqualTo("RECALLED");
            ChainView.ChainNode t2 = child(b, B + "/2");
            assertThat(t2.status()).isEqualTo("CANCELLED");
            assertThat(t2.stopped()).isTrue();
            assertThat(t2.children().get(0).children().get(0).status()).as("done stays done").isEqualTo("DONE_LATE");
            assertThat(child(b, C).status()).as("506 is Sính Bình's own document").isEqualTo("ACTIVE");
            assertThat(b.rollup().cancelled()).isEqualTo(4);
            assertThat(queries.stalls(B, 7, 100, CLOCK.instant()).orElseThrow().items())
                    .extracting(StallReport.Stall::nodeId).doesNotContain(B, B + "/1");
        }
    }

    @Nested
    @DisplayName("what a node keeps")
    class Storage {

        private void letters(int from, int to) {
            for (int i = from; i <= to; i++) {
                ledger.issue("LC-" + i, i + "-CV/ĐU", "XA-" + i, d("2026-03-25"), List.of(), List.of(), List.of(),
                        List.of("LP", "X"), spec("1", "triển khai", List.of("XA-" + i + "-VP"), "trong tháng 4/2026",
                                "sp"));
            }
        }

        @Test
        void aDirectiveSentToHundredsOfBodiesKeepsOnlyItsFirstRecipientsInItsNodeAndTheRestInBuckets() {
            List<String> communes = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                communes.add("XA-%03d".formatted(i));
            }
            ledger.at("2026-03-20T09:00:00Z")
                    .issue("X", "1-TB/TW", "TW", d("2026-03-20"), communes, List.of(), List.of(), List.of(),
                            spec("1", "việc", List.of("XA-000"), "trong tháng 6/2026", "sp"));
            Document bucket2 = store.find(ChainProjection.RECIPIENTS, "X#2").orElseThrow();
            Document bucket1 = store.find(ChainProjection.RECIPIENTS, "X#1").orElseThrow();

            ledger.at("2026-03-22T09:00:00Z").receive("X", "XA-140", d("2026-03-21"));

            assertThat(store.find(ChainProjection.NODES, "X").orElseThrow().getString("recipients"))
                    .as("the node holds the first %d", Recipients.BUCKET).doesNotContain("XA-" + Recipients.BUCKET)
                    .contains("XA-000");
            assertThat(store.scan(ChainProjection.RECIPIENTS).map(r -> r.getString("_id"))).as("300 = 128 + 128 + 44")
                    .containsExactlyInAnyOrder("X#1", "X#2");
            assertThat(store.find(ChainProjection.RECIPIENTS, "X#1")).as("XA-140's bucket changed").isNotEqualTo(
                    java.util.Optional.of(bucket1));
            assertThat(Recipients.Bucket.FORM.read(store.find(ChainProjection.RECIPIENTS, "X#1").orElseThrow())
                    .entries()).contains(new Recipients.Entry("XA-140", "ACTION", "2026-03-21", null, List.of()));
            assertThat(store.find(ChainProjection.RECIPIENTS, "X#2")).as("the others did not").contains(bucket2);
            ChainView.ChainNode view = chain("X", 0);
            assertThat(view.recipients()).extracting(ChainView.Recipient::body).containsExactlyElementsOf(communes);
            assertThat(view.recipients().get(140).receivedOn()).isEqualTo(d("2026-03-21"));
            assertThat(view.rollup().received()).isEqualTo(1);
        }

        @Test
        void aDirectiveCitedByBodiesThatAreNotItsRecipientsDoesNotGrowWithThem() {
            ledger.at("2026-03-20T09:00:00Z")
                    .issue("X", "1-TB/TW", "TW", d("2026-03-20"), List.of("P"), List.of(), List.of(), List.of(),
                            spec("1", "việc", List.of("P"), "trong tháng 6/2026", "sp"))
                    .receive("X", "P", d("2026-03-21"))
                    .issue("LP", "1-CV/P", "P", d("2026-03-23"), List.of(), List.of(), List.of(), List.of("X"),
                            spec("1", "triển khai", List.of("P-VP"), "trong tháng 5/2026", "sp"));
            // every commune's letter cites the province's letter, then the central notice too
            letters(1, 30);
            int afterThirty = CountingReadStore.bson(store.find(ChainProjection.NODES, "X").orElseThrow());
            letters(31, 60);
            Document x = store.find(ChainProjection.NODES, "X").orElseThrow();

            assertThat(CountingReadStore.bson(x)).as("only counts of its roll-up changed").isEqualTo(afterThirty);
            assertThat(ChainProjection.citing(store, List.of("X"))).as("every citing directive is kept with the acts")
                    .hasSize(61).contains("LP", "LC-60");
            assertThat(store.scan(ChainProjection.ACTS).filter(a -> a.getString("_id").startsWith("X#")))
                    .as("in buckets of the citing bodies, none holding them all").hasSizeGreaterThan(1)
                    .allMatch(a -> a.getList("bodies", Document.class).size() < 61);
            ChainView.ChainNode view = chain("X", 1);
            assertThat(view.recipients()).singleElement().satisfies(r -> {
                assertThat(r.forwardedAs()).containsExactly("LP");
                assertThat(r.actedOn()).isEqualTo(d("2026-03-23"));
                assertThat(r.daysToAct()).isEqualTo(2);
            });
            assertThat(view.rollup().directives()).isEqualTo(62);
            assertThat(child(chain("LP", 1), "LC-7").alsoImplements()).containsExactly("X");
        }

        @Test
        void aBodyThatActedBeforeItsReceiptWasRecordedShowsAsActedOnceItIs() {
            ledger.at("2026-03-20T09:00:00Z")
                    .issue("X", "1-TB/TW", "TW", d("2026-03-20"), List.of("P"), List.of(), List.of(), List.of(),
                            spec("1", "việc", List.of("Q"), "trong tháng 6/2026", "sp"))
                    .issue("LQ", "1-CV/Q", "Q", d("2026-03-24"), List.of(), List.of(), List.of(), List.of("X"),
                            Ledger.implementing(spec("1", "triển khai", List.of("Q-VP"), "trong tháng 5/2026", "sp"),
                                    "1"));
            assertThat(chain("X", 0).recipients()).extracting(ChainView.Recipient::body).containsExactly("P");
            assertThat(child(chain("X", 1), "X/1").uncoveredLeads()).as("Q made it concrete with LQ/1").isEmpty();

            ledger.receive("X", "Q", d("2026-03-22"));

            ChainView.Recipient q = chain("X", 0).recipients().stream().filter(r -> r.body().equals("Q"))
                    .findFirst().orElseThrow();
            assertThat(q.role()).isEqualTo("OTHER");
            assertThat(q.receivedOn()).isEqualTo(d("2026-03-22"));
            assertThat(q.actedOn()).isEqualTo(d("2026-03-24"));
            assertThat(q.forwardedAs()).containsExactly("LQ");
        }
    }

    @Nested
    @DisplayName("work entered long after it happened")
    class LateEntry {

        /** 8/12/2026 in Hà Nội: the October 2025 work is entered now. */
        private final Instant december2026 = Instant.parse("2026-12-08T03:00:00Z");

        /** A department's October 2025 letter: issued and received then, delegated 5 days later, entered 14 months on. */
        private void octoberWorkEnteredInDecember() {
            ledger.at("2025-10-01T02:00:00Z")
                    .issue("X", "12-CV/TU", "TU", d("2025-10-01"), List.of("SO"), List.of(), List.of(), List.of(),
                            spec("1", "xây dựng kế hoạch", List.of("SO"), "ngày 30/11/2025", "Kế hoạch"))
                    .receive("X", "SO", d("2025-10-01"));
            ledger.at("2026-12-07T02:00:00Z")
                    .delegate("X/1", 1, "SO", spec("1.1", "phòng dự thảo", List.of("SO-P1"), "ngày 20/11/2025",
                            "Dự thảo"), d("2025-10-06"))
                    .ack("X/1.1", "SO-P1", d("2025-10-07"));
        }

        @Test
        void theHopLatencyIsTheDaysBetweenTheBusinessDatesNotTheRecordedInstants() {
            octoberWorkEnteredInDecember();

            ChainView.ChainNode x = queries.chain("X", 0, december2026).orElseThrow().root();
            ChainView.Level top = x.rollup().levels().get(0);
            assertThat(top.avgDaysToAct()).as("received 1/10/2025, delegated 6/10/2025").isEqualTo(5.0);
            ChainView.Level tasks = x.rollup().levels().get(1);
            assertThat(tasks.delegated()).isEqualTo(1);
            assertThat(tasks.avgDaysToDelegate()).as("assigned 1/10/2025, delegated 6/10/2025 (entered 7/12/2026)")
                    .isEqualTo(5.0);
            ChainView.Recipient so = x.recipients().get(0);
            assertThat(so.actedOn()).isEqualTo(d("2025-10-06"));
            assertThat(so.daysToAct()).isEqualTo(5);
        }

        @Test
        void workActedOnInTimeButEnteredLateIsNoStall() {
            octoberWorkEnteredInDecember();

            StallReport stalls = queries.stalls("X", 7, 100, december2026).orElseThrow();
            assertThat(stalls.items()).isEmpty();
            ChainView.ChainNode child = queries.chain("X/1.1", 0, december2026).orElseThrow().root();
            assertThat(child.date()).isEqualTo(d("2025-10-06"));
            assertThat(child.status()).as("acknowledged 7/10/2025, due 20/11/2025, not done")
                    .isEqualTo("OVERDUE_NOT_DONE");
        }
    }

    @Nested
    @DisplayName("a completion is judged by the deadline in force on its business date")
    class DeadlineInForce {

        private void assigned() {
            ledger.at("2026-03-20T02:00:00Z")
                    .issue("X", "1-TB/TW", "TW", d("2026-03-20"), List.of("P"), List.of(), List.of(), List.of(),
                            spec("1", "việc", List.of("P"), "trong tháng 4/2026", "sp"));
        }

        @Test
        void anExtensionGrantedBeforeTheCompletionButEnteredAfterItCounts() {
            assigned();
            ledger.at("2026-06-01T02:00:00Z").complete("X/1", "P", d("2026-05-20"));
            ledger.at("2026-06-02T02:00:00Z").extend("X/1", "trong tháng 5/2026", d("2026-04-22"));

            ChainView.ChainNode x = chain("X", 1);
            assertThat(child(x, "X/1").status()).isEqualTo("DONE_ON_TIME");
            assertThat(x.rollup().doneOnTime()).isEqualTo(1);
        }

        @Test
        void anExtensionGrantedAfterTheCompletionsDayDoesNotMakeItOnTime() {
            assigned();
            ledger.at("2026-05-05T02:00:00Z").complete("X/1", "P", d("2026-05-05"));
            ledger.at("2026-05-08T02:00:00Z").extend("X/1", "trong tháng 5/2026", d("2026-05-08"));

            ChainView.ChainNode x = chain("X", 1);
            assertThat(child(x, "X/1").status()).isEqualTo("DONE_LATE");
            assertThat(child(x, "X/1").due()).as("in force now").isEqualTo(d("2026-05-31"));
            assertThat(x.rollup().doneLate()).isEqualTo(1);
        }
    }

    @Test
    void aNationalCascadeIsReadFromTheTopRollUpsWithoutWalkingTheTree() {
        // 1 directive, 6 tasks → 34 provinces → 5 communes each, each commune assigning 3 tasks to its units
        List<String> provinces = new ArrayList<>();
        ledger.at("2026-03-20T09:00:00Z");
        List<String> all = new ArrayList<>();
        for (int p = 1; p <= 34; p++) {
            provinces.add("TINH-" + p);
        }
        ledger.issue("TW", "1-TB/TW", "TW-BODY", d("2026-03-20"), provinces, List.of(), List.of(), List.of(),
                spec("1", "việc 1", List.of("BKHCN"), "trong tháng 6/2026", "sp"),
                spec("2", "việc 2", List.of("BKHCN"), "trong tháng 6/2026", "sp"),
                spec("3", "việc 3", List.of("BTC"), "trong tháng 6/2026", "sp"),
                spec("4", "việc 4", List.of("BTC"), "trong tháng 6/2026", "sp"),
                spec("5", "việc 5", List.of("BGDDT"), "trong tháng 6/2026", "sp"),
                spec("6", "việc 6", List.of("BGDDT"), "trong tháng 6/2026", "sp"));
        for (String p : provinces) {
            List<String> communes = new ArrayList<>();
            for (int c = 1; c <= 5; c++) {
                communes.add(p + "-XA-" + c);
            }
            ledger.receive("TW", p, d("2026-03-21"))
                    .issue("CV-" + p, "1-CV/" + p, p, d("2026-03-23"), communes, List.of(), List.of(), List.of("TW"),
                            spec("1", "triển khai", List.of(p + "-VP"), "trong tháng 5/2026", "sp"));
            for (String c : communes) {
                ledger.receive("CV-" + p, c, d("2026-03-24"))
                        .issue("CV-" + c, "1-CV/" + c, c, d("2026-03-25"), List.of(), List.of(), List.of(),
                                List.of("CV-" + p),
                                spec("1", "a", List.of(c + "-U1"), "trong tháng 4/2026", "sp"),
                                spec("2", "b", List.of(c + "-U2"), "trong tháng 4/2026", "sp"),
                                spec("3", "c", List.of(c + "-U3"), "trong tháng 4/2026", "sp"))
                        .complete("CV-" + c + "/1", c + "-U1", d("2026-04-20"));
                all.add(c);
            }
        }
        CountingReadStore counting = new CountingReadStore(store);

        ChainView view = new ChainQueries(counting).chain("TW", 1, CLOCK.instant()).orElseThrow();

        assertThat(counting.roundTrips).isEqualTo(2);
        assertThat(counting.documents).isEqualTo(1 + 6 + 34);
        assertThat(counting.scans).isZero();
        ChainView.Rollup r = view.root().rollup();
        assertThat(r.directives()).isEqualTo(1 + 34 + 170);
        assertThat(r.tasks()).isEqualTo(6 + 34 + 170 * 3);
        assertThat(r.doneOnTime()).isEqualTo(170);
        assertThat(r.overdue()).as("the communes' other tasks, due end of April").isEqualTo(340);
        assertThat(r.levels().get(1).recipients()).as("the provinces' recipients: their communes").isEqualTo(170);
        assertThat(r.levels().get(1).received()).isEqualTo(170);
        assertThat(r.depthBelow()).isEqualTo(3);
        assertThat(view.root().childCount()).isEqualTo(40);

        // a page of children: offset 6 (after the tasks), 10 provinces
        ChainView page = queries.page("TW", 6, 10, 1, 5, CLOCK.instant()).orElseThrow();
        assertThat(page.root().children()).hasSize(10).allMatch(c -> c.kind().equals("DIRECTIVE"));
        assertThat(page.root().nextOffset()).isEqualTo(16);

        counting.reset();
        StallReport stalls = new ChainQueries(counting).stalls("TW", 7, 20, CLOCK.instant()).orElseThrow();
        assertThat(stalls.receivedNotActed()).as("the 170 communes received and forwarded").isZero();
        assertThat(stalls.tasksNotStarted()).isEqualTo(6 + 34 + 340);
        assertThat(stalls.items()).hasSize(20);
        assertThat(stalls.truncated()).isTrue();
        assertThat(counting.documents).as("stops at the limit, of 755 nodes").isLessThan(200);
        assertThat(all).hasSize(170);
    }
}

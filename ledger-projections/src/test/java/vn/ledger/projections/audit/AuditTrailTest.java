package vn.ledger.projections.audit;

import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.core.body.BodyRenamed;
import vn.ledger.core.directive.DirectiveCorrected;
import vn.ledger.core.directive.DirectiveField;
import vn.ledger.core.directive.DirectiveReceived;
import vn.ledger.core.shared.DeadlineParser;
import vn.ledger.core.task.CompletionAccepted;
import vn.ledger.core.task.ExtensionGranted;
import vn.ledger.core.task.ExtensionRequested;
import vn.ledger.core.task.ProgressReported;
import vn.ledger.core.task.TaskAcknowledged;
import vn.ledger.core.task.TaskCompleted;
import vn.ledger.core.task.TaskReassigned;
import vn.ledger.core.task.TaskUrged;
import vn.ledger.projections.fixture.CountingReadStore;
import vn.ledger.projections.fixture.EventFeed;
import vn.ledger.projections.fixture.Seed;
import vn.ledger.projections.store.InMemoryReadStore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static vn.ledger.projections.fixture.Seed.A;
import static vn.ledger.projections.fixture.Seed.BKHCN;
import static vn.ledger.projections.fixture.Seed.BTC;
import static vn.ledger.projections.fixture.Seed.CQTT;
import static vn.ledger.projections.fixture.Seed.MOST_OFFICER;
import static vn.ledger.projections.fixture.Seed.PHAM_GIA_TUC;

@DisplayName("Audit trail: who did what to which entity, when, under which authority; filters and cursor paging")
class AuditTrailTest {

    private static final String II1 = A + "/II.1";

    private final InMemoryReadStore store = new InMemoryReadStore();
    private final EventFeed feed = new EventFeed(new AuditProjection(store)).ticking();
    private final AuditQueries audit = new AuditQueries(store);

    private List<AuditEntry> all(AuditFilter filter) {
        List<AuditEntry> out = new ArrayList<>();
        String cursor = null;
        do {
            AuditQueries.AuditPage page = audit.page(filter, cursor, 7);
            out.addAll(page.entries());
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    private static ProgressReported report(int percent) {
        return new ProgressReported(II1, A, BKHCN, "Tiến độ " + percent, percent, null, LocalDate.of(2026, 4, 10),
                List.of(), MOST_OFFICER);
    }

    @Test
    void everyEventIsOneEntrySayingWhoWhatWhichEntityWhenWithWhichBusinessDateUnderWhichAuthority() {
        feed.send(Seed.commit(Seed.issuedA()).toArray());
        feed.send(new DirectiveReceived(A, BKHCN, LocalDate.of(2026, 3, 21), MOST_OFFICER));
        Instant reportRecorded = feed.now();
        feed.send(report(30));

        List<AuditEntry> entries = all(AuditFilter.any());
        assertThat(entries).extracting(AuditEntry::eventType).containsExactly("DirectiveIssued", "TaskAssigned",
                "TaskAssigned", "TaskAssigned", "DirectiveReceived", "ProgressReported");
        assertThat(entries).extracting(AuditEntry::id).isSorted();

        AuditEntry issued = entries.get(0);
        assertThat(issued.actor()).isEqualTo(PHAM_GIA_TUC);
        assertThat(issued.entityType()).isEqualTo("Directive");
        assertThat(issued.entityId()).isEqualTo(A);
        assertThat(issued.businessDate()).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(issued.directiveId()).isEqualTo(A);
        assertThat(issued.authorityBodyCode()).isEqualTo(CQTT);
        assertThat(issued.summaryVi()).startsWith("Ban hành văn bản 22-TB/CQTTBCĐ");
        assertThat(issued.summaryEn()).startsWith("Issued 22-TB/CQTTBCĐ");
        assertThat(issued.position()).isEqualTo(1L);

        AuditEntry received = entries.get(4);
        assertThat(received.actor()).isEqualTo(MOST_OFFICER);
        assertThat(received.businessDate()).isEqualTo(LocalDate.of(2026, 3, 21));
        assertThat(received.authorityBodyCode()).isEqualTo(CQTT); // the issuing body
        assertThat(received.summaryEn()).isEqualTo("BKHCN received 22-TB/CQTTBCĐ");

        AuditEntry reported = entries.get(5);
        assertThat(reported.actor().fullName()).isEqualTo("Nguyễn Văn An");
        assertThat(reported.actor().position()).isEqualTo("Vụ trưởng");
        assertThat(reported.actor().bodyCode()).isEqualTo(BKHCN);
        assertThat(reported.entityType()).isEqualTo("Task");
        assertThat(reported.entityId()).isEqualTo(II1);
        assertThat(reported.sequenceNumber()).isEqualTo(1L);
        assertThat(reported.recordedAt()).isEqualTo(reportRecorded);
        assertThat(reported.businessDate()).isEqualTo(LocalDate.of(2026, 4, 10));
        assertThat(reported.directiveId()).isEqualTo(A);
        assertThat(reported.authorityBodyCode()).isEqualTo(CQTT); // the assigning body, remembered from TaskAssigned
        assertThat(reported.bodies()).containsExactly(BKHCN, CQTT);
        assertThat(reported.summaryVi()).isEqualTo("BKHCN báo cáo tiến độ nhiệm vụ " + II1 + " 30%");
        assertThat(reported.changes()).isEmpty();
        assertThat(audit.entry(reported.id())).contains(reported);
    }

    @Test
    void anActEnteredMoreThanAWeekAfterItsBusinessDateIsFlaggedAsALateEntry() {
        feed.at("2026-03-20T02:00:00Z");
        feed.send(Seed.commit(Seed.issuedA()).toArray());
        feed.at("2026-03-28T02:00:00Z"); // 8 days after 20/3: late
        feed.send(new DirectiveReceived(A, BKHCN, LocalDate.of(2026, 3, 20), MOST_OFFICER));
        feed.at("2026-04-17T02:00:00Z"); // 7 days after 10/4: within the week
        feed.send(report(30));
        feed.at("2027-06-15T02:00:00Z"); // an acknowledgement of 2/4/2026, entered 14 months later
        feed.send(new TaskAcknowledged(II1, A, BKHCN, LocalDate.of(2026, 4, 2), MOST_OFFICER));

        List<AuditEntry> entries = all(AuditFilter.any());
        assertThat(entries).extracting(AuditEntry::eventType, AuditEntry::businessDate, AuditEntry::lateEntryDays,
                AuditEntry::lateEntry).containsExactly(
                tuple("DirectiveIssued", LocalDate.of(2026, 3, 20), 0L, false),
                tuple("TaskAssigned", LocalDate.of(2026, 3, 20), 0L, false),
                tuple("TaskAssigned", LocalDate.of(2026, 3, 20), 0L, false),
                tuple("TaskAssigned", LocalDate.of(2026, 3, 20), 0L, false),
                tuple("DirectiveReceived", LocalDate.of(2026, 3, 20), 8L, true),
                tuple("ProgressReported", LocalDate.of(2026, 4, 10), 7L, false),
                tuple("TaskAcknowledged", LocalDate.of(2026, 4, 2), 439L, true));
        AuditEntry ack = entries.get(6);
        assertThat(ack.recordedAt()).as("shown beside the business date").isAfterOrEqualTo("2027-06-15T02:00:00Z");
        assertThat(audit.entry(ack.id())).contains(ack);
    }

    @Test
    void onABusinessDayTheTrailListsWhatHadHappenedByThenInLogOrderWhenEverItWasEntered() {
        // given the notice of 20/3, a report of 10/4 entered on 17/4, and an acknowledgement of 2/4 entered in 2027
        feed.at("2026-03-20T02:00:00Z");
        feed.send(Seed.commit(Seed.issuedA()).toArray());
        feed.at("2026-04-17T02:00:00Z");
        feed.send(report(30));
        feed.at("2027-06-15T02:00:00Z");
        feed.send(new TaskAcknowledged(II1, A, BKHCN, LocalDate.of(2026, 4, 2), MOST_OFFICER));

        // when the trail is read on 5/4/2026, as known now, and as known on 1/6/2026
        List<AuditEntry> known = all(AuditFilter.any().onDay(LocalDate.of(2026, 4, 5)));
        List<AuditEntry> then = all(AuditFilter.any().onDay(LocalDate.of(2026, 4, 5))
                .between(null, Instant.parse("2026-06-01T00:00:00Z")));

        // then the acknowledgement entered late is there, in its place in the log; the report of 10/4 is not
        assertThat(known).extracting(AuditEntry::eventType).containsExactly("DirectiveIssued", "TaskAssigned",
                "TaskAssigned", "TaskAssigned", "TaskAcknowledged");
        assertThat(known).extracting(AuditEntry::id).isSorted();
        // and as known on 1/6/2026 it was not yet entered
        assertThat(then).extracting(AuditEntry::eventType).containsExactly("DirectiveIssued", "TaskAssigned",
                "TaskAssigned", "TaskAssigned");
        assertThat(all(AuditFilter.any().entity(II1).onDay(LocalDate.of(2026, 4, 10))))
                .extracting(AuditEntry::eventType).containsExactly("TaskAssigned", "ProgressReported",
                        "TaskAcknowledged");
    }

    @Test
    void lateEntriesAreListedAloneInLogOrderAndPagedFromTheirOwnPostingList() {
        feed.at("2026-03-20T02:00:00Z");
        feed.send(Seed.commit(Seed.issuedA()).toArray());
        // 120 reports, one in ten entered 30 days after its business date
        for (int i = 0; i < 120; i++) {
            feed.at(Instant.parse("2026-05-01T02:00:00Z").plusSeconds(60L * i));
            LocalDate on = i % 10 == 3 ? LocalDate.of(2026, 4, 1) : LocalDate.of(2026, 5, 1);
            feed.send(new ProgressReported(II1, A, BKHCN, "Tiến độ " + i, i % 100, null, on, List.of(),
                    MOST_OFFICER));
        }
        List<AuditEntry> every = all(AuditFilter.any());
        List<String> late = every.stream().filter(AuditEntry::lateEntry).map(AuditEntry::id).toList();
        List<String> timely = every.stream().filter(e -> !e.lateEntry()).map(AuditEntry::id).toList();
        assertThat(late).hasSize(12);

        assertThat(all(AuditFilter.any().late(true))).extracting(AuditEntry::id).containsExactlyElementsOf(late);
        assertThat(all(AuditFilter.any().late(false))).extracting(AuditEntry::id).containsExactlyElementsOf(timely);
        assertThat(all(AuditFilter.any().body(BKHCN).late(true))).extracting(AuditEntry::id)
                .containsExactlyElementsOf(late);
        assertThat(all(AuditFilter.any().entity(II1).late(true))).extracting(AuditEntry::id)
                .containsExactlyElementsOf(late);
        assertThat(all(AuditFilter.any().type("DirectiveIssued").late(true))).isEmpty();

        // the late list drives (12 ids, fewer than any other list): the page reads only late entries' buckets
        CountingReadStore counting = CountingReadStore.noScans(store);
        AuditQueries.AuditPage page = new AuditQueries(counting).page(AuditFilter.any().body(BKHCN).late(true),
                late.get(4), 5);
        assertThat(page.drivenBy()).isEqualTo(AuditProjection.LATE);
        assertThat(page.entries()).extracting(AuditEntry::id).containsExactlyElementsOf(late.subList(5, 10));
        assertThat(page.nextCursor()).isEqualTo(late.get(9));
        assertThat(counting.roundTrips).as("heads, entries").isEqualTo(2);

        // against a filtered scan (the "all" list, every entry read and tested): 9 documents against 17 here, where
        // every entry is of one task (16 to a bucket); entries spread over many entities widen the gap
        counting.reset();
        new AuditQueries(counting).page(AuditFilter.any().late(true), null, 100);
        int byLateList = counting.documents;
        counting.reset();
        List<AuditEntry> scanned = new AuditQueries(counting).page(AuditFilter.any(), null, 1_000).entries();
        assertThat(scanned.stream().filter(AuditEntry::lateEntry)).hasSize(12);
        assertThat(byLateList).isLessThan(counting.documents);
    }

    @Test
    void anEventWithoutABusinessDateReadsAsRecordedThatDayAndIsNoLateEntry() {
        AuditEntry e = new AuditEntry("id", "ev", "BodyRegistered", "vi", "en", null, "Body", "B", 0L,
                Instant.parse("2026-03-20T18:00:00Z"), null, null, null, List.of(), List.of(), 1L);

        assertThat(e.businessDate()).as("21/3 in Hà Nội").isEqualTo(LocalDate.of(2026, 3, 21));
        assertThat(e.lateEntryDays()).isZero();
        assertThat(e.lateEntry()).isFalse();
    }

    @Test
    void changesShowOldAndNewValues() {
        feed.send(Seed.bodies().toArray());
        feed.send(Seed.commit(Seed.issuedA()).toArray());
        var april = DeadlineParser.parse("trong tháng 4/2026");
        var may = DeadlineParser.parse("trong tháng 5/2026");
        feed.send(new DirectiveCorrected(A, DirectiveField.SYMBOL, "22-TB/CQTTBCĐ", "22-TB/CQTTCĐ", "Theo phụ lục",
                        LocalDate.of(2026, 3, 21), PHAM_GIA_TUC),
                new BodyRenamed(BKHCN, "Bộ Khoa học và Công nghệ", "Bộ KH&CN", LocalDate.of(2026, 4, 1), MOST_OFFICER),
                new TaskReassigned(II1, A, List.of(BKHCN), List.of(BTC), List.of(BKHCN, BTC), List.of(), "Cùng chủ trì",
                        LocalDate.of(2026, 4, 2), PHAM_GIA_TUC),
                new ExtensionRequested(II1, A, II1 + "#ext1", april, may, "Cần thêm thời gian", LocalDate.of(2026, 4, 20),
                        MOST_OFFICER),
                new ExtensionGranted(II1, A, II1 + "#ext1", april, may, LocalDate.of(2026, 4, 21), PHAM_GIA_TUC),
                new TaskCompleted(II1, A, "Xong", List.of(), LocalDate.of(2026, 5, 2), MOST_OFFICER),
                new CompletionAccepted(II1, A, LocalDate.of(2026, 5, 3), PHAM_GIA_TUC));

        assertThat(all(AuditFilter.any().type("DirectiveCorrected")).get(0).changes())
                .containsExactly(new AuditEntry.Change("SYMBOL", "22-TB/CQTTBCĐ", "22-TB/CQTTCĐ"));
        assertThat(all(AuditFilter.any().type("BodyRenamed")).get(0).changes())
                .containsExactly(new AuditEntry.Change("name", "Bộ Khoa học và Công nghệ", "Bộ KH&CN"));
        assertThat(all(AuditFilter.any().type("TaskReassigned")).get(0).changes()).containsExactly(
                new AuditEntry.Change("leadBodies", "BKHCN", "BKHCN, BTC"),
                new AuditEntry.Change("cooperatingBodies", "BTC", ""));
        assertThat(all(AuditFilter.any().type("ExtensionGranted")).get(0).changes()).containsExactly(
                new AuditEntry.Change("deadline", "2026-04-30 (trong tháng 4/2026)", "2026-05-31 (trong tháng 5/2026)"));
        assertThat(all(AuditFilter.any().type("CompletionAccepted")).get(0).changes())
                .containsExactly(new AuditEntry.Change("status", "COMPLETION_PENDING", "ACCEPTED"));
        // a later directive event names the directive by its corrected symbol
        feed.send(new DirectiveReceived(A, BKHCN, LocalDate.of(2026, 3, 22), MOST_OFFICER));
        assertThat(all(AuditFilter.any().type("DirectiveReceived")).get(0).summaryEn())
                .isEqualTo("BKHCN received 22-TB/CQTTCĐ");
    }

    @Test
    void filtersByActorBodyEntityTypeAndTimeRangeCombine() {
        feed.send(Seed.commit(Seed.issuedA()).toArray());
        feed.at(Instant.parse("2026-04-10T01:00:00Z"));
        feed.send(report(10), new TaskUrged(II1, A, "Nhắc lần 1", LocalDate.of(2026, 4, 10), PHAM_GIA_TUC), report(20));
        feed.at(Instant.parse("2026-04-20T01:00:00Z"));
        feed.send(report(50), new TaskUrged(A + "/II.2", A, "Nhắc II.2", LocalDate.of(2026, 4, 20), PHAM_GIA_TUC));

        assertThat(all(AuditFilter.any().actor("nvan"))).extracting(AuditEntry::summaryEn).containsExactly(
                "BKHCN reported progress on " + II1 + " 10%", "BKHCN reported progress on " + II1 + " 20%",
                "BKHCN reported progress on " + II1 + " 50%");
        assertThat(all(AuditFilter.any().actor("pgtuc"))).hasSize(6); // the issue, 3 tasks, 2 urgings
        assertThat(all(AuditFilter.any().entity(II1))).extracting(AuditEntry::eventType).containsExactly(
                "TaskAssigned", "ProgressReported", "TaskUrged", "ProgressReported", "ProgressReported");
        assertThat(all(AuditFilter.any().type("TaskUrged"))).hasSize(2);
        // BTC cooperates on II.1 and leads App.1: concerned by those assignments only
        assertThat(all(AuditFilter.any().body(BTC))).extracting(AuditEntry::entityId).containsExactly(II1, A + "/App.1");
        assertThat(all(AuditFilter.any().body(BKHCN).type("TaskUrged"))).isEmpty(); // urgings concern the assigner
        assertThat(all(AuditFilter.any().body(CQTT).type("TaskUrged"))).hasSize(2);
        assertThat(all(AuditFilter.any().actor("pgtuc").entity(A + "/II.2").type("TaskUrged")))
                .extracting(AuditEntry::summaryVi).containsExactly("Đôn đốc nhiệm vụ " + A + "/II.2: Nhắc II.2");
        // recorded in [10 April, 20 April): the first three only
        AuditFilter april10to20 = AuditFilter.any().between(Instant.parse("2026-04-10T00:00:00Z"),
                Instant.parse("2026-04-20T00:00:00Z"));
        assertThat(all(april10to20)).hasSize(3);
        assertThat(all(april10to20.actor("nvan"))).hasSize(2);
        assertThat(all(AuditFilter.any().between(Instant.parse("2026-04-20T01:00:00Z"), null))).hasSize(2);
        assertThat(all(AuditFilter.any().actor("nobody"))).isEmpty();
        assertThat(all(AuditFilter.any().actor("nvan").body(BTC))).isEmpty();
    }

    @Test
    void cursorPagingIsStableAcrossBucketsAndWhileNewEventsArrive() {
        feed.send(Seed.commit(Seed.issuedA()).toArray());
        // 1,300 reports by one actor, every tenth followed by an urging by another: 40 sealed leaves of that actor
        for (int i = 0; i < 1_300; i++) {
            feed.send(report(i % 100));
            if (i % 10 == 0) {
                feed.send(new TaskUrged(II1, A, "Nhắc " + i, LocalDate.of(2026, 4, 10), PHAM_GIA_TUC));
            }
        }
        AuditFilter mine = AuditFilter.any().actor("nvan");
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            AuditQueries.AuditPage page = audit.page(mine, cursor, 100);
            assertThat(page.drivenBy()).isEqualTo("actor:nvan");
            page.entries().forEach(e -> seen.add(e.id()));
            cursor = page.nextCursor();
            pages++;
            if (pages == 5) {
                // events recorded while someone pages: they come after, on later pages, and nothing repeats
                feed.send(report(99), report(100));
            }
        } while (cursor != null);
        assertThat(seen).hasSize(1_302).doesNotHaveDuplicates().isSorted();
        assertThat(pages).isEqualTo(14);

        // a selective filter answers a page after a cursor deep in its list in five round trips: heads, the list's
        // spine, the level-1 node that holds the cursor, a few leaves, the entries
        CountingReadStore counting = CountingReadStore.noScans(store);
        AuditQueries.AuditPage page = new AuditQueries(counting).page(mine, seen.get(600), 50);
        assertThat(page.entries()).extracting(AuditEntry::id).containsExactlyElementsOf(seen.subList(601, 651));
        assertThat(counting.roundTrips).isEqualTo(5);
        // its first page: heads, spine, the leftmost node, leaves, entries; near its end: heads, the open leaf, entries
        counting.reset();
        assertThat(new AuditQueries(counting).page(mine, null, 50).entries()).extracting(AuditEntry::id)
                .containsExactlyElementsOf(seen.subList(0, 50));
        assertThat(counting.roundTrips).isEqualTo(5);
        counting.reset();
        assertThat(new AuditQueries(counting).page(mine, seen.get(1_290), 50).entries()).hasSize(11);
        assertThat(counting.roundTrips).isEqualTo(3);

        // combined with another filter the most selective list drives: the urgings of II.1 by their author
        AuditQueries.AuditPage urgings = audit.page(AuditFilter.any().entity(II1).type("TaskUrged"), null, 1_000);
        assertThat(urgings.drivenBy()).isEqualTo("type:TaskUrged");
        assertThat(urgings.entries()).hasSize(130);
    }

    @Test
    void aLateCommitFillingAGapInTheGlobalOrderLandsInPlace() {
        EventFeed source = new EventFeed().ticking();
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Object e : Seed.commit(Seed.issuedA())) {
            messages.add(source.message(e));
        }
        for (int i = 0; i < 700; i++) {
            messages.add(source.message(report(i % 100)));
        }
        // position 10 (a slow commit) arrives after everything else: its bucket is already sealed
        EventMessage<?> late = messages.remove(9);
        EventFeed target = new EventFeed(new AuditProjection(store)).ticking();
        target.deliverAll(messages);
        target.deliver(late);

        List<AuditEntry> entries = all(AuditFilter.any().actor("nvan"));
        assertThat(entries).hasSize(700).extracting(AuditEntry::position).isSorted();
        assertThat(entries.get(5).position()).isEqualTo(10L);
        assertThat(all(AuditFilter.any())).extracting(AuditEntry::position).isSorted().hasSize(704);
    }

    @Test
    @DisplayName("the trail is in log order, not in the order of the recording instants; the time filter compares the instant")
    void theIdSortsByLogPositionNotByRecordingInstant() {
        feed.at(Instant.parse("2026-04-10T05:00:00Z"));
        feed.send(Seed.commit(Seed.issuedA()).toArray());
        feed.at(Instant.parse("2026-04-10T04:00:00Z")); // a writer with a slower clock commits later
        feed.send(report(1));
        List<AuditEntry> entries = all(AuditFilter.any());
        // committed first, listed first; the commit's own position is kept in the entry
        assertThat(entries).first().extracting(AuditEntry::eventType).isEqualTo("DirectiveIssued");
        assertThat(entries).last().extracting(AuditEntry::eventType).isEqualTo("ProgressReported");
        assertThat(entries.get(4).position()).isEqualTo(5L);
        assertThat(entries.get(4).id()).isEqualTo("0000000000000000005.000000000-1775793600000000-" + II1 + "-0000000001");
        assertThat(entries.get(0).id()).isEqualTo("0000000000000000001.000000000-1775797200000000-" + A + "-0000000000");
        assertThat(all(AuditFilter.any().between(Instant.parse("2026-04-10T04:00:00Z"), Instant.parse("2026-04-10T04:30:00Z"))))
                .singleElement().extracting(AuditEntry::eventType).isEqualTo("ProgressReported");
    }

    @Test
    void anEventDeliveredTwiceChangesNothing() {
        feed.send(Seed.commit(Seed.issuedA()).toArray());
        for (int i = 0; i < 520; i++) {
            feed.send(report(i % 100));
        }
        feed.send(new DirectiveCorrected(A, DirectiveField.SUBJECT, "x", "y", "z", LocalDate.of(2026, 3, 21), PHAM_GIA_TUC));
        Map<Object, Document> before = snapshot(store);

        feed.deliverAll(feed.delivered());
        List<EventMessage<?>> reversed = new ArrayList<>(feed.delivered());
        Collections.reverse(reversed);
        feed.deliverAll(reversed);
        assertThat(snapshot(store)).isEqualTo(before);

        // a fresh projection instance (restart: empty caches) over the same store also ignores them
        new EventFeed(new AuditProjection(store)).deliverAll(feed.delivered());
        assertThat(snapshot(store)).isEqualTo(before);
        assertThat(all(AuditFilter.any().entity(II1))).hasSize(521);
    }

    static Map<Object, Document> snapshot(InMemoryReadStore store) {
        Map<Object, Document> all = new LinkedHashMap<>();
        for (String c : AuditProjection.COLLECTIONS) {
            all.putAll(store.scan(c).collect(Collectors.toMap(d -> c + ":" + d.get("_id"), d -> d)));
        }
        return all;
    }
}

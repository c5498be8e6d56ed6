package vn.ledger.projections.directive;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.core.directive.DirectiveAliasRegistered;
import vn.ledger.core.directive.DirectiveCorrected;
import vn.ledger.core.directive.DirectiveField;
import vn.ledger.core.directive.DirectiveIssued;
import vn.ledger.core.directive.DirectiveKind;
import vn.ledger.core.directive.DirectiveRecalled;
import vn.ledger.core.directive.DirectiveReceived;
import vn.ledger.core.directive.DirectiveReplaced;
import vn.ledger.core.directive.Signer;
import vn.ledger.core.directive.SigningCapacity;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.core.task.TaskAcknowledged;
import vn.ledger.projections.fixture.CountingReadStore;
import vn.ledger.projections.fixture.EventFeed;
import vn.ledger.projections.fixture.Seed;
import vn.ledger.projections.store.InMemoryReadStore;
import vn.ledger.projections.task.TaskProjection;
import vn.ledger.projections.task.Timeliness;
import vn.ledger.projections.task.TimelinessRule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ledger.projections.fixture.Seed.A;
import static vn.ledger.projections.fixture.Seed.B;
import static vn.ledger.projections.fixture.Seed.BKHCN;
import static vn.ledger.projections.fixture.Seed.C;

@DisplayName("Directive state: metadata, recipients and receipts, tasks with timeliness, citations both ways")
class DirectiveStateTest {

    private static final Instant MAY_1 = Instant.parse("2026-05-01T00:00:00Z");

    private final InMemoryReadStore store = new InMemoryReadStore();
    private final EventFeed feed = new EventFeed(new DirectiveProjection(store), new TaskProjection(store)).ticking();
    private final DirectiveQueries queries = new DirectiveQueries(store, Clock.fixed(MAY_1, ZoneOffset.UTC));

    private void issueCascade() {
        feed.send(Seed.commit(Seed.issuedA()).toArray());
        feed.send(Seed.commit(Seed.issuedB()).toArray());
        feed.send(Seed.commit(Seed.issuedC()).toArray());
    }

    @Test
    void anIssuedDirectiveShowsItsMetadataRecipientsWithReceiptOrientationsAndItsTasksWithTimeliness() {
        feed.send(Seed.commit(Seed.issuedA()).toArray());
        Instant receiptRecorded = feed.now();
        feed.send(new DirectiveReceived(A, BKHCN, LocalDate.of(2026, 3, 21), Seed.MOST_OFFICER),
                new DirectiveReceived(A, Seed.TU, LocalDate.of(2026, 3, 22), Seed.LE_THANH_DO),
                new TaskAcknowledged(A + "/II.2", A, BKHCN, LocalDate.of(2026, 3, 25), Seed.MOST_OFFICER));

        DirectiveView v = queries.state(A).orElseThrow();
        assertThat(v.symbol()).isEqualTo("22-TB/CQTTBCĐ");
        assertThat(v.kind()).isEqualTo(DirectiveKind.THONG_BAO);
        assertThat(v.issuingBodyCode()).isEqualTo(Seed.CQTT);
        assertThat(v.signer()).isEqualTo(new Signer("Phạm Gia Túc", "Chánh Văn phòng kiêm Phó Trưởng ban Thường trực",
                SigningCapacity.TM));
        assertThat(v.issuedOn()).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(v.subject()).startsWith("Kết luận của Thường trực");
        assertThat(v.issuedBy()).isEqualTo(Seed.PHAM_GIA_TUC);
        assertThat(v.status()).isEqualTo(DirectiveStatus.ACTIVE);
        assertThat(v.orientations()).containsExactly("Công nghệ chiến lược là trụ cột", "Phát triển hạ tầng số");

        assertThat(v.recipients()).extracting(DirectiveView.Recipient::bodyCode)
                .containsExactly(BKHCN, Seed.BTC, Seed.BGDDT, Seed.TU);
        assertThat(v.recipients()).allMatch(r -> r.role() == DirectiveProjection.Role.ACTION);
        DirectiveView.Recipient most = v.recipients().get(0);
        assertThat(most.received()).isTrue();
        assertThat(most.receivedOn()).isEqualTo(LocalDate.of(2026, 3, 21));
        assertThat(most.receivedBy()).isEqualTo(Seed.MOST_OFFICER);
        assertThat(most.recordedAt()).isEqualTo(receiptRecorded);
        assertThat(v.recipients().get(1).received()).isFalse();
        assertThat(v.recipientCount()).isEqualTo(4);
        assertThat(v.receivedCount()).isEqualTo(2);

        // on 1 May: II.1 (April) and App.1 (before 5 April) are overdue; the monthly II.2 is under way
        assertThat(v.tasks()).extracting(DirectiveView.TaskLine::taskId)
                .containsExactly(A + "/II.1", A + "/II.2", A + "/App.1");
        assertThat(v.tasks()).extracting(DirectiveView.TaskLine::timeliness).containsExactly(
                Timeliness.OVERDUE_NOT_DONE, Timeliness.IN_PROGRESS_ON_TIME, Timeliness.OVERDUE_NOT_DONE);
        assertThat(v.taskCounts()).containsExactlyInAnyOrderEntriesOf(
                Map.of(Timeliness.OVERDUE_NOT_DONE, 2, Timeliness.IN_PROGRESS_ON_TIME, 1));
        assertThat(v.ruleVersion()).isEqualTo(TimelinessRule.VERSION);
        assertThat(v.tasks().get(2).missing()).hasSize(2);
        // the same directive judged on 1 April: nothing overdue yet
        assertThat(queries.state(A, Instant.parse("2026-04-01T00:00:00Z")).orElseThrow().tasks())
                .extracting(DirectiveView.TaskLine::timeliness)
                .containsExactly(Timeliness.NOT_STARTED, Timeliness.IN_PROGRESS_ON_TIME, Timeliness.NOT_STARTED);
    }

    @Test
    void theStateIsReadInTwoRoundTripsWhateverTheNumberOfTasks() {
        issueCascade();
        CountingReadStore counting = CountingReadStore.noScans(store);
        new DirectiveQueries(counting).state(A, MAY_1).orElseThrow();
        assertThat(counting.roundTrips).isEqualTo(2);
    }

    @Test
    void citationsKeepTheSymbolAsWrittenResolveToOneDirectiveAndAreListedOnTheCitedOne() {
        issueCascade();

        DirectiveView a = queries.state(A).orElseThrow();
        assertThat(a.implementsDirectives()).isEmpty();
        assertThat(a.implementedBy()).containsExactly(
                new DirectiveView.ImplementerLink(B, "569-CV/TU", Seed.TU, LocalDate.of(2026, 3, 23), "22-TB/VPTW"),
                new DirectiveView.ImplementerLink(C, "506-CV/ĐU", Seed.DU, LocalDate.of(2026, 3, 25), "22-TB/VPTW"));

        DirectiveView b = queries.state(B).orElseThrow();
        assertThat(b.implementsDirectives()).containsExactly(
                new DirectiveView.CitationLink("22-TB/VPTW", A, "22-TB/CQTTBCĐ"));
        assertThat(b.implementedBy()).extracting(DirectiveView.ImplementerLink::directiveId).containsExactly(C);
        assertThat(b.recipients()).extracting(DirectiveView.Recipient::role).containsExactly(
                DirectiveProjection.Role.ACTION, DirectiveProjection.Role.ACTION, DirectiveProjection.Role.REPORT);

        DirectiveView c = queries.state(C).orElseThrow();
        assertThat(c.implementsDirectives()).containsExactly(
                new DirectiveView.CitationLink("569-CV/TU", B, "569-CV/TU"),
                new DirectiveView.CitationLink("22-TB/VPTW", A, "22-TB/CQTTBCĐ"));
    }

    @Test
    void lateAndOutOfOrderDeliveryAcrossAggregatesGivesTheSameState() {
        EventFeed source = new EventFeed().ticking();
        List<EventMessage<?>> all = new ArrayList<>();
        for (DirectiveIssued d : List.of(Seed.issuedA(), Seed.issuedB(), Seed.issuedC())) {
            for (Object e : Seed.commit(d)) {
                all.add(source.message(e));
            }
        }
        // a task added to A later (AssignTask: only the task's own TaskAssigned), a receipt, a recall of C
        all.add(source.message(Seed.assigned(A, null, Seed.spec("II.7", "Sơ kết", List.of(BKHCN), List.of(),
                "ngày 30/6/2026", "Báo cáo sơ kết"), Seed.CQTT, LocalDate.of(2026, 4, 2), Seed.PHAM_GIA_TUC)));
        all.add(source.message(new DirectiveReceived(A, Seed.TU, LocalDate.of(2026, 3, 22), Seed.LE_THANH_DO)));
        all.add(source.message(new DirectiveRecalled(C, "Ban hành nhầm", LocalDate.of(2026, 3, 26), Seed.HANG_XUAN_THANG)));

        InMemoryReadStore inOrder = new InMemoryReadStore();
        new EventFeed(new DirectiveProjection(inOrder), new TaskProjection(inOrder)).deliverAll(all);

        // the last aggregate first: tasks before their directive, citing documents before the cited ones; each
        // aggregate's own events stay in their order, as Axon guarantees
        Map<String, List<EventMessage<?>>> byAggregate = new LinkedHashMap<>();
        for (EventMessage<?> m : all) {
            byAggregate.computeIfAbsent(((DomainEventMessage<?>) m).getAggregateIdentifier(), k -> new ArrayList<>()).add(m);
        }
        List<String> aggregates = new ArrayList<>(byAggregate.keySet());
        java.util.Collections.reverse(aggregates);
        List<EventMessage<?>> shuffled = new ArrayList<>();
        aggregates.forEach(id -> shuffled.addAll(byAggregate.get(id)));
        InMemoryReadStore outOfOrder = new InMemoryReadStore();
        DirectiveQueries late = new DirectiveQueries(outOfOrder);
        // before the directive itself arrives, links to it exist but it is not shown
        EventFeed lateFeed = new EventFeed(new DirectiveProjection(outOfOrder), new TaskProjection(outOfOrder)).ticking();
        int firstOfA = shuffled.indexOf(byAggregate.get(A).get(0));
        lateFeed.deliverAll(shuffled.subList(0, firstOfA));
        assertThat(late.state(A, MAY_1)).isEmpty();
        lateFeed.deliverAll(shuffled.subList(firstOfA, shuffled.size()));

        for (String id : List.of(A, B, C)) {
            assertThat(normalised(late.state(id, MAY_1).orElseThrow()))
                    .isEqualTo(normalised(new DirectiveQueries(inOrder).state(id, MAY_1).orElseThrow()));
        }
        DirectiveView a = late.state(A, MAY_1).orElseThrow();
        assertThat(a.tasks()).extracting(DirectiveView.TaskLine::taskId)
                .containsExactly(A + "/II.1", A + "/II.2", A + "/App.1", A + "/II.7");
        assertThat(a.implementedBy()).extracting(DirectiveView.ImplementerLink::directiveId).containsExactlyInAnyOrder(B, C);
        assertThat(late.state(B, MAY_1).orElseThrow().implementsDirectives())
                .containsExactly(new DirectiveView.CitationLink("22-TB/VPTW", A, "22-TB/CQTTBCĐ"));
        assertThat(late.state(C, MAY_1).orElseThrow().status()).isEqualTo(DirectiveStatus.RECALLED);
    }

    @Test
    void anEventDeliveredTwiceChangesNothing() {
        issueCascade();
        feed.send(new DirectiveReceived(A, BKHCN, LocalDate.of(2026, 3, 21), Seed.MOST_OFFICER),
                new DirectiveCorrected(B, DirectiveField.SUBJECT, Seed.issuedB().subject(), "V/v triển khai 22-TB",
                        "Sai chính tả", LocalDate.of(2026, 3, 24), Seed.LE_THANH_DO),
                new DirectiveAliasRegistered(A, "22-TB/VPTW", LocalDate.of(2026, 3, 24), Seed.PHAM_GIA_TUC));
        Map<Object, Document> before = snapshot();

        feed.deliverAll(feed.delivered());
        List<EventMessage<?>> reversed = new ArrayList<>(feed.delivered());
        java.util.Collections.reverse(reversed);
        feed.deliverAll(reversed);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(queries.state(A).orElseThrow().aliases()).hasSize(1);
        assertThat(queries.state(B).orElseThrow().corrections()).hasSize(1);
    }

    @Test
    void correctionsAreAppliedKeptWithTheirHistoryAndReachTheLinkedDirectives() {
        issueCascade();
        feed.send(new DirectiveCorrected(B, DirectiveField.SYMBOL, "569-CV/TU", "569-CV/TUĐB", "Thiếu ký hiệu tỉnh",
                        LocalDate.of(2026, 3, 24), Seed.LE_THANH_DO),
                new DirectiveCorrected(B, DirectiveField.ISSUED_ON, "2026-03-23", "2026-03-24", "Nhầm ngày",
                        LocalDate.of(2026, 3, 24), Seed.LE_THANH_DO),
                new DirectiveCorrected(B, DirectiveField.SIGNER_NAME, "Lê Thành Đô", "Lê Thành Độ", "Chính tả",
                        LocalDate.of(2026, 3, 24), Seed.LE_THANH_DO),
                new DirectiveCorrected(B, DirectiveField.KIND, "CONG_VAN", "KE_HOACH", "Nhầm loại",
                        LocalDate.of(2026, 3, 24), Seed.LE_THANH_DO));

        DirectiveView b = queries.state(B).orElseThrow();
        assertThat(b.symbol()).isEqualTo("569-CV/TUĐB");
        assertThat(b.issuedOn()).isEqualTo(LocalDate.of(2026, 3, 24));
        assertThat(b.signer().name()).isEqualTo("Lê Thành Độ");
        assertThat(b.signer().position()).isEqualTo("Phó Bí thư");
        assertThat(b.kind()).isEqualTo(DirectiveKind.KE_HOACH);
        assertThat(b.corrections()).extracting(DirectiveView.Correction::field, DirectiveView.Correction::oldValue,
                        DirectiveView.Correction::newValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SYMBOL", "569-CV/TU", "569-CV/TUĐB"),
                        org.assertj.core.groups.Tuple.tuple("ISSUED_ON", "2026-03-23", "2026-03-24"),
                        org.assertj.core.groups.Tuple.tuple("SIGNER_NAME", "Lê Thành Đô", "Lê Thành Độ"),
                        org.assertj.core.groups.Tuple.tuple("KIND", "CONG_VAN", "KE_HOACH"));
        assertThat(b.corrections().get(0).by()).isEqualTo(Seed.LE_THANH_DO);
        assertThat(b.corrections().get(0).reason()).isEqualTo("Thiếu ký hiệu tỉnh");

        // A lists B under its new symbol and date; C's citation keeps the wording and shows the current symbol
        assertThat(queries.state(A).orElseThrow().implementedBy()).filteredOn(l -> l.directiveId().equals(B))
                .singleElement().satisfies(l -> {
                    assertThat(l.symbol()).isEqualTo("569-CV/TUĐB");
                    assertThat(l.issuedOn()).isEqualTo(LocalDate.of(2026, 3, 24));
                    assertThat(l.citedAs()).isEqualTo("22-TB/VPTW");
                });
        assertThat(queries.state(C).orElseThrow().implementsDirectives().get(0))
                .isEqualTo(new DirectiveView.CitationLink("569-CV/TU", B, "569-CV/TUĐB"));
    }

    @Test
    void recallReplacementAndAliasesAreShownAndAReplacementListsWhatItReplaces() {
        issueCascade();
        DirectiveIssued x = new DirectiveIssued("dir-X", "600-CV/TU", DirectiveKind.CONG_VAN, Seed.TU, null,
                LocalDate.of(2026, 4, 1), "V/v thay thế Công văn 569", List.of(Seed.DU), List.of(), List.of(), List.of(),
                List.of(), List.of(), Seed.LE_THANH_DO);
        // the replacement is recorded before the replacing document's own events are delivered
        feed.send(new DirectiveReplaced(B, "dir-X", "Thay thế", LocalDate.of(2026, 4, 2), Seed.LE_THANH_DO));
        assertThat(queries.state("dir-X")).isEmpty();
        feed.send(x);
        feed.send(new DirectiveRecalled(C, "Ban hành nhầm", LocalDate.of(2026, 3, 26), Seed.HANG_XUAN_THANG),
                new DirectiveAliasRegistered(A, "22-TB/VPTW", LocalDate.of(2026, 3, 24), Seed.PHAM_GIA_TUC));

        DirectiveView b = queries.state(B).orElseThrow();
        assertThat(b.status()).isEqualTo(DirectiveStatus.REPLACED);
        assertThat(b.replacement().replacementDirectiveId()).isEqualTo("dir-X");
        assertThat(b.replacement().replacedOn()).isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(queries.state("dir-X").orElseThrow().replaces()).containsExactly(B);
        DirectiveView c = queries.state(C).orElseThrow();
        assertThat(c.status()).isEqualTo(DirectiveStatus.RECALLED);
        assertThat(c.recall().reason()).isEqualTo("Ban hành nhầm");
        assertThat(queries.state(A).orElseThrow().aliases()).extracting(DirectiveView.Alias::alias)
                .containsExactly("22-TB/VPTW");
        assertThat(queries.state("unknown")).isEmpty();
    }

    @Test
    void aDirectiveImplementedByThousandsKeepsASmallDocumentAndListsThemAll() {
        // 620 commune letters cite A before A's own events arrive; then A comes, then one commune corrects its symbol
        List<DirectiveIssued> communes = new ArrayList<>();
        for (int i = 0; i < 620; i++) {
            communes.add(new DirectiveIssued("dir-xa-" + i, i + "-CV/ĐU", DirectiveKind.CONG_VAN, "XA-" + i, null,
                    LocalDate.of(2026, 3, 26), "V/v triển khai", List.of(), List.of(), List.of(), List.of(),
                    List.of(new vn.ledger.core.directive.Citation("22-TB/VPTW", A)), List.of(), Seed.staffOf("XA-" + i)));
        }
        feed.send(communes.toArray());
        assertThat(queries.state(A)).isEmpty();
        feed.send(Seed.issuedA());
        feed.send(new DirectiveCorrected("dir-xa-600", DirectiveField.SYMBOL, "600-CV/ĐU", "600-CV/ĐU-SB", "Thiếu",
                LocalDate.of(2026, 3, 27), Seed.staffOf("XA-600")));
        feed.deliverAll(feed.delivered()); // and everything again

        DirectiveView a = queries.state(A).orElseThrow();
        assertThat(a.implementedByCount()).isEqualTo(620);
        assertThat(a.implementedBy()).hasSize(DirectiveProjection.INLINE_LINKS);
        List<DirectiveView.ImplementerLink> all = queries.implementedBy(A);
        assertThat(all).extracting(DirectiveView.ImplementerLink::directiveId)
                .containsExactlyElementsOf(communes.stream().map(DirectiveIssued::directiveId).toList());
        assertThat(all.get(600).symbol()).isEqualTo("600-CV/ĐU-SB");
        assertThat(store.scan(DirectiveProjection.LINKS)).hasSize(2); // 50 inline, 500 + 70 in two buckets
        // every commune's citation learnt A's symbol when A arrived
        assertThat(queries.state("dir-xa-599").orElseThrow().implementsDirectives())
                .containsExactly(new DirectiveView.CitationLink("22-TB/VPTW", A, "22-TB/CQTTBCĐ"));
        CountingReadStore counting = CountingReadStore.noScans(store);
        new DirectiveQueries(counting).implementedBy(A);
        assertThat(counting.roundTrips).isEqualTo(2);
    }

    private static DirectiveView normalised(DirectiveView v) {
        List<DirectiveView.ImplementerLink> links = new ArrayList<>(v.implementedBy());
        links.sort(Comparator.comparing(DirectiveView.ImplementerLink::directiveId));
        return new DirectiveView(v.directiveId(), v.symbol(), v.kind(), v.issuingBodyCode(), v.signer(), v.issuedOn(),
                v.subject(), v.aliases(), v.corrections(), v.recipients(), v.recipientCount(), v.receivedCount(),
                v.recipientGroups(), v.orientations(), v.tasks(), v.taskCounts(), v.implementsDirectives(), links, v.implementedByCount(),
                v.status(), v.recall(),
                v.replacement(), v.replaces(), v.issuedBy(), v.recordedAt(), v.ruleVersion(), v.version());
    }

    private Map<Object, Document> snapshot() {
        Map<Object, Document> all = new LinkedHashMap<>();
        for (String c : List.of(DirectiveProjection.COLLECTION, TaskProjection.COLLECTION)) {
            all.putAll(store.scan(c).collect(Collectors.toMap(d -> c + ":" + d.get("_id"), d -> d)));
        }
        return all;
    }
}

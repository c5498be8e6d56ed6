package vn.ledger.projections.audit;

import vn.ledger.projections.fixture.BytesWritten;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.core.directive.DirectiveCorrected;
import vn.ledger.core.directive.DirectiveField;
import vn.ledger.core.directive.DirectiveReceived;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.task.ProgressReported;
import vn.ledger.core.task.TaskUrged;
import vn.ledger.eventstore.CommitToken;
import vn.ledger.eventstore.LogPosition;
import vn.ledger.projections.audit.PostingDocs.Head;
import vn.ledger.projections.audit.PostingDocs.Leaf;
import vn.ledger.projections.audit.PostingDocs.Node;
import vn.ledger.projections.fixture.Canonical;
import vn.ledger.projections.fixture.CountingReadStore;
import vn.ledger.projections.fixture.EventFeed;
import vn.ledger.projections.fixture.Ledger;
import vn.ledger.projections.fixture.Seed;
import vn.ledger.projections.fixture.SeedCascade;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.InMemoryReadStore;
import vn.ledger.projections.store.PackedStrings;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.store.WriteBehindStore;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.ledger.projections.fixture.Seed.A;
import static vn.ledger.projections.fixture.Seed.BKHCN;
import static vn.ledger.projections.fixture.Seed.MOF_OFFICER;
import static vn.ledger.projections.fixture.Seed.MOST_OFFICER;
import static vn.ledger.projections.fixture.Seed.PHAM_GIA_TUC;

@DisplayName("Audit trail storage: stable ids, entries grouped by entity, posting lists, documents written per event")
class AuditStorageTest {

    private static final String II1 = A + "/II.1";
    private static final String II2 = A + "/II.2";

    private static final List<AuditFilter> FILTERS = List.of(AuditFilter.any(), AuditFilter.any().body("BKHCN"),
            AuditFilter.any().actor("user.bkhcn"), AuditFilter.any().type("DirectiveReceived"),
            AuditFilter.any().entity(SeedCascade.A), AuditFilter.any().entity(SeedCascade.A + "/II.1"),
            AuditFilter.any().body("DU-SINHBINH").type("TaskAssigned"),
            AuditFilter.any().between(Instant.parse("2026-03-20T00:00:00Z"), Instant.parse("2026-03-25T00:00:00Z")));

    /** The seed cascade as the event store delivers it: aggregate events, no tracking tokens. */
    private static List<DomainEventMessage<?>> seedCascade() {
        EventFeed feed = new EventFeed();
        Ledger ledger = new Ledger(feed);
        SeedCascade.load(ledger);
        SeedCascade.later(ledger);
        return feed.emitted();
    }

    /** The message as a processor sees it with a token of this index (its log position is its own, unchanged). */
    private static DomainEventMessage<?> tracked(DomainEventMessage<?> m, long index) {
        LogPosition at = LogPosition.require(m);
        return new GenericTrackedDomainEventMessage<>(new CommitToken(index, Collections.emptySet(), at.commit(),
                at.offset()), untracked(m));
    }

    private static DomainEventMessage<?> untracked(DomainEventMessage<?> m) {
        return new GenericDomainEventMessage<>(m.getType(), m.getAggregateIdentifier(), m.getSequenceNumber(),
                m.getPayload(), m.getMetaData(), m.getIdentifier(), m.getTimestamp());
    }

    private static InMemoryReadStore built(List<DomainEventMessage<?>> messages) {
        InMemoryReadStore store = new InMemoryReadStore();
        EventFeed.replay(messages, new AuditProjection(store));
        return store;
    }

    /** Built as a rebuild does, through a write-behind buffer (the memory store copies every document it is given). */
    private static InMemoryReadStore rebuilt(List<DomainEventMessage<?>> messages) {
        InMemoryReadStore store = new InMemoryReadStore();
        WriteBehindStore buffer = new WriteBehindStore(store, 100_000, 100_000);
        EventFeed.replay(messages, new AuditProjection(buffer));
        buffer.flush();
        return store;
    }

    static List<AuditEntry> all(ReadStore store, AuditFilter filter, int pageSize) {
        AuditQueries audit = new AuditQueries(store);
        List<AuditEntry> out = new ArrayList<>();
        String cursor = null;
        do {
            AuditQueries.AuditPage page = audit.page(filter, cursor, pageSize);
            out.addAll(page.entries());
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    // ------------------------------------------------------------------ ids

    @Test
    @DisplayName("ids are the events' log positions, whatever index the tracking token gives a commit that fills a gap")
    void idsAreTheLogPositionsWhateverTheTrackingTokenSays() {
        List<DomainEventMessage<?>> events = seedCascade();
        int n = events.size();
        // given a rebuild: token index = the commit's position, in order
        List<DomainEventMessage<?>> rebuild = events.stream().<DomainEventMessage<?>>map(m -> tracked(m, LogPosition.require(m).commit())).toList();
        // and live: commit 10 was slow and filled its gap last, tracked at the highest position seen
        List<DomainEventMessage<?>> live = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i != 9) {
                live.add(tracked(events.get(i), i + 1));
            }
        }
        live.add(tracked(events.get(9), n));

        for (int i = 0; i < n; i++) {
            assertThat(AuditProjection.auditId(rebuild.get(i))).isEqualTo(AuditProjection.auditId(events.get(i)))
                    .startsWith(new LogPosition(i + 1, 0).key() + "-"
                            + String.format("%016d-", AuditId.micros(events.get(i).getTimestamp())))
                    .endsWith("-" + events.get(i).getAggregateIdentifier()
                            + String.format("-%010d", events.get(i).getSequenceNumber()));
        }
        // when both are built
        InMemoryReadStore fromRebuild = built(rebuild);
        InMemoryReadStore fromLive = built(live);
        // then they list the same entries in log order, from the same documents, with the commit's own position
        for (AuditFilter f : FILTERS) {
            List<AuditEntry> expected = all(fromRebuild, f, 5);
            assertThat(expected).isNotEmpty().extracting(AuditEntry::position).isSorted();
            assertThat(all(fromLive, f, 5)).isEqualTo(expected);
        }
        assertThat(AuditTrailTest.snapshot(fromLive)).isEqualTo(AuditTrailTest.snapshot(fromRebuild));
        String slow = AuditProjection.auditId(events.get(9));
        assertThat(new AuditQueries(fromLive).entry(slow)).hasValueSatisfying(e -> assertThat(e.position()).isEqualTo(10L));
        assertThat(new AuditQueries(fromLive).entry("P0000000000000001-x")).isEmpty();
    }

    @Test
    @DisplayName("an event that carries no log position (not read from the event store) is refused, not misplaced")
    void anEventWithoutLogPositionIsRefused() {
        InMemoryReadStore store = new InMemoryReadStore();
        DomainEventMessage<?> untracked = untracked(seedCascade().get(0));
        assertThatThrownBy(() -> EventFeed.replay(List.of(untracked), new AuditProjection(store)))
                .hasRootCauseInstanceOf(IllegalArgumentException.class).rootCause().hasMessageContaining("no log position");
        assertThat(store.scan(AuditProjection.COLLECTION)).isEmpty();
    }

    @Test
    void anEventDeliveredAgainChangesNothingWhateverItsTokenOrWhenItComes() {
        List<DomainEventMessage<?>> events = seedCascade();
        InMemoryReadStore store = new InMemoryReadStore();
        AuditProjection projection = new AuditProjection(store);
        EventFeed.replay(IntStream.range(0, events.size()).<DomainEventMessage<?>>mapToObj(i -> tracked(events.get(i), i + 1)).toList(),
                projection);
        Map<Object, Document> before = AuditTrailTest.snapshot(store);

        // again, with other token indexes, in reverse, one by one after later ones, and after a restart
        EventFeed.replay(events, projection);
        EventFeed.replay(events.stream().<DomainEventMessage<?>>map(m -> tracked(m, 7)).toList(), projection);
        List<DomainEventMessage<?>> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);
        EventFeed.replay(reversed, projection);
        EventFeed.replay(events, new AuditProjection(store));
        assertThat(AuditTrailTest.snapshot(store)).isEqualTo(before);
    }

    @Test
    void anEventThatIsNoAggregateEventIsKeptOnItsOwnOnce() {
        InMemoryReadStore store = new InMemoryReadStore();
        EventFeed feed = new EventFeed(new AuditProjection(store)).ticking();
        feed.send(Seed.commit(Seed.issuedA()).toArray());
        EventMessage<?> loose = new GenericTrackedEventMessage<>(new CommitToken(99, Collections.emptySet(), 99, 0),
                new GenericEventMessage<>(new TaskUrged(II1, A, "Nhắc", LocalDate.of(2026, 4, 10), PHAM_GIA_TUC)));
        feed.deliver(loose);
        Map<Object, Document> once = AuditTrailTest.snapshot(store);
        feed.deliver(loose);
        assertThat(AuditTrailTest.snapshot(store)).isEqualTo(once);

        String id = AuditProjection.auditId(loose);
        assertThat(id).endsWith("-~" + loose.getIdentifier() + "-0000000000");
        assertThat(new AuditQueries(store).entry(id)).hasValueSatisfying(e -> {
            assertThat(e.eventType()).isEqualTo("TaskUrged");
            assertThat(e.entityId()).isNull();
            assertThat(e.sequenceNumber()).isNull();
            assertThat(e.authorityBodyCode()).isEqualTo(Seed.CQTT); // read from the task it names
        });
        assertThat(all(store, AuditFilter.any().type("TaskUrged"), 10)).extracting(AuditEntry::id).containsExactly(id);
        assertThat(all(store, AuditFilter.any().entity(II1), 10)).extracting(AuditEntry::eventType)
                .containsExactly("TaskAssigned");
    }

    // ------------------------------------------------------------------ late and out-of-order delivery

    @Test
    void lateAndOutOfOrderDeliveryBuildsTheSameModel() {
        List<DomainEventMessage<?>> events = seedCascade();
        InMemoryReadStore inOrder = built(events);
        for (long seed = 1; seed <= 5; seed++) {
            InMemoryReadStore shuffled = built(EventFeed.shuffleAcrossAggregates(events, seed));
            // lists this short are one document each, whose ids are sorted: the very same documents
            assertThat(AuditTrailTest.snapshot(shuffled)).isEqualTo(AuditTrailTest.snapshot(inOrder));
            for (AuditFilter f : FILTERS) {
                assertThat(all(shuffled, f, 3)).isEqualTo(all(inOrder, f, 3));
            }
        }
    }

    @Test
    void lateAndOutOfOrderDeliveryAcrossSealedBucketsPagesInOrder() {
        // three tasks reported on by two people, 1,500 events: "all" and both actors seal buckets
        EventFeed source = new EventFeed().ticking();
        List<DomainEventMessage<?>> events = new ArrayList<>();
        Seed.commit(Seed.issuedA()).forEach(e -> events.add((DomainEventMessage<?>) source.message(e)));
        String[] tasks = {II1, II2, A + "/App.1"};
        for (int i = 0; i < 1_500; i++) {
            Actor who = i % 3 == 0 ? MOF_OFFICER : MOST_OFFICER;
            events.add((DomainEventMessage<?>) source.message(new ProgressReported(tasks[i % 3], A, who.bodyCode(),
                    "Tiến độ " + i, i % 100, null, LocalDate.of(2026, 4, 10), List.of(), who)));
        }
        InMemoryReadStore inOrder = rebuilt(events);
        InMemoryReadStore shuffled = rebuilt(EventFeed.shuffleAcrossAggregates(events, 42));
        // one aggregate stalls, its events all arrive at the end, long after their buckets were sealed
        List<DomainEventMessage<?>> stalled = new ArrayList<>(events.stream().filter(m -> !m.getAggregateIdentifier().equals(II2)).toList());
        stalled.addAll(events.stream().filter(m -> m.getAggregateIdentifier().equals(II2)).toList());
        InMemoryReadStore late = rebuilt(stalled);

        List<AuditFilter> filters = List.of(AuditFilter.any(), AuditFilter.any().actor("nvan"),
                AuditFilter.any().actor("ttbinh"), AuditFilter.any().entity(II2), AuditFilter.any().entity(II2).actor("nvan"),
                AuditFilter.any().body(BKHCN).type("ProgressReported"),
                AuditFilter.any().between(events.get(600).getTimestamp(), events.get(900).getTimestamp()));
        for (AuditFilter f : filters) {
            List<AuditEntry> expected = all(inOrder, f, 97);
            assertThat(expected).isNotEmpty().extracting(AuditEntry::id).isSorted().doesNotHaveDuplicates();
            assertThat(all(shuffled, f, 97)).isEqualTo(expected);
            assertThat(all(late, f, 97)).isEqualTo(expected);
        }
        assertThat(all(late, AuditFilter.any(), 1_000)).hasSize(1_504);
        // the same documents, byte for byte, whatever order the commits came in
        Map<String, String> documents = Canonical.dump(inOrder, AuditProjection.COLLECTIONS);
        assertThat(Canonical.dump(shuffled, AuditProjection.COLLECTIONS)).isEqualTo(documents);
        assertThat(Canonical.dump(late, AuditProjection.COLLECTIONS)).isEqualTo(documents);
        assertThat(all(late, AuditFilter.any().between(events.get(600).getTimestamp(), events.get(900).getTimestamp()), 50))
                .hasSize(300).first().extracting(AuditEntry::id).isEqualTo(AuditProjection.auditId(events.get(600)));
    }

    @Test
    @DisplayName("a writer with a slower clock is listed in log order, and found by the time filter at its own instant")
    void aWriterWithASlowerClockIsListedInLogOrderAndFoundByItsInstant() {
        InMemoryReadStore store = new InMemoryReadStore();
        EventFeed feed = new EventFeed(new AuditProjection(store)).ticking();
        feed.send(Seed.commit(Seed.issuedA()).toArray());
        Instant skewed = null;
        for (int i = 0; i < 150; i++) {
            if (i == 100) {
                feed.at(feed.now().minus(Duration.ofMillis(30_500))); // recorded before the 30 urgings ahead of it
                skewed = feed.now();
            }
            if (i == 101) {
                feed.at(feed.now().plus(Duration.ofMinutes(1)));
            }
            feed.send(new TaskUrged(II1, A, "Nhắc " + i, LocalDate.of(2026, 4, 10), PHAM_GIA_TUC));
        }
        List<AuditEntry> everything = all(store, AuditFilter.any(), 1_000);
        List<AuditEntry> ofII1 = everything.stream().filter(e -> II1.equals(e.entityId())).toList();
        assertThat(ofII1).hasSize(151);
        assertThat(everything).extracting(AuditEntry::position).isSorted();
        assertThat(ofII1).extracting(AuditEntry::sequenceNumber).isSorted();
        for (int size : List.of(1, 7, 64, 100)) {
            assertThat(all(store, AuditFilter.any().entity(II1), size)).isEqualTo(ofII1);
        }
        // the time filters compare the recording instant: the skewed urging is in the range of its instant only
        AuditFilter around = AuditFilter.any().between(skewed, skewed.plusMillis(1));
        assertThat(all(store, around, 10)).singleElement().extracting(AuditEntry::sequenceNumber).isEqualTo(101L);
        assertThat(all(store, around.entity(II1), 10)).singleElement().extracting(AuditEntry::sequenceNumber).isEqualTo(101L);
        assertThat(all(store, around.actor(PHAM_GIA_TUC.username()), 10)).hasSize(1);
        Instant end = skewed.plusMillis(1);
        assertThat(all(store, AuditFilter.any().between(Instant.EPOCH, end), 7)).extracting(AuditEntry::recordedAt)
                .isNotEmpty().allMatch(t -> t.isBefore(end));
    }

    // ------------------------------------------------------------------ entity filter

    @Test
    void theEntityFilterReadsTheEntitysBuckets() {
        InMemoryReadStore store = new InMemoryReadStore();
        EventFeed feed = new EventFeed(new AuditProjection(store)).ticking();
        feed.send(Seed.commit(Seed.issuedA()).toArray());
        for (int i = 0; i < 200; i++) {
            feed.send(i % 4 == 0 ? new TaskUrged(II1, A, "Nhắc " + i, LocalDate.of(2026, 4, 10), PHAM_GIA_TUC)
                    : new ProgressReported(II1, A, BKHCN, "Tiến độ " + i, i % 100, null, LocalDate.of(2026, 4, 10),
                    List.of(), MOST_OFFICER));
        }
        feed.send(new DirectiveReceived(A, BKHCN, LocalDate.of(2026, 3, 21), MOST_OFFICER));
        List<AuditEntry> everything = all(store, AuditFilter.any(), 1_000);
        // II.1: its assignment and 200 events, in 13 buckets of 16 by sequence number
        assertThat(store.scan(AuditProjection.COLLECTION).map(d -> d.getString("_id")).filter(id -> id.startsWith(II1 + "|")))
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(0, 12).mapToObj(k -> II1 + "|" + k).toList());
        for (AuditFilter f : List.of(AuditFilter.any().entity(II1), AuditFilter.any().entity(II1).actor("nvan"),
                AuditFilter.any().entity(II1).type("TaskUrged"), AuditFilter.any().entity(A),
                AuditFilter.any().entity(II1).between(everything.get(50).recordedAt(), everything.get(150).recordedAt()))) {
            List<AuditEntry> expected = everything.stream().filter(e -> e.entityId().equals(f.entityId())
                    && (f.actor() == null || f.actor().equals(e.actor().username()))
                    && (f.eventType() == null || f.eventType().equals(e.eventType()))
                    && (f.from() == null || !e.recordedAt().isBefore(f.from()))
                    && (f.to() == null || e.recordedAt().isBefore(f.to()))).toList();
            assertThat(expected).isNotEmpty();
            assertThat(all(store, f, 9)).isEqualTo(expected);
        }
        assertThat(all(store, AuditFilter.any().entity(II1).between(everything.get(50).recordedAt(),
                everything.get(150).recordedAt()), 9)).hasSize(100);

        CountingReadStore counting = CountingReadStore.noScans(store);
        AuditQueries queries = new AuditQueries(counting);
        // the first page: its first buckets, as many as a page needs, in one read
        AuditQueries.AuditPage first = queries.page(AuditFilter.any().entity(II1), null, 50);
        assertThat(first.drivenBy()).isEqualTo("entity:" + II1);
        assertThat(first.entries()).hasSize(50);
        assertThat(counting.roundTrips).isEqualTo(1);
        // after a cursor in a later bucket: the first bucket (how many there are) and the cursor's on, in one $in
        counting.reset();
        String cursor = all(store, AuditFilter.any().entity(II1), 1_000).get(99).id();
        assertThat(queries.page(AuditFilter.any().entity(II1), cursor, 50).entries()).first()
                .extracting(AuditEntry::sequenceNumber).isEqualTo(100L);
        assertThat(counting.roundTrips).isEqualTo(1);
        // a small entity with another filter drives without reading the posting heads
        counting.reset();
        assertThat(queries.page(AuditFilter.any().entity(A).actor("nvan"), null, 50).entries()).singleElement()
                .extracting(AuditEntry::eventType).isEqualTo("DirectiveReceived");
        assertThat(counting.roundTrips).isEqualTo(1);
        // a large one gives way to a more selective list; an unknown entity is one read for nothing
        assertThat(queries.page(AuditFilter.any().entity(II1).type("DirectiveReceived"), null, 50).drivenBy())
                .isEqualTo("type:DirectiveReceived");
        counting.reset();
        assertThat(queries.page(AuditFilter.any().entity("no-such-task"), null, 50).entries()).isEmpty();
        assertThat(counting.roundTrips).isEqualTo(1);
    }

    @Test
    void theAuthorityLivesInTheEntitysFirstBucketAndFollowsASymbolCorrection() {
        InMemoryReadStore store = new InMemoryReadStore();
        EventFeed feed = new EventFeed(new AuditProjection(store)).ticking();
        feed.send(Seed.commit(Seed.issuedA()).toArray());
        for (int i = 0; i < 70; i++) { // the directive's correction lands in a later bucket
            feed.send(new DirectiveReceived(A, "BODY-" + i, LocalDate.of(2026, 3, 21), Seed.staffOf("BODY-" + i)));
        }
        feed.send(new DirectiveCorrected(A, DirectiveField.SYMBOL, "22-TB/CQTTBCĐ", "22-TB/VPTW", "Sửa số",
                LocalDate.of(2026, 3, 22), PHAM_GIA_TUC));
        feed.send(new DirectiveReceived(A, BKHCN, LocalDate.of(2026, 3, 23), MOST_OFFICER));

        assertThat(store.find(AuditProjection.COLLECTION, A + "|0")).hasValueSatisfying(d -> assertThat(Docs.doc(d, "authority"))
                .isEqualTo(new Document("issuer", Seed.CQTT).append("symbol", "22-TB/VPTW")));
        assertThat(store.find(AuditProjection.COLLECTION, II1 + "|0")).hasValueSatisfying(d -> assertThat(Docs.doc(d, "authority"))
                .isEqualTo(new Document("assigner", Seed.CQTT).append("code", "II.1")));
        List<AuditEntry> received = all(store, AuditFilter.any().entity(A).type("DirectiveReceived"), 100);
        assertThat(received).hasSize(71);
        assertThat(received.get(0).summaryEn()).isEqualTo("BODY-0 received 22-TB/CQTTBCĐ");
        assertThat(received.get(70).summaryEn()).isEqualTo("BKHCN received 22-TB/VPTW");
        assertThat(received.get(70).authorityBodyCode()).isEqualTo(Seed.CQTT);
    }

    // ------------------------------------------------------------------ documents written

    @Test
    void aRebuildOfTheSeedCascadeWritesEachDocumentOnce() {
        List<DomainEventMessage<?>> events = seedCascade();
        CountingReadStore counting = new CountingReadStore(new InMemoryReadStore());
        WriteBehindStore rebuild = new WriteBehindStore(counting, 100_000, 100_000);
        EventFeed.replay(events, new AuditProjection(rebuild));
        rebuild.flush();

        // one bucket per 16 events of an aggregate; a list of at most 32 ids is its head alone
        Map<String, Long> lastSequence = new java.util.HashMap<>();
        events.forEach(m -> lastSequence.merge(m.getAggregateIdentifier(), m.getSequenceNumber(), Math::max));
        long buckets = lastSequence.values().stream().mapToLong(last -> last / AuditId.ENTITY_BUCKET + 1).sum();
        assertThat(counting.scan(AuditProjection.COLLECTION).count()).isEqualTo(buckets);
        List<Document> heads = counting.scan(AuditProjection.POSTINGS).filter(d -> d.getString("_id").endsWith("|h")).toList();
        assertThat(heads).extracting(Head.FORM::read).filteredOn(h -> h.tail() == 0)
                .allSatisfy(h -> assertThat(h.inlineIds()).isNotEmpty().hasSizeLessThan(PostingTree.LEAF));
        long postings = counting.scan(AuditProjection.POSTINGS).count();
        assertThat((long) counting.writes).isEqualTo(buckets + postings);
        double perEvent = (double) counting.writes / events.size();
        // before: an audit document per event, two documents per list and one per directive and task: 207 (4.06 per event)
        assertThat(perEvent).isLessThan(1.5);
        System.out.printf("audit rebuild of the seed cascade: %d documents for %d events (%.2f per event)%n",
                counting.writes, events.size(), perEvent);

        // writing through (live), each event writes its entity bucket and each list it joins, once; sealing a leaf
        // writes the leaf, its level-1 node and the head (and each node it fills, one level up)
        CountingReadStore live = new CountingReadStore(new InMemoryReadStore());
        EventFeed.replay(events, new AuditProjection(live));
        List<Head> liveHeads = live.scan(AuditProjection.POSTINGS).filter(d -> d.getString("_id").endsWith("|h"))
                .map(Head.FORM::read).toList();
        long joined = liveHeads.stream().mapToLong(Head::atLeast).sum()
                + live.scan(AuditProjection.POSTINGS).filter(d -> !d.getString("_id").endsWith("|h"))
                .filter(d -> d.get("ids") != null).mapToLong(d -> Leaf.FORM.read(d).ids().size()).sum()
                - liveHeads.stream().mapToLong(h -> (long) h.tail() * PostingTree.LEAF).sum();
        long seals = liveHeads.stream().mapToLong(h -> 2L * h.tail() + h.tail() / PostingTree.FANOUT).sum();
        assertThat((long) live.writes).isEqualTo(events.size() + joined + seals);
    }

    // ------------------------------------------------------------------ posting lists

    @Test
    @DisplayName("a short list is its head; a long one is leaves of 32 by rank under nodes of 32, whatever order its ids came in")
    void aShortListIsItsHeadAndALongOneIsATreeOfLeavesByRank() {
        WriteBehindStore store = new WriteBehindStore(new InMemoryReadStore(), 100_000, 100_000);
        PostingLists lists = new PostingLists(store, "p", 10_000);
        for (int i = 0; i < 3; i++) {
            lists.add("short", id(i));
        }
        assertThat(store.find("p", "short|h")).hasValueSatisfying(h -> assertThat(Head.FORM.read(h).inlineIds())
                .containsExactly(id(0), id(1), id(2)));
        assertThat(store.find("p", "short|0")).isEmpty();

        for (int i = 0; i < 1_200; i++) {
            lists.add("long", id(2 * i + 1)); // odd ids; some even ones come late
        }
        // 37 sealed leaves of 32 (1,184 ids) and 16 in the open one; level 1: node 0 full (sealed), node 1 with 5;
        // level 2: node 0 with the summary of level-1 node 0
        Head head = Head.FORM.read(store.find("p", "long|h").orElseThrow());
        assertThat(head.tail()).isEqualTo(37);
        assertThat(head.inlineIds()).isNull();
        assertThat(head.sealedLast()).isEqualTo(id(2 * 1_183 + 1));
        assertThat(Leaf.FORM.read(store.find("p", "long|0").orElseThrow()).ids()).hasSize(32).startsWith(id(1));
        assertThat(Leaf.FORM.read(store.find("p", "long|1").orElseThrow()).ids()).hasSize(32).startsWith(id(65));
        List<String> open = Leaf.FORM.read(store.find("p", "long|37").orElseThrow()).ids();
        assertThat(open).hasSize(16);
        assertThat(Node.FORM.read(store.find("p", "long|1.0").orElseThrow()).children()).hasSize(32);
        assertThat(Node.FORM.read(store.find("p", "long|1.1").orElseThrow()).children()).hasSize(5);
        assertThat(store.find("p", "long|2.0").orElseThrow().get("firsts").toString()).contains(id(1));
        assertThat(PostingTree.spineIds("long", 37)).containsExactly("long|2.0", "long|1.1");

        // appending changes the cached list itself: no copy of the leaf per id
        lists.add("long", id(2_401));
        assertThat(Leaf.FORM.read(store.find("p", "long|37").orElseThrow()).ids()).isSameAs(open).hasSize(17).endsWith(id(2_401));
        // a late id lands in place and the sealed leaves after it pass their last id on; a repeated one changes nothing
        lists.add("long", id(0));
        lists.add("long", id(1_500));
        lists.add("long", id(1_500));
        for (int n = 0; n < 37; n++) {
            assertThat(Leaf.FORM.read(store.find("p", "long|" + n).orElseThrow()).ids()).as("leaf %d", n).hasSize(32).isSorted();
        }
        assertThat(Leaf.FORM.read(store.find("p", "long|0").orElseThrow()).ids()).startsWith(id(0), id(1));
        assertThat(Leaf.FORM.read(store.find("p", "long|37").orElseThrow()).ids()).hasSize(19).isSorted();
        head = Head.FORM.read(store.find("p", "long|h").orElseThrow());
        assertThat(PostingTree.leafFor("long", head, id(1_500), ids -> nodes(store, ids))).isEqualTo(23);
        assertThat(PostingTree.leafFor("long", head, id(3_000), ids -> nodes(store, ids))).isEqualTo(37);

        // the same ids in order: the very same documents
        WriteBehindStore inOrder = new WriteBehindStore(new InMemoryReadStore(), 100_000, 100_000);
        PostingLists sorted = new PostingLists(inOrder, "p", 10_000);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            all.add(id(2 * i + 1));
        }
        all.addAll(List.of(id(2_401), id(0), id(1_500)));
        all.stream().sorted().forEach(x -> sorted.add("long", x));
        store.flush();
        inOrder.flush();
        Map<String, String> documents = new java.util.TreeMap<>(Canonical.dump(store, List.of("p")));
        documents.keySet().removeIf(k -> k.startsWith("p:short"));
        assertThat(Canonical.dump(inOrder, List.of("p"))).isEqualTo(documents);

        // the walk of a page after a cursor, within a time range, finds the leaves that may hold it, in order
        List<Integer> walked = new ArrayList<>();
        PostingTree.Walk walk = new PostingTree.Walk("long", head, id(1_500), AuditId.micros(id(1_600)),
                AuditId.micros(id(1_700)), ids -> nodes(store, ids));
        for (int n; (n = walk.next()) >= 0; ) {
            walked.add(n);
        }
        assertThat(walked).containsExactly(25, 26, 37); // 23 and 24 hold nothing recorded in the range
    }

    @Test
    @DisplayName("every document of a posting list stays small, however long the list: what one id writes is bounded")
    void whatOneIdWritesIsBounded() {
        BytesWritten store = new BytesWritten(new InMemoryReadStore());
        PostingLists lists = new PostingLists(store, "p", 10_000);
        int n = 40_000; // past 32 x 32 x 32 ids: nodes on three levels
        List<String> order = new ArrayList<>();
        for (int block = 0; block < n; block += 100) {
            // in every hundred, one id comes four ranks late
            for (int i = block; i < block + 100; i++) {
                if (i != block + 95) {
                    order.add(id(i));
                }
            }
            order.add(id(block + 95));
        }
        long worst = 0;
        for (String id : order) {
            long before = store.bytes;
            lists.add("all", id);
            worst = Math.max(worst, store.bytes - before);
        }
        assertThat(store.scan("p").mapToInt(CountingReadStore::bson).max().orElseThrow()).isLessThan(4_000);
        assertThat(worst).isLessThan(12_000);
        System.out.printf("posting list of %,d ids: worst %,d bytes written by one id, mean %,d%n", n, worst,
                store.bytes / n);
    }

    private static Map<String, Node> nodes(ReadStore store, java.util.Collection<String> ids) {
        Map<String, Node> out = new java.util.HashMap<>();
        store.findAll("p", ids).forEach((id, d) -> out.put(id, Node.FORM.read(d)));
        return out;
    }

    private static String id(int i) {
        return new LogPosition(1_000 + i, 0).key() + "-" + String.format("%016d-agg-%010d", 1_775_000_000_000_000L + i, 0);
    }
}

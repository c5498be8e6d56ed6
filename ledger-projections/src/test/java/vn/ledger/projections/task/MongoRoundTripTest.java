package vn.ledger.projections.task;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.eventstore.EmbeddedMongo;
import vn.ledger.projections.audit.AuditEntry;
import vn.ledger.projections.audit.AuditFilter;
import vn.ledger.projections.audit.AuditProjection;
import vn.ledger.projections.audit.AuditQueries;
import vn.ledger.projections.directive.DirectiveProjection;
import vn.ledger.projections.directive.DirectiveQueries;
import vn.ledger.projections.fixture.CountingReadStore;
import vn.ledger.projections.fixture.EventFeed;
import vn.ledger.projections.fixture.Seed;
import vn.ledger.projections.search.SearchProjection;
import vn.ledger.projections.search.SearchQueries;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.InMemoryReadStore;
import vn.ledger.projections.store.MongoReadStore;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.store.WriteBehindStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.ledger.projections.fixture.Seed.A;
import static vn.ledger.projections.fixture.Seed.B;
import static vn.ledger.projections.fixture.Seed.C;

@DisplayName("Directive, task, search and audit read models on the embedded MongoDB server, through BSON")
class MongoRoundTripTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final List<String> COLLECTIONS = Stream.of(DirectiveProjection.COLLECTIONS,
            TaskProjection.COLLECTIONS, SearchProjection.COLLECTIONS, AuditProjection.COLLECTIONS)
            .flatMap(List::stream).toList();

    private static Object[] projections(ReadStore store) {
        return new Object[]{new DirectiveProjection(store), new TaskProjection(store), new SearchProjection(store),
                new AuditProjection(store)};
    }

    private static List<EventMessage<?>> cascade() {
        EventFeed source = new EventFeed().ticking();
        return Seed.cascade().stream().<EventMessage<?>>map(source::message).toList();
    }

    @Test
    void theDocumentsAndEveryAnswerAreTheSameOnMongoAsInMemory() {
        List<EventMessage<?>> messages = cascade();
        try (EmbeddedMongo server = EmbeddedMongo.inMemory();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoReadStore mongo = new MongoReadStore(client.getDatabase("ledger"), "rm_");
            InMemoryReadStore memory = new InMemoryReadStore();
            new EventFeed(projections(mongo)).deliverAll(messages);
            new EventFeed(projections(memory)).deliverAll(messages);

            // same documents, same BSON types
            assertThat(snapshot(mongo)).isEqualTo(snapshot(memory));
            Document task = mongo.find(TaskProjection.COLLECTION, A + "/II.2").orElseThrow();
            assertThat(task.get("seq")).isInstanceOf(Long.class);
            assertThat(task.get("assignedAt")).isInstanceOf(Date.class);
            // a report is one string, read back whole
            assertThat(task.getList("reports", Object.class)).singleElement().isInstanceOf(String.class);
            assertThat(new TaskQueries(mongo).state(A + "/II.2", NOW).orElseThrow().reports()).singleElement()
                    .satisfies(r -> {
                        assertThat(r.recordedAt()).isNotNull();
                        assertThat(r.percent()).isNotNull();
                        assertThat(r.attachments()).singleElement().satisfies(a -> assertThat(a.sha256()).hasSize(64));
                        assertThat(r.by().username()).isNotBlank();
                    });
            Document directive = mongo.find(DirectiveProjection.COLLECTION, A).orElseThrow();
            assertThat(directive.get("receivedCount")).isEqualTo(2L);
            assertThat(Docs.docs(directive, "implementedBy")).hasSize(2);
            // audit entries are kept as one string each, read back whole
            assertThat(mongo.scan(AuditProjection.COLLECTION).findFirst().orElseThrow().getList("entries", Object.class))
                    .isNotEmpty().allMatch(String.class::isInstance);
            AuditEntry first = new AuditQueries(mongo).page(AuditFilter.any(), null, 1).entries().get(0);
            assertThat(first).isEqualTo(new AuditQueries(memory).page(AuditFilter.any(), null, 1).entries().get(0));
            assertThat(first.position()).isPositive();
            assertThat(first.sequenceNumber()).isNotNull();
            assertThat(first.recordedAt()).isNotNull();
            assertThat(first.actor().username()).isNotBlank();

            // same answers
            DirectiveQueries dm = new DirectiveQueries(mongo);
            DirectiveQueries dq = new DirectiveQueries(memory);
            for (String id : List.of(A, B, C)) {
                assertThat(dm.state(id, NOW)).isEqualTo(dq.state(id, NOW)).isPresent();
            }
            List<String> taskIds = memory.scan(TaskProjection.COLLECTION).map(d -> d.getString("_id")).toList();
            assertThat(taskIds).hasSize(6);
            assertThat(new TaskQueries(mongo).states(taskIds, NOW)).isEqualTo(new TaskQueries(memory).states(taskIds, NOW));
            TaskView ii1 = new TaskQueries(mongo).state(A + "/II.1", NOW).orElseThrow();
            assertThat(ii1.timeliness()).isEqualTo(Timeliness.DONE_ON_TIME);
            assertThat(ii1.deadlineHistory()).hasSize(1);
            assertThat(ii1.childTaskIds()).containsExactly(A + "/II.1.1");
            for (String q : List.of("trien khai", "22-tb/vptw", "Điện Biên")) {
                assertThat(new SearchQueries(mongo).search(q, 10)).isEqualTo(new SearchQueries(memory).search(q, 10));
            }
            assertThat(new SearchQueries(mongo).search("quan triet", 10).hits()).singleElement()
                    .satisfies(h -> assertThat(h.directiveId()).isEqualTo(B));
            assertThat(pages(new AuditQueries(mongo), AuditFilter.any())).isEqualTo(pages(new AuditQueries(memory),
                    AuditFilter.any())).hasSize(messages.size());
            assertThat(pages(new AuditQueries(mongo), AuditFilter.any().actor("nvan")))
                    .isEqualTo(pages(new AuditQueries(memory), AuditFilter.any().actor("nvan")));

            // and delivering everything again changes nothing there either
            Map<String, Document> before = snapshot(mongo);
            new EventFeed(projections(mongo)).deliverAll(messages);
            assertThat(snapshot(mongo)).isEqualTo(before);
        }
    }

    @Test
    void aRebuildThroughTheWriteBehindStoreWritesTheSameDocumentsEachOnce() {
        List<EventMessage<?>> messages = cascade();
        InMemoryReadStore direct = new InMemoryReadStore();
        new EventFeed(projections(direct)).deliverAll(messages);

        InMemoryReadStore rebuilt = new InMemoryReadStore();
        WriteBehindStore buffer = new WriteBehindStore(rebuilt, 1_000, 10_000);
        new EventFeed(projections(buffer)).deliverAll(messages);
        assertThat(rebuilt.scan(DirectiveProjection.COLLECTION)).isEmpty(); // nothing written before the flush
        buffer.flush();

        assertThat(snapshot(rebuilt)).isEqualTo(snapshot(direct));
        // one write per document (and per token list emptied by the correction), not one per event
        assertThat(buffer.flushedDocuments()).isBetween((long) snapshot(direct).size(), snapshot(direct).size() + 10L);
        // the buffer forces a flush when too much waits
        InMemoryReadStore small = new InMemoryReadStore();
        WriteBehindStore tight = new WriteBehindStore(small, 10, 20);
        new EventFeed(projections(tight)).deliverAll(messages);
        tight.flush();
        assertThat(snapshot(small)).isEqualTo(snapshot(direct));
    }

    @Test
    void aRebuildIntoAnEmptyStoreAsksItNothingItNeverWrote() {
        List<EventMessage<?>> messages = cascade();
        InMemoryReadStore direct = new InMemoryReadStore();
        new EventFeed(projections(direct)).deliverAll(messages);

        InMemoryReadStore rebuiltStore = new InMemoryReadStore();
        CountingReadStore rebuilt = CountingReadStore.noScans(rebuiltStore);
        java.util.Set<String> written = new java.util.HashSet<>();
        // a cache far too small to hold the model: documents are evicted and must be read back from the store
        WriteBehindStore buffer = new WriteBehindStore(rebuilt, 10, 20, written);
        new EventFeed(projections(buffer)).deliverAll(messages);
        buffer.flush();
        assertThat(snapshot(rebuiltStore)).isEqualTo(snapshot(direct));
        int reads = rebuilt.roundTrips;

        InMemoryReadStore unknownStore = new InMemoryReadStore();
        CountingReadStore unknown = CountingReadStore.noScans(unknownStore);
        WriteBehindStore plain = new WriteBehindStore(unknown, 10, 20);
        new EventFeed(projections(plain)).deliverAll(messages);
        plain.flush();
        assertThat(snapshot(unknownStore)).isEqualTo(snapshot(direct));
        // without the set every first lookup of a new document is a round trip
        assertThat(reads).isLessThan(unknown.roundTrips / 2);
        assertThat(written).hasSize(snapshot(direct).size());
    }

    @Test
    void aFreshGenerationOnMongoInsertsWhatItNeverWroteAndReplacesTheRest() {
        List<EventMessage<?>> messages = cascade();
        InMemoryReadStore direct = new InMemoryReadStore();
        new EventFeed(projections(direct)).deliverAll(messages);
        try (EmbeddedMongo server = EmbeddedMongo.inMemory();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoReadStore mongo = new MongoReadStore(client.getDatabase("ledger"), "rm_rebuild_");
            // a tiny cache: documents are flushed, evicted and changed again, so the first write of each is an
            // insert and the later ones replaces; a document created and deleted between flushes is never sent
            WriteBehindStore buffer = new WriteBehindStore(mongo, 10, 20, new java.util.HashSet<>());
            new EventFeed(projections(buffer)).deliverAll(messages);
            buffer.flush();
            assertThat(snapshot(mongo)).isEqualTo(snapshot(direct));

            // an insert never merges into a stored document: it fails, and the stored one is unchanged
            String id = A;
            Document stored = mongo.find(DirectiveProjection.COLLECTION, id).orElseThrow();
            assertThatThrownBy(() -> mongo.writeAll(DirectiveProjection.COLLECTION,
                    Map.of(id, new Document("_id", id).append("subject", "overwritten")), java.util.Set.of(id)))
                    .isInstanceOf(com.mongodb.MongoBulkWriteException.class);
            assertThat(mongo.find(DirectiveProjection.COLLECTION, id)).contains(stored);
        }
    }

    private static List<String> pages(AuditQueries audit, AuditFilter filter) {
        List<String> out = new ArrayList<>();
        String cursor = null;
        do {
            AuditQueries.AuditPage page = audit.page(filter, cursor, 10);
            page.entries().forEach(e -> out.add(e.id() + " " + e.summaryEn() + " " + e.changes() + " " + e.recordedAt()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    private static Map<String, Document> snapshot(ReadStore store) {
        Map<String, Document> all = new TreeMap<>();
        for (String c : COLLECTIONS) {
            store.scan(c).forEach(d -> all.put(c + ":" + d.get("_id"), d));
        }
        return all;
    }
}

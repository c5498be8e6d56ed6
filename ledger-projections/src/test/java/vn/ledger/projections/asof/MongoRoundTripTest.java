package vn.ledger.projections.asof;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.eventstore.CanonicalJson;
import vn.ledger.eventstore.EmbeddedMongo;
import vn.ledger.eventstore.MongoEventStorageEngine;
import vn.ledger.projections.body.BodiesProjection;
import vn.ledger.projections.body.BodyQueries;
import vn.ledger.projections.chain.ChainProjection;
import vn.ledger.projections.chain.ChainQueries;
import vn.ledger.projections.chain.ChainView;
import vn.ledger.projections.dashboard.DashboardProjection;
import vn.ledger.projections.dashboard.DashboardQueries;
import vn.ledger.projections.fixture.EventFeed;
import vn.ledger.projections.fixture.Ledger;
import vn.ledger.projections.fixture.SeedCascade;
import vn.ledger.projections.replay.EventReplayer;
import vn.ledger.projections.store.InMemoryReadStore;
import vn.ledger.projections.store.MongoReadStore;
import vn.ledger.projections.store.ReadStore;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ledger.projections.fixture.Ledger.d;
import static vn.ledger.projections.fixture.Ledger.spec;
import static vn.ledger.projections.fixture.SeedCascade.A;
import static vn.ledger.projections.fixture.SeedCascade.B;

@DisplayName("Bodies, dashboard and chain on MongoDB (embedded server)")
class MongoRoundTripTest {

    private static final Instant MAY_3 = Instant.parse("2026-05-03T03:00:00Z");
    private static final JsonWriterSettings EXTENDED = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final String[] COLLECTIONS = {BodiesProjection.COLLECTION, DashboardProjection.DASHBOARD,
            DashboardProjection.TASKS, DashboardProjection.BODIES, DashboardProjection.DIRECTIVES,
            DashboardProjection.BODY_TASKS, ChainProjection.NODES, ChainProjection.ACTS};

    @Test
    void theDocumentsRoundTripThroughBsonAndAnswerAsInMemory() {
        try (EmbeddedMongo server = EmbeddedMongo.inMemory();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("ledger_projections_test");
            MongoReadStore mongo = new MongoReadStore(db, "rm_");
            InMemoryReadStore memory = new InMemoryReadStore();
            EventFeed feed = new EventFeed(new BodiesProjection(mongo), new DashboardProjection(mongo),
                    new ChainProjection(mongo), new BodiesProjection(memory), new DashboardProjection(memory),
                    new ChainProjection(memory));
            Ledger ledger = new Ledger(feed);
            SeedCascade.load(ledger);
            ledger.at("2026-04-01T02:00:00Z").delegate(B + "/2", 1, "DUUBND-DIENBIEN",
                    spec("2.1", "UBND tỉnh xây dựng kế hoạch", List.of("DUUBND-DIENBIEN"), "ngày 30/4/2026", "Kế hoạch"),
                    d("2026-03-30"));
            SeedCascade.later(ledger);

            // the same documents, BSON types included (longs stay longs, dates stay ISO strings)
            assertThat(contents(mongo)).isEqualTo(contents(memory));

            // the same answers
            ChainView.ChainNode fromMongo = new ChainQueries(mongo).chain(A, 5, MAY_3).orElseThrow().root();
            assertThat(fromMongo).isEqualTo(new ChainQueries(memory).chain(A, 5, MAY_3).orElseThrow().root());
            assertThat(fromMongo.rollup().tasks()).isEqualTo(14);
            assertThat(new ChainQueries(mongo).stalls(A, 7, 100, MAY_3))
                    .isEqualTo(new ChainQueries(memory).stalls(A, 7, 100, MAY_3));
            assertThat(new ChainQueries(mongo).coverage(A, 100, MAY_3))
                    .isEqualTo(new ChainQueries(memory).coverage(A, 100, MAY_3));
            for (String body : List.of("TU-DIENBIEN", "DU-SINHBINH", "BKHCN", "CP")) {
                assertThat(new DashboardQueries(mongo).dashboard(body, true, 30, MAY_3))
                        .isEqualTo(new DashboardQueries(memory).dashboard(body, true, 30, MAY_3));
            }
            assertThat(new BodyQueries(mongo).body("TTDVTH-SINHBINH"))
                    .isEqualTo(new BodyQueries(memory).body("TTDVTH-SINHBINH"));

            // as of 3/5 from the event store's own histories
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(db)
                    .serializer(CanonicalJson.serializer()).collectionPrefix("es_").build();
            engine.ensureIndexes();
            for (DomainEventMessage<?> m : feed.emitted()) {
                engine.appendEvents(m);
            }
            AsOfViews asOf = new AsOfViews(mongo, engine::history, new EventReplayer(CanonicalJson.serializer()));
            ChainView.ChainNode then = asOf.chain(A, 1, MAY_3).value().orElseThrow().root();
            assertThat(then.children().stream().filter(c -> c.id().equals(A + "/II.1")).findFirst().orElseThrow()
                    .status()).isEqualTo("OVERDUE_NOT_DONE");
            assertThat(fromMongo.children().stream().filter(c -> c.id().equals(A + "/II.1")).findFirst().orElseThrow()
                    .status()).isEqualTo("DONE_LATE");
        }
    }

    private static Map<String, Map<String, String>> contents(ReadStore store) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String c : COLLECTIONS) {
            Map<String, String> docs = new TreeMap<>();
            store.scan(c).forEach((Document d) -> docs.put(d.getString("_id"), d.toJson(EXTENDED)));
            out.put(c, docs);
        }
        return out;
    }
}

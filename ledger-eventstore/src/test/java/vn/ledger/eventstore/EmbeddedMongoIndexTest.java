package vn.ledger.eventstore;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded server's unique indexes, compared as values (OrderedIndexH2Backend). */
@DisplayName("Embedded server: unique indexes")
class EmbeddedMongoIndexTest {

    @Test
    @DisplayName("finds by _id and $in, and refuses duplicates, for strings, numbers and compound keys")
    void lookupsAndUniqueness() {
        try (EmbeddedMongo server = EmbeddedMongo.inMemory();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("t").getCollection("c");
            c.createIndex(Indexes.ascending("a", "b"), new IndexOptions().unique(true));
            for (int i = 0; i < 2_000; i++) {
                c.insertOne(new Document("_id", "doc-" + i).append("a", i % 7).append("b", "tiết " + i));
            }
            c.insertOne(new Document("_id", 42L).append("a", -1).append("b", "số"));
            assertThat(c.find(Filters.eq("_id", "doc-1234")).first()).containsEntry("a", 1234 % 7);
            assertThat(c.find(Filters.eq("_id", 42)).first()).as("an int finds the long, as on MongoDB").isNotNull();
            List<String> ids = List.of("doc-5", "doc-1999", "missing", "doc-0");
            List<Document> found = c.find(Filters.in("_id", ids)).into(new ArrayList<>());
            assertThat(found).extracting(d -> d.get("_id")).containsExactlyInAnyOrder("doc-5", "doc-1999", "doc-0");
            assertThatThrownBy(() -> c.insertOne(new Document("_id", "doc-7")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> c.insertOne(new Document("_id", 42)))
                    .as("42 and 42L are the same key").isInstanceOf(MongoWriteException.class);
            assertThatThrownBy(() -> c.insertOne(new Document("_id", "x").append("a", 3).append("b", "tiết 3")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            c.deleteOne(Filters.eq("_id", "doc-3"));
            c.insertOne(new Document("_id", "x").append("a", 3).append("b", "tiết 3"));
            assertThat(c.countDocuments()).isEqualTo(2_001);
        }
    }

    @Test
    @DisplayName("a replaced document takes the replacement's field order, as on MongoDB, on a file and in memory")
    void replacementKeepsItsFieldOrder(@TempDir Path dir) {
        for (EmbeddedMongo server : List.of(EmbeddedMongo.inMemory(), EmbeddedMongo.persistent(dir))) {
            try (server; MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<Document> c = client.getDatabase("t").getCollection("c");
                c.insertOne(new Document("_id", "x").append("a", 1).append("d", 4));
                c.replaceOne(Filters.eq("_id", "x"), new Document("b", 2).append("_id", "x").append("a", 1).append("c", 3),
                        new com.mongodb.client.model.ReplaceOptions().upsert(true));
                assertThat(c.find(Filters.eq("_id", "x")).first().toJson())
                        .isEqualTo("{\"_id\": \"x\", \"b\": 2, \"a\": 1, \"c\": 3}");
                c.updateOne(Filters.eq("_id", "x"), new Document("$set", new Document("e", 5).append("b", 7)));
                assertThat(c.find(Filters.eq("_id", "x")).first().toJson())
                        .as("an update operator still changes fields in place")
                        .isEqualTo("{\"_id\": \"x\", \"b\": 7, \"a\": 1, \"c\": 3, \"e\": 5}");
            }
        }
    }

    @Test
    @DisplayName("a data file written by the stock backend is migrated once and keeps every document and constraint")
    void migratesAStockFile(@TempDir Path dir) {
        Path file = dir.resolve("ledger.mv");
        MVStore stock = new MVStore.Builder().fileName(file.toString()).open();
        MongoServer server = new MongoServer(new H2Backend(stock));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            MongoCollection<Document> c = client.getDatabase("ledger").getCollection("events");
            c.createIndex(Indexes.ascending("k"), new IndexOptions().unique(true).sparse(true));
            for (long i = 1; i <= 500; i++) {
                c.insertOne(new Document("_id", i).append("k", "key-" + i));
            }
        }
        server.shutdownNow();
        stock.close();

        for (int run = 0; run < 2; run++) {
            try (EmbeddedMongo embedded = EmbeddedMongo.persistent(dir);
                 MongoClient client = MongoClients.create(embedded.connectionString())) {
                MongoCollection<Document> c = client.getDatabase("ledger").getCollection("events");
                assertThat(c.find(Filters.eq("_id", 250L)).first()).containsEntry("k", "key-250");
                assertThat(c.find(Filters.in("_id", List.of(1L, 500L, 501L))).into(new ArrayList<>())).hasSize(2);
                assertThatThrownBy(() -> c.insertOne(new Document("_id", 7L)))
                        .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
                assertThatThrownBy(() -> c.insertOne(new Document("_id", 9_999L).append("k", "key-3")))
                        .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
                c.insertOne(new Document("_id", 1_000L + run).append("k", "run-" + run));
                assertThat(c.countDocuments()).isEqualTo(501 + run);
            }
        }
    }
}

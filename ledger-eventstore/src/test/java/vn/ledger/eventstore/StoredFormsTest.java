package vn.ledger.eventstore;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the embedded server's file holds (StoredForms) and what its collections skip (OrderedIndexH2Backend). */
@DisplayName("Embedded server: stored forms")
class StoredFormsTest {

    private static Document everyKind(int i) {
        return new Document("_id", "d-" + i)
                .append("text", "Triển khai Kết luận số 22-TB/TW, lần " + i)
                .append("int", i).append("long", 10_000_000_000L + i).append("double", i / 3.0)
                .append("bool", i % 2 == 0).append("none", null)
                .append("at", Date.from(Instant.parse("2026-07-31T10:00:00Z").plusSeconds(i)))
                .append("oid", new ObjectId(new Date(1_700_000_000_000L), i))
                .append("bytes", new Binary(new byte[]{1, 2, (byte) i}))
                .append("decimal", new Decimal128(new BigDecimal("12.345")))
                .append("nested", new Document("list", List.of("a", 1, new Document("x", List.of()))).append("empty", new Document()))
                .append("separators", "\u001e\u001f\u001d\u001b");
    }

    @Test
    @DisplayName("documents of every kind read back the same after the server is closed and reopened on its file")
    void documentsSurviveAReopen(@TempDir Path dir) {
        for (int run = 0; run < 2; run++) {
            try (EmbeddedMongo server = EmbeddedMongo.persistent(dir);
                 MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<Document> c = client.getDatabase("t").getCollection("c");
                if (run == 0) {
                    List<Document> docs = new ArrayList<>();
                    for (int i = 0; i < 300; i++) {
                        docs.add(everyKind(i));
                    }
                    c.insertMany(docs);
                    c.updateOne(Filters.eq("_id", "d-7"), Updates.set("text", "đã sửa"));
                    c.insertOne(new Document("_id", 99L).append("k", "a number as _id"));
                } else {
                    for (int i : new int[]{0, 150, 299}) {
                        assertThat(c.find(Filters.eq("_id", "d-" + i)).first()).isEqualTo(everyKind(i));
                    }
                    assertThat(c.find(Filters.eq("_id", "d-7")).first()).containsEntry("text", "đã sửa");
                    assertThat(c.find(Filters.eq("_id", 99)).first()).containsEntry("k", "a number as _id");
                    assertThat(c.countDocuments()).isEqualTo(301);
                }
            }
        }
    }

    @Test
    @DisplayName("a value stored by H2's own form (an older file) still reads, and ours round-trips")
    void readsTheStockForm() {
        StoredForms forms = new StoredForms();
        de.bwaldvogel.mongo.bson.Document doc = new de.bwaldvogel.mongo.bson.Document("_id", "x")
                .append("v", List.of(1, "hai", 3.0));
        KeyValue key = new KeyValue("task-1");
        KeyValue mixed = new KeyValue("a", 2.0);
        de.bwaldvogel.mongo.bson.ObjectId oid = new de.bwaldvogel.mongo.bson.ObjectId();
        List<Object> values = List.of(doc, key, mixed, "plain", 42L, oid, new KeyValue(7L), new KeyValue(-1L),
                new KeyValue(oid), new KeyValue("rm-audit-g2", 3), new KeyValue(true, false, -0.0, Double.NaN),
                new KeyValue(Integer.MIN_VALUE, Long.MIN_VALUE), new KeyValue((Object) null), new KeyValue((Object) List.of("an array", 1)));
        for (Object value : values) {
            WriteBuffer stock = new WriteBuffer();
            new ObjectDataType().write(stock, value);
            assertThat(forms.read(stock.getBuffer().flip())).as("stock form of %s", value).isEqualTo(value);

            WriteBuffer ours = new WriteBuffer();
            forms.write(ours, value);
            ours.put((byte) 7); // the next value on the page must still be where the reader expects it
            ByteBuffer read = ours.getBuffer().flip();
            assertThat(forms.read(read)).as("our form of %s", value).isEqualTo(value);
            assertThat(read.get()).isEqualTo((byte) 7);
        }
        assertThat(tagOf(forms, doc)).as("a document is stored as BSON").isEqualTo(StoredForms.BSON_DOCUMENT);
        assertThat(tagOf(forms, new KeyValue(7L))).as("a position's key").isEqualTo(StoredForms.VALUE_KEY);
        assertThat(tagOf(forms, new KeyValue("rm-audit-g2", 3))).as("a token's key").isEqualTo(StoredForms.VALUE_KEY);
        assertThat(tagOf(forms, oid)).as("a generated _id").isEqualTo(StoredForms.OBJECT_ID);
        assertThat(tagOf(forms, new KeyValue((Object) List.of("an array", 1)))).as("anything else: H2's own form")
                .isNotIn(StoredForms.VALUE_KEY, StoredForms.STRING_KEY);
    }

    @Test
    @DisplayName("a key of plain values reads back as the very classes it was written from, so it compares the same")
    void plainKeysKeepTheirClasses() {
        StoredForms forms = new StoredForms();
        KeyValue key = new KeyValue(1L, 1, 1.0, "1", Missing.getInstance());
        WriteBuffer ours = new WriteBuffer();
        forms.write(ours, key);
        KeyValue read = (KeyValue) forms.read(ours.getBuffer().flip());
        assertThat(read.stream().map(Object::getClass).toList())
                .containsExactly(Long.class, Integer.class, Double.class, String.class, Missing.class);
        assertThat(read.get(4)).as("a missing field's key is the one instance it is compared by")
                .isSameAs(Missing.getInstance());
    }

    private static byte tagOf(StoredForms forms, Object value) {
        WriteBuffer buff = new WriteBuffer();
        forms.write(buff, value);
        return buff.getBuffer().get(0);
    }

    @Test
    @DisplayName("H2 is told a document takes on the heap what a decoded document does, not its BSON length")
    void memoryEstimate() {
        de.bwaldvogel.mongo.bson.Document doc = new de.bwaldvogel.mongo.bson.Document("_id", "task-1")
                .append("name", "Triển khai").append("n", 3).append("rate", 0.5)
                .append("items", List.of(new de.bwaldvogel.mongo.bson.Document("who", "DU-001").append("ok", true)));
        // a decoded document measured 8.2 times its BSON length (1,044 bytes of BSON, 8,574 on the heap)
        assertThat(new StoredForms().getMemory(doc)).isGreaterThan(6 * StoredForms.bsonSize(doc));
    }

    @Test
    @DisplayName("a duplicate _id in a bulk insert is refused and the stored document is unchanged")
    void duplicatesInBulk() {
        try (EmbeddedMongo server = EmbeddedMongo.inMemory();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("t").getCollection("c");
            c.insertOne(new Document("_id", "b").append("v", "first"));
            List<Document> batch = List.of(new Document("_id", "a"), new Document("_id", "b").append("v", "second"),
                    new Document("_id", "c"));
            assertThatThrownBy(() -> c.insertMany(batch, new InsertManyOptions().ordered(false)))
                    .isInstanceOf(MongoBulkWriteException.class).hasMessageContaining("duplicate key");
            assertThat(c.find(Filters.eq("_id", "b")).first()).containsEntry("v", "first");
            assertThat(c.countDocuments()).isEqualTo(3);
        }
    }

    @Test
    @DisplayName("collStats still tells a collection's size, measured when asked")
    void collStatsSize() {
        try (EmbeddedMongo server = EmbeddedMongo.inMemory();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("t");
            MongoCollection<Document> c = db.getCollection("c");
            c.insertOne(new Document("_id", "one").append("v", "x".repeat(100)));
            Number one = db.runCommand(new Document("collStats", "c")).get("size", Number.class);
            c.insertOne(new Document("_id", "two").append("v", "x".repeat(100)));
            Number two = db.runCommand(new Document("collStats", "c")).get("size", Number.class);
            assertThat(one.intValue()).isGreaterThan(100);
            assertThat(two.intValue()).isEqualTo(2 * one.intValue());
        }
    }
}

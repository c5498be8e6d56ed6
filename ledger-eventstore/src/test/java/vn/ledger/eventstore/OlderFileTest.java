package vn.ledger.eventstore;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A file written by the version before keys of plain values and object ids got their own stored forms (commit
 * e06a184, {@code src/test/resources/stored-forms-e06a184/ledger.mv}): its keys are Java-serialised. It opens, its
 * indexes find what they found, and new keys written beside the old ones compare with them.
 *
 * <p>The file holds: {@code commits} with long {@code _id}s 1..300 and unique {@code k} and {@code starts};
 * {@code tokens}, four with generated object ids and a unique (processorName, segment), updated 20 times;
 * {@code mixed} with an int, a double, a string and a generated {@code _id}.
 */
@DisplayName("Embedded server: a file of the previous version")
class OlderFileTest {

    @Test
    @DisplayName("opens, finds by every index, takes new documents beside the old ones, and reopens")
    void olderFileOpens(@TempDir Path dir) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/stored-forms-e06a184/ledger.mv")) {
            Files.copy(in, dir.resolve("ledger.mv"));
        }
        for (int run = 0; run < 2; run++) {
            try (EmbeddedMongo server = EmbeddedMongo.persistent(dir);
                 MongoClient client = MongoClients.create(server.connectionString())) {
                MongoDatabase db = client.getDatabase("ledger");
                MongoCollection<Document> commits = db.getCollection("commits");
                MongoCollection<Document> tokens = db.getCollection("tokens");
                MongoCollection<Document> mixed = db.getCollection("mixed");

                assertThat(commits.countDocuments()).isEqualTo(run == 0 ? 300 : 301);
                assertThat(commits.find(Filters.eq("_id", 150L)).first()).containsEntry("k", "@150");
                assertThat(commits.find(Filters.in("_id", List.of(1L, 299L, 400L))).into(new java.util.ArrayList<>()))
                        .extracting(d -> d.get("_id")).containsExactlyInAnyOrder(1L, 299L);
                assertThat(commits.find(Filters.eq("starts", "task-3#10")).first()).containsEntry("_id", 10L);
                assertThatThrownBy(() -> commits.insertOne(new Document("_id", 42L).append("k", "new")))
                        .as("an old long key is found by a new one").isInstanceOf(MongoWriteException.class);

                Document token = tokens.find(Filters.and(Filters.eq("processorName", "rm-audit-g1"),
                        Filters.eq("segment", 3))).first();
                assertThat(token).containsEntry("token", run == 0 ? 19L : 100L);
                assertThat(tokens.find(Filters.eq("_id", token.getObjectId("_id"))).first()).isEqualTo(token);
                assertThatThrownBy(() -> tokens.insertOne(new Document("processorName", "rm-audit-g1")
                        .append("segment", 2))).as("an old compound key is found by a new one")
                        .isInstanceOf(MongoWriteException.class);

                assertThat(mixed.find(Filters.eq("_id", 7)).first()).containsEntry("v", "an int _id");
                assertThat(mixed.find(Filters.eq("_id", 2.5)).first()).containsEntry("v", "a double _id");
                assertThat(mixed.find(Filters.eq("_id", "s")).first()).containsEntry("v", "a string _id");
                Document generated = mixed.find(Filters.eq("v", "a generated _id")).first();
                assertThat(mixed.find(Filters.eq("_id", generated.getObjectId("_id"))).first()).isEqualTo(generated);

                if (run == 0) {
                    commits.insertOne(new Document("_id", 301L).append("k", "@301").append("starts", List.of("x#1")));
                    tokens.updateOne(Filters.eq("_id", token.getObjectId("_id")), Updates.set("token", 100L));
                    tokens.insertOne(new Document("processorName", "rm-audit-g1").append("segment", 4));
                } else {
                    assertThat(commits.find(Filters.eq("_id", 301L)).first()).containsEntry("k", "@301");
                    assertThat(tokens.countDocuments(Filters.eq("processorName", "rm-audit-g1"))).isEqualTo(5);
                }
            }
        }
    }
}

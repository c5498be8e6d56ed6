package vn.ledger.projections.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.eventstore.EmbeddedMongo;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A packed list is one string in the store and a list in memory; an array of an earlier layout reads too")
class PackedStringsTest {

    @Test
    void storedAsOneStringOnTheServerAndInMemoryAndReadBackAsTheList() {
        PackedStrings ids = new PackedStrings(List.of("0001|a|1", "", "x\u001Fy"));
        Document d = new Document("_id", "k|0").append("ids", ids);
        try (EmbeddedMongo server = EmbeddedMongo.inMemory();
             MongoClient client = MongoClients.create(server.connectionString())) {
            ReadStore mongo = new MongoReadStore(client.getDatabase("t"), "rm_");
            ReadStore memory = new InMemoryReadStore();
            for (ReadStore store : List.of(mongo, memory)) {
                store.put("postings", d);
                Document back = store.find("postings", "k|0").orElseThrow();
                assertThat(back.get("ids")).isInstanceOf(String.class);
                assertThat(PackedStrings.read(back.get("ids"))).containsExactly("0001|a|1", "", "x\u001Fy");
                // parsed once, then the list in its place
                List<String> view = PackedStrings.view(back, "ids");
                assertThat(back.get("ids")).isSameAs(view);
                PackedStrings.mutable(back, "ids").add("z");
                assertThat(PackedStrings.read(back.get("ids"))).hasSize(4);
            }
        }
    }

    @Test
    void anArrayOfAnEarlierLayoutReadsAndBecomesPackedWhenChanged() {
        Document d = new Document("ids", List.of("a", "b"));
        assertThat(PackedStrings.read(d.get("ids"))).containsExactly("a", "b");
        PackedStrings.mutable(d, "ids").add("c");
        assertThat(d.get("ids")).isInstanceOf(PackedStrings.class);
        assertThat(((PackedStrings) d.get("ids")).stored()).isEqualTo(Tuple.writer().add(3).add("a").add("b").add("c")
                .toString());
        assertThat(PackedStrings.read(null)).isEmpty();
    }
}

package vn.ledger.projections.store;

import com.mongodb.MongoClientSettings;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Read-model codec")
class ReadModelCodecTest {

    private static byte[] encode(Codec<Document> codec, Document document, boolean collectible) {
        BasicOutputBuffer out = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(out)) {
            codec.encode(writer, document, EncoderContext.builder().isEncodingCollectibleDocument(collectible).build());
        }
        return out.toByteArray();
    }

    @Test
    @DisplayName("writes the same bytes as the driver's DocumentCodec, _id first, for every kind of value")
    void sameBytesAsTheDriver() {
        Map<String, Object> plainMap = new LinkedHashMap<>();
        plainMap.put("k", "v");
        List<Object> mixed = new ArrayList<>(Arrays.asList("một", 2, 3L, 4.5, true, null, new Document("_id", "inner")));
        Document d = new Document("name", "Triển khai \u001e tách")
                .append("_id", "task-1")
                .append("count", 7).append("big", 10_000_000_000L).append("rate", 0.63).append("done", false)
                .append("none", null).append("at", new Date(1_785_000_000_000L))
                .append("nested", new Document("_id", "not first").append("list", mixed).append("empty", List.of()))
                .append("oid", new ObjectId(new Date(1_700_000_000_000L), 5))
                .append("decimal", new Decimal128(new BigDecimal("1.5")))
                .append("instant", Instant.parse("2026-07-31T10:00:00Z"))
                .append("set", Set.of("only"))
                .append("map", plainMap);
        DocumentCodec driver = new DocumentCodec(MongoClientSettings.getDefaultCodecRegistry());
        ReadModelCodec ours = new ReadModelCodec(MongoClientSettings.getDefaultCodecRegistry());
        for (boolean collectible : new boolean[]{true, false}) {
            assertThat(encode(ours, d, collectible)).as("collectible %s", collectible)
                    .isEqualTo(encode(driver, d, collectible));
        }
        byte[] bytes = encode(ours, d, true);
        Document back = ours.decode(new BsonBinaryReader(ByteBuffer.wrap(bytes)), DecoderContext.builder().build());
        assertThat(back.keySet()).first().isEqualTo("_id");
        assertThat(back.get("nested", Document.class).getList("list", Object.class)).hasSize(7);
    }
}

package vn.ledger.projections.store;

import com.mongodb.MongoClientSettings;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Read models in memory: as-of views (built from the events up to an instant) and projection tests. Documents
 * are copied in and out, as a database would, so a caller cannot change a stored model by accident.
 */
public final class InMemoryReadStore implements ReadStore {

    private static final ReadModelCodec CODEC = new ReadModelCodec(MongoClientSettings.getDefaultCodecRegistry());
    private static final JsonWriterSettings EXTENDED = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private final Map<String, Map<String, Document>> collections = new ConcurrentHashMap<>();

    private Map<String, Document> collection(String name) {
        return collections.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
    }

    @Override
    public Optional<Document> find(String collection, String id) {
        Document d = collection(collection).get(id);
        return Optional.ofNullable(d == null ? null : copy(d));
    }

    @Override
    public Map<String, Document> findAll(String collection, Collection<String> ids) {
        Map<String, Document> out = new LinkedHashMap<>();
        Map<String, Document> c = collection(collection);
        for (String id : ids) {
            Document d = c.get(id);
            if (d != null) {
                out.put(id, copy(d));
            }
        }
        return out;
    }

    @Override
    public void put(String collection, Document document) {
        collection(collection).put(String.valueOf(document.get("_id")), copy(document));
    }

    @Override
    public void delete(String collection, String id) {
        collection(collection).remove(id);
    }

    @Override
    public Stream<Document> scan(String collection) {
        return new TreeMap<>(collection(collection)).values().stream().map(InMemoryReadStore::copy);
    }

    @Override
    public void drop(String collection) {
        collections.remove(collection);
    }

    private static Document copy(Document d) {
        // an extended-JSON round trip gives a deep copy with the same BSON types (longs stay longs)
        // with the codec MongoReadStore writes with, so that a value stored as a string here is one there too
        return Document.parse(d.toJson(EXTENDED, CODEC));
    }
}

package vn.ledger.projections.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistries;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Read models in MongoDB. The prefix names a generation ("rm_" for the live one, "rm_rebuild_3_" for a
 * rebuild), so a rebuild writes beside the live model and the switch is one pointer.
 */
public final class MongoReadStore implements ReadStore {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    /** Changes per bulk write: one write command (and, on the embedded server, one file commit) each. */
    public static final int BULK = 1_000;

    private final MongoDatabase database;
    private final String prefix;

    public MongoReadStore(MongoDatabase database, String prefix) {
        this.database = database.withCodecRegistry(CodecRegistries.fromRegistries(
                CodecRegistries.fromCodecs(new ReadModelCodec(database.getCodecRegistry())),
                database.getCodecRegistry()));
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    private MongoCollection<Document> collection(String name) {
        return database.getCollection(prefix + name);
    }

    @Override
    public Optional<Document> find(String collection, String id) {
        return Optional.ofNullable(collection(collection).find(Filters.eq("_id", id)).first());
    }

    @Override
    public Map<String, Document> findAll(String collection, Collection<String> ids) {
        Map<String, Document> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (Document d : collection(collection).find(Filters.in("_id", new ArrayList<>(ids)))) {
            out.put(d.getString("_id"), d);
        }
        return out;
    }

    @Override
    public void put(String collection, Document document) {
        collection(collection).replaceOne(Filters.eq("_id", document.get("_id")), document, UPSERT);
    }

    @Override
    public void writeAll(String collection, Map<String, Document> changes, Set<String> absent) {
        List<WriteModel<Document>> models = new ArrayList<>(Math.min(BULK, changes.size()));
        for (Map.Entry<String, Document> c : changes.entrySet()) {
            boolean isNew = absent.contains(c.getKey());
            if (c.getValue() == null && isNew) {
                continue; // nothing stored, nothing to delete
            }
            // an upsert costs the embedded server a lookup, a deep copy and a re-measure of the document
            models.add(c.getValue() == null
                    ? new DeleteOneModel<>(Filters.eq("_id", c.getKey()))
                    : isNew ? new InsertOneModel<>(c.getValue())
                    : new ReplaceOneModel<>(Filters.eq("_id", c.getValue().get("_id")), c.getValue(), UPSERT));
            if (models.size() == BULK) {
                collection(collection).bulkWrite(models, UNORDERED);
                models = new ArrayList<>(BULK);
            }
        }
        if (!models.isEmpty()) {
            collection(collection).bulkWrite(models, UNORDERED);
        }
    }

    @Override
    public void delete(String collection, String id) {
        collection(collection).deleteOne(Filters.eq("_id", id));
    }

    @Override
    public Stream<Document> scan(String collection) {
        // small batches: the embedded server otherwise answers the first with the whole collection, which past
        // 48 MB the driver refuses (a national audit or chain collection is hundreds of MB)
        return StreamSupport.stream(collection(collection).find().batchSize(500).spliterator(), false);
    }

    @Override
    public void drop(String collection) {
        collection(collection).drop();
    }
}

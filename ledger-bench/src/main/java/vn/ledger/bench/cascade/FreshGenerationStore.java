package vn.ledger.bench.cascade;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import vn.ledger.projections.store.MongoReadStore;
import vn.ledger.projections.store.ReadStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The store a rebuild writes into: a fresh generation of read-model collections (a prefix no one else writes)
 * in MongoDB, behind the projections' {@code WriteBehindStore}. Being fresh, it knows every document that can
 * exist, the ones it wrote: a read of any other id is answered "absent" without a round trip (a rebuild creates
 * hundreds of thousands of documents, each looked up once before it is first written). Writes go out in bulk:
 * up to {@value #BATCH} unordered inserts (first write of an id) or replacements by {@code _id} per write command,
 * so the embedded server commits its file once per batch instead of once per document. Reads see the writes not
 * yet sent. Reads of documents written earlier go to {@link MongoReadStore}. One instance per thread.
 */
final class FreshGenerationStore implements ReadStore {

    static final int BATCH = 1_000;
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final ReplaceOptions REPLACE = new ReplaceOptions();

    private final MongoDatabase database;
    private final String prefix;
    private final MongoReadStore reads;
    private final Map<String, Set<String>> stored = new HashMap<>();
    private final Map<String, Map<String, Document>> pending = new HashMap<>(); // null value: a delete
    private int pendingCount;
    long bulkWrites;
    long documentsWritten;
    long serverReads;
    /** Time spent in the server's writes and reads, nanoseconds. */
    long writeNanos;
    long readNanos;

    FreshGenerationStore(MongoDatabase database, String prefix) {
        this.database = database;
        this.prefix = prefix;
        this.reads = new MongoReadStore(database, prefix);
    }

    private Set<String> stored(String collection) {
        return stored.computeIfAbsent(collection, c -> new HashSet<>());
    }

    @Override
    public Optional<Document> find(String collection, String id) {
        Map<String, Document> p = pending.get(collection);
        if (p != null && p.containsKey(id)) {
            return Optional.ofNullable(p.get(id));
        }
        if (!stored(collection).contains(id)) {
            return Optional.empty();
        }
        serverReads++;
        long t0 = System.nanoTime();
        Optional<Document> d = reads.find(collection, id);
        readNanos += System.nanoTime() - t0;
        return d;
    }

    @Override
    public Map<String, Document> findAll(String collection, Collection<String> ids) {
        Map<String, Document> out = new LinkedHashMap<>();
        Map<String, Document> p = pending.getOrDefault(collection, Map.of());
        Set<String> s = stored(collection);
        List<String> ask = new ArrayList<>();
        for (String id : ids) {
            if (p.containsKey(id)) {
                if (p.get(id) != null) {
                    out.put(id, p.get(id));
                }
            } else if (s.contains(id)) {
                ask.add(id);
            }
        }
        if (!ask.isEmpty()) {
            serverReads++;
            long t0 = System.nanoTime();
            out.putAll(reads.findAll(collection, ask));
            readNanos += System.nanoTime() - t0;
        }
        Map<String, Document> ordered = new LinkedHashMap<>();
        for (String id : ids) {
            Document d = out.get(id);
            if (d != null) {
                ordered.put(id, d);
            }
        }
        return ordered;
    }

    @Override
    public void put(String collection, Document document) {
        queue(collection, String.valueOf(document.get("_id")), document);
    }

    @Override
    public void delete(String collection, String id) {
        queue(collection, id, null);
    }

    private void queue(String collection, String id, Document doc) {
        Map<String, Document> p = pending.computeIfAbsent(collection, c -> new LinkedHashMap<>());
        if (!p.containsKey(id)) {
            pendingCount++;
        }
        p.put(id, doc);
        if (pendingCount >= BATCH) {
            flush();
        }
    }

    /** Sends every pending write, one unordered bulk write per collection. */
    void flush() {
        for (Map.Entry<String, Map<String, Document>> e : pending.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            Set<String> s = stored(e.getKey());
            List<WriteModel<Document>> models = new ArrayList<>(e.getValue().size());
            for (Map.Entry<String, Document> w : e.getValue().entrySet()) {
                String id = w.getKey();
                Document doc = w.getValue();
                if (doc == null) {
                    if (s.remove(id)) {
                        models.add(new DeleteOneModel<>(Filters.eq("_id", id)));
                    }
                } else if (s.add(id)) {
                    models.add(new InsertOneModel<>(doc));
                } else {
                    models.add(new ReplaceOneModel<>(Filters.eq("_id", id), doc, REPLACE));
                }
            }
            if (!models.isEmpty()) {
                long t0 = System.nanoTime();
                database.getCollection(prefix + e.getKey()).bulkWrite(models, UNORDERED);
                writeNanos += System.nanoTime() - t0;
                bulkWrites++;
                documentsWritten += models.size();
            }
            e.getValue().clear();
        }
        pendingCount = 0;
    }

    @Override
    public Stream<Document> scan(String collection) {
        flush();
        return reads.scan(collection);
    }

    @Override
    public void drop(String collection) {
        Map<String, Document> p = pending.remove(collection);
        if (p != null) {
            pendingCount -= p.size();
        }
        stored.remove(collection);
        reads.drop(collection);
    }
}

package vn.ledger.bench.cascade;

import org.bson.Document;
import vn.ledger.projections.store.MongoReadStore;
import vn.ledger.projections.store.ReadStore;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The rebuild's view of {@link MongoReadStore}: the same calls, timed and counted (server reads, bulk writes,
 * documents written), so the benchmark can say how much of a rebuild went to MongoDB. One instance per thread.
 */
final class TimedStore implements ReadStore {

    private final MongoReadStore delegate;
    long bulkWrites;
    long documentsWritten;
    long serverReads;
    long writeNanos;
    long readNanos;

    TimedStore(MongoReadStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<Document> find(String collection, String id) {
        long t0 = System.nanoTime();
        serverReads++;
        try {
            return delegate.find(collection, id);
        } finally {
            readNanos += System.nanoTime() - t0;
        }
    }

    @Override
    public Map<String, Document> findAll(String collection, Collection<String> ids) {
        long t0 = System.nanoTime();
        serverReads++;
        try {
            return delegate.findAll(collection, ids);
        } finally {
            readNanos += System.nanoTime() - t0;
        }
    }

    @Override
    public void writeAll(String collection, Map<String, Document> changes, java.util.Set<String> absent) {
        long t0 = System.nanoTime();
        try {
            delegate.writeAll(collection, changes, absent);
        } finally {
            writeNanos += System.nanoTime() - t0;
            bulkWrites += (changes.size() + MongoReadStore.BULK - 1) / MongoReadStore.BULK;
            documentsWritten += changes.size();
        }
    }

    @Override
    public void put(String collection, Document document) {
        writeAll(collection, Map.of(String.valueOf(document.get("_id")), document));
    }

    @Override
    public void delete(String collection, String id) {
        java.util.HashMap<String, Document> one = new java.util.HashMap<>();
        one.put(id, null);
        writeAll(collection, one);
    }

    @Override
    public Stream<Document> scan(String collection) {
        return delegate.scan(collection);
    }

    @Override
    public void drop(String collection) {
        delegate.drop(collection);
    }
}

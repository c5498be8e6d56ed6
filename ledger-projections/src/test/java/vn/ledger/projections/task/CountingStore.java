package vn.ledger.projections.task;

import org.bson.Document;
import vn.ledger.projections.store.ReadStore;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Test support: counts the round trips a query makes (find and findAll each count one). */
public final class CountingStore implements ReadStore {

    private final ReadStore delegate;
    private int reads;

    public CountingStore(ReadStore delegate) {
        this.delegate = delegate;
    }

    public int reads() {
        return reads;
    }

    public void resetCount() {
        reads = 0;
    }

    @Override
    public Optional<Document> find(String collection, String id) {
        reads++;
        return delegate.find(collection, id);
    }

    @Override
    public Map<String, Document> findAll(String collection, Collection<String> ids) {
        reads++;
        return delegate.findAll(collection, ids);
    }

    @Override
    public void put(String collection, Document document) {
        delegate.put(collection, document);
    }

    @Override
    public void delete(String collection, String id) {
        delegate.delete(collection, id);
    }

    @Override
    public Stream<Document> scan(String collection) {
        throw new AssertionError("a query scanned " + collection);
    }

    @Override
    public void drop(String collection) {
        delegate.drop(collection);
    }
}

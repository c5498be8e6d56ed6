package vn.ledger.projections.audit;

import org.bson.Document;
import vn.ledger.projections.fixture.CountingReadStore;
import vn.ledger.projections.store.ReadStore;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** A store that adds up the BSON size, as stored, of every document put into it. */
final class BytesWritten implements ReadStore {

    private final ReadStore delegate;
    long bytes;

    BytesWritten(ReadStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<Document> find(String collection, String id) {
        return delegate.find(collection, id);
    }

    @Override
    public Map<String, Document> findAll(String collection, Collection<String> ids) {
        return delegate.findAll(collection, ids);
    }

    @Override
    public void put(String collection, Document document) {
        delegate.put(collection, document);
        // as stored: packed lists are the strings the server gets
        bytes += CountingReadStore.bson(delegate.find(collection, String.valueOf(document.get("_id"))).orElseThrow());
    }

    @Override
    public void delete(String collection, String id) {
        delegate.delete(collection, id);
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

package vn.ledger.bench.cascade;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import vn.ledger.projections.store.ReadStore;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Counts what the queries read through a {@link ReadStore}: round trips (a {@code find} or one {@code $in}),
 * documents returned and, when asked, their BSON size. Single-threaded, like the query runs it measures.
 */
final class CountingReadStore implements ReadStore {

    private final ReadStore delegate;
    private boolean measureBytes;
    long roundTrips;
    long documents;
    long bytes;
    long scans;
    long writes;

    CountingReadStore(ReadStore delegate) {
        this.delegate = delegate;
    }

    void reset(boolean withBytes) {
        roundTrips = 0;
        documents = 0;
        bytes = 0;
        scans = 0;
        writes = 0;
        measureBytes = withBytes;
    }

    @Override
    public Optional<Document> find(String collection, String id) {
        roundTrips++;
        Optional<Document> d = delegate.find(collection, id);
        if (d.isPresent()) {
            documents++;
            size(d.get());
        }
        return d;
    }

    @Override
    public Map<String, Document> findAll(String collection, Collection<String> ids) {
        roundTrips++;
        Map<String, Document> m = delegate.findAll(collection, ids);
        documents += m.size();
        if (measureBytes) {
            m.values().forEach(this::size);
        }
        return m;
    }

    private void size(Document d) {
        if (measureBytes) {
            bytes += new RawBsonDocument(d, new DocumentCodec()).getByteBuffer().remaining();
        }
    }

    @Override
    public void put(String collection, Document document) {
        writes++;
        delegate.put(collection, document);
    }

    @Override
    public void delete(String collection, String id) {
        writes++;
        delegate.delete(collection, id);
    }

    @Override
    public Stream<Document> scan(String collection) {
        scans++;
        return delegate.scan(collection);
    }

    @Override
    public void drop(String collection) {
        delegate.drop(collection);
    }
}

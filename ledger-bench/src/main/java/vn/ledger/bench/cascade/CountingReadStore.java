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
 * documents returned and, when asked, their BSON size. Reads may come from several threads at once (a chain
 * view sends the parts of a large level side by side); the counts are read once the query is done.
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
        Optional<Document> d = delegate.find(collection, id);
        count(d.stream().toList());
        return d;
    }

    @Override
    public Map<String, Document> findAll(String collection, Collection<String> ids) {
        Map<String, Document> m = delegate.findAll(collection, ids);
        count(m.values());
        return m;
    }

    /** One round trip that returned {@code found}. */
    private void count(Collection<Document> found) {
        long size = 0;
        if (measureBytes) {
            for (Document d : found) {
                size += new RawBsonDocument(d, new DocumentCodec()).getByteBuffer().remaining();
            }
        }
        synchronized (this) {
            roundTrips++;
            documents += found.size();
            bytes += size;
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

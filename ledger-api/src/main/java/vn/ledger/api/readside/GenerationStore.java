package vn.ledger.api.readside;

import org.bson.Document;
import vn.ledger.projections.store.MongoReadStore;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.store.WriteBehindStore;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The store a generation's projection writes to. While the generation catches up it writes through a
 * {@link WriteBehindStore} (a document changed by many events of a batch is written once), flushed at the end of
 * every batch, before the processor stores its token; once caught up it writes straight through to MongoDB, so that
 * every event's marker is written last, as live projections need. Used by the processor's thread only.
 */
final class GenerationStore implements ReadStore {

    private final MongoReadStore direct;
    private final int bufferSize;
    private final Set<String> written;
    private WriteBehindStore buffer;

    /** @param fresh the generation's collections were just created empty, and only this store writes them */
    GenerationStore(MongoReadStore direct, int bufferSize, boolean fresh) {
        this.direct = direct;
        this.bufferSize = bufferSize;
        this.written = fresh ? new HashSet<>() : null;
        this.buffer = newBuffer();
    }

    private WriteBehindStore newBuffer() {
        return new WriteBehindStore(direct, bufferSize / 5, bufferSize, written);
    }

    private ReadStore target() {
        return buffer != null ? buffer : direct;
    }

    boolean buffered() {
        return buffer != null;
    }

    /** End of a batch: writes what the batch changed. */
    void flush() {
        if (buffer != null) {
            buffer.flush();
        }
    }

    /** A batch failed: forget what it changed in memory (it is read again from MongoDB). */
    void discard() {
        if (buffer != null) {
            buffer = newBuffer();
        }
    }

    /** Write straight through from now on. */
    void goDirect() {
        if (buffer != null) {
            buffer.flush();
            buffer = null;
            if (written != null) {
                written.clear(); // not consulted any more
            }
        }
    }

    @Override
    public Optional<Document> find(String collection, String id) {
        return target().find(collection, id);
    }

    @Override
    public Map<String, Document> findAll(String collection, Collection<String> ids) {
        return target().findAll(collection, ids);
    }

    @Override
    public void put(String collection, Document document) {
        target().put(collection, document);
    }

    @Override
    public void writeAll(String collection, Map<String, Document> changes, Set<String> absent) {
        target().writeAll(collection, changes, absent);
    }

    @Override
    public void delete(String collection, String id) {
        target().delete(collection, id);
    }

    @Override
    public Stream<Document> scan(String collection) {
        return target().scan(collection);
    }

    @Override
    public void drop(String collection) {
        target().drop(collection);
    }
}

package vn.ledger.api.readside;

import org.bson.Document;
import vn.ledger.projections.store.FlushJournal;
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
 * The store a generation's projection writes to: a {@link WriteBehindStore} (a document changed by several events
 * of a batch is written once, and documents read stay in memory), flushed at the end of every batch, before the
 * processor stores its token. Only this store writes the generation's collections, so what it keeps in memory
 * stays true.
 *
 * <p>Two modes. A fresh rebuild, catching up, keeps a large cache and flushes as it goes, without a journal: if the
 * process dies, the rebuild starts again from scratch. Otherwise (a live generation, and any generation after a
 * restart) every flush goes through a {@link FlushJournal}, all or nothing, so that a crash in the middle of one
 * leaves what writing straight through would have left, and the batch, handled again, completes it (the
 * projections are idempotent per event); once caught up ({@link #goDirect()}), a smaller cache is kept. Used by the
 * processor's thread only.
 */
final class GenerationStore implements ReadStore {

    private final MongoReadStore direct;
    private final FlushJournal journal;
    private final int bufferSize;
    /** the keys ever written, while a fresh generation catches up; null otherwise */
    private Set<String> written;
    private boolean live;
    private WriteBehindStore cache;
    /** false until the journal was checked (after a start, or after a failed batch) */
    private boolean recovered;

    /** @param fresh the generation's collections were just created empty, and only this store writes them */
    GenerationStore(MongoReadStore direct, int bufferSize, boolean fresh) {
        this.direct = direct;
        this.journal = new FlushJournal(direct);
        this.bufferSize = bufferSize;
        this.written = fresh ? new HashSet<>() : null;
        this.cache = newCache();
    }

    private WriteBehindStore newCache() {
        if (written != null) {
            return new WriteBehindStore(direct, bufferSize / 5, bufferSize, written);
        }
        // a live generation holds a batch's changes at most, and the documents it reads often
        int cached = live ? Math.max(1, bufferSize / 4) : bufferSize;
        return new WriteBehindStore(direct, bufferSize / 5, cached, null, journal);
    }

    private ReadStore target() {
        if (!recovered) {
            journal.recover();
            recovered = true;
        }
        return cache;
    }

    /** Still catching up with the large cache (a fresh generation without a journal, or after a restart). */
    boolean buffered() {
        return !live;
    }

    /** End of a batch: writes what the batch changed. */
    void flush() {
        cache.flush();
    }

    /**
     * A batch failed: forget what it changed in memory (it is read again from MongoDB, once a flush the failure
     * interrupted is completed from the journal).
     */
    void discard() {
        cache = newCache();
        recovered = false;
    }

    /** Caught up: flushes, and from now on every flush goes through the journal, with the smaller live cache. */
    void goDirect() {
        if (!live) {
            cache.flush();
            live = true;
            written = null; // not consulted any more
            cache = newCache();
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

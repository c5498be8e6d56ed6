package vn.ledger.projections.store;

import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A write-back cache in front of a {@link ReadStore}, for rebuilding read models: documents read or written stay
 * in memory, and {@link #flush()} writes each changed document once, however many events changed it in between
 * (a posting bucket appended to 500 times, a token list shared by thousands of directives). It flushes by itself
 * when more than {@code maxDirty} documents are waiting.
 *
 * <p>A flush is not atomic by itself: a crash in the middle of one can leave a document that marks an event as
 * applied without some of that event's other writes. That is harmless for a rebuild into a fresh generation, which
 * restarts from scratch if the process dies; a store that must survive a crash (a live generation) hands its
 * flushes to a {@link FlushJournal}, which makes each one all or nothing. Every state a flush leaves is then the
 * state that writing straight through would have left at that point (the cache holds each document's latest
 * version), so the projections' idempotency by marker documents holds as it does without the cache.
 *
 * <p>Documents handed out are the cached instances, not copies: the projections change a document and put it
 * back. Single-threaded, like the projections that use it.
 */
public final class WriteBehindStore implements ReadStore {

    private record Key(String collection, String id) {
        /** The form kept in the shared set of written keys. */
        String written() {
            return collection + '\u0000' + id;
        }
    }

    private static final class Entry {
        Document doc; // null: known to be absent
        boolean dirty;

        Entry(Document doc, boolean dirty) {
            this.doc = doc;
            this.dirty = dirty;
        }
    }

    /** Where a flush goes: every changed document, by collection (null: delete), and the ids known absent. */
    @FunctionalInterface
    public interface Sink {
        void write(Map<String, Map<String, Document>> changes, Map<String, Set<String>> absent);
    }

    private final ReadStore delegate;
    private final Sink sink;
    private final int maxDirty;
    private final int maxCached;
    /** When the store started empty: every key ever sent to it; any other key is absent without asking. */
    private final Set<String> written;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private int dirty;
    private long flushedDocuments;

    /**
     * @param maxDirty  documents waiting before a flush is forced
     * @param maxCached documents (clean and dirty) kept in memory; the least recently used clean ones are dropped
     */
    public WriteBehindStore(ReadStore delegate, int maxDirty, int maxCached) {
        this(delegate, maxDirty, maxCached, null);
    }

    /**
     * @param written for a store that started empty and is written only through caches sharing this set (a
     *                fresh rebuild generation): the keys ever flushed to it, kept by this cache, so that a lookup
     *                of anything else, which a rebuild does once for nearly every document it creates, is answered
     *                "absent" without a round trip. A key is added before its write is attempted, so the set never
     *                misses a stored document, even after a failed flush. Null when the store may hold anything.
     */
    public WriteBehindStore(ReadStore delegate, int maxDirty, int maxCached, Set<String> written) {
        this(delegate, maxDirty, maxCached, written, (changes, absent) -> changes.forEach((collection, docs) ->
                delegate.writeAll(collection, docs, absent.getOrDefault(collection, Set.of()))));
    }

    /** @param sink writes each flush (a {@link FlushJournal} makes it all or nothing) */
    public WriteBehindStore(ReadStore delegate, int maxDirty, int maxCached, Set<String> written, Sink sink) {
        this.delegate = delegate;
        this.sink = sink;
        this.maxDirty = maxDirty;
        this.maxCached = Math.max(maxCached, maxDirty);
        this.written = written;
    }

    private boolean mayExist(Key key) {
        return written == null || written.contains(key.written());
    }

    public WriteBehindStore(ReadStore delegate) {
        this(delegate, 20_000, 200_000);
    }

    /** Documents written to the store by flushes so far. */
    public long flushedDocuments() {
        return flushedDocuments;
    }

    @Override
    public Optional<Document> find(String collection, String id) {
        Key key = new Key(collection, id);
        Entry e = entries.get(key);
        if (e == null) {
            e = new Entry(mayExist(key) ? delegate.find(collection, id).orElse(null) : null, false);
            entries.put(key, e);
            trim();
        }
        return Optional.ofNullable(e.doc);
    }

    @Override
    public Map<String, Document> findAll(String collection, Collection<String> ids) {
        Map<String, Document> out = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        Map<String, Document> cached = new HashMap<>();
        for (String id : ids) {
            Entry e = entries.get(new Key(collection, id));
            if (e == null) {
                if (mayExist(new Key(collection, id))) {
                    missing.add(id);
                } else {
                    entries.put(new Key(collection, id), new Entry(null, false));
                }
            } else if (e.doc != null) {
                cached.put(id, e.doc);
            }
        }
        Map<String, Document> fetched = missing.isEmpty() ? Map.of() : delegate.findAll(collection, missing);
        for (String id : missing) {
            entries.put(new Key(collection, id), new Entry(fetched.get(id), false));
        }
        for (String id : ids) {
            Document d = cached.containsKey(id) ? cached.get(id) : fetched.get(id);
            if (d != null) {
                out.put(id, d);
            }
        }
        trim();
        return out;
    }

    @Override
    public void put(String collection, Document document) {
        mark(new Key(collection, String.valueOf(document.get("_id"))), document);
    }

    @Override
    public void delete(String collection, String id) {
        mark(new Key(collection, id), null);
    }

    private void mark(Key key, Document doc) {
        Entry e = entries.get(key);
        if (e == null) {
            entries.put(key, new Entry(doc, true));
            dirty++;
        } else {
            e.doc = doc;
            if (!e.dirty) {
                e.dirty = true;
                dirty++;
            }
        }
        if (dirty > maxDirty) {
            flush();
        }
    }

    /** Writes every changed document (deleting those removed), once each, in bulk per collection. */
    public void flush() {
        Map<String, Map<String, Document>> changes = new LinkedHashMap<>();
        Map<String, Set<String>> absent = new HashMap<>();
        for (Map.Entry<Key, Entry> x : entries.entrySet()) {
            Entry e = x.getValue();
            if (e.dirty) {
                String collection = x.getKey().collection();
                // first time sent to a store that started empty: the store may insert it
                if (written != null && written.add(x.getKey().written())) {
                    absent.computeIfAbsent(collection, c -> new HashSet<>()).add(x.getKey().id());
                }
                changes.computeIfAbsent(collection, c -> new LinkedHashMap<>()).put(x.getKey().id(), e.doc);
            }
        }
        if (!changes.isEmpty()) {
            sink.write(changes, absent);
        }
        for (Entry e : entries.values()) {
            if (e.dirty) {
                e.dirty = false;
                flushedDocuments++;
            }
        }
        dirty = 0;
        trim();
    }

    /** Forgets everything not flushed (after a failed batch). */
    public void discard() {
        entries.clear();
        dirty = 0;
    }

    private void trim() {
        if (entries.size() <= maxCached) {
            return;
        }
        Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator();
        while (entries.size() > maxCached && it.hasNext()) {
            if (!it.next().getValue().dirty) {
                it.remove();
            }
        }
    }

    /** Flushes, then reads the collection from the store. */
    @Override
    public Stream<Document> scan(String collection) {
        flush();
        return delegate.scan(collection);
    }

    @Override
    public void drop(String collection) {
        entries.entrySet().removeIf(x -> {
            boolean in = x.getKey().collection().equals(collection);
            if (in && x.getValue().dirty) {
                dirty--;
            }
            return in;
        });
        delegate.drop(collection);
    }
}

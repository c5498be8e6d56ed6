package vn.ledger.eventstore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * mongo-java-server's H2 backend with unique indexes whose keys are compared as values.
 *
 * <p>The stock backend keeps each unique index (including every collection's {@code _id} index) in an MVMap keyed
 * by {@link KeyValue}, which is not {@link Comparable}; H2's {@link ObjectDataType} then compares two keys by
 * Java-serialising both, on every step of every B-tree search. Profiling a read-model rebuild showed most of the
 * server's time in {@code ObjectOutputStream}. Here the index maps use {@link ValueKeys}: the same stored form
 * (it is an {@code ObjectDataType}), compared element by element in MongoDB's value order.
 *
 * <p>A B-tree must be searched in the order it was built in, so a data file written by the stock backend has its
 * index maps migrated once, when first opened: entries copied into a map in the new order, marked in
 * {@value #MARKS}, and committed together (auto-commit is off for our stores, see {@link EmbeddedMongo}).
 *
 * <p>Three more costs of the stock backend, each found in a profile of bulk inserts into a file store, are avoided
 * here without changing what a client sees:
 * <ul>
 *   <li>documents and index keys are written to the file by {@link StoredForms} (BSON, plain strings) instead of Java
 *       serialisation, which took a quarter of the server's time; what an older file holds still reads;</li>
 *   <li>a collection does not keep its data size up to date on every write (that re-encodes each document to
 *       measure it); {@code collStats} measures the documents when asked ({@link DataCollection});</li>
 *   <li>a unique index on one field holding a string (every {@code _id} here) finds its key directly, and checks it
 *       once instead of three times per insert ({@link UniqueIndex}).</li>
 * </ul>
 */
class OrderedIndexH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(OrderedIndexH2Backend.class);

    /** Index map name → the key order its B-tree is built in. */
    static final String MARKS = "ledger.indexKeyOrder";
    static final String ORDER = "mongo-value-order/1";

    private final CommandCounts counts = new CommandCounts();

    OrderedIndexH2Backend(MVStore store) {
        super(store);
    }

    CommandCounts counts() {
        return counts;
    }

    @Override
    public Document handleCommand(io.netty.channel.Channel channel, String databaseName, String command,
                                  Document query) {
        counts.count(command, query);
        return super.handleCommand(channel, databaseName, command, query);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /** Keys of unique indexes compared in MongoDB's value order; stored as {@link StoredForms}. */
    static final class ValueKeys extends StoredForms {
        private static final Comparator<Object> VALUES = ValueComparator.asc();

        @Override
        public int compare(Object a, Object b) {
            if (a instanceof KeyValue x && b instanceof KeyValue y) {
                int n = Math.min(x.size(), y.size());
                for (int i = 0; i < n; i++) {
                    int c = VALUES.compare(x.get(i), y.get(i));
                    if (c != 0) {
                        return c;
                    }
                }
                return Integer.compare(x.size(), y.size());
            }
            return super.compare(a, b);
        }
    }

    static final class Database extends H2Database {
        private static final Field STORE;

        static {
            try {
                STORE = H2Database.class.getDeclaredField("mvStore");
                STORE.setAccessible(true);
            } catch (NoSuchFieldException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        Database(String name, MVStore store, CursorRegistry cursors) {
            super(name, store, cursors);
        }

        // called from H2Database's constructor, before any field of this class is set: the store comes from H2Database
        private MVStore store() {
            try {
                return (MVStore) STORE.get(this);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            // the stock backend's map names, so that drop, rename and an older file all find them
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore store = store();
            // keys (the documents' _id) in our forms too: an object id would otherwise be Java-serialised
            MVMap<Object, Document> data = store.openMap("databases." + namespace,
                    new MVMap.Builder<Object, Document>().keyType(new StoredForms()).valueType(new StoredForms()));
            MVMap<String, Object> meta = store.openMap("meta." + namespace);
            return new DataCollection(this, collectionName, options, data, meta, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVStore store = store();
            // the stock backend's map name, so that dropping the index, the collection or the database removes it
            String name = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            MVMap<String, String> marks = store.openMap(MARKS);
            List<Map.Entry<Object, Object>> legacy = null;
            if (store.hasMap(name) && !ORDER.equals(marks.get(name))) {
                MVMap<Object, Object> old = store.openMap(name);
                legacy = new ArrayList<>(old.size());
                for (Map.Entry<Object, Object> e : old.entrySet()) {
                    legacy.add(Map.entry(e.getKey(), e.getValue()));
                }
                store.removeMap(old);
            }
            MVMap<KeyValue, Object> map = store.openMap(name,
                    new MVMap.Builder<KeyValue, Object>().keyType(new ValueKeys()).valueType(new StoredForms()));
            if (legacy != null) {
                for (Map.Entry<Object, Object> e : legacy) {
                    map.put((KeyValue) e.getKey(), e.getValue());
                }
                log.info("index {} migrated to {} ({} keys)", name, ORDER, legacy.size());
            }
            if (!ORDER.equals(marks.get(name))) {
                marks.put(name, ORDER);
                if (legacy != null && store.getFileStore() != null) {
                    store.commit();
                }
            }
            return new UniqueIndex(map, indexName, keys, sparse);
        }
    }

    /** A collection that measures its data size when asked ({@code collStats}) instead of on every write. */
    static final class DataCollection extends H2Collection {
        /** The replacement document of the update this thread is applying, when it is a whole-document replacement. */
        private static final ThreadLocal<Document> REPLACEMENT = new ThreadLocal<>();
        private final boolean constructed;

        DataCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                       MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
            constructed = true;
        }

        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        /**
         * A replacement keeps the replacement's field order, as MongoDB does. The stock server applies it to the stored
         * document in place: fields it had keep their places and new ones go last, so a document replaced many times
         * (a live read model) and the same document inserted once (its rebuild) would differ in field order.
         */
        @Override
        public Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters, boolean multi,
                                        boolean upsert, Oplog oplog) {
            boolean replacement = !update.isEmpty() && update.keySet().stream().noneMatch(k -> k.startsWith("$"));
            if (!replacement) {
                return super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
            }
            REPLACEMENT.set(update);
            try {
                return super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
            } finally {
                REPLACEMENT.remove();
            }
        }

        @Override
        protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
            Document replacement = REPLACEMENT.get();
            if (replacement == null) {
                super.handleUpdate(position, oldDocument, newDocument);
                return;
            }
            Document ordered = new Document();
            if (newDocument.containsKey("_id")) {
                ordered.put("_id", newDocument.get("_id"));
            }
            for (String key : replacement.keySet()) {
                if (newDocument.containsKey(key)) {
                    ordered.put(key, newDocument.get(key));
                }
            }
            for (String key : newDocument.keySet()) {
                if (!ordered.containsKey(key)) {
                    ordered.put(key, newDocument.get(key)); // none expected: the replacement names every field
                }
            }
            super.handleUpdate(position, oldDocument, ordered);
        }

        @Override
        protected int getDataSize() {
            if (!constructed) {
                return 0; // H2Collection's constructor logs it: do not read a whole collection for a debug line
            }
            long size = streamAllDocumentsWithPosition().mapToLong(d -> StoredForms.bsonSize(d.getDocument())).sum();
            return (int) Math.min(size, Integer.MAX_VALUE);
        }
    }

    /** H2UniqueIndex's behaviour over a map given to it (its constructor is package-private). */
    static final class UniqueIndex extends AbstractUniqueIndex<Object> {
        private final MVMap<KeyValue, Object> map;
        /** the field of a one-field index on a top-level field, else null */
        private final String field;

        UniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
            String only = keys.size() == 1 ? keys.get(0).getKey() : null;
            this.field = only != null && only.indexOf('.') < 0 ? only : null;
        }

        /**
         * The key of a document whose indexed field is one string, which needs no normalising and cannot be an array;
         * null for any other document, which takes the stock path.
         */
        private KeyValue stringKey(Document document) {
            return field != null && document.get(field) instanceof String s ? new KeyValue(s) : null;
        }

        @Override
        public synchronized void checkAdd(Document document, MongoCollection<Object> collection) {
            KeyValue key = stringKey(document);
            if (key == null) {
                super.checkAdd(document, collection);
            } else if (map.containsKey(key)) {
                throw new DuplicateKeyError(this, collection, getKeys(), key);
            }
        }

        @Override
        public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
            KeyValue key = stringKey(document);
            if (key == null) {
                super.add(document, position, collection);
            } else if (!putKeyPosition(key, position)) {
                // the stock add checks again before it puts; putIfAbsent refuses the same duplicate in one step
                throw new DuplicateKeyError(this, collection, getKeys(), key);
            }
        }

        @Override
        protected Object removeDocument(KeyValue key) {
            return map.remove(key);
        }

        @Override
        protected boolean putKeyPosition(KeyValue key, Object position) {
            return map.putIfAbsent(key, de.bwaldvogel.mongo.backend.Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue key) {
            return map.get(key);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }
}

package vn.ledger.eventstore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
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
 */
class OrderedIndexH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(OrderedIndexH2Backend.class);

    /** Index map name → the key order its B-tree is built in. */
    static final String MARKS = "ledger.indexKeyOrder";
    static final String ORDER = "mongo-value-order/1";

    OrderedIndexH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /** Keys of unique indexes compared in MongoDB's value order; stored exactly as {@link ObjectDataType} does. */
    static final class ValueKeys extends ObjectDataType {
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
            MVMap<KeyValue, Object> map = store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(new ValueKeys()));
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

    /** H2UniqueIndex's behaviour over a map given to it (its constructor is package-private). */
    static final class UniqueIndex extends AbstractUniqueIndex<Object> {
        private final MVMap<KeyValue, Object> map;

        UniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
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

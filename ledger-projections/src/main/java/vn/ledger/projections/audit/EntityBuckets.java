package vn.ledger.projections.audit;

import vn.ledger.projections.store.Lru;
import vn.ledger.projections.store.ReadStore;

import java.util.Map;

/**
 * The entity buckets ({@link EntityBucket}) the projection reads and writes: write-through, with the buckets it
 * touched kept in memory (bounded LRU), so that the next event of an entity costs no read. The only writer of its
 * store's audit collection (one projection instance, one segment).
 */
final class EntityBuckets {

    private final ReadStore store;
    private final String collection;
    private final Map<String, EntityBucket> cache;

    EntityBuckets(ReadStore store, String collection, int cacheSize) {
        this.store = store;
        this.collection = collection;
        this.cache = Lru.map(cacheSize);
    }

    /** Bucket n of the aggregate, or null when it is not stored. */
    EntityBucket find(String aggregateId, int n) {
        String id = AuditId.bucketId(aggregateId, n);
        EntityBucket b = cache.get(id);
        if (b == null) {
            b = store.find(collection, id).map(EntityBucket.FORM::read).orElse(null);
            if (b != null) {
                cache.put(id, b);
            }
        }
        return b;
    }

    void put(EntityBucket bucket) {
        store.put(collection, EntityBucket.FORM.document(bucket));
        cache.put(bucket.id(), bucket);
    }

    void clearCache() {
        cache.clear();
    }
}

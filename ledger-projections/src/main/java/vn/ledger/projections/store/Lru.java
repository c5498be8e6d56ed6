package vn.ledger.projections.store;

import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded map that forgets the least recently used entry: the write-through caches of a projection's documents. */
public final class Lru {

    private Lru() {
    }

    public static <K, V> Map<K, V> map(int capacity) {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}

package vn.ledger.projections.store;

import org.bson.Document;

import java.util.function.Function;

/**
 * A value a projection keeps as an object while it works on it, and stores as one string ({@link ReadModelCodec}
 * writes {@link #stored()}): a long list changed in place by every event stays cheap to change, and costs the
 * server one value instead of one per item. Readers accept the stored string and the object alike.
 */
public interface StoredAsString {

    String stored();

    /**
     * The value under key, to change in place: the object the document holds, or the stored form (a string, an
     * earlier layout, nothing) made into one by {@code fromStored} once and put back in its place.
     */
    static <T extends StoredAsString> T held(Document d, String key, Class<T> type, Function<Object, T> fromStored) {
        Object v = d.get(key);
        if (type.isInstance(v)) {
            return type.cast(v);
        }
        T made = fromStored.apply(v);
        d.put(key, made);
        return made;
    }
}

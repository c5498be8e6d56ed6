package vn.ledger.projections.store;

/**
 * A value a projection keeps as an object while it works on it, and stores as one string ({@link ReadModelCodec}
 * writes {@link #stored()}): a long list changed in place by every event stays cheap to change, and costs the
 * server one value instead of one per item. Readers accept the stored string and the object alike.
 */
public interface StoredAsString {

    String stored();
}

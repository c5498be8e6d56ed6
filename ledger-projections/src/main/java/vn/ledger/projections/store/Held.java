package vn.ledger.projections.store;

/**
 * A value a document holds as itself while a projection works on it (a long list, a tally, changed in place by
 * every event of a rebuild's batch), and that the store's codec writes out in its form's packed string only when
 * the document is written. Its form reads it back as it is ({@link StoredForm#read}), without parsing.
 */
public record Held<T>(T value, StoredForm<T> form) implements StoredAsString {

    @Override
    public String stored() {
        return (String) form.write(value);
    }
}

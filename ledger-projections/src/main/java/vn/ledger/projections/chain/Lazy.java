package vn.ledger.projections.chain;

import java.util.function.Supplier;

/**
 * A value of a node read from its stored form only when first used: most events that touch a node change only its
 * roll-up (an ancestor of the node they are about), and a central notice's thousands of recipients need not be
 * read and written back for that. Keeps the stored form until then, to write it back as it was.
 */
final class Lazy<T> {

    private T value;
    private Supplier<T> load;
    private final Object stored;

    private Lazy(T value, Supplier<T> load, Object stored) {
        this.value = value;
        this.load = load;
        this.stored = stored;
    }

    static <T> Lazy<T> of(T value) {
        return new Lazy<>(value, null, null);
    }

    /** The value {@code load} makes from {@code stored}, made on first use. */
    static <T> Lazy<T> stored(Object stored, Supplier<T> load) {
        return new Lazy<>(null, load, stored);
    }

    T get() {
        if (load != null) {
            value = load.get();
            load = null;
        }
        return value;
    }

    /** True once the value was made (it may have changed since): the stored form is then stale. */
    boolean loaded() {
        return load == null;
    }

    /** The stored form it was read from (valid while not {@link #loaded}). */
    Object stored() {
        return stored;
    }
}

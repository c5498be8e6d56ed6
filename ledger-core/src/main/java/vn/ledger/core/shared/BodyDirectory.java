package vn.ledger.core.shared;

/**
 * Port: what the write side needs to know about the hierarchy of bodies. Implemented outside the core (a
 * projection of the Body events) and injected into command handlers as a parameter.
 */
public interface BodyDirectory {

    /** True when a body with this code was ever registered (closed ones included). */
    boolean exists(String code);

    /** True when the body exists and is neither closed nor merged. */
    boolean isActive(String code);

    /** True when {@code code} equals {@code ancestorCode} or lies anywhere below it in the hierarchy. */
    boolean isSameOrDescendant(String code, String ancestorCode);
}

package vn.ledger.core.shared;

/** Lifecycle of a directive as seen by the catalog. UNKNOWN: the catalog has no such directive (yet). */
public enum DirectiveStatus {
    ACTIVE, RECALLED, REPLACED, UNKNOWN
}

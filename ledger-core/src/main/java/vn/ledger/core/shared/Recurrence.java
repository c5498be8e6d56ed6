package vn.ledger.core.shared;

/** A reporting schedule attached to a deadline. Only monthly exists in the documents met so far. */
public enum Recurrence {
    MONTHLY
}

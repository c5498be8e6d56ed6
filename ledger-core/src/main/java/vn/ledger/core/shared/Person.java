package vn.ledger.core.shared;

/** A named official (the "rõ người" of an assignment, or a signer): name and position as printed. */
public record Person(String name, String position) {
}

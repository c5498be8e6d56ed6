package vn.ledger.core.body;

/** Tier of a body in the hierarchy a directive cascades down. */
public enum BodyLevel {
    CENTRAL, MINISTRY, PROVINCE, COMMUNE, UNIT
}

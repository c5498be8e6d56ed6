package vn.ledger.core.directive;

/**
 * In which capacity the signer signs: T/M (on behalf of a collective), KT (deputy for the head), TL and TUQ
 * (by delegation), or in their own name. It tells an inspector whose authority the document carries.
 */
public enum SigningCapacity {
    TM, KT, TL, TUQ, NONE
}

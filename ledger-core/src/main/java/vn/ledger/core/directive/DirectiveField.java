package vn.ledger.core.directive;

/** Fields of a directive's header that may be corrected after a data-entry mistake. */
public enum DirectiveField {
    SYMBOL, SUBJECT, ISSUED_ON, SIGNER_NAME, SIGNER_POSITION, KIND
}

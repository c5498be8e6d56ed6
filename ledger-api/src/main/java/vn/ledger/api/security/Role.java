package vn.ledger.api.security;

/** What a user may do through the API. Body relationships (who may act on what) are the aggregates' rules. */
public enum Role {
    /** registers, renames, closes and merges bodies */
    ADMIN,
    /** issues, recalls, replaces, corrects directives; assigns, delegates, urges, decides extensions,
     *  reassigns, cancels, accepts or rejects; may also do everything an OFFICER does */
    LEADER,
    /** acknowledges receipts and tasks, reports progress, requests extensions, completes */
    OFFICER,
    /** reads only; may also export archival bundles */
    INSPECTOR,
    /** reads, and exports archival bundles (a directive's cascade, a body's records, a time range) */
    ARCHIVIST
}

package vn.ledger.verify;

/**
 * One thing wrong with a bundle, named with the file and line where it shows (line 0: the file as a whole).
 */
public record Problem(Kind kind, String file, long line, String message) {

    public enum Kind {
        /** A line whose content does not give its leaf hash, or whose hash is not in the signed tree. */
        EDITED,
        /** A commit the bundle's proofs or aggregate counts say is there, and is not; or a file the bag lacks. */
        MISSING,
        /** Lines not in log order. */
        REORDERED,
        /** A line or file nothing in the bundle accounts for. */
        EXTRA,
        /** The checkpoint is not signed by the key given. */
        WRONG_KEY,
        /** A file whose digest is not the one its manifest lists: changed after bagging, or the manifest is stale. */
        STALE_MANIFEST,
        /** An inclusion proof that does not lead to the checkpoint's root. */
        BAD_PROOF,
        /** An aggregate's events are not contiguous, or not as many as the bundle says. */
        SEQUENCE,
        /** Something unreadable: not JSON, not a checkpoint, not a bag. */
        MALFORMED
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + kind + ": " + message;
    }
}

package vn.ledger.eventstore;

/**
 * A commit carrying the same idempotency key is already stored: the command was applied before (a retry after
 * a lost answer or a crash), so nothing was appended this time.
 */
public class DuplicateCommandException extends RuntimeException {

    private final String idempotencyKey;
    private final long existingCommitPosition;

    public DuplicateCommandException(String idempotencyKey, long existingCommitPosition) {
        super("a command with idempotency key '" + idempotencyKey + "' was already stored at position "
                + existingCommitPosition);
        this.idempotencyKey = idempotencyKey;
        this.existingCommitPosition = existingCommitPosition;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public long existingCommitPosition() {
        return existingCommitPosition;
    }
}

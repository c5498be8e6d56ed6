package vn.ledger.api.idempotency;

import vn.ledger.eventstore.DuplicateCommandException;

/**
 * Recognises the event store's refusal of a second commit under the same idempotency key anywhere in a cause
 * chain (Axon may wrap it).
 */
final class DuplicateCommands {

    record Found(String idempotencyKey, long commitPosition) {
    }

    private DuplicateCommands() {
    }

    static Found find(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 10; depth++) {
            if (t instanceof DuplicateCommandException d) {
                return new Found(d.idempotencyKey(), d.existingCommitPosition());
            }
            if (t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        return null;
    }
}

package vn.ledger.eventstore.proof;

import java.time.Instant;
import java.util.List;

/**
 * What {@link LogVerifier} found: how far the log goes ({@code head}), how many positions it recomputed, the first
 * position whose content, order or presence does not match (null: none), how many problems in all, and each kept
 * checkpoint's checks.
 */
public record VerifyReport(long head, long checked, long treeSize, Problem firstProblem, long problems,
                           List<CheckpointCheck> checkpoints, Instant startedAt, Instant finishedAt) {

    public enum Kind {
        /** The stored commit is not what its leaf recorded when the tree took it in (edited, or swapped). */
        CONTENT,
        /** A position below the head holds nothing (a commit deleted, or one still being written). */
        MISSING,
        /** The log ends before a position the tree or a checkpoint covers. */
        TRUNCATED,
        /** An aggregate's events are not in sequence in log order (0, 1, 2, ...). */
        ORDER,
        /** The stored document is not a commit as the engine writes it. */
        MALFORMED
    }

    public record Problem(long position, Kind kind, String message) {
    }

    /**
     * One kept checkpoint: whether its signature is by the configured key, whether its root equals the root
     * recomputed from the stored commits at its size, whether the kept tree proves the current tree extends it.
     */
    public record CheckpointCheck(long size, boolean signatureValid, boolean rootMatches, boolean consistent,
                                  String problem) {

        public boolean ok() {
            return signatureValid && rootMatches && consistent;
        }
    }

    public boolean ok() {
        return firstProblem == null && checkpoints.stream().allMatch(CheckpointCheck::ok);
    }
}

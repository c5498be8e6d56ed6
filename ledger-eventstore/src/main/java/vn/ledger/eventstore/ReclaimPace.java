package vn.ledger.eventstore;

/**
 * How hard the embedded store's maintenance reclaims space, decided from how far the file is above its live pages.
 *
 * <p>A reclamation step runs in the committer's role ({@link GroupCommit#maintain}), so every step delays the write
 * commands waiting for the next commit: steps are rationed by resting the role for a multiple of each step's time.
 * A ration fixed by the chunks' fill alone fell behind under sustained writes: the file reached 4 to 5 times the live
 * BSON while the chunks' fill still read as nearly on target (many small young chunks), and under load a step that
 * found a commit running was skipped for the whole tick. So the ration is also driven by the pressure, the file's
 * bytes over the bytes of its live pages ({@code maxLenLive} of every chunk): at or below {@link #target()} the ration
 * by fill, falling linearly to no rest at {@link #ceiling()}, from where steps also wait for the committer's role
 * instead of giving up their tick. (Waiting from half-way up, with the ceiling at 1.5 times the target, kept the file
 * no smaller and cost the writers more.)
 *
 * @param target  pressure the file settles at (space reclamation's own bound: {@code (100 / targetFill)²})
 * @param ceiling pressure from which steps run back to back, each waiting for the committer's role
 */
record ReclaimPace(double target, double ceiling) {

    ReclaimPace {
        if (!(target >= 1 && ceiling > target)) {
            throw new IllegalArgumentException("need 1 <= target < ceiling, was " + target + ", " + ceiling);
        }
    }

    /** For a reclaimer keeping chunks and file {@code targetFill}% used: target its bound, ceiling twice that. */
    static ReclaimPace forFill(int targetFill) {
        double bound = Math.pow(100.0 / targetFill, 2);
        return new ReclaimPace(bound, bound * 2);
    }

    /**
     * @param restFactor       the committer's role is left to commits for this multiple of the step's time
     * @param waitForCommitter the step waits for a running commit instead of skipping its turn
     */
    record Decision(double restFactor, boolean waitForCommitter) {
    }

    /**
     * @param fileBytes  bytes of the file
     * @param liveBytes  bytes of the live pages in its chunks
     * @param chunksFill percent of the chunks' bytes that is live
     * @param targetFill percent the reclaimer keeps chunks and file used
     */
    Decision decide(long fileBytes, long liveBytes, int chunksFill, int targetFill) {
        double byFill = chunksFill >= targetFill * 3 / 4 ? 3 : chunksFill >= targetFill / 2 ? 1 : 0.5;
        double pressure = liveBytes <= 0 ? 0 : (double) fileBytes / liveBytes;
        if (pressure <= target) {
            return new Decision(byFill, false);
        }
        double left = Math.max(0, (ceiling - pressure) / (ceiling - target));
        return new Decision(byFill * left, pressure >= ceiling);
    }
}

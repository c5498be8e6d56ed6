package vn.ledger.archive;

import java.time.Duration;

/**
 * How far an export is: the phase, commits of the log read out of those to read (every commit is hashed into the
 * tree the bundle's proofs hang on), events written to the bundle, inclusion proofs written out of those to write
 * (one per exported commit; the total is known once the log is read), rate and estimated time left.
 */
public record ExportProgress(String phase, long commitsRead, long commitsTotal, long eventsExported,
                             double percent, double commitsPerSecond, Duration eta,
                             long proofsWritten, long proofsTotal) {

    /** Reading the log counts for this share of the whole. */
    static final double READING = 55;
    /**
     * The proofs count for this share, after the reading: they are written on the bag's thread while the export's
     * thread goes on with the later phases (from {@value #LATER} to 100 percent), so the shares add up.
     */
    static final double PROOFS = 5;
    static final double LATER = READING + PROOFS;

    /**
     * @param proofsStarted whether the proofs are being written (their total is then known)
     * @param partPercent   the later phases' progress as a share of the whole ({@value #LATER}..100), else -1;
     *                      100 when the export is done
     */
    static ExportProgress of(String phase, long read, long total, long exported, boolean proofsStarted,
                             long proofsWritten, long proofsTotal, long startNanos, long nowNanos,
                             double partPercent) {
        double seconds = Math.max(1e-9, (nowNanos - startNanos) / 1e9);
        double rate = read / seconds;
        double reading = total == 0 ? READING : Math.min(READING, READING * read / total);
        double proofs = !proofsStarted ? 0
                : PROOFS * (proofsTotal == 0 ? 1 : Math.min(1, (double) proofsWritten / proofsTotal));
        double later = partPercent >= LATER ? partPercent - LATER : 0;
        double percent = partPercent >= 100 ? 100 : Math.min(100, reading + proofs + later);
        Duration eta = percent <= 0 ? null : Duration.ofMillis((long) (1000 * seconds * (100 - percent) / percent));
        return new ExportProgress(phase, read, total, exported, Math.round(percent * 10) / 10.0,
                Math.round(rate * 10) / 10.0, eta, proofsWritten, proofsTotal);
    }

    @Override
    public String toString() {
        return String.format("%s: %.1f%% (%,d of %,d commits, %,d events exported, %,d of %,d proofs), "
                        + "%,.0f commits/s, ETA %s", phase, percent, commitsRead, commitsTotal, eventsExported,
                proofsWritten, proofsTotal, commitsPerSecond, eta == null ? "?" : eta.toSeconds() + " s");
    }
}

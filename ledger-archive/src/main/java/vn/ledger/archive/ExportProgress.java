package vn.ledger.archive;

import java.time.Duration;

/**
 * How far an export is: the phase, commits of the log read out of those to read (every commit is hashed into the
 * tree the bundle's proofs hang on), events written to the bundle, rate and estimated time left.
 */
public record ExportProgress(String phase, long commitsRead, long commitsTotal, long eventsExported,
                             double percent, double commitsPerSecond, Duration eta) {

    static final double READING = 60;

    /** Reading the log counts for {@value #READING} percent; {@code partPercent} (0..100) after it, else -1. */
    static ExportProgress of(String phase, long read, long total, long exported, long startNanos, long nowNanos,
                             double partPercent) {
        double seconds = Math.max(1e-9, (nowNanos - startNanos) / 1e9);
        double rate = read / seconds;
        double percent = partPercent >= 0 ? partPercent
                : total == 0 ? READING : Math.min(READING, READING * read / total);
        Duration eta = percent <= 0 ? null : Duration.ofMillis((long) (1000 * seconds * (100 - percent) / percent));
        return new ExportProgress(phase, read, total, exported, Math.round(percent * 10) / 10.0,
                Math.round(rate * 10) / 10.0, eta);
    }

    @Override
    public String toString() {
        return String.format("%s: %.1f%% (%,d of %,d commits, %,d events exported), %,.0f commits/s, ETA %s",
                phase, percent, commitsRead, commitsTotal, eventsExported, commitsPerSecond,
                eta == null ? "?" : eta.toSeconds() + " s");
    }
}

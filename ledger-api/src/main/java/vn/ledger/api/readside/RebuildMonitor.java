package vn.ledger.api.readside;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the generations: runs the periodic look of {@link ReadModels} on its own thread, says how far a generation
 * has got (percent of the head, events per second, ETA), logs a running rebuild's progress every
 * {@link ReadModelProperties#progressLogInterval()}, and runs delayed work (dropping a replaced generation after
 * its grace).
 */
final class RebuildMonitor {

    private static final Logger log = LoggerFactory.getLogger(ReadModels.class);

    private final ReadModelProperties properties;
    private volatile ScheduledExecutorService executor;

    RebuildMonitor(ReadModelProperties properties) {
        this.properties = properties;
    }

    /** Runs {@code look} every {@link ReadModelProperties#monitorInterval()}; a failure is logged, not fatal. */
    void start(Runnable look) {
        ScheduledExecutorService e = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "read-models-monitor");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(50, properties.monitorInterval().toMillis());
        e.scheduleWithFixedDelay(() -> {
            try {
                look.run();
            } catch (RuntimeException failure) {
                log.warn("read model monitor: {}", failure.toString(), failure);
            }
        }, every, every, TimeUnit.MILLISECONDS);
        executor = e;
    }

    void stop() {
        ScheduledExecutorService e = executor;
        if (e != null) {
            e.shutdownNow();
        }
    }

    /** Runs {@code work} after {@code delay} on the monitor's thread, or now when there is no delay or no monitor. */
    void later(Duration delay, Runnable work) {
        ScheduledExecutorService e = executor;
        if (delay.isZero() || e == null || e.isShutdown()) {
            work.run();
        } else {
            e.schedule(work, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Logs the progress of a BUILDING generation when the last line is older than the interval. */
    void logProgressIfDue(Generation g, long head, Instant now) {
        if (g.state != Generation.State.BUILDING || now.isBefore(g.lastProgressLog.plus(
                properties.progressLogInterval()))) {
            return;
        }
        g.lastProgressLog = now;
        Status.Progress p = progress(g, head, now);
        String error = g.tracker().error();
        log.info("read model {}: rebuild g{} at position {}/{} ({}%), {} events, {} events/s, ETA {}{}",
                g.model.key(), g.number, Math.max(0, g.tracker().progressPosition()), head, p.percent(),
                g.tracker().events(),
                p.eventsPerSecond() == null ? "?" : String.format(Locale.ROOT, "%.0f", p.eventsPerSecond()),
                p.etaSeconds() == null ? "?" : human(Duration.ofSeconds(p.etaSeconds())),
                error == null ? "" : " — retrying after: " + error);
    }

    /** A generation as the admin API shows it; progress for a rebuild only. */
    static Status.Generation view(Generation g, long head, Instant now) {
        Generation.Tracker t = g.tracker();
        long position = t.position();
        Status.Progress progress = g.state == Generation.State.ACTIVE ? null : progress(g, head, now);
        return new Status.Generation(g.number, g.state.name(), g.prefix, g.processorName, position, head,
                Math.max(0, head - Math.max(0, position)), t.caughtUp(), t.buffered() ? "WRITE_BEHIND" : "DIRECT",
                t.events(), g.startedAt, g.caughtUpAt, g.activatedAt, t.error(), t.failures(), t.lastFailure(),
                progress);
    }

    /**
     * Percent of the head reached, and rates averaged since the start: steadier than the last seconds, which stall
     * while a batch is flushed. A READY generation is at 100% with no time left.
     */
    static Status.Progress progress(Generation g, long head, Instant now) {
        long position = Math.max(0, g.tracker().progressPosition());
        boolean ready = g.state == Generation.State.READY;
        double percent = ready || head <= 0 ? 100.0 : Math.min(100.0, 100.0 * position / head);
        long elapsedMillis = Math.max(1, Duration.between(g.startedAt, now).toMillis());
        double eventsPerSecond = g.tracker().events() * 1000.0 / elapsedMillis;
        double pace = position * 1000.0 / elapsedMillis;
        Long eta = ready ? Long.valueOf(0) : pace > 0 ? (long) Math.ceil(Math.max(0, head - position) / pace) : null;
        return new Status.Progress(Math.round(percent * 10) / 10.0,
                Double.isNaN(eventsPerSecond) ? null : Math.round(eventsPerSecond * 10) / 10.0, eta,
                Duration.between(g.startedAt, now).toSeconds());
    }

    /** A duration for the log: {@code 4.2 s}, {@code 3 min 07 s}, {@code 1 h 05 min}. */
    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = d.toSeconds();
        return s < 3600 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}

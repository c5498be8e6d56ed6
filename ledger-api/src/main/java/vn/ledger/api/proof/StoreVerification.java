package vn.ledger.api.proof;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.ledger.eventstore.proof.LogVerifier;
import vn.ledger.eventstore.proof.VerifyReport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * One verification of the whole store at a time, on its own thread, with its progress as a rebuild shows it:
 * percent of the positions to read, positions per second, ETA; logged every {@code ledger.proof.progress-log-interval}.
 */
@Component
public class StoreVerification {

    private static final Logger log = LoggerFactory.getLogger(StoreVerification.class);

    /** A verification as the API shows it; {@code report} once it has finished, {@code ok} when it found nothing. */
    public record Job(String id, String state, boolean ok, Instant startedAt, Instant finishedAt, long position, long end,
                      double percent, Double positionsPerSecond, Long etaSeconds, VerifyReport report,
                      String error) {
    }

    private final LogVerifier verifier;
    private final ProofProperties properties;
    private final Clock clock = Clock.systemUTC();
    private volatile Running current;

    StoreVerification(LogVerifier verifier, ProofProperties properties) {
        this.verifier = verifier;
        this.properties = properties;
    }

    /** Starts a verification, or gives the one running. */
    public synchronized Job start() {
        Running running = current;
        if (running != null && running.report == null && running.error == null) {
            return running.view(clock.instant());
        }
        Running job = new Running(UUID.randomUUID().toString(), clock.instant());
        current = job;
        Thread thread = new Thread(() -> run(job), "verify-store");
        thread.setDaemon(true);
        thread.start();
        return job.view(clock.instant());
    }

    /** The running verification, or the last one; null before the first. */
    public Job status() {
        Running job = current;
        return job == null ? null : job.view(clock.instant());
    }

    private void run(Running job) {
        log.info("verifying the store: every commit re-read and re-hashed, every checkpoint checked");
        try {
            VerifyReport report = verifier.verify((position, end) -> {
                job.position = position;
                job.end = end;
                Instant now = clock.instant();
                if (!now.isBefore(job.lastLog.plus(properties.progressLogInterval()))) {
                    job.lastLog = now;
                    Job view = job.view(now);
                    log.info("verifying the store: position {}/{} ({}%), {} positions/s, ETA {}", position, end,
                            view.percent(), view.positionsPerSecond() == null ? "?"
                                    : String.format(Locale.ROOT, "%.0f", view.positionsPerSecond()),
                            view.etaSeconds() == null ? "?" : view.etaSeconds() + " s");
                }
            });
            job.finishedAt = clock.instant();
            job.report = report;
            if (report.ok()) {
                log.info("store verified: {} positions, {} checkpoints, all match", report.checked(),
                        report.checkpoints().size());
            } else {
                log.warn("store verification FAILED: first problem {}; checkpoints not matching: {}",
                        report.firstProblem(), report.checkpoints().stream().filter(c -> !c.ok()).toList());
            }
        } catch (RuntimeException e) {
            job.finishedAt = clock.instant();
            job.error = e.toString();
            log.warn("store verification could not finish: {}", e.toString(), e);
        }
    }

    private static final class Running {
        final String id;
        final Instant startedAt;
        volatile Instant lastLog;
        volatile long position;
        volatile long end;
        volatile Instant finishedAt;
        volatile VerifyReport report;
        volatile String error;

        Running(String id, Instant startedAt) {
            this.id = id;
            this.startedAt = startedAt;
            this.lastLog = startedAt;
        }

        Job view(Instant now) {
            String state = report != null ? "DONE" : error != null ? "FAILED" : "RUNNING";
            Instant until = finishedAt != null ? finishedAt : now;
            long millis = Math.max(1, Duration.between(startedAt, until).toMillis());
            double percent = report != null || end <= 0 ? (report != null ? 100.0 : 0.0)
                    : Math.min(100.0, 100.0 * position / end);
            double rate = position * 1000.0 / millis;
            Long eta = report != null ? Long.valueOf(0) : rate > 0 ? (long) Math.ceil(Math.max(0, end - position) / rate) : null;
            return new Job(id, state, report != null && report.ok(), startedAt, finishedAt, position, end, Math.round(percent * 10) / 10.0,
                    Math.round(rate * 10) / 10.0, eta, report, error);
        }
    }
}

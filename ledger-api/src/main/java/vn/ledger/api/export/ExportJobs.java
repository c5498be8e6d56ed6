package vn.ledger.api.export;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import vn.ledger.api.config.LedgerProperties;
import vn.ledger.api.idempotency.InstanceLease;
import vn.ledger.archive.CheckpointSigning;
import vn.ledger.archive.ExportProgress;
import vn.ledger.archive.ExportScope;
import vn.ledger.archive.Exporter;
import vn.ledger.core.proof.Hashes;
import vn.ledger.eventstore.CommitLog;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Export jobs, kept in MongoDB ({@link ExportJobStore}) and run one at a time in the background (an export reads the
 * whole log; two at once would only share the disk): each writes its bundle to {@code <id>.zip.part}, digesting it
 * as it goes, and renames it when whole, so a bundle offered for download is always complete. A job outlives the
 * process: a finished bundle stays downloadable after a restart, and a job that was queued or running when its
 * process stopped is marked INTERRUPTED, with the reason, by the stop itself or, after a kill, by the next start
 * (or by a sweep of another instance sharing the store, once the lease of the instance that ran it has run out).
 * The same sweep, every minute, deletes bundles older than {@code ledger.export.retention} (when set).
 */
@Component
public class ExportJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);
    /** A running job's progress is written to the store at most this often (and at each phase). */
    static final Duration KEEP_PROGRESS_EVERY = Duration.ofSeconds(1);
    static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final ExportJobStore store;
    private final InstanceLease instance;
    /** The jobs this instance runs: their latest progress, fresher than the one kept. */
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ledger-export");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ledger-export-sweep");
        t.setDaemon(true);
        return t;
    });
    private final Exporter exporter;
    private final Path dir;
    private final boolean temporary;
    private final Duration retention;
    private final Clock clock;
    private volatile boolean stopping;

    public ExportJobs(CommitLog log, CheckpointSigning signing, ExportProperties export, LedgerProperties ledger,
                      Clock clock, ExportJobStore store, InstanceLease instance) throws IOException {
        this.temporary = export.dir().isBlank() && ledger.embedded().inMemory();
        this.dir = directory(export, ledger);
        this.clock = clock;
        this.store = store;
        this.instance = instance;
        this.retention = export.retention();
        this.exporter = new Exporter(log, signing, dir.resolve("tmp"), clock, export.progressLogInterval());
        sweep(clock.instant());
        long every = SWEEP_EVERY.toMillis();
        sweeper.scheduleWithFixedDelay(() -> sweep(clock.instant()), every, every, TimeUnit.MILLISECONDS);
    }

    private static Path directory(ExportProperties export, LedgerProperties ledger) throws IOException {
        if (!export.dir().isBlank()) {
            return Files.createDirectories(Path.of(export.dir()));
        }
        if (ledger.embedded().inMemory()) {
            return Files.createTempDirectory("ledger-exports-");
        }
        return Files.createDirectories(Path.of(ledger.dataDir()).resolve("exports"));
    }

    /** A running job of this instance: its latest progress and when it was last kept. */
    private static final class Running {
        volatile ExportProgress progress;
        volatile long keptAt;
        volatile String keptPhase;
    }

    public ExportJob start(ExportScope scope, String kind, Exporter.Requester requester) {
        String id = UUID.randomUUID().toString();
        ExportJob job = new ExportJob(id, kind, scope.describe(), requester, clock.instant(), null, null,
                ExportJob.State.QUEUED, instance.id(), null, null, null, null);
        store.insert(job);
        running.put(id, new Running());
        runner.submit(() -> run(id, scope, requester));
        log.info("export {} queued by {}: {}", id, requester.username(), job.scope());
        return job;
    }

    /** The job as kept, with the latest progress if this instance runs it. */
    public Optional<ExportJob> find(String id) {
        return store.find(id).map(this::live);
    }

    public List<ExportJob> recent(int limit) {
        return store.recent(limit).stream().map(this::live).toList();
    }

    private ExportJob live(ExportJob job) {
        Running r = running.get(job.id());
        if (r == null || r.progress == null || job.state() != ExportJob.State.RUNNING) {
            return job;
        }
        return new ExportJob(job.id(), job.kind(), job.scope(), job.requester(), job.requestedAt(), job.startedAt(),
                job.finishedAt(), job.state(), job.instance(), r.progress, job.bundle(), job.summary(), job.reason());
    }

    /** The bundle file of a DONE job, where the export directory holds it. */
    public Path file(ExportJob job) {
        return dir.resolve(job.bundle().fileName());
    }

    private void run(String id, ExportScope scope, Exporter.Requester requester) {
        Running r = running.get(id);
        Path part = dir.resolve(id + ".zip.part");
        try {
            if (stopping || !store.running(id, clock.instant())) {
                return;
            }
            MessageDigest sha = sha256();
            Exporter.Summary summary;
            try (OutputStream out = new BufferedOutputStream(new DigestOutputStream(Files.newOutputStream(part),
                    sha), 1 << 16)) {
                summary = exporter.export(scope, requester, id, out, p -> progressed(id, r, p));
            }
            String name = id + ".zip";
            Files.move(part, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            ExportJob.Bundle bundle = new ExportJob.Bundle(name, Files.size(dir.resolve(name)),
                    Hashes.hex(sha.digest()), null);
            if (store.done(id, clock.instant(), r.progress, bundle, summary)) {
                log.info("export {} done: {} commits, {} events, tree size {}, {} ({} bytes, sha256 {})", id,
                        summary.commits(), summary.events(), summary.treeSize(), name, bundle.size(),
                        bundle.sha256());
            }
        } catch (Exception | OutOfMemoryError e) {
            delete(part);
            if (stopping) {
                store.interrupted(id, clock.instant(), r.progress, STOPPED);
                log.warn("export {} interrupted: {}", id, STOPPED);
            } else {
                log.error("export {} failed", id, e);
                store.failed(id, clock.instant(), r.progress, String.valueOf(e));
            }
        } finally {
            running.remove(id);
        }
    }

    private static final String STOPPED = "the service stopped while the export was queued or running";

    /** Keeps the latest progress in memory, and in the store every second or so and at each phase. */
    private void progressed(String id, Running r, ExportProgress p) {
        r.progress = p;
        long now = System.nanoTime();
        if (!p.phase().equals(r.keptPhase) || now - r.keptAt >= KEEP_PROGRESS_EVERY.toNanos()) {
            r.keptAt = now;
            r.keptPhase = p.phase();
            store.progress(id, p);
        }
    }

    /**
     * Interrupts the unfinished jobs whose instance is gone (on the embedded store, every other instance: the jobs
     * a killed process left), deleting their partial files; then deletes the bundles past the retention.
     */
    void sweep(Instant now) {
        try {
            for (ExportJob job : store.unfinished()) {
                if (!instance.id().equals(job.instance()) && instance.isGone(job.instance())
                        && store.interrupted(job.id(), now, null, "found " + job.state()
                        + " with the service that ran it gone (instance " + job.instance()
                        + ", stopped without finishing it: killed or crashed); start the export again")) {
                    delete(dir.resolve(job.id() + ".zip.part"));
                    log.warn("export {} was {} when its service (instance {}) ended: marked INTERRUPTED", job.id(),
                            job.state(), job.instance());
                }
            }
            expire(now);
        } catch (RuntimeException e) {
            log.warn("export sweep failed: {}", e.getMessage());
        }
    }

    /** Deletes the bundles of jobs done more than {@code ledger.export.retention} before {@code now}. */
    void expire(Instant now) {
        if (retention.isZero() || retention.isNegative()) {
            return;
        }
        for (ExportJob job : store.doneBefore(now.minus(retention))) {
            delete(file(job));
            if (store.expired(job.id(), now, "bundle deleted after the retention of " + retention)) {
                log.info("export {}: bundle {} deleted, done at {}, retention {}", job.id(),
                        job.bundle().fileName(), job.finishedAt(), retention);
            }
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", file, e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops: the running export is interrupted and, with the queued ones, marked INTERRUPTED; an in-memory store's
     * bundles go with it, as its events do.
     */
    @Override
    public void destroy() throws IOException {
        stopping = true;
        sweeper.shutdownNow();
        runner.shutdownNow();
        try {
            if (!runner.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("the running export did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            for (ExportJob job : store.unfinished()) {
                if (instance.id().equals(job.instance())) {
                    Running r = running.get(job.id());
                    store.interrupted(job.id(), clock.instant(), r == null ? null : r.progress, STOPPED);
                    delete(dir.resolve(job.id() + ".zip.part"));
                }
            }
        } catch (RuntimeException e) {
            log.warn("could not mark the unfinished exports interrupted (the next start will): {}", e.getMessage());
        }
        if (temporary) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                log.warn("could not delete the temporary export directory {}: {}", dir, e.getMessage());
            }
        }
    }
}

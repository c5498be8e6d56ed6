package vn.ledger.api.export;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import vn.ledger.api.config.LedgerProperties;
import vn.ledger.archive.CheckpointSigning;
import vn.ledger.archive.ExportProgress;
import vn.ledger.archive.ExportScope;
import vn.ledger.archive.Exporter;
import vn.ledger.eventstore.CommitLog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Export jobs, run one at a time in the background (an export reads the whole log; two at once would only share the
 * disk): each writes its bundle to {@code <id>.zip.part} and renames it when whole, so a bundle offered for download
 * is always complete. Jobs are kept in memory; the bundles stay in the export directory.
 */
@Component
public class ExportJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);

    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /** A job as the API shows it. */
    public record Job(String id, ExportScope scope, String requestedBy, Instant requestedAt, State state,
                      ExportProgress progress, Exporter.Summary summary, String error) {
        Job with(State s, ExportProgress p, Exporter.Summary sum, String err) {
            return new Job(id, scope, requestedBy, requestedAt, s, p, sum, err);
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ledger-export");
        t.setDaemon(true);
        return t;
    });
    private final Exporter exporter;
    private final Path dir;
    private final boolean temporary;
    private final Clock clock;

    public ExportJobs(CommitLog log, CheckpointSigning signing, ExportProperties export, LedgerProperties ledger,
                      Clock clock) throws IOException {
        this.temporary = export.dir().isBlank() && ledger.embedded().inMemory();
        this.dir = directory(export, ledger);
        this.clock = clock;
        this.exporter = new Exporter(log, signing, dir.resolve("tmp"), clock, export.progressLogInterval());
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

    public Job start(ExportScope scope, Exporter.Requester requester) {
        String id = UUID.randomUUID().toString();
        Job job = new Job(id, scope, requester.username(), clock.instant(), State.QUEUED, null, null, null);
        jobs.put(id, job);
        runner.submit(() -> run(id, scope, requester));
        return job;
    }

    public Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    public Collection<Job> all() {
        return jobs.values();
    }

    /** The finished bundle of a job. */
    public Optional<Path> bundle(String id) {
        Job job = jobs.get(id);
        return job != null && job.state() == State.DONE ? Optional.of(dir.resolve(id + ".zip")) : Optional.empty();
    }

    private void run(String id, ExportScope scope, Exporter.Requester requester) {
        jobs.computeIfPresent(id, (k, j) -> j.with(State.RUNNING, null, null, null));
        Path part = dir.resolve(id + ".zip.part");
        try {
            Exporter.Summary summary;
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
                summary = exporter.export(scope, requester, id, out,
                        p -> jobs.computeIfPresent(id, (k, j) -> j.with(State.RUNNING, p, null, null)));
            }
            Files.move(part, dir.resolve(id + ".zip"), StandardCopyOption.ATOMIC_MOVE);
            jobs.computeIfPresent(id, (k, j) -> j.with(State.DONE, j.progress(), summary, null));
            log.info("export {} done: {} commits, {} events, tree size {}", id, summary.commits(), summary.events(),
                    summary.treeSize());
        } catch (Exception | OutOfMemoryError e) {
            log.error("export {} failed", id, e);
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // the part file stays; it is never offered for download
            }
            jobs.computeIfPresent(id, (k, j) -> j.with(State.FAILED, j.progress(), null, String.valueOf(e)));
        }
    }

    /** Stops a running export; an in-memory store's bundles go with it, as its events do. */
    @Override
    public void destroy() throws IOException {
        runner.shutdownNow();
        if (temporary) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                log.warn("could not delete the temporary export directory {}: {}", dir, e.getMessage());
            }
        }
    }
}

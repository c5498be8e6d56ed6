package vn.ledger.eventstore;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The embedded default: an in-process MongoDB-wire-protocol server (mongo-java-server, H2 MVStore backend)
 * that the official driver talks to over loopback. Used only when no MongoDB URI is configured.
 *
 * <p>MVStore commits in the background once a second by default, so a crash could lose the last second of
 * acknowledged writes. The persistent server instead acknowledges a write command only once a commit covering it
 * is on the file (commits shared by concurrent writers), and reclaims the space of dead data while it runs.
 *
 * <p>A write that asks not to wait for the journal ({@code writeConcern} {@code j: false}, or {@code w: 0}) is
 * answered once applied, as MongoDB answers it; the next commit covers it, at the latest the one the maintenance
 * runs within {@value Maintenance#INTERVAL_MS} ms. Commits are written in the order changes were applied, so what a
 * crash loses of such writes is their tail: derived data that its writer can restore (the stream index, see
 * {@code AggregateStreams}; a processor's read-model documents written before its token).
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    /** compared lower-cased: the driver sends findAndModify, createIndexes, renameCollection ... */
    private static final Set<String> WRITE_COMMANDS = Set.of(
            "insert", "update", "delete", "findandmodify", "createindexes", "drop", "dropindexes",
            "dropdatabase", "create", "renamecollection");
    /**
     * Event loops of the persistent server: a write command blocks its loop until its commit, and every connection
     * on that loop with it, so each client connection should have a loop of its own for commits to be shared.
     */
    private static final int WORKER_THREADS = 64;

    private final MongoServer server;
    private final CommandCounts counts;
    private final InetSocketAddress address;
    private final String description;
    private Maintenance maintenance;

    private EmbeddedMongo(MongoServer server, CommandCounts counts, InetSocketAddress address, String description) {
        this.server = server;
        this.counts = counts;
        this.address = address;
        this.description = description;
    }

    /**
     * A server persisting in {@code dataDirectory/ledger.mv}; survives restarts on the same directory. A write
     * command is acknowledged only once a commit covering it is on the file; concurrent write commands share
     * commits ({@link GroupCommit}). Pages are compressed, and the file is kept within about {@code 100 / 80}² of its
     * live pages ({@link ChunkReclaimer}, target fill {@value ChunkReclaimer#DEFAULT_TARGET_FILL}%), reclaiming harder
     * the further it is above ({@link ReclaimPace}).
     */
    public static EmbeddedMongo persistent(Path dataDirectory) {
        return persistent(dataDirectory, ChunkReclaimer.DEFAULT_TARGET_FILL);
    }

    /**
     * As {@link #persistent(Path)}, reclaiming space once less than {@code targetFillPercent}% of the chunks or of
     * the file is live (lower: less rewriting, a larger file; the file stays within about
     * {@code (100 / targetFillPercent)²} of the stored pages).
     */
    public static EmbeddedMongo persistent(Path dataDirectory, int targetFillPercent) {
        return persistent(dataDirectory, targetFillPercent, false);
    }

    /** @param commitEachWrite one commit per write command, without sharing (the behaviour before; benchmarks) */
    static EmbeddedMongo persistent(Path dataDirectory, int targetFillPercent, boolean commitEachWrite) {
        Path file = dataDirectory(dataDirectory).resolve("ledger.mv").toAbsolutePath();
        // no background commits: GroupCommit commits before write commands are acknowledged, which also makes a
        // one-time index migration (OrderedIndexH2Backend) atomic
        ChunkReclaimer reclaimer = ChunkReclaimer.open(file, targetFillPercent);
        GroupCommit commits = new GroupCommit(reclaimer.store(), commitEachWrite);
        Maintenance maintenance = new Maintenance(reclaimer, commits);
        EmbeddedMongo server = start(new CommittingH2Backend(reclaimer.store(), commits), "file " + file
                + (commitEachWrite ? ", one commit per write" : ", group commit"), WORKER_THREADS);
        server.maintenance = maintenance;
        maintenance.start();
        return server;
    }

    private static Path dataDirectory(Path dataDirectory) {
        try {
            return Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDirectory, e);
        }
    }

    /**
     * A throw-away server on a file, for benchmarks and tools that hold more than fits in the heap: MVStore commits
     * in the background (about once a second) instead of after every write, so a crash may lose the last second.
     * Never the application's store.
     *
     * @param cacheMegabytes MVStore's page cache
     */
    public static EmbeddedMongo scratchFile(Path dataDirectory, int cacheMegabytes) {
        Path file = dataDirectory(dataDirectory).resolve("scratch.mv").toAbsolutePath();
        // no background compaction: under a long national run it lost a chunk still in use ("Chunk 3845 not found",
        // H2 2.3.232; compare h2database issue 4247). Chunks left wholly unused are still freed and reused.
        // Without it the file grows: a chunk keeps a few live pages and is never freed. So commit rarely (every 30 s
        // or 256 MB of changes), which rewrites most pages of a busy index at once and leaves whole chunks unused.
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMegabytes)
                .autoCompactFillRate(0).autoCommitBufferSize(256 * 1024).open();
        store.setAutoCommitDelay(30_000);
        return start(new OrderedIndexH2Backend(store), "scratch file " + file + ", background commits", 0);
    }

    /** A throw-away server held in memory (tests, benchmarks that must not touch the disk). */
    public static EmbeddedMongo inMemory() {
        return start(new OrderedIndexH2Backend(MVStore.open(null)), "in memory", 0);
    }

    /** @param workerThreads netty's event loops (0: its default, two per core) */
    private static EmbeddedMongo start(OrderedIndexH2Backend backend, String description, int workerThreads) {
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, workerThreads);
        InetSocketAddress address = server.getLocalAddress();
        log.info("embedded MongoDB-wire server on {} ({})", address, description);
        return new EmbeddedMongo(server, backend.counts(), address, description);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public String description() {
        return description;
    }

    /**
     * Commands the server has handled since it started, by command and collection ("insert events", "update
     * token_entry", ...): what a benchmark divides by its own operations to see what one of them costs the store.
     */
    public Map<String, Long> commandCounts() {
        return counts.snapshot();
    }

    /** Commits that wrote to the file, and write commands that waited for one (persistent mode; else 0). */
    public CommitCounts commitCounts() {
        return maintenance == null ? new CommitCounts(0, 0, 0)
                : new CommitCounts(maintenance.commits.commits(), maintenance.commits.writes(),
                maintenance.reclaimer.fileBytes());
    }

    /** The file's chunks and fill rates (persistent mode), for tests and benchmarks. */
    String storeState() {
        return maintenance == null ? description : maintenance.reclaimer.describe();
    }

    public record CommitCounts(long commits, long writeCommands, long fileBytes) {
    }

    @Override
    public void close() {
        if (maintenance != null) {
            maintenance.stop();
        }
        server.shutdownNow();
    }

    /**
     * Write commands wait for a commit covering them before their reply goes out. Every command pins the store
     * version it reads, so that no chunk it may still read is freed under it (retention time is 0, see
     * {@link ChunkReclaimer#open}).
     */
    static final class CommittingH2Backend extends OrderedIndexH2Backend {
        private final MVStore store;
        private final GroupCommit commits;

        CommittingH2Backend(MVStore store, GroupCommit commits) {
            super(store);
            this.store = store;
            this.commits = commits;
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            boolean write = isWrite(command, query) && !withoutJournal(query);
            MVStore.TxCounter pin = store.registerVersionUsage();
            Document result;
            try {
                result = super.handleCommand(channel, databaseName, command, query);
            } catch (RuntimeException | Error e) {
                if (write) {
                    // a failed command may have applied part of its work (an ordered insert up to a bad document):
                    // make it durable like the rest, so that what a later read shows survives a crash
                    awaitDurable(e);
                }
                throw e;
            } finally {
                store.deregisterVersionUsage(pin);
            }
            if (write) {
                commits.awaitDurable();
            }
            return result;
        }

        private void awaitDurable(Throwable failure) {
            try {
                commits.awaitDurable();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }

        /** The client asked not to wait for the journal: {@code j: false}, or no acknowledgement at all. */
        static boolean withoutJournal(Document query) {
            return query.get("writeConcern") instanceof Document concern
                    && (Boolean.FALSE.equals(concern.get("j")) || concern.get("w") instanceof Number w && w.intValue() == 0);
        }

        /** An aggregation writes when it ends in $out or $merge. */
        static boolean isWrite(String command, Document query) {
            String name = command.toLowerCase(Locale.ROOT);
            if (WRITE_COMMANDS.contains(name)) {
                return true;
            }
            if (name.equals("aggregate") && query.get("pipeline") instanceof List<?> pipeline && !pipeline.isEmpty()
                    && pipeline.get(pipeline.size() - 1) instanceof Document last) {
                return last.containsKey("$out") || last.containsKey("$merge");
            }
            return false;
        }
    }

    /**
     * Every {@value #INTERVAL_MS} ms: commits what writes that did not wait for the journal left uncommitted, and runs
     * {@link ChunkReclaimer#step()} in the committer's role while there is something to reclaim, leaving the commit
     * path three quarters of the time, less while the file is far from its target, and none once it is far above
     * its live pages ({@link ReclaimPace}: under sustained writes a fixed quarter left the file at 5 to 6 times the
     * live BSON, a ration by fill alone at 4).
     */
    private static final class Maintenance {
        static final long INTERVAL_MS = 100;
        private final ChunkReclaimer reclaimer;
        private final GroupCommit commits;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ledger-store-maintenance");
            t.setDaemon(true);
            return t;
        });
        private long commitsSeen = -1;
        private long restUntil;

        Maintenance(ChunkReclaimer reclaimer, GroupCommit commits) {
            this.reclaimer = reclaimer;
            this.commits = commits;
        }

        void start() {
            timer.scheduleWithFixedDelay(this::tick, INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
        }

        private void tick() {
            try {
                if (reclaimer.store().hasUnsavedChanges()) {
                    commits.maintain(() -> { }); // false while a commit runs: the next tick looks again
                }
                long now = System.nanoTime();
                long tickStart = now;
                if (now - restUntil < 0) {
                    return;
                }
                long seen = commits.commits();
                if (seen != commitsSeen) {
                    reclaimer.unsettle();
                } else if (reclaimer.settled()) {
                    return;
                }
                ReclaimPace.Decision pace = reclaimer.pace();
                // under pressure steps follow each other within the tick, each waiting for the committer's role
                while (commits.maintain(reclaimer::step, pace.waitForCommitter())) {
                    commitsSeen = commits.commits();
                    long took = System.nanoTime() - now;
                    pace = reclaimer.pace();
                    restUntil = System.nanoTime() + (long) (pace.restFactor() * took);
                    if (pace.restFactor() > 0 || reclaimer.settled()
                            || System.nanoTime() - tickStart > TimeUnit.MILLISECONDS.toNanos(INTERVAL_MS)) {
                        break;
                    }
                    now = System.nanoTime();
                }
            } catch (RuntimeException e) {
                log.warn("embedded store maintenance failed: {}", e.toString(), e);
            }
        }

        void stop() {
            timer.shutdown();
            try {
                if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
                    log.warn("embedded store maintenance did not stop in 30 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

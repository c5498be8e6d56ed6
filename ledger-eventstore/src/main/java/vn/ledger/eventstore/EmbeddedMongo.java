package vn.ledger.eventstore;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
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
import java.util.Set;

/**
 * The embedded default: an in-process MongoDB-wire-protocol server (mongo-java-server, H2 MVStore backend)
 * that the official driver talks to over loopback. Used only when no MongoDB URI is configured.
 *
 * <p>MVStore commits in the background once a second by default, so a crash could lose the last second of
 * acknowledged writes. We commit after every write command, before the reply goes out, so whatever the
 * driver saw acknowledged is on disk.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    private static final Set<String> WRITE_COMMANDS = Set.of(
            "insert", "update", "delete", "findandmodify", "createindexes", "drop", "dropindexes",
            "dropdatabase", "create", "renamecollection");

    private final MongoServer server;
    private final InetSocketAddress address;
    private final String description;

    private EmbeddedMongo(MongoServer server, InetSocketAddress address, String description) {
        this.server = server;
        this.address = address;
        this.description = description;
    }

    /** A server persisting in {@code dataDirectory/ledger.mv}; survives restarts on the same directory. */
    public static EmbeddedMongo persistent(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDirectory, e);
        }
        Path file = dataDirectory.resolve("ledger.mv").toAbsolutePath();
        // no background commits: we commit after each write command (below), which also makes a one-time index
        // migration (OrderedIndexH2Backend) atomic
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        return start(new CommittingH2Backend(store), "file " + file);
    }

    /**
     * A throw-away server on a file, for benchmarks and tools that hold more than fits in the heap: MVStore commits
     * in the background (about once a second) instead of after every write, so a crash may lose the last second.
     * Never the application's store.
     *
     * @param cacheMegabytes MVStore's page cache
     */
    public static EmbeddedMongo scratchFile(Path dataDirectory, int cacheMegabytes) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDirectory, e);
        }
        Path file = dataDirectory.resolve("scratch.mv").toAbsolutePath();
        // no background compaction: under a long national run it lost a chunk still in use ("Chunk 3845 not found",
        // H2 2.3.232; compare h2database issue 4247). Chunks left wholly unused are still freed and reused.
        // Without it the file grows: a chunk keeps a few live pages and is never freed. So commit rarely (every 30 s
        // or 256 MB of changes), which rewrites most pages of a busy index at once and leaves whole chunks unused.
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMegabytes)
                .autoCompactFillRate(0).autoCommitBufferSize(256 * 1024).open();
        store.setAutoCommitDelay(30_000);
        return start(new OrderedIndexH2Backend(store), "scratch file " + file + ", background commits");
    }

    /** A throw-away server held in memory (tests, benchmarks that must not touch the disk). */
    public static EmbeddedMongo inMemory() {
        return start(new OrderedIndexH2Backend(MVStore.open(null)), "in memory");
    }

    private static EmbeddedMongo start(H2Backend backend, String description) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        log.info("embedded MongoDB-wire server on {} ({})", address, description);
        return new EmbeddedMongo(server, address, description);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    /** Commits the MVStore after each write command, before the acknowledgement is sent. */
    static final class CommittingH2Backend extends OrderedIndexH2Backend {
        CommittingH2Backend(MVStore store) {
            super(store);
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            Document result = super.handleCommand(channel, databaseName, command, query);
            if (WRITE_COMMANDS.contains(command.toLowerCase())) {
                commit();
            }
            return result;
        }
    }
}

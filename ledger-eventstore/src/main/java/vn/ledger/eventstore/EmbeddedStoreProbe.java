package vn.ledger.eventstore;

import java.nio.file.Path;

/**
 * The persistent embedded server with its commit counters, for benchmarks (ledger-bench): also on the behaviour
 * before group commit, one commit per write command. Not for the application.
 */
public final class EmbeddedStoreProbe implements AutoCloseable {
    private final EmbeddedMongo server;

    private EmbeddedStoreProbe(EmbeddedMongo server) {
        this.server = server;
    }

    public static EmbeddedStoreProbe persistent(Path dataDirectory, boolean commitEachWrite) {
        return new EmbeddedStoreProbe(EmbeddedMongo.persistent(dataDirectory, ChunkReclaimer.DEFAULT_TARGET_FILL,
                commitEachWrite));
    }

    public String connectionString() {
        return server.connectionString();
    }

    /** {file commits, write commands, file bytes} */
    public long[] counts() {
        EmbeddedMongo.CommitCounts c = server.commitCounts();
        return new long[]{c.commits(), c.writeCommands(), c.fileBytes()};
    }

    /** The file's chunks, their fill, the file's use and the bytes written since it was opened. */
    public String storeState() {
        return server.storeState();
    }

    @Override
    public void close() {
        server.close();
    }
}

package vn.ledger.archive;

import vn.ledger.eventstore.CommitLog;
import vn.ledger.eventstore.StoredCommit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Reads the log on a thread of its own, a few batches ahead of the caller, so that the server's and the driver's
 * work on the next window overlaps the export's hashing and writing of this one (they took turns: the pass waited
 * on the socket for about as long as it worked). Stops at the first missing position, as a tree over the gap-free
 * prefix needs. The queue holds at most {@link #BATCHES} batches: memory stays a few windows.
 */
final class ReadAhead {

    static final int BATCHES = 4;
    private static final int BATCH = 256;
    private static final List<StoredCommit> END = List.of();

    private ReadAhead() {
    }

    /** Hands {@code each} the commits from..to in order, up to the first missing position (excluded). */
    static void read(CommitLog log, long from, long to, Consumer<StoredCommit> each) {
        BlockingQueue<List<StoredCommit>> queue = new ArrayBlockingQueue<>(BATCHES);
        RuntimeException[] failure = new RuntimeException[1];
        Thread reader = new Thread(() -> {
            List<StoredCommit>[] batch = new List[]{new ArrayList<>(BATCH)};
            try {
                log.read(from, to, commit -> {
                    batch[0].add(commit);
                    if (batch[0].size() == BATCH) {
                        put(queue, batch[0]);
                        batch[0] = new ArrayList<>(BATCH);
                    }
                }, gap -> {
                    throw new GapReached();
                });
            } catch (GapReached stop) {
                // the prefix ends here
            } catch (Interrupted stop) {
                return; // the caller gave up
            } catch (RuntimeException e) {
                failure[0] = e;
            }
            try {
                if (!batch[0].isEmpty()) {
                    put(queue, batch[0]);
                }
                put(queue, END);
            } catch (Interrupted stop) {
                // the caller gave up
            }
        }, "export-read-ahead");
        reader.setDaemon(true);
        reader.start();
        boolean finished = false;
        try {
            while (true) {
                List<StoredCommit> next = queue.take();
                if (next == END) {
                    break;
                }
                next.forEach(each);
            }
            reader.join();
            finished = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the log", e);
        } finally {
            if (!finished) {
                reader.interrupt();
            }
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static void put(BlockingQueue<List<StoredCommit>> queue, List<StoredCommit> batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            throw new Interrupted();
        }
    }

    /** The first missing position was met. */
    private static final class GapReached extends RuntimeException {
        GapReached() {
            super(null, null, false, false);
        }
    }

    /** The caller stopped taking batches. */
    private static final class Interrupted extends RuntimeException {
        Interrupted() {
            super(null, null, false, false);
        }
    }
}

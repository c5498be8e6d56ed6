package vn.ledger.archive.bag;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes into a bag on a thread of its own, in the order files are handed to it, so that the export's thread makes
 * the next file meanwhile (on a second core): {@link #run} hands it writing of any kind (the proofs); a file opened
 * with {@link #streamed} goes to it in chunks as it is made (the events' lines, deflated and digested there while the
 * log is read); a file opened with {@link #payload} is spooled to a temporary file and copied into the bag, deflated
 * on the bag's thread, once it is closed; a
 * stored file (a PDF volume) is rendered on the bag's thread. At most {@code inFlight} stored files wait or render at
 * a time, each holding a volume's pages in the heap: the export's thread waits for one to be written before it hands
 * on another, so the heap holds a bounded number of volumes however long the report. The bag's files, their order
 * and contents are those of writing them one after the other on one thread.
 */
public final class OrderedBag implements Payloads, AutoCloseable {

    /** Writing done on the bag's thread. */
    @FunctionalInterface
    public interface Writing {
        void run(BagWriter bag) throws IOException;
    }

    private final BagWriter bag;
    private final Path tempDir;
    private final Semaphore inFlight;
    private static final int CHUNK = 1 << 18;
    private static final int CHUNKS_IN_FLIGHT = 8;
    private final Semaphore chunks = new Semaphore(CHUNKS_IN_FLIGHT);
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "export-bag");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Set<Path> spooled = ConcurrentHashMap.newKeySet();

    public OrderedBag(BagWriter bag, Path tempDir, int inFlight) {
        this.bag = bag;
        this.tempDir = tempDir;
        this.inFlight = new Semaphore(inFlight);
    }

    /** Hands writing to the bag's thread, after what was handed before. */
    public void run(Writing work) throws IOException {
        submit(work, () -> { });
    }

    @Override
    public OutputStream payload(String path) throws IOException {
        check();
        Path spool = Files.createTempFile(tempDir, "spool-", ".tmp");
        spooled.add(spool);
        return new FilterOutputStream(new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16)) {
            private boolean closed;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                super.close();
                submit(bag -> {
                    try (OutputStream into = bag.payload(path)) {
                        Files.copy(spool, into);
                    }
                }, () -> delete(spool));
            }
        };
    }

    /**
     * A payload file written into the bag as it is made, in chunks the bag's thread deflates and digests while this
     * one makes the next; at most {@value #CHUNKS_IN_FLIGHT} chunks of {@value #CHUNK} bytes wait at a time.
     */
    public OutputStream streamed(String path) throws IOException {
        OutputStream[] entry = new OutputStream[1]; // touched on the bag's thread only
        submit(bag -> entry[0] = bag.payload(path), () -> { });
        return new OutputStream() {
            private byte[] buffer = new byte[CHUNK];
            private int used;
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                if (used == CHUNK) {
                    hand();
                }
                buffer[used++] = (byte) b;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                while (len > 0) {
                    if (used == CHUNK) {
                        hand();
                    }
                    int n = Math.min(len, CHUNK - used);
                    System.arraycopy(b, off, buffer, used, n);
                    used += n;
                    off += n;
                    len -= n;
                }
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                hand();
                submit(bag -> entry[0].close(), () -> { });
            }

            private void hand() throws IOException {
                if (used == 0) {
                    return;
                }
                byte[] chunk = buffer;
                int length = used;
                acquire(chunks, path);
                submit(bag -> entry[0].write(chunk, 0, length), chunks::release);
                buffer = new byte[CHUNK];
                used = 0;
            }
        };
    }

    /** On the bag's thread, in order; waits while {@value #CHUNKS_IN_FLIGHT} such pieces of work wait already. */
    @Override
    public void beside(Work work) throws IOException {
        acquire(chunks, "work beside");
        submit(bag -> work.run(), chunks::release);
    }

    @Override
    public void stored(String path, Render render) throws IOException {
        acquire(inFlight, path);
        submit(bag -> bag.stored(path, render), inFlight::release);
    }

    private void acquire(Semaphore permits, String path) throws IOException {
        check();
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted waiting for the bag to take " + path);
        }
    }

    /** Waits until everything handed is in the bag; the caller may then write the bag itself. */
    public void finish() throws IOException {
        try {
            thread.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted waiting for the bag");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        check();
    }

    /** Stops the bag's thread (what it had not written yet is dropped) and deletes the spooled files left. */
    @Override
    public void close() throws IOException {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the bag's thread did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Path p : spooled) {
            delete(p);
        }
    }

    private void submit(Writing work, Runnable after) throws IOException {
        check();
        thread.execute(() -> {
            try {
                if (failure.get() == null) {
                    work.run(bag);
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            } finally {
                after.run();
            }
        });
    }

    /** Fails the export's thread as soon as the bag's has failed. */
    private void check() throws IOException {
        Throwable t = failure.get();
        if (t instanceof IOException io) {
            throw new IOException("writing the bag failed: " + io.getMessage(), io);
        }
        if (t instanceof UncheckedIOException io) {
            throw new IOException("writing the bag failed: " + io.getMessage(), io.getCause());
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    private void delete(Path p) {
        try {
            Files.deleteIfExists(p);
            spooled.remove(p);
        } catch (IOException ignored) {
            // a file left in the export's temporary directory; the next export's cleanup is not ours to do
        }
    }
}

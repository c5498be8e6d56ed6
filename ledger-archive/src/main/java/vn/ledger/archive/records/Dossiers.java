package vn.ledger.archive.records;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The documents' dossiers read on a thread of their own, a few documents ahead of the report laying them out: the
 * spill read back, every event decoded and the happenings drawn from their payloads, while the report's thread wraps
 * and places the previous document's lines. At most {@code ahead} dossiers wait, so the heap holds a bounded number
 * of documents' histories however many are exported. Facts' reading is used from that thread only until closed.
 */
public final class Dossiers implements Iterator<Facts.Dossier>, AutoCloseable {

    private final BlockingQueue<Object> queue;
    private final int total;
    private final Thread reader;
    private int taken;

    /** @param ids the documents, in the order they are taken */
    public Dossiers(Facts facts, List<String> ids, int ahead) {
        this.queue = new ArrayBlockingQueue<>(ahead);
        this.total = ids.size();
        this.reader = new Thread(() -> {
            try {
                for (String id : ids) {
                    Object next;
                    try {
                        next = facts.dossier(id);
                    } catch (RuntimeException | Error e) {
                        next = e;
                    }
                    queue.put(next);
                    if (next instanceof Throwable) {
                        return;
                    }
                }
            } catch (InterruptedException stop) {
                // the report gave up
            }
        }, "export-dossiers");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public boolean hasNext() {
        return taken < total;
    }

    @Override
    public Facts.Dossier next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Object next;
        try {
            next = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for a document's facts", e);
        }
        if (next instanceof RuntimeException e) {
            throw e;
        }
        if (next instanceof Error e) {
            throw e;
        }
        taken++;
        return (Facts.Dossier) next;
    }

    /** Stops the reading thread and waits for it, so that the facts' spill may be closed after. */
    @Override
    public void close() {
        reader.interrupt();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

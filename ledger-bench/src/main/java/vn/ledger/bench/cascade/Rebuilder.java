package vn.ledger.bench.cascade;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import vn.ledger.eventstore.MongoEventStorageEngine;
import vn.ledger.projections.store.MongoReadStore;
import vn.ledger.projections.store.WriteBehindStore;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Rebuilds every projection of ledger-projections from the event store in one pass over
 * {@code engine.readEvents(null, false)}: the reading thread takes each tracked event (deserialising its payload
 * and metadata once) and hands it, in batches and in global order, to the projection groups; each group runs on
 * its own thread and feeds every event to its projections through Axon's {@link AnnotationEventHandlerAdapter},
 * as a tracking processor would, writing through its own {@link WriteBehindStore} into a
 * {@link MongoReadStore} ({@link TimedStore} counts and times it) under a fresh prefix, the cache told that the
 * generation started empty so it never asks the server for a document it did not write, exactly as the API's
 * rebuild generation does (the projections' collections are disjoint, so groups share no document). With one
 * group everything runs on the reading thread.
 */
final class Rebuilder {

    record Outcome(long events, double seconds, List<String> projections, List<String> groups, long documentsWritten,
                   long bulkWrites, long serverReads, String breakdown) {
        double rate() {
            return events / seconds;
        }
    }

    private static final int BATCH = 512;
    private static final List<EventMessage<?>> END = List.of();

    private Rebuilder() {
    }

    /**
     * @param groups names of projection classes that get a thread of their own, in order; the others share one
     *               more thread. Empty: everything on the reading thread.
     */
    static Outcome run(MongoDatabase db, String prefix, MongoEventStorageEngine engine, long total,
                       List<String> groups) throws InterruptedException {
        return run(db, prefix, engine, total, groups, Projections.classes());
    }

    /** As above, rebuilding only {@code types}. */
    static Outcome run(MongoDatabase db, String prefix, MongoEventStorageEngine engine, long total,
                       List<String> groups, List<Class<?>> types) throws InterruptedException {
        List<List<Class<?>>> split = new ArrayList<>();
        List<Class<?>> rest = new ArrayList<>(types);
        for (String name : groups) {
            for (Class<?> t : types) {
                if (t.getSimpleName().equals(name) && rest.remove(t)) {
                    split.add(List.of(t));
                }
            }
        }
        if (!rest.isEmpty()) {
            split.add(rest);
        }
        List<Worker> workers = new ArrayList<>();
        for (List<Class<?>> g : split) {
            workers.add(new Worker(g, new TimedStore(new MongoReadStore(db, prefix))));
        }
        List<String> groupNames = split.stream()
                .map(g -> String.join("+", g.stream().map(Class::getSimpleName).toList())).toList();
        boolean inline = groups.isEmpty();
        System.out.println("projections: " + types.stream().map(Class::getSimpleName).toList()
                + (inline ? ", all on the reading thread" : ", threads: " + groupNames));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long seen = 0;
        long readNanos = 0;
        long deserializeNanos = 0;
        long handOffNanos = 0;
        double seconds;
        try (Progress progress = new Progress("rebuild", total, 10_000,
                () -> workers.stream().mapToLong(w -> w.done.get()).min().orElse(0))) {
            List<Thread> threads = new ArrayList<>();
            if (!inline) {
                for (Worker w : workers) {
                    Thread t = new Thread(() -> {
                        try {
                            w.loop();
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        }
                    }, "rebuild-" + w.name());
                    t.start();
                    threads.add(t);
                }
            }
            List<EventMessage<?>> batch = new ArrayList<>(BATCH);
            try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
                Iterator<? extends TrackedEventMessage<?>> it = stream.iterator();
                while (failure.get() == null) {
                    long t0 = System.nanoTime();
                    if (!it.hasNext()) {
                        readNanos += System.nanoTime() - t0;
                        break;
                    }
                    TrackedEventMessage<?> m = it.next();
                    long t1 = System.nanoTime();
                    m.getPayload(); // deserialised once, here, before other threads see it
                    m.getMetaData();
                    long t2 = System.nanoTime();
                    readNanos += t1 - t0;
                    deserializeNanos += t2 - t1;
                    batch.add(m);
                    seen++;
                    if (batch.size() == BATCH) {
                        long t3 = System.nanoTime();
                        dispatch(batch, workers, inline, failure);
                        handOffNanos += System.nanoTime() - t3;
                        batch = new ArrayList<>(BATCH);
                    }
                }
            }
            if (!batch.isEmpty()) {
                dispatch(batch, workers, inline, failure);
            }
            if (inline) {
                for (Worker w : workers) {
                    w.finish();
                }
            } else {
                for (Worker w : workers) {
                    put(w.queue, END, failure);
                }
                for (Thread t : threads) {
                    t.join();
                }
            }
            seconds = progress.seconds();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("rebuild failed", failure.get());
        }
        if (seen != total) {
            throw new IllegalStateException("the rebuild read " + seen + " events of " + total);
        }
        long written = 0;
        long bulks = 0;
        long reads = 0;
        for (Worker w : workers) {
            written += w.store.documentsWritten;
            bulks += w.store.bulkWrites;
            reads += w.store.serverReads;
        }
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT,
                "reading thread: read %.0f s, deserialise %.0f s, %s %.0f s", readNanos / 1e9, deserializeNanos / 1e9,
                inline ? "projections" : "waiting for the projection threads", handOffNanos / 1e9));
        for (Worker w : workers) {
            double store = (w.store.writeNanos + w.store.readNanos) / 1e9;
            b.append(String.format(java.util.Locale.ROOT, "; %s: handlers %.0f s (of which MongoDB writes %.0f s, reads %.0f s;"
                            + " the final flush %.0f s, its turn waited for included)",
                    w.name(), w.handleNanos / 1e9 + w.finishNanos / 1e9, w.store.writeNanos / 1e9,
                    w.store.readNanos / 1e9, w.finishNanos / 1e9));
            for (int i = 0; i < w.adapters.size(); i++) {
                if (w.adapters.size() > 1) {
                    b.append(String.format(java.util.Locale.ROOT, " %s %.0f s", w.types.get(i).getSimpleName(),
                            w.nanos[i] / 1e9));
                }
            }
        }
        return new Outcome(seen, seconds, types.stream().map(Class::getSimpleName).toList(), groupNames, written,
                bulks, reads, b.toString());
    }

    private static void dispatch(List<EventMessage<?>> batch, List<Worker> workers, boolean inline,
                                 AtomicReference<Throwable> failure) throws InterruptedException {
        for (Worker w : workers) {
            if (inline) {
                w.handle(batch);
            } else {
                put(w.queue, batch, failure);
            }
        }
    }

    private static void put(BlockingQueue<List<EventMessage<?>>> q, List<EventMessage<?>> batch,
                            AtomicReference<Throwable> failure) throws InterruptedException {
        while (!q.offer(batch, 200, TimeUnit.MILLISECONDS)) {
            if (failure.get() != null) {
                return;
            }
        }
    }

    /**
     * Final flushes allowed at once ({@code bench.finalFlushes}, default 1): three at once took 168 s where the same
     * inserts take 54 s on one thread, with 109 s of garbage collection in the rebuild (run 9, before the read
     * models were packed); with the read models packed, two at once took the national rebuild from 149 to 170 s
     * (run 16), again with more time collecting garbage (46 s against 35 s).
     */
    private static final java.util.concurrent.Semaphore FINAL_FLUSH =
            new java.util.concurrent.Semaphore(Integer.getInteger("bench.finalFlushes", 1));

    private static final class Worker {
        final List<Class<?>> types;
        final TimedStore store;
        final WriteBehindStore cache;
        final List<AnnotationEventHandlerAdapter> adapters = new ArrayList<>();
        final BlockingQueue<List<EventMessage<?>>> queue = new ArrayBlockingQueue<>(64);
        final AtomicLong done = new AtomicLong();
        final long[] nanos;
        long handleNanos;
        long finishNanos;

        Worker(List<Class<?>> types, TimedStore store) {
            this.nanos = new long[types.size()];
            this.types = types;
            this.store = store;
            // a document flushed before its last change is replaced later, which costs the server far more than an
            // insert (it copies and re-measures the old document): keep as much waiting as the heap allows
            int cached = Integer.getInteger("bench.rebuildCache",
                    (int) Math.min(3_000_000, Runtime.getRuntime().maxMemory() / 131_072));
            // flushed only when full (and at the end): a generation that fits is written once, by inserts alone
            this.cache = new WriteBehindStore(store, cached, cached, new java.util.HashSet<>());
            for (Object p : Projections.instantiate(types, cache)) {
                adapters.add(new AnnotationEventHandlerAdapter(p));
            }
        }

        String name() {
            return types.size() == 1 ? types.get(0).getSimpleName() : "others";
        }

        void loop() throws Exception {
            while (true) {
                List<EventMessage<?>> batch = queue.take();
                if (batch == END) {
                    finish();
                    return;
                }
                handle(batch);
            }
        }

        void handle(List<EventMessage<?>> batch) {
            long start = System.nanoTime();
            for (EventMessage<?> m : batch) {
                for (int i = 0; i < adapters.size(); i++) {
                    AnnotationEventHandlerAdapter a = adapters.get(i);
                    if (a.canHandle(m)) {
                        long t0 = System.nanoTime();
                        try {
                            a.handle(m);
                        } catch (Exception e) {
                            throw new IllegalStateException(a.getTargetType().getSimpleName() + " failed on "
                                    + m.getPayloadType().getSimpleName(), e);
                        }
                        nanos[i] += System.nanoTime() - t0;
                    }
                }
            }
            handleNanos += System.nanoTime() - start;
            done.addAndGet(batch.size());
        }

        void finish() {
            long t0 = System.nanoTime();
            // each thread's cache let go once written; final flushes at once limited (FINAL_FLUSH)
            FINAL_FLUSH.acquireUninterruptibly();
            try {
                cache.flush();
                cache.discard();
            } finally {
                FINAL_FLUSH.release();
            }
            finishNanos += System.nanoTime() - t0;
        }
    }
}

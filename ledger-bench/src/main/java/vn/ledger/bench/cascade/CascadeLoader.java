package vn.ledger.bench.cascade;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import vn.ledger.eventstore.MongoEventStorageEngine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Appends a generated cascade straight through {@link MongoEventStorageEngine#appendEvents(List)}, one call per
 * commit, as the command path's unit of work would. The command path itself (aggregate loading, rules, the
 * gateway) is what WriteReplayBenchmark measures; pushing a million events through it here would take hours on
 * the embedded server and measure the write side again, not the read side this benchmark is about.
 * {@link CascadeConformance} shows, on a small cascade, that the command path appends exactly these events.
 *
 * <p>Events are {@link GenericDomainEventMessage}s with the commit's instant as timestamp, the sequence number the
 * aggregate would give, and the correlation metadata Axon adds ({@code correlationId}, {@code traceId}: the id of
 * the command that would have caused them). Several writers may append at once: a commit waits for the earlier
 * commits on any of its aggregates, so each aggregate's events keep their order in the global positions.
 */
public final class CascadeLoader {

    public record Result(long events, long commits, double seconds, int writers) {
        public double rate() {
            return events / seconds;
        }
    }

    private CascadeLoader() {
    }

    public static Result load(MongoEventStorageEngine engine, NationalCascade cascade, int writers, long seed) {
        List<NationalCascade.Commit> commits = cascade.commits();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long t0 = System.nanoTime();
        try (Progress progress = new Progress("load", cascade.eventCount(), 10_000)) {
            if (writers <= 1) {
                for (int i = 0; i < commits.size(); i++) {
                    NationalCascade.Commit c = commits.get(i);
                    engine.appendEvents(messages(c, i, seed));
                    progress.add(c.events.size());
                }
            } else {
                ExecutorService pool = new ThreadPoolExecutor(writers, writers, 0, TimeUnit.SECONDS,
                        new LinkedBlockingQueue<>()); // FIFO: a commit's predecessors always started before it
                Semaphore window = new Semaphore(writers * 64);
                Map<String, CompletableFuture<Void>> last = new HashMap<>();
                try {
                    for (int i = 0; i < commits.size() && failure.get() == null; i++) {
                        NationalCascade.Commit c = commits.get(i);
                        List<CompletableFuture<Void>> before = new ArrayList<>(2);
                        for (NationalCascade.Ev e : c.events) {
                            CompletableFuture<Void> f = last.get(e.aggregateId);
                            if (f != null && !f.isDone()) {
                                before.add(f);
                            }
                        }
                        window.acquireUninterruptibly();
                        int index = i;
                        CompletableFuture<Void> f = CompletableFuture.runAsync(() -> {
                            before.forEach(CompletableFuture::join);
                            engine.appendEvents(messages(c, index, seed));
                            progress.add(c.events.size());
                        }, pool).whenComplete((v, ex) -> {
                            window.release();
                            if (ex != null) {
                                failure.compareAndSet(null, ex);
                            }
                        });
                        for (NationalCascade.Ev e : c.events) {
                            last.put(e.aggregateId, f);
                        }
                    }
                } finally {
                    pool.shutdown();
                    try {
                        pool.awaitTermination(1, TimeUnit.HOURS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("loading failed", failure.get());
        }
        return new Result(cascade.eventCount(), commits.size(), (System.nanoTime() - t0) / 1e9, Math.max(1, writers));
    }

    /** The commit's events as the aggregates' unit of work hands them to the storage engine. */
    static List<DomainEventMessage<?>> messages(NationalCascade.Commit c, int index, long seed) {
        String command = uuid("command/" + seed + "/" + index);
        MetaData metaData = MetaData.with("correlationId", command).and("traceId", command);
        List<DomainEventMessage<?>> out = new ArrayList<>(c.events.size());
        for (int k = 0; k < c.events.size(); k++) {
            NationalCascade.Ev e = c.events.get(k);
            out.add(new GenericDomainEventMessage<>(e.aggregateType, e.aggregateId, e.seq(), e.payload, metaData,
                    uuid("event/" + seed + "/" + index + "/" + k), c.at));
        }
        return out;
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}

package vn.ledger.bench.http;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/** Runs N clients, each on its own thread, sending commands one after another for a fixed time. */
final class LoadRunner {

    /** One command of one client; answers null when it was done, or a label of what went wrong. */
    interface Command {
        String send(int client, long n) throws Exception;
    }

    private LoadRunner() {
    }

    static LevelResult run(int clients, double seconds, Command command) throws InterruptedException {
        List<LevelResult.ClientLog> logs = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] finished = new long[clients];
        long[] start = new long[1];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int c = 0; c < clients; c++) {
            LevelResult.ClientLog log = new LevelResult.ClientLog();
            logs.add(log);
            int client = c;
            Thread t = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    long end = start[0] + (long) (seconds * 1e9);
                    for (long n = 0; System.nanoTime() < end; n++) {
                        long t0 = System.nanoTime();
                        String error;
                        try {
                            error = command.send(client, n);
                        } catch (java.io.IOException e) {
                            error = "io " + e.getClass().getSimpleName();
                        }
                        log.record(System.nanoTime() - t0, error);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
                finished[client] = System.nanoTime();
                // the thread ends with the turn: its CPU is counted here, not by a snapshot of live threads
                log.cpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            }, "client-" + c);
            threads.add(t);
            t.start();
        }
        ready.await();
        start[0] = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a client failed", failure.get());
        }
        long last = start[0];
        for (long f : finished) {
            last = Math.max(last, f);
        }
        // the level lasts until its last command was answered, not only until the time was up
        return LevelResult.of(clients, (last - start[0]) / 1e9, logs);
    }
}

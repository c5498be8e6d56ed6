package vn.ledger.bench.cascade;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** Prints "label  done / total (p%)  rate now, rate on average, elapsed" every few seconds while a phase runs. */
final class Progress implements AutoCloseable {

    private final String label;
    private final long total;
    private final AtomicLong done = new AtomicLong();
    private final LongSupplier count;
    private final long started = System.nanoTime();
    private final Thread printer;
    private volatile boolean running = true;

    Progress(String label, long total, long everyMillis) {
        this(label, total, everyMillis, null);
    }

    /** @param count where the count is read from (instead of {@link #add}), e.g. the slowest of several workers */
    Progress(String label, long total, long everyMillis, LongSupplier count) {
        this.label = label;
        this.total = total;
        this.count = count != null ? count : done::get;
        this.printer = new Thread(() -> {
            long lastCount = 0;
            long lastTime = started;
            while (running) {
                try {
                    Thread.sleep(everyMillis);
                } catch (InterruptedException e) {
                    return;
                }
                if (!running) {
                    return;
                }
                long n = Progress.this.count.getAsLong();
                long now = System.nanoTime();
                print(n, (n - lastCount) / ((now - lastTime) / 1e9), now);
                lastCount = n;
                lastTime = now;
            }
        }, label + "-progress");
        printer.setDaemon(true);
        printer.start();
    }

    void add(long n) {
        done.addAndGet(n);
    }

    long done() {
        return count.getAsLong();
    }

    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private void print(long n, double now, long at) {
        double elapsed = (at - started) / 1e9;
        System.out.printf("%-8s %,11d / %,d events (%3d%%)  %,8.0f ev/s now  %,8.0f ev/s avg  elapsed %,6.0f s"
                        + "  (machine load %s)%n", label, n, total, total == 0 ? 100 : 100 * n / total, now,
                n / Math.max(elapsed, 1e-9), elapsed, loadAverage());
    }

    /** The 1-minute load average of the machine (other processes share its cores), or "?" where unknown. */
    static String loadAverage() {
        return vn.ledger.bench.Machine.loadAverage();
    }

    @Override
    public void close() {
        running = false;
        printer.interrupt();
        long n = count.getAsLong();
        long at = System.nanoTime();
        print(n, n / ((at - started) / 1e9), at);
    }
}

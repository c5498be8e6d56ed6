package vn.ledger.bench.http;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of this JVM's live threads, by thread group ({@link CpuProfile#threadGroup}): what a level's turns cost
 * on each kind of thread, exactly (the flight recorder's samples only see threads running Java code). What the
 * JVM spent beyond its live threads is its collector's, its compilers' and threads that ended in between.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Thread id to group and CPU nanoseconds so far. */
    private final Map<Long, Map.Entry<String, Long>> byThread = new HashMap<>();

    private ThreadCpu() {
    }

    static ThreadCpu now() {
        ThreadCpu s = new ThreadCpu();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = THREADS.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                s.byThread.put(info.getThreadId(), Map.entry(CpuProfile.threadGroup(info.getThreadName()), cpu));
            }
        }
        return s;
    }

    /** CPU nanoseconds by group between {@code before} and this snapshot, added to {@code into}. */
    void addSince(ThreadCpu before, Map<String, Long> into) {
        byThread.forEach((id, now) -> {
            Map.Entry<String, Long> then = before.byThread.get(id);
            long spent = now.getValue() - (then == null ? 0 : then.getValue());
            into.merge(now.getKey(), spent, Long::sum);
        });
    }
}

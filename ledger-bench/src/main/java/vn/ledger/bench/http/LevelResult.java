package vn.ledger.bench.http;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one load level did: commands answered 2xx per second over the level's wall time, the latency of every
 * command sent (answered well or not), the others counted by status, and the CPU time of the client threads.
 */
record LevelResult(int clients, long ok, long errors, double seconds, long[] latenciesNanos,
                   Map<String, Long> errorsByStatus, long clientCpuNanos) {

    static LevelResult of(int clients, double seconds, Iterable<ClientLog> logs) {
        long ok = 0, errors = 0, cpu = 0;
        int n = 0;
        for (ClientLog log : logs) {
            cpu += log.cpuNanos;
            ok += log.ok;
            errors += log.errors();
            n += log.count;
        }
        long[] all = new long[n];
        int at = 0;
        Map<String, Long> byStatus = new TreeMap<>();
        for (ClientLog log : logs) {
            System.arraycopy(log.latencies, 0, all, at, log.count);
            at += log.count;
            log.errorsByStatus.forEach((k, v) -> byStatus.merge(k, v, Long::sum));
        }
        Arrays.sort(all);
        return new LevelResult(clients, ok, errors, seconds, all, byStatus, cpu);
    }

    /** Both parts of a level measured in turns, as one: their commands, times and latencies added. */
    LevelResult plus(LevelResult other) {
        long[] all = Arrays.copyOf(latenciesNanos, latenciesNanos.length + other.latenciesNanos.length);
        System.arraycopy(other.latenciesNanos, 0, all, latenciesNanos.length, other.latenciesNanos.length);
        Arrays.sort(all);
        Map<String, Long> byStatus = new TreeMap<>(errorsByStatus);
        other.errorsByStatus.forEach((k, v) -> byStatus.merge(k, v, Long::sum));
        return new LevelResult(clients, ok + other.ok, errors + other.errors, seconds + other.seconds, all, byStatus,
                clientCpuNanos + other.clientCpuNanos);
    }

    double rate() {
        return ok / seconds;
    }

    double percentileMillis(double p) {
        if (latenciesNanos.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100 * latenciesNanos.length) - 1;
        return latenciesNanos[Math.max(0, Math.min(latenciesNanos.length - 1, i))] / 1e6;
    }

    /** One client's record of a level: latencies in the order sent, outcomes counted. */
    static final class ClientLog {
        long[] latencies = new long[4096];
        int count;
        long ok;
        /** CPU time of the client's thread, over its whole life (one turn). */
        long cpuNanos;
        final Map<String, Long> errorsByStatus = new TreeMap<>();

        void record(long nanos, String errorOrNull) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
            if (errorOrNull == null) {
                ok++;
            } else {
                errorsByStatus.merge(errorOrNull, 1L, Long::sum);
            }
        }

        long errors() {
            return count - ok;
        }
    }
}

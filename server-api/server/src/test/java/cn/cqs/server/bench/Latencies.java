package cn.cqs.server.bench;

import java.util.Arrays;

/**
 * Request latencies in nanoseconds, recorded by one thread, merged after the run; nearest-rank
 * percentiles, so every figure printed is a latency that was really measured.
 */
final class Latencies {
    private long[] nanos = new long[1024];
    private int count;

    void add(long durationNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, nanos.length * 2);
        }
        nanos[count++] = durationNanos;
    }

    int count() {
        return count;
    }

    /** All of {@code parts} in one sorted set. */
    static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies part : parts) {
            for (int i = 0; i < part.count; i++) {
                all.add(part.nanos[i]);
            }
        }
        Arrays.sort(all.nanos, 0, all.count);
        return all;
    }

    /** Nearest-rank percentile in milliseconds of a merged (sorted) set, {@code p} in (0, 100]. */
    double percentileMs(double p) {
        if (count == 0) {
            throw new IllegalStateException("no latencies recorded");
        }
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * count);
        return nanos[Math.max(rank, 1) - 1] / 1_000_000.0;
    }
}

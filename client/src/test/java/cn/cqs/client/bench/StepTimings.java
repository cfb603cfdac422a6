package cn.cqs.client.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The durations of one step over many runs, in nanoseconds, wall clock and the thread's CPU time,
 * and their order statistics (nearest-rank percentiles, so every figure printed is a duration that
 * was really measured). CPU time is what the step itself cost; on a machine shared with other work
 * it varies much less than wall time.
 */
final class StepTimings {
    private final String step;
    private long[] nanos;
    private long[] cpuNanos;
    private int count;

    StepTimings(String step, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.step = step;
        this.nanos = new long[capacity];
        this.cpuNanos = new long[capacity];
    }

    void add(long durationNanos, long cpuDurationNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, nanos.length * 2);
            cpuNanos = Arrays.copyOf(cpuNanos, cpuNanos.length * 2);
        }
        cpuNanos[count] = cpuDurationNanos;
        nanos[count++] = durationNanos;
    }

    int count() {
        return count;
    }

    /** Nearest-rank percentile in milliseconds, {@code p} in (0, 100]. */
    double percentileMs(double p) {
        return percentileMs(nanos, p);
    }

    /** Nearest-rank percentile of the thread CPU time in milliseconds. */
    double cpuPercentileMs(double p) {
        return percentileMs(cpuNanos, p);
    }

    private double percentileMs(long[] values, double p) {
        if (count == 0) {
            throw new IllegalStateException("no timings recorded for " + step);
        }
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(rank, 1) - 1] / 1_000_000.0;
    }

    double maxMs() {
        return percentileMs(100);
    }

    /** One table row: step, median, p95, max (wall clock), then median and p95 thread CPU time. */
    String row() {
        return String.format(Locale.ROOT, "| %-32s | %9.2f | %9.2f | %9.2f | %13.2f | %10.2f |", step, percentileMs(50),
                percentileMs(95), maxMs(), cpuPercentileMs(50), cpuPercentileMs(95));
    }

    static String header() {
        return String.format(Locale.ROOT, "| %-32s | %9s | %9s | %9s | %13s | %10s |%n|%s|%s|%s|%s|%s|%s|", "step",
                "median ms", "p95 ms", "max ms", "CPU median ms", "CPU p95 ms", "-".repeat(34), "-".repeat(11),
                "-".repeat(11), "-".repeat(11), "-".repeat(15), "-".repeat(12));
    }
}

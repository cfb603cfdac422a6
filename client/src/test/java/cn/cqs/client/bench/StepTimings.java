package cn.cqs.client.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The durations of one step over many runs, in nanoseconds, and their order statistics
 * (nearest-rank percentiles, so every figure printed is a duration that was really measured).
 */
final class StepTimings {
    private final String step;
    private long[] nanos;
    private int count;

    StepTimings(String step, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.step = step;
        this.nanos = new long[capacity];
    }

    void add(long durationNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, nanos.length * 2);
        }
        nanos[count++] = durationNanos;
    }

    int count() {
        return count;
    }

    /** Nearest-rank percentile in milliseconds, {@code p} in (0, 100]. */
    double percentileMs(double p) {
        if (count == 0) {
            throw new IllegalStateException("no timings recorded for " + step);
        }
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(rank, 1) - 1] / 1_000_000.0;
    }

    double maxMs() {
        return percentileMs(100);
    }

    /** One table row: step, median, p95, max. */
    String row() {
        return String.format(Locale.ROOT, "| %-32s | %9.2f | %9.2f | %9.2f |", step, percentileMs(50), percentileMs(95),
                maxMs());
    }

    static String header() {
        return String.format(Locale.ROOT, "| %-32s | %9s | %9s | %9s |%n|%s|%s|%s|%s|", "step", "median ms", "p95 ms",
                "max ms", "-".repeat(34), "-".repeat(11), "-".repeat(11), "-".repeat(11));
    }
}

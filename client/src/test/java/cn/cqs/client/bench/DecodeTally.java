package cn.cqs.client.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Decode attempts of one decoder on one group of frames: how many were read, and the wall-clock
 * and thread-CPU milliseconds per frame (nearest-rank median and p95: figures that were measured).
 */
final class DecodeTally {
    private double[] wall = new double[64];
    private double[] cpu = new double[64];
    private int count;
    private int decoded;

    void add(boolean ok, long wallNanos, long cpuNanos) {
        if (count == wall.length) {
            wall = Arrays.copyOf(wall, count * 2);
            cpu = Arrays.copyOf(cpu, count * 2);
        }
        wall[count] = wallNanos / 1e6;
        cpu[count++] = cpuNanos / 1e6;
        if (ok) {
            decoded++;
        }
    }

    int count() {
        return count;
    }

    int decoded() {
        return decoded;
    }

    /** "decoded/total (rate %)". */
    String rate() {
        return String.format(Locale.ROOT, "%d/%d (%.1f %%)", decoded, count, count == 0 ? 0 : 100.0 * decoded / count);
    }

    double wallPercentile(double p) {
        return percentile(wall, p);
    }

    double cpuPercentile(double p) {
        return percentile(cpu, p);
    }

    private double percentile(double[] values, double p) {
        if (count == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))];
    }

    /** "median / p95 wall ms (median / p95 cpu ms)". */
    String times() {
        return String.format(Locale.ROOT, "%6.1f / %6.1f  (cpu %5.1f / %6.1f)", wallPercentile(50), wallPercentile(95),
                cpuPercentile(50), cpuPercentile(95));
    }
}

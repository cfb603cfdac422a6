package cn.cqs.client.sync;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff between attempts while the server is unreachable: {@code initial},
 * doubling per consecutive failure up to {@code max}, each delay varied by up to
 * {@code ±jitter} (a fraction, 0..1) so many clients coming back online do not hit the server in
 * step. A server's {@code Retry-After} is honoured when it asks for longer (up to {@code max}).
 */
public record Backoff(Duration initial, Duration max, double jitter) {

    public Backoff {
        if (initial == null || initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial: must be positive, was " + initial);
        }
        if (max == null || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max: must be at least initial (" + initial + "), was " + max);
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter: must be 0..1, was " + jitter);
        }
    }

    /** 2 s, doubling to at most 5 minutes, ±20 %. */
    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), 0.2);
    }

    /**
     * The wait before the next attempt after {@code consecutiveFailures} (at least 1) failures in a row.
     *
     * @param retryAfter the server's requested wait, or null
     */
    public Duration delay(int consecutiveFailures, Duration retryAfter) {
        if (consecutiveFailures < 1) {
            throw new IllegalArgumentException("consecutiveFailures: must be at least 1, was " + consecutiveFailures);
        }
        int doublings = Math.min(consecutiveFailures - 1, 30);
        long millis = Math.min(max.toMillis(), initial.toMillis() * (1L << doublings));
        if (jitter > 0) {
            double factor = 1 + jitter * (ThreadLocalRandom.current().nextDouble() * 2 - 1);
            millis = Math.min(max.toMillis(), Math.round(millis * factor));
        }
        if (retryAfter != null && retryAfter.toMillis() > millis) {
            millis = Math.min(max.toMillis(), retryAfter.toMillis());
        }
        return Duration.ofMillis(Math.max(1, millis));
    }
}

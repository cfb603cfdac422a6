package cn.cqs.client.api;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long apart an idempotent request is retried after a connection failure or a
 * 502/503/504 (重试策略): exponential backoff from {@code baseDelay}, doubling up to
 * {@code maxDelay}, with jitter (each delay is drawn between half and all of the backoff) so many
 * clients do not retry in step. A server's {@code Retry-After} is honoured when it is longer,
 * up to {@code maxRetryAfter}; a longer Retry-After ends the retries.
 *
 * @param maxAttempts   total attempts including the first, at least 1
 * @param baseDelay     backoff before the second attempt
 * @param maxDelay      cap of the exponential backoff
 * @param maxRetryAfter the longest Retry-After the client is willing to wait
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0 || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("delays must be non-negative and maxDelay >= baseDelay");
        }
    }

    /** Four attempts, 0.5 s, 1 s, 2 s apart (with jitter), Retry-After honoured up to 30 s. */
    public static RetryPolicy standard() {
        return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(30));
    }

    /** One attempt only, e.g. for the connection-state probe. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /**
     * The backoff before attempt {@code nextAttempt} (2 for the first retry), with jitter.
     */
    public Duration backoff(int nextAttempt) {
        int exponent = Math.min(Math.max(nextAttempt - 2, 0), 30);
        long full = baseDelay.toMillis() << exponent;
        if (full < 0 || full > maxDelay.toMillis()) {
            full = maxDelay.toMillis();
        }
        long half = full / 2;
        long jittered = half + (full - half == 0 ? 0 : ThreadLocalRandom.current().nextLong(full - half + 1));
        return Duration.ofMillis(jittered);
    }
}

package cn.cqs.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Eviction at the bound: full buckets seen after a refilling one are dropped before it. Walking the access
 * order and stopping at the first bucket still refilling kept them and dropped the refilling one instead,
 * giving its client a fresh burst although only one client was refilling.
 */
class RateLimiterEvictionTest {
    private final AtomicLong nanos = new AtomicLong(5_000_000_000_000L);

    @Test
    void aRefillingClientKeepsItsBucketWhileFullBucketsCanBeDropped() {
        RateLimiter limiter = new RateLimiter(new RateBudget(2, Duration.ofSeconds(10)), 3, nanos::get);
        assertThat(limiter.admit("A").admitted()).isTrue();
        assertThat(limiter.admit("A").admitted()).isTrue(); // A empty, full again at t = 20 s
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(limiter.admit("B").admitted()).isTrue(); // full again at t = 11 s
        assertThat(limiter.admit("C").admitted()).isTrue(); // full again at t = 11 s
        nanos.addAndGet(Duration.ofSeconds(11).toNanos()); // t = 12 s: B and C full, A holds 1.2 tokens
        assertThat(limiter.admit("D").admitted()).isTrue(); // only one client (A) is refilling: bound not exceeded
        assertThat(limiter.admit("A").admitted()).isTrue();
        assertThat(limiter.admit("A").admitted()).as("A had one token left, not a fresh burst").isFalse();
    }
}

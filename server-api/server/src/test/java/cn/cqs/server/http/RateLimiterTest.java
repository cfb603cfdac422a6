package cn.cqs.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.server.http.RateLimiter.Admission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-client token bucket on a fake nanosecond clock: burst, refill, Retry-After, eviction, locking. */
class RateLimiterTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);

    private RateLimiter limiter(int burst, Duration interval, int maxClients) {
        return new RateLimiter(new RateBudget(burst, interval), maxClients, nanos::get);
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    private static int admittedOf(RateLimiter limiter, String client, int attempts) {
        int admitted = 0;
        for (int i = 0; i < attempts; i++) {
            if (limiter.admit(client).admitted()) {
                admitted++;
            }
        }
        return admitted;
    }

    @Test
    void aFullBucketAdmitsTheBurstAtOnceThenRefuses() {
        RateLimiter limiter = limiter(10, Duration.ofSeconds(6), 100);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.admit("203.0.113.7").admitted()).as("request %d", i + 1).isTrue();
        }
        Admission refused = limiter.admit("203.0.113.7");
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(6));
        assertThat(refused.retryAfterSeconds()).isEqualTo(6);
    }

    @Test
    void oneTokenComesBackPerIntervalAndTheBucketFillsUpToTheBurstOnly() {
        RateLimiter limiter = limiter(3, Duration.ofSeconds(1), 100);
        assertThat(admittedOf(limiter, "a", 5)).isEqualTo(3);
        advance(Duration.ofMillis(999));
        assertThat(limiter.admit("a").admitted()).isFalse();
        advance(Duration.ofMillis(1));
        assertThat(limiter.admit("a").admitted()).isTrue();
        assertThat(limiter.admit("a").admitted()).isFalse();
        advance(Duration.ofSeconds(2));
        assertThat(admittedOf(limiter, "a", 5)).isEqualTo(2);
        // a long quiet spell refills to the burst, never beyond it
        advance(Duration.ofHours(1));
        assertThat(admittedOf(limiter, "a", 10)).isEqualTo(3);
    }

    @Test
    void refusedRequestsTakeNothing() {
        RateLimiter limiter = limiter(2, Duration.ofSeconds(6), 100);
        assertThat(admittedOf(limiter, "a", 2)).isEqualTo(2);
        assertThat(admittedOf(limiter, "a", 1000)).isZero();
        advance(Duration.ofSeconds(6));
        assertThat(limiter.admit("a").admitted()).isTrue();
    }

    @Test
    void clientsHaveSeparateBuckets() {
        RateLimiter limiter = limiter(2, Duration.ofMinutes(1), 100);
        assertThat(admittedOf(limiter, "flooder", 50)).isEqualTo(2);
        assertThat(admittedOf(limiter, "neighbour", 2)).isEqualTo(2);
    }

    @Test
    void retryAfterIsRoundedUpToWholeSecondsAndIsAtLeastOne() {
        RateLimiter limiter = limiter(1, Duration.ofSeconds(6), 100);
        assertThat(limiter.admit("a").retryAfterSeconds()).isZero();
        advance(Duration.ofMillis(1500));
        Admission refused = limiter.admit("a");
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(4500));
        assertThat(refused.retryAfterSeconds()).isEqualTo(5);
        advance(Duration.ofMillis(4500).minusNanos(1));
        assertThat(limiter.admit("a").retryAfter()).isEqualTo(Duration.ofNanos(1));
        assertThat(limiter.admit("a").retryAfterSeconds()).isEqualTo(1);
        advance(Duration.ofNanos(1));
        assertThat(limiter.admit("a").admitted()).isTrue();

        RateLimiter fast = limiter(1, Duration.ofMillis(200), 100);
        fast.admit("b");
        assertThat(fast.admit("b").retryAfterSeconds()).as("200 ms is still 1 s for Retry-After").isEqualTo(1);
        assertThat(new Admission(false, Duration.ofSeconds(3)).retryAfterSeconds()).isEqualTo(3);
    }

    @Test
    void fullBucketsAreForgottenWhenNewClientsArrive() {
        RateLimiter limiter = limiter(5, Duration.ofSeconds(1), 1000);
        for (int i = 0; i < 100; i++) {
            limiter.admit("10.0.0." + i);
        }
        assertThat(limiter.trackedClients()).isEqualTo(100);
        advance(Duration.ofSeconds(5));
        // every earlier bucket is full again: the next newcomer sweeps them all away
        limiter.admit("newcomer");
        assertThat(limiter.trackedClients()).isEqualTo(1);
    }

    @Test
    void forgettingAFullBucketChangesNothingForItsClient() {
        RateLimiter limiter = limiter(3, Duration.ofSeconds(1), 1000);
        assertThat(admittedOf(limiter, "a", 3)).isEqualTo(3);
        advance(Duration.ofSeconds(3));
        limiter.admit("b");
        assertThat(limiter.trackedClients()).isEqualTo(1);
        assertThat(admittedOf(limiter, "a", 10)).isEqualTo(3);
    }

    @Test
    void aFloodOfDistinctAddressesStaysWithinTheBoundAndKeepsTheRecentlySeen() {
        RateLimiter limiter = limiter(2, Duration.ofMinutes(1), 1000);
        assertThat(admittedOf(limiter, "flooder", 2)).isEqualTo(2);
        for (int i = 0; i < 50_000; i++) {
            limiter.admit("198.51." + (i / 256) + "." + (i % 256));
            if (i % 500 == 0) {
                // the flooder keeps asking, so it stays among the recently seen and stays limited
                assertThat(limiter.admit("flooder").admitted()).isFalse();
            }
        }
        assertThat(limiter.trackedClients()).isEqualTo(1000);
        assertThat(limiter.admit("flooder").admitted()).isFalse();
        // the least recently seen lost its bucket and starts afresh: the price of the bound
        assertThat(limiter.admit("198.51.0.0").admitted()).isTrue();
    }

    @Test
    void theNanosecondCounterMayWrapAround() {
        nanos.set(Long.MAX_VALUE - 1_500_000_000L);
        RateLimiter limiter = limiter(2, Duration.ofSeconds(1), 10);
        assertThat(admittedOf(limiter, "a", 3)).isEqualTo(2);
        advance(Duration.ofSeconds(1));
        assertThat(limiter.admit("a").admitted()).isTrue();
        assertThat(limiter.admit("a").retryAfter()).isEqualTo(Duration.ofSeconds(1));
        advance(Duration.ofSeconds(10));
        assertThat(nanos.get()).isNegative();
        assertThat(admittedOf(limiter, "a", 3)).isEqualTo(2);
    }

    @Test
    void concurrentRequestsNeverGetMoreThanTheBurst() throws Exception {
        RateLimiter limiter = limiter(1000, Duration.ofHours(1), 100);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return admittedOf(limiter, "shared", 500);
                }));
            }
            start.countDown();
            int admitted = 0;
            for (Future<Integer> f : results) {
                admitted += f.get(30, TimeUnit.SECONDS);
            }
            assertThat(admitted).isEqualTo(1000);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsANonsenseBound() {
        assertThatThrownBy(() -> limiter(1, Duration.ofSeconds(1), 0)).hasMessageContaining("maxClients");
    }
}

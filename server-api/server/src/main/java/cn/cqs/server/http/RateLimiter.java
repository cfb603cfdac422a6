package cn.cqs.server.http;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * One {@link RateBudget} applied to each client separately (限流): a token bucket per client key, held
 * in this server's memory. Thread-safe (one lock; each decision is a map look-up and a few
 * additions, far cheaper than the work it protects).
 *
 * <p>Each bucket is a single number, the time at which it will be full again (the "theoretical
 * arrival time" of the generic cell rate algorithm, which is exactly a token bucket). A request is
 * admitted when taking one token leaves that time at most {@code burst × interval} ahead of now; a
 * refused request takes nothing, and its wait is the time until one token has come back.
 *
 * <p>Bounded memory: a bucket that is full again holds no information (a new one would behave the
 * same), so whenever a client is added the least recently seen buckets that are full are dropped, and
 * at the bound every full bucket wherever it sits (swept at most once a second).
 * If more than {@code maxClients} clients are still refilling at once (a flood from many addresses),
 * the least recently seen bucket is dropped even though it is not full: that client starts afresh,
 * which costs at most one extra burst and keeps memory bounded (about 150 bytes a client, so the
 * default {@value #DEFAULT_MAX_CLIENTS} clients take some 15 MB).
 *
 * <p>Time comes from a monotonic nanosecond source ({@link System#nanoTime()} in the server), so a
 * change of the wall clock neither frees nor locks anyone; tests pass their own.
 *
 * <p>Per server instance: behind a load balancer with {@code n} instances a client may get up to
 * {@code n} times the budget, which is acceptable for a limit meant to stop floods, not to meter.
 */
public final class RateLimiter {
    public static final int DEFAULT_MAX_CLIENTS = 100_000;
    private final long intervalNanos;
    private final long capacityNanos;
    private final int maxClients;
    private final LongSupplier nanoTime;
    private static final long SWEEP_EVERY_NANOS = 1_000_000_000L;
    private boolean swept;
    private long lastSweep;
    /** Client key to the nano time its bucket is full again; access order, least recently seen first. */
    private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true);

    /** Whether a request may go ahead, and if not how long the client should wait. */
    public record Admission(boolean admitted, Duration retryAfter) {
        /** Go ahead. */
        public static final Admission ADMITTED = new Admission(true, Duration.ZERO);

        public Admission {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        /**
         * The wait in whole seconds for a {@code Retry-After} header: rounded up (a client that waits
         * that long is admitted) and at least 1. Zero when admitted.
         */
        public long retryAfterSeconds() {
            if (admitted) {
                return 0;
            }
            long nanos = retryAfter.toNanos();
            return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        }
    }

    private static final class Bucket {
        long fullAt;
    }

    public RateLimiter(RateBudget budget, int maxClients, LongSupplier nanoTime) {
        Objects.requireNonNull(budget, "budget");
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.intervalNanos = budget.interval().toNanos();
        this.capacityNanos = intervalNanos * budget.burst();
        this.maxClients = maxClients;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** With {@value #DEFAULT_MAX_CLIENTS} clients at most and {@link System#nanoTime()}. */
    public RateLimiter(RateBudget budget) {
        this(budget, DEFAULT_MAX_CLIENTS, System::nanoTime);
    }

    /** Takes one request from {@code client}'s bucket if it has one left. */
    public Admission admit(String client) {
        Objects.requireNonNull(client, "client");
        synchronized (buckets) {
            long now = nanoTime.getAsLong();
            Bucket bucket = buckets.get(client);
            long start = bucket == null || bucket.fullAt - now < 0 ? now : bucket.fullAt;
            long fullAt = start + intervalNanos;
            long used = fullAt - now;
            if (used > capacityNanos) {
                return new Admission(false, Duration.ofNanos(used - capacityNanos));
            }
            if (bucket == null) {
                bucket = new Bucket();
                bucket.fullAt = fullAt;
                buckets.put(client, bucket);
                evict(now);
            } else {
                bucket.fullAt = fullAt;
            }
            return Admission.ADMITTED;
        }
    }

    /** How many clients currently have a bucket (for tests and monitoring). */
    public int trackedClients() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    /**
     * Drops full buckets from the least recently seen end; at the bound, full buckets wherever they sit
     * (a sweep over all, at most once a second, so a flood of new addresses does not pay it per request);
     * then, only if still over the bound, the least recently seen ones although they are refilling.
     */
    private void evict(long now) {
        Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Bucket> eldest = it.next();
            if (eldest.getValue().fullAt - now > 0) {
                break;
            }
            it.remove();
        }
        if (buckets.size() <= maxClients) {
            return;
        }
        if (!swept || now - lastSweep >= SWEEP_EVERY_NANOS) {
            swept = true;
            lastSweep = now;
            buckets.values().removeIf(b -> b.fullAt - now <= 0);
        }
        it = buckets.entrySet().iterator();
        while (buckets.size() > maxClients && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}

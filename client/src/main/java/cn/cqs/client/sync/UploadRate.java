package cn.cqs.client.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * 上传速度: entries uploaded per second over a sliding window of the drainer's progress, and the
 * time left at that pace (预计剩余时间). Fed with {@code (time, done)} samples of one drain run; a
 * sample with fewer done than the last one starts a new run. Not thread-safe: one owner (the
 * upload queue's view model, on the JavaFX thread).
 */
public final class UploadRate {
    /** Below this much measured time the rate is not shown (one entry's time is no pace). */
    private static final Duration MIN_SPAN = Duration.ofSeconds(1);

    private record Sample(Instant at, int done) {
    }

    private final Duration window;
    private final Deque<Sample> samples = new ArrayDeque<>();

    /** @param window how far back the pace is measured, e.g. 20 s; at least 2 s */
    public UploadRate(Duration window) {
        if (window == null || window.compareTo(Duration.ofSeconds(2)) < 0) {
            throw new IllegalArgumentException("window: must be at least 2 s, was " + window);
        }
        this.window = window;
    }

    /** Adds a sample: {@code done} entries of the current run were finished at {@code at}. */
    public void record(Instant at, int done) {
        if (at == null) {
            throw new IllegalArgumentException("at: required");
        }
        if (done < 0) {
            throw new IllegalArgumentException("done: must be 0 or more, was " + done);
        }
        Sample last = samples.peekLast();
        if (last != null && (done < last.done() || at.isBefore(last.at()))) {
            samples.clear();
        }
        if (last != null && done == last.done() && !samples.isEmpty()) {
            return; // the same count again (e.g. the next entry started): keep the time it was reached
        }
        samples.addLast(new Sample(at, done));
        Instant oldest = at.minus(window);
        while (samples.size() > 2 && samples.peekFirst().at().isBefore(oldest)) {
            samples.removeFirst();
        }
    }

    /** Forgets the samples (paused, waiting to retry, idle): the pace of a new run is measured anew. */
    public void reset() {
        samples.clear();
    }

    /** Entries per second over the window, once at least one second and one entry were measured. */
    public Optional<Double> perSecond() {
        if (samples.size() < 2) {
            return Optional.empty();
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        Duration span = Duration.between(first.at(), last.at());
        int count = last.done() - first.done();
        if (span.compareTo(MIN_SPAN) < 0 || count <= 0) {
            return Optional.empty();
        }
        return Optional.of(count * 1000.0 / span.toMillis());
    }

    /** The time {@code remaining} entries take at the measured pace, rounded up to whole seconds. */
    public Optional<Duration> timeLeft(int remaining) {
        if (remaining < 0) {
            throw new IllegalArgumentException("remaining: must be 0 or more, was " + remaining);
        }
        return perSecond().map(rate -> Duration.ofSeconds((long) Math.ceil(remaining / rate)));
    }
}

package cn.cqs.client.qrimage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps the desk from reading the same code again and again (防重复识读): a paper held in front of
 * the camera shows its code in every frame, but the person wants one beep and one verification.
 * A text is new when it has not been seen for the window; every sighting restarts its window, so
 * a code that stays in view stays quiet, and the same paper shown again after a pause of at least
 * the window is read again. Times are {@link System#nanoTime()} values. Thread-safe.
 */
public final class RecentCodes {

    /** The desk's window: a code seen within the last 5 seconds is not reported again. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(5);

    private final long windowNanos;
    private final Map<String, Long> lastSeen = new HashMap<>();

    public RecentCodes() {
        this(DEFAULT_WINDOW);
    }

    public RecentCodes(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window: must be positive, got " + window);
        }
        this.windowNanos = window.toNanos();
    }

    /**
     * Records a sighting of {@code text} at {@code nowNanos}.
     *
     * @return true when the text was not seen within the window before (report it), false when it
     *         is a repeat (suppress it)
     */
    public synchronized boolean firstSighting(String text, long nowNanos) {
        Objects.requireNonNull(text, "text");
        forgetExpired(nowNanos);
        Long previous = lastSeen.put(text, nowNanos);
        return previous == null || nowNanos - previous >= windowNanos;
    }

    /** The codes of one frame that are new, in order; every code counts as sighted. */
    public List<DecodedQr> newCodes(List<DecodedQr> codes, long nowNanos) {
        List<DecodedQr> fresh = new ArrayList<>();
        for (DecodedQr code : codes) {
            if (firstSighting(code.text(), nowNanos)) {
                fresh.add(code);
            }
        }
        return List.copyOf(fresh);
    }

    /** Forgets every code, e.g. when the person asks to read the same paper again now. */
    public synchronized void clear() {
        lastSeen.clear();
    }

    private void forgetExpired(long nowNanos) {
        lastSeen.values().removeIf(seen -> nowNanos - seen >= windowNanos);
    }
}

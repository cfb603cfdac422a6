package cn.cqs.client.qrimage;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Frames pushed by code: tests, benchmarks and demos feed the desk exactly as a camera would.
 * {@link #push} may be called from any thread; {@link #next()} waits for the next pushed frame
 * and returns empty once the source is closed and every pushed frame has been taken.
 *
 * <p>A source made {@link #liveCamera(String) like a live camera} keeps only the newest frame: a
 * frame pushed while the previous one still waits replaces it (the old one is counted as
 * dropped), so a slow frame never builds a backlog, as with a webcam. Otherwise every frame
 * waits its turn.
 */
public final class SyntheticFrameSource implements FrameSource {

    /** Upper bound of frames waiting, so a runaway producer cannot fill the memory. */
    public static final int CAPACITY = 1024;

    private static final Frame END = new Frame(new LumaImage(1, 1, new byte[1]), 0, "end");

    private final String name;
    private final boolean newestOnly;
    private final LinkedBlockingQueue<Frame> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    /** A source that delivers every pushed frame in order. */
    public SyntheticFrameSource(String name) {
        this(name, false);
    }

    private SyntheticFrameSource(String name, boolean newestOnly) {
        this.name = Objects.requireNonNull(name, "name");
        this.newestOnly = newestOnly;
    }

    /** A source that, like a webcam, delivers only the newest frame when the decoder asks for one. */
    public static SyntheticFrameSource liveCamera(String name) {
        return new SyntheticFrameSource(name, true);
    }

    /** Frames replaced by a newer one before the decoder took them (live-camera sources only). */
    public long droppedFrames() {
        return dropped.get();
    }

    /**
     * Pushes a frame; its capture time is now.
     *
     * @throws IllegalStateException when the source is closed or {@link #CAPACITY} frames wait
     */
    public Frame push(BufferedImage image, String label) {
        return push(Frame.of(image, label));
    }

    /**
     * Pushes a frame as it is (its capture time is kept).
     *
     * @throws IllegalStateException when the source is closed or {@link #CAPACITY} frames wait
     */
    public synchronized Frame push(Frame frame) {
        Objects.requireNonNull(frame, "frame");
        if (closed) {
            throw new IllegalStateException("synthetic source " + name + " is closed");
        }
        if (newestOnly) {
            List<Frame> stale = new ArrayList<>();
            queue.drainTo(stale);
            dropped.addAndGet(stale.size());
        }
        if (!queue.offer(frame)) {
            throw new IllegalStateException("synthetic source " + name + ": " + CAPACITY + " frames already wait");
        }
        return frame;
    }

    @Override
    public Optional<Frame> next() throws InterruptedException {
        while (true) {
            Frame frame = closed ? queue.poll() : queue.poll(100, TimeUnit.MILLISECONDS);
            if (frame == END || (frame == null && closed)) {
                closed = true;
                return Optional.empty();
            }
            if (frame != null) {
                return Optional.of(frame);
            }
        }
    }

    @Override
    public String description() {
        return name;
    }

    /** Ends the source: frames already pushed are still delivered, then {@link #next()} returns empty. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            queue.offer(END);
        }
    }
}

package cn.cqs.client.camera;

import cn.cqs.client.qrimage.Frame;
import cn.cqs.client.qrimage.FrameSource;
import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamLockException;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A webcam as the verify desk's {@link FrameSource} (摄像头帧源), over the Webcam Capture API.
 *
 * <p>A grabber thread pulls images from the {@link Webcam} as fast as the camera delivers (at most
 * one per {@link Timing#minFrameInterval()}) and keeps only the newest one; {@link #next()} hands
 * out the newest frame not yet taken, so a slow decoder never builds a backlog. Each frame's
 * capture time is when the grabber received it.
 *
 * <p>Failures, each with a localised message:
 * <ul>
 *   <li>opening: {@link #open} throws {@link CameraException} — {@link CameraProblem#BUSY} (another
 *       program holds the camera), {@link CameraProblem#RESOLUTION_UNSUPPORTED},
 *       {@link CameraProblem#OPEN_FAILED} or {@link CameraProblem#DRIVER_UNAVAILABLE};</li>
 *   <li>slow frames: when no new frame arrives within {@link Timing#stallTimeout()}, {@link #next()}
 *       throws {@link CameraStalledException}; the source stays usable and the next call waits
 *       again, so frames flow as soon as the camera resumes;</li>
 *   <li>the camera vanishes (unplugged: the device reports closed, or it gives no image for
 *       {@link Timing#lostAfter()}): {@link #next()} throws {@link CameraException}
 *       {@link CameraProblem#VANISHED} once, the camera is closed, and later calls return empty.</li>
 * </ul>
 * One thread calls {@link #next()}; {@link #close()} may be called from any thread.
 */
public final class WebcamFrameSource implements FrameSource {

    private static final System.Logger LOG = System.getLogger(WebcamFrameSource.class.getName());

    /**
     * How the source paces and judges the camera.
     *
     * @param stallTimeout      no new frame for this long: {@link #next()} reports a stall
     * @param lostAfter         no image at all (null from the driver) for this long while the
     *                          device still claims to be open: the camera counts as vanished
     * @param minFrameInterval  the grabber asks for at most one frame per interval
     */
    public record Timing(Duration stallTimeout, Duration lostAfter, Duration minFrameInterval) {

        /** 2 s to report a stall, 5 s of nothing to give up, at most 30 frames a second. */
        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(33));

        public Timing {
            requirePositive(stallTimeout, "stallTimeout");
            requirePositive(lostAfter, "lostAfter");
            Objects.requireNonNull(minFrameInterval, "minFrameInterval");
            if (minFrameInterval.isNegative()) {
                throw new IllegalArgumentException("minFrameInterval: must not be negative, got " + minFrameInterval);
            }
        }

        private static void requirePositive(Duration d, String field) {
            Objects.requireNonNull(d, field);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(field + ": must be positive, got " + d);
            }
        }
    }

    private static final long NULL_RETRY_MILLIS = 20;

    private final Webcam webcam;
    private final String name;
    private final CameraResolution resolution;
    private final Timing timing;
    private final Thread grabber;
    private final Object lock = new Object();

    // guarded by lock
    private Frame latest;
    private long latestSeq;
    private long takenSeq;
    private long lastFrameAtNanos;
    private CameraException failure;
    private boolean failureReported;
    private boolean grabberEnded;
    private volatile boolean closed;

    private WebcamFrameSource(Webcam webcam, CameraResolution resolution, Timing timing) {
        this.webcam = webcam;
        this.name = webcam.getName();
        this.resolution = resolution;
        this.timing = timing;
        this.lastFrameAtNanos = System.nanoTime();
        this.grabber = new Thread(this::grab, "camera-grabber " + name);
        this.grabber.setDaemon(true);
    }

    /**
     * Opens {@code webcam} at {@code resolution} (empty: the driver's current size) and starts
     * grabbing. Blocks while the driver opens the device: call it off the UI thread
     * ({@link CameraService#open} does).
     *
     * @throws CameraException when the camera cannot be opened; the message says why
     */
    public static WebcamFrameSource open(Webcam webcam, Optional<CameraResolution> resolution, Timing timing) {
        Objects.requireNonNull(webcam, "webcam");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(timing, "timing");
        String name = webcam.getName();
        if (resolution.isPresent()) {
            Dimension[] offered = webcam.getViewSizes();
            Dimension wanted = resolution.get().toDimension();
            if (offered == null || Arrays.stream(offered).noneMatch(wanted::equals)) {
                String list = offered == null ? "" : Arrays.stream(offered).map(d -> d.width + "x" + d.height)
                        .collect(Collectors.joining(", "));
                throw new CameraException(CameraProblem.RESOLUTION_UNSUPPORTED, null, resolution.get().toString(), name, list);
            }
            if (webcam.isOpen()) {
                throw new CameraException(CameraProblem.BUSY, null, name);
            }
            webcam.setViewSize(wanted);
        }
        boolean opened;
        try {
            opened = webcam.open(false);
        } catch (WebcamLockException e) {
            throw new CameraException(CameraProblem.BUSY, e, name);
        } catch (RuntimeException e) {
            throw openFailure(name, e);
        } catch (LinkageError e) {
            throw new CameraException(CameraProblem.DRIVER_UNAVAILABLE, e, name, e.toString());
        }
        if (!opened) {
            throw new CameraException(CameraProblem.OPEN_FAILED, null, name, "interrupted or shutting down");
        }
        Dimension size = webcam.getViewSize();
        CameraResolution actual = size != null ? CameraResolution.of(size) : resolution.orElse(null);
        WebcamFrameSource source = new WebcamFrameSource(webcam, actual, timing);
        source.grabber.start();
        return source;
    }

    /** Busy when the driver's reason says so (EBUSY on Linux, "in use" on Windows), else open failed. */
    static CameraException openFailure(String name, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WebcamLockException) {
                return new CameraException(CameraProblem.BUSY, e, name);
            }
            if (t instanceof LinkageError) {
                return new CameraException(CameraProblem.DRIVER_UNAVAILABLE, e, name, t.toString());
            }
            String message = Objects.requireNonNullElse(t.getMessage(), "").toLowerCase(Locale.ROOT);
            if (message.contains("busy") || message.contains("in use") || message.contains("already used")
                    || message.contains("locked")) {
                return new CameraException(CameraProblem.BUSY, e, name);
            }
        }
        return new CameraException(CameraProblem.OPEN_FAILED, e, name, reason(e));
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    private void grab() {
        long seq = 0;
        long noImageSince = 0;
        RuntimeException lastError = null;
        try {
            while (!closed) {
                long started = System.nanoTime();
                BufferedImage image;
                try {
                    image = webcam.getImage();
                } catch (RuntimeException e) {
                    lastError = e;
                    image = null;
                }
                if (closed) {
                    break;
                }
                if (image != null) {
                    noImageSince = 0;
                    seq++;
                    Frame frame = Frame.of(image, name + " #" + seq);
                    synchronized (lock) {
                        latest = frame;
                        latestSeq = seq;
                        lastFrameAtNanos = frame.capturedAtNanos();
                        lock.notifyAll();
                    }
                    pause(started, timing.minFrameInterval().toNanos());
                    continue;
                }
                long now = System.nanoTime();
                if (noImageSince == 0) {
                    noImageSince = now;
                }
                if (!deviceOpen() || now - noImageSince >= timing.lostAfter().toNanos()) {
                    fail(new CameraException(CameraProblem.VANISHED, lastError, name));
                    break;
                }
                pause(now, NULL_RETRY_MILLIS * 1_000_000L);
            }
        } catch (InterruptedException e) {
            if (!closed) {
                fail(new CameraException(CameraProblem.VANISHED, e, name));
            }
        } catch (RuntimeException e) {
            fail(new CameraException(CameraProblem.VANISHED, e, name));
        } finally {
            release();
            synchronized (lock) {
                grabberEnded = true;
                lock.notifyAll();
            }
        }
    }

    private boolean deviceOpen() {
        WebcamDevice device = webcam.getDevice();
        return webcam.isOpen() && device != null && device.isOpen();
    }

    private static void pause(long sinceNanos, long intervalNanos) throws InterruptedException {
        long waitNanos = intervalNanos - (System.nanoTime() - sinceNanos);
        if (waitNanos > 0) {
            Thread.sleep(waitNanos / 1_000_000L, (int) (waitNanos % 1_000_000L));
        }
    }

    private void fail(CameraException problem) {
        LOG.log(System.Logger.Level.WARNING, "camera " + name + ": " + problem.getMessage(), problem.getCause());
        synchronized (lock) {
            if (failure == null) {
                failure = problem;
            }
            lock.notifyAll();
        }
    }

    private void release() {
        try {
            webcam.close();
        } catch (RuntimeException e) {
            // a vanished device often refuses to close; the camera is gone either way, so at least
            // drop the library's cross-process lock, or the next attempt would be reported busy
            LOG.log(System.Logger.Level.WARNING, "camera " + name + " could not be closed cleanly", e);
            webcam.getLock().unlock();
        }
    }

    /**
     * The newest frame not yet taken; waits up to {@link Timing#stallTimeout()} for one.
     *
     * @throws CameraStalledException when no new frame arrived in time (the source stays usable)
     * @throws CameraException        {@link CameraProblem#VANISHED} once when the camera is gone;
     *                                afterwards the source returns empty
     */
    @Override
    public Optional<Frame> next() throws CameraStalledException, InterruptedException {
        long deadline = System.nanoTime() + timing.stallTimeout().toNanos();
        synchronized (lock) {
            while (true) {
                if (failure != null && !failureReported && !closed) {
                    failureReported = true;
                    throw failure;
                }
                if (closed || grabberEnded) {
                    return Optional.empty();
                }
                if (latestSeq > takenSeq) {
                    takenSeq = latestSeq;
                    return Optional.of(latest);
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new CameraStalledException(name, (System.nanoTime() - lastFrameAtNanos) / 1_000_000L);
                }
                lock.wait(remaining / 1_000_000L, (int) (remaining % 1_000_000L));
            }
        }
    }

    /** True when the camera has delivered no new frame for longer than the stall timeout. */
    public boolean isStalled() {
        synchronized (lock) {
            return !grabberEnded && System.nanoTime() - lastFrameAtNanos > timing.stallTimeout().toNanos();
        }
    }

    /** The camera's name as the driver reports it. */
    public String cameraName() {
        return name;
    }

    /** The size the camera was opened at (null when the driver does not say). */
    public CameraResolution resolution() {
        return resolution;
    }

    /** True once the grabber has stopped and the camera was closed (after {@link #close()} or a vanish). */
    public boolean isReleased() {
        synchronized (lock) {
            return grabberEnded;
        }
    }

    /** The problem that ended the source, if any. */
    public Optional<CameraException> failure() {
        synchronized (lock) {
            return Optional.ofNullable(failure);
        }
    }

    @Override
    public String description() {
        return resolution == null ? name : name + " (" + resolution + ")";
    }

    /**
     * Stops grabbing and closes the camera; ends a waiting {@link #next()}. Waits up to one second
     * for the grabber; a driver stuck in a frame releases the camera when it returns.
     */
    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        if (Thread.currentThread() != grabber) {
            try {
                grabber.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (grabber.isAlive()) {
                LOG.log(System.Logger.Level.WARNING, "camera " + name
                        + ": the driver is still busy with a frame; the camera is released when it returns");
            }
        }
    }
}

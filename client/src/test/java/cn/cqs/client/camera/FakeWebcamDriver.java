package cn.cqs.client.camera;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;
import com.github.sarxos.webcam.WebcamException;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A Webcam Capture driver with scripted cameras, for tests: no real camera exists on the build
 * machine. Each {@link FakeCamera} can fail to open, be busy, deliver slowly, or vanish.
 */
final class FakeWebcamDriver implements WebcamDriver {

    private final List<FakeCamera> cameras = new ArrayList<>();
    private final boolean threadSafe;
    volatile long discoveryDelayMillis;

    FakeWebcamDriver(boolean threadSafe) {
        this.threadSafe = threadSafe;
    }

    /** Adds a camera whose name is unique per test run (the library locks cameras by name in the temp folder). */
    FakeCamera add(String name, Supplier<BufferedImage> frames, Dimension... resolutions) {
        FakeCamera camera = new FakeCamera(name + " " + UUID.randomUUID().toString().substring(0, 8), frames, resolutions);
        cameras.add(camera);
        return camera;
    }

    @Override
    public List<WebcamDevice> getDevices() {
        if (discoveryDelayMillis > 0) {
            try {
                Thread.sleep(discoveryDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WebcamException("fake discovery interrupted", e);
            }
        }
        return new ArrayList<>(cameras);
    }

    @Override
    public boolean isThreadSafe() {
        return threadSafe;
    }

    /** One scripted camera. */
    static final class FakeCamera implements WebcamDevice {
        private final String name;
        private final Supplier<BufferedImage> frames;
        private final Dimension[] resolutions;
        private volatile Dimension resolution;
        private volatile boolean open;
        volatile RuntimeException openFailure;
        volatile long frameDelayMillis;
        volatile boolean unplugged;
        volatile boolean silent;
        final AtomicInteger opens = new AtomicInteger();
        final AtomicInteger closes = new AtomicInteger();
        final AtomicInteger images = new AtomicInteger();

        FakeCamera(String name, Supplier<BufferedImage> frames, Dimension... resolutions) {
            this.name = name;
            this.frames = frames;
            this.resolutions = resolutions.clone();
            this.resolution = resolutions[0];
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Dimension[] getResolutions() {
            return resolutions.clone();
        }

        @Override
        public Dimension getResolution() {
            return resolution;
        }

        @Override
        public void setResolution(Dimension size) {
            resolution = size;
        }

        @Override
        public BufferedImage getImage() {
            if (!open || unplugged) {
                return null;
            }
            long delay = frameDelayMillis;
            if (delay > 0) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            if (silent || unplugged) {
                return null;
            }
            images.incrementAndGet();
            return frames.get();
        }

        @Override
        public void open() {
            opens.incrementAndGet();
            RuntimeException failure = openFailure;
            if (failure != null) {
                throw failure;
            }
            open = true;
        }

        /** Like a real unplugged device: the driver reports it closed and gives no image. */
        void unplug() {
            unplugged = true;
            open = false;
        }

        @Override
        public void close() {
            closes.incrementAndGet();
            if (unplugged) {
                throw new WebcamException("fake device " + name + " is gone");
            }
            open = false;
        }

        @Override
        public void dispose() {
            open = false;
        }

        @Override
        public boolean isOpen() {
            return open;
        }
    }
}

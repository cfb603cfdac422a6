package cn.cqs.client.verify;

import cn.cqs.client.camera.CameraChoice;
import cn.cqs.client.camera.CameraException;
import cn.cqs.client.camera.CameraInfo;
import cn.cqs.client.camera.CameraProblem;
import cn.cqs.client.camera.CameraResolution;
import cn.cqs.client.qrimage.Frame;
import cn.cqs.client.qrimage.FrameSource;
import cn.cqs.client.qrimage.SyntheticFrameSource;
import cn.cqs.client.qrimage.UnreadableSourceException;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Cameras for tests, behind the same {@link DeskCameras} the webcams use: each "camera" opens as a
 * live {@link SyntheticFrameSource} the test pushes frames into. A test can take the cameras away,
 * make the next opening fail as a busy camera would, or unplug the open one mid-scan.
 */
final class SyntheticCameras implements DeskCameras {
    static final String NAME = "USB 合成摄像头";
    static final List<CameraResolution> RESOLUTIONS = List.of(new CameraResolution(640, 480),
            new CameraResolution(1280, 720), new CameraResolution(1920, 1080));

    private volatile List<CameraInfo> connected = List.of(new CameraInfo(NAME, RESOLUTIONS));
    private volatile CameraProblem failNextOpen;
    private final AtomicReference<CameraChoice> remembered = new AtomicReference<>();
    private final AtomicReference<SyntheticFrameSource> open = new AtomicReference<>();
    private final AtomicBoolean unplugged = new AtomicBoolean();
    private final List<CameraChoice> opened = new ArrayList<>();

    void connect(boolean yes) {
        connected = yes ? List.of(new CameraInfo(NAME, RESOLUTIONS)) : List.of();
    }

    void failNextOpen(CameraProblem problem) {
        failNextOpen = problem;
    }

    /** Pulls the plug: the open source's next frame fails as a vanished webcam does. */
    void unplug() {
        unplugged.set(true);
    }

    /** The source opened last, to push frames into; empty before the desk started the camera. */
    Optional<SyntheticFrameSource> source() {
        return Optional.ofNullable(open.get());
    }

    void push(BufferedImage frame, String label) {
        source().orElseThrow(() -> new IllegalStateException("no camera open")).push(frame, label);
    }

    synchronized List<CameraChoice> opened() {
        return List.copyOf(opened);
    }

    Optional<CameraChoice> remembered() {
        return Optional.ofNullable(remembered.get());
    }

    @Override
    public CompletableFuture<List<CameraInfo>> discover() {
        return CompletableFuture.supplyAsync(() -> connected);
    }

    @Override
    public CameraChoice choose(List<CameraInfo> cameras) {
        if (cameras.isEmpty()) {
            throw new CameraException(CameraProblem.NO_CAMERA, null);
        }
        CameraChoice r = remembered.get();
        return r != null && cameras.stream().anyMatch(c -> c.name().equals(r.cameraName())) ? r
                : new CameraChoice(cameras.get(0).name(), cameras.get(0).defaultResolution());
    }

    @Override
    public void remember(CameraChoice choice) {
        remembered.set(choice);
    }

    @Override
    public CompletableFuture<? extends FrameSource> open(CameraChoice choice) {
        return CompletableFuture.supplyAsync(() -> {
            CameraProblem failure = failNextOpen;
            failNextOpen = null;
            if (failure != null) {
                throw new CameraException(failure, null, choice.cameraName());
            }
            synchronized (this) {
                opened.add(choice);
            }
            unplugged.set(false);
            SyntheticFrameSource source = SyntheticFrameSource.liveCamera(choice.cameraName());
            open.set(source);
            return new Unpluggable(source, choice.cameraName());
        });
    }

    /** The synthetic source with a plug that {@link #unplug()} pulls. */
    private final class Unpluggable implements FrameSource {
        private final SyntheticFrameSource source;
        private final String name;

        Unpluggable(SyntheticFrameSource source, String name) {
            this.source = source;
            this.name = name;
        }

        @Override
        public Optional<Frame> next() throws UnreadableSourceException, InterruptedException {
            while (true) {
                if (unplugged.get()) {
                    throw new CameraException(CameraProblem.VANISHED, null, name);
                }
                Optional<Frame> frame = source.next();
                if (frame.isEmpty() || !unplugged.get()) {
                    return frame;
                }
            }
        }

        @Override
        public String description() {
            return source.description();
        }

        @Override
        public void close() {
            source.close();
        }
    }
}

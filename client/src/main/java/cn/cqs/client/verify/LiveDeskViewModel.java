package cn.cqs.client.verify;

import cn.cqs.client.camera.CameraChoice;
import cn.cqs.client.camera.CameraException;
import cn.cqs.client.camera.CameraInfo;
import cn.cqs.client.camera.CameraProblem;
import cn.cqs.client.camera.CameraResolution;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.qrimage.DecodedQr;
import cn.cqs.client.qrimage.DeskDecoder;
import cn.cqs.client.qrimage.DeskScan;
import cn.cqs.client.qrimage.DeskScanListener;
import cn.cqs.client.qrimage.DeskScanner;
import cn.cqs.client.qrimage.Frame;
import cn.cqs.client.qrimage.FrameSource;
import cn.cqs.client.qrimage.LumaImage;
import cn.cqs.client.qrimage.QrOutline;
import cn.cqs.client.qrimage.RecentCodes;
import cn.cqs.client.qrimage.UnreadableSourceException;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * The live part of the verify desk (摄像头实时核验): the camera and resolution to use, start and stop,
 * the live preview and the outline of each code read. Frames are decoded continuously off the UI
 * thread by a {@link DeskScanner}; the preview is handed to the UI at most
 * {@value #PREVIEW_FPS} times a second and never queued (a frame arriving while the previous one
 * waits for the UI is skipped). A code not seen lately ({@link RecentCodes}) is confirmed with a
 * beep, its outline is shown for {@link #MARK_DURATION} and it goes to the same verification,
 * comparison and recording as a file ({@link Capture}).
 *
 * <p>Camera trouble (none found, busy, unplugged mid-scan) becomes a message; the files side of the
 * desk keeps working.
 */
public final class LiveDeskViewModel {
    private static final Logger LOG = Logger.getLogger(LiveDeskViewModel.class.getName());
    /** How often the preview is refreshed at most. */
    public static final int PREVIEW_FPS = 15;
    /** How long a code's outline stays on the preview. */
    public static final javafx.util.Duration MARK_DURATION = javafx.util.Duration.millis(1500);
    private static final long PREVIEW_INTERVAL_NANOS = 1_000_000_000L / PREVIEW_FPS;

    /**
     * What the camera read: the frame (for the preview of the result and a refusal's image), the new
     * codes and where they lie.
     */
    public record Capture(String cameraName, BufferedImage frame, List<String> texts, List<QrOutline> outlines) {
        public Capture {
            Objects.requireNonNull(cameraName, "cameraName");
            Objects.requireNonNull(frame, "frame");
            texts = List.copyOf(texts);
            outlines = List.copyOf(outlines);
        }
    }

    /** An outline drawn over the live preview, in frame pixels. */
    public record LiveMark(QrOutline outline, double frameWidth, double frameHeight) {
    }

    private final DeskCameras cameras;
    private final DeskDecoder decoder;
    private final RecentCodes recent;
    private final ConfirmationSound sound;
    private final Executor fx;
    private final Consumer<Capture> onCapture;

    private final ObservableList<CameraInfo> cameraList = FXCollections.observableArrayList();
    private final ObjectProperty<CameraInfo> camera = new SimpleObjectProperty<>();
    private final ObservableList<CameraResolution> resolutions = FXCollections.observableArrayList();
    private final ObjectProperty<CameraResolution> resolution = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper discovering = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper starting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<CameraProblem> problem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Image> preview = new ReadOnlyObjectWrapper<>();
    private final ObservableList<LiveMark> marks = FXCollections.observableArrayList();
    // read-only views kept as fields: a view made per call is held only weakly by its list and its listeners vanish with it
    private final ObservableList<CameraInfo> cameraListView = FXCollections.unmodifiableObservableList(cameraList);
    private final ObservableList<CameraResolution> resolutionsView = FXCollections.unmodifiableObservableList(resolutions);
    private final ObservableList<LiveMark> marksView = FXCollections.unmodifiableObservableList(marks);
    private final ReadOnlyIntegerWrapper confirmations = new ReadOnlyIntegerWrapper(0);
    private final AtomicInteger framesShown = new AtomicInteger();
    private PauseTransition markTimer;

    private DeskScanner scanner;
    private Optional<CameraChoice> pendingChoice = Optional.empty();

    /**
     * @param cameras   where the frames come from (webcams, or synthetic cameras in tests)
     * @param decoder   the desk's pipeline
     * @param recent    which codes were read lately (the same code is not announced again and again)
     * @param sound     the confirmation beep
     * @param fx        runs work on the JavaFX thread ({@code Platform::runLater})
     * @param onCapture receives each capture with new codes, on the JavaFX thread
     */
    public LiveDeskViewModel(DeskCameras cameras, DeskDecoder decoder, RecentCodes recent, ConfirmationSound sound,
                             Executor fx, Consumer<Capture> onCapture) {
        this.cameras = Objects.requireNonNull(cameras, "cameras");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.recent = Objects.requireNonNull(recent, "recent");
        this.sound = Objects.requireNonNull(sound, "sound");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.onCapture = Objects.requireNonNull(onCapture, "onCapture");
        camera.addListener((obs, old, now) -> {
            resolutions.setAll(now == null ? List.of() : now.resolutions());
            CameraResolution wanted = pendingChoice.filter(c -> now != null && c.cameraName().equals(now.name()))
                    .flatMap(CameraChoice::resolution).filter(r -> now.offers(r))
                    .or(() -> now == null ? Optional.empty() : now.defaultResolution()).orElse(null);
            resolution.set(wanted);
        });
    }

    // ------------------------------------------------------------------ actions

    /** Looks for cameras in the background and selects the remembered one (or the first). */
    public void discover() {
        if (discovering.get() || running.get() || starting.get()) {
            return;
        }
        discovering.set(true);
        message.set(Localization.get("verify.camera.discovering"));
        problem.set(null);
        cameras.discover().whenComplete((found, error) -> fx.execute(() -> {
            discovering.set(false);
            if (error != null) {
                fail(error);
                return;
            }
            cameraList.setAll(found);
            if (found.isEmpty()) {
                camera.set(null);
                problem.set(CameraProblem.NO_CAMERA);
                message.set(Localization.get(CameraProblem.NO_CAMERA.messageKey()));
                return;
            }
            CameraChoice choice = cameras.choose(found);
            pendingChoice = Optional.of(choice);
            camera.set(null);
            camera.set(found.stream().filter(c -> c.name().equals(choice.cameraName())).findFirst().orElse(found.get(0)));
            message.set(Localization.get("verify.camera.ready", found.size()));
        }));
    }

    /** Opens the chosen camera and starts reading codes (开始). */
    public void start() {
        CameraInfo chosen = camera.get();
        if (chosen == null || running.get() || starting.get()) {
            return;
        }
        CameraChoice choice = new CameraChoice(chosen.name(), Optional.ofNullable(resolution.get()));
        try {
            cameras.remember(choice);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the camera choice could not be remembered", e);
        }
        starting.set(true);
        problem.set(null);
        message.set(Localization.get("verify.camera.opening", chosen.name()));
        cameras.open(choice).whenComplete((source, error) -> fx.execute(() -> {
            starting.set(false);
            if (error != null) {
                fail(error);
                return;
            }
            begin(chosen.name(), source);
        }));
    }

    /** Stops reading and closes the camera (停止). */
    public void stop() {
        if (scanner != null) {
            scanner.stop();
        }
    }

    /**
     * The camera's latest frame while it runs (for a photo of a delivery without a serial number);
     * empty when no camera is running or it has not delivered a frame yet.
     */
    public Optional<BufferedImage> currentFrame() {
        PreviewTap tap = currentTap;
        if (!running.get() || tap == null) {
            return Optional.empty();
        }
        Frame frame = tap.current();
        return frame == null ? Optional.empty() : Optional.of(frame.image().toBufferedImage());
    }

    private void begin(String cameraName, FrameSource source) {
        PreviewTap tap = new PreviewTap(source);
        currentTap = tap;
        running.set(true);
        message.set(Localization.get("verify.camera.running", cameraName));
        recent.clear();
        scanner = DeskScanner.start(tap, decoder, recent, new DeskScanListener() {
            @Override
            public void onScan(DeskScan scan) {
                List<DecodedQr> fresh = scan.newCodes();
                Frame frame = tap.current();
                if (fresh.isEmpty() || frame == null) {
                    return;
                }
                sound.play();
                List<String> texts = fresh.stream().map(DecodedQr::text).toList();
                List<QrOutline> outlines = texts.stream().map(t -> scan.result().outline(t)).flatMap(Optional::stream)
                        .toList();
                Capture capture = new Capture(cameraName, frame.image().toBufferedImage(), texts, outlines);
                double w = frame.image().width();
                double h = frame.image().height();
                fx.execute(() -> confirm(capture, w, h));
            }

            @Override
            public void onUnreadable(UnreadableSourceException e) {
                fx.execute(() -> message.set(e.getMessage()));
            }

            @Override
            public void onEnd(Throwable failure) {
                fx.execute(() -> ended(cameraName, failure));
            }
        });
    }

    private void confirm(Capture capture, double frameWidth, double frameHeight) {
        confirmations.set(confirmations.get() + 1);
        marks.setAll(capture.outlines().stream().map(o -> new LiveMark(o, frameWidth, frameHeight)).toList());
        if (markTimer == null) {
            markTimer = new PauseTransition(MARK_DURATION);
            markTimer.setOnFinished(e -> marks.clear());
        }
        markTimer.playFromStart();
        onCapture.accept(capture);
    }

    private void ended(String cameraName, Throwable failure) {
        running.set(false);
        scanner = null;
        preview.set(null);
        marks.clear();
        if (failure == null) {
            problem.set(null);
            message.set(Localization.get("verify.camera.stopped", cameraName));
        } else {
            LOG.log(Level.INFO, "the camera stopped", failure);
            fail(failure);
        }
    }

    private void fail(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof CameraException ce) {
            problem.set(ce.problem());
            message.set(ce.getMessage() + "\n" + Localization.get("verify.camera.filesStillWork"));
        } else {
            LOG.log(Level.WARNING, "camera failure", cause);
            problem.set(CameraProblem.OPEN_FAILED);
            message.set(Localization.get("verify.camera.failed", String.valueOf(cause.getMessage())) + "\n"
                    + Localization.get("verify.camera.filesStillWork"));
        }
    }

    /** Closes the camera when the screen goes away. */
    public void close() {
        stop();
    }

    // ------------------------------------------------------------------ preview

    /** Passes frames to the scanner and hands the newest to the preview, throttled, off the UI thread. */
    private volatile PreviewTap currentTap;

    private final class PreviewTap implements FrameSource {
        private final FrameSource source;
        private final AtomicReference<Frame> current = new AtomicReference<>();
        private final AtomicBoolean waitingForUi = new AtomicBoolean();
        private long lastShownNanos;

        PreviewTap(FrameSource source) {
            this.source = source;
        }

        Frame current() {
            return current.get();
        }

        @Override
        public Optional<Frame> next() throws UnreadableSourceException, InterruptedException {
            Optional<Frame> next = source.next();
            next.ifPresent(this::offer);
            return next;
        }

        private void offer(Frame frame) {
            current.set(frame);
            long now = System.nanoTime();
            if (now - lastShownNanos < PREVIEW_INTERVAL_NANOS || !waitingForUi.compareAndSet(false, true)) {
                return;
            }
            lastShownNanos = now;
            Image image = toImage(frame.image());
            fx.execute(() -> {
                waitingForUi.set(false);
                if (running.get()) {
                    preview.set(image);
                    framesShown.incrementAndGet();
                }
            });
        }

        @Override
        public String description() {
            return source.description();
        }

        @Override
        public void close() throws java.io.IOException {
            source.close();
        }
    }

    /** A grey frame as a JavaFX image, built on the decoder's thread. */
    static Image toImage(LumaImage luma) {
        int w = luma.width();
        int h = luma.height();
        byte[] px = luma.pixels();
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            int v = px[i] & 0xFF;
            argb[i] = 0xFF000000 | (v << 16) | (v << 8) | v;
        }
        WritableImage image = new WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return image;
    }

    // ------------------------------------------------------------------ properties

    public ObservableList<CameraInfo> cameras() {
        return cameraListView;
    }

    /** The camera chosen in the list. */
    public ObjectProperty<CameraInfo> cameraProperty() {
        return camera;
    }

    public ObservableList<CameraResolution> resolutions() {
        return resolutionsView;
    }

    /** The resolution chosen for the camera; null for its default. */
    public ObjectProperty<CameraResolution> resolutionProperty() {
        return resolution;
    }

    public ReadOnlyBooleanProperty discoveringProperty() {
        return discovering.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty startingProperty() {
        return starting.getReadOnlyProperty();
    }

    /** Whether the camera is open and codes are being read. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** What the camera is doing, or what is wrong with it, in plain words. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The camera's last problem, null when it works. */
    public ReadOnlyObjectProperty<CameraProblem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The newest frame shown, null when the camera is not running. */
    public ReadOnlyObjectProperty<Image> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** The outlines of the codes just read, shown for {@link #MARK_DURATION}. */
    public ObservableList<LiveMark> marks() {
        return marksView;
    }

    /** How many reads were confirmed (beep, mark, flash): the view flashes the result on each change. */
    public ReadOnlyIntegerProperty confirmationsProperty() {
        return confirmations.getReadOnlyProperty();
    }

    /** How many preview frames reached the screen. */
    public int framesShown() {
        return framesShown.get();
    }

    /** The beep, e.g. to see how often it was asked for. */
    public ConfirmationSound sound() {
        return sound;
    }
}

package cn.cqs.client.camera;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamDriver;
import java.awt.Dimension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The verify desk's camera service (摄像头服务): finds the cameras, opens the chosen one as a
 * {@link WebcamFrameSource}, and remembers the choice.
 *
 * <p>Nothing here blocks the caller: discovery and opening run on their own daemon threads and
 * their futures complete — with the result or with a {@link CameraException} whose message says
 * what is wrong — within the configured timeout, even when the driver hangs. Start-up and the UI
 * thread therefore never wait for a camera. A screen hands the outcome to the UI with
 * {@code Platform.runLater}.
 *
 * <p>The Webcam Capture library keeps its driver in a static field: the service installs its driver
 * ({@link CameraDrivers#forThisPlatform()} by default) once, on its first discovery.
 */
public final class CameraService {

    /** How long discovery may take before the desk says so (and goes on with files). */
    public static final Duration DEFAULT_DISCOVERY_TIMEOUT = Duration.ofSeconds(10);

    /** How long opening a camera may take. */
    public static final Duration DEFAULT_OPEN_TIMEOUT = Duration.ofSeconds(10);

    private final Supplier<? extends WebcamDriver> drivers;
    private final CameraChoiceStore store;
    private final Duration discoveryTimeout;
    private final Duration openTimeout;
    private final WebcamFrameSource.Timing timing;
    private WebcamDriver installed;

    /**
     * @param drivers          creates the driver (called once, off the caller's thread)
     * @param store            where the choice is remembered
     * @param discoveryTimeout the longest a discovery may take
     * @param openTimeout      the longest opening a camera may take
     * @param timing           stall and vanish timing of the opened sources
     */
    public CameraService(Supplier<? extends WebcamDriver> drivers, CameraChoiceStore store, Duration discoveryTimeout,
                         Duration openTimeout, WebcamFrameSource.Timing timing) {
        this.drivers = Objects.requireNonNull(drivers, "drivers");
        this.store = Objects.requireNonNull(store, "store");
        this.discoveryTimeout = positive(discoveryTimeout, "discoveryTimeout");
        this.openTimeout = positive(openTimeout, "openTimeout");
        this.timing = Objects.requireNonNull(timing, "timing");
    }

    /** The service for this computer's driver, remembering the choice in {@code profileDir}. */
    public static CameraService forThisPlatform(Path profileDir) {
        return new CameraService(CameraDrivers::forThisPlatform, new CameraChoiceStore(profileDir),
                DEFAULT_DISCOVERY_TIMEOUT, DEFAULT_OPEN_TIMEOUT, WebcamFrameSource.Timing.DEFAULT);
    }

    /**
     * Lists the connected cameras with their resolutions, in the driver's order; an empty list
     * when there are none (show {@link CameraProblem#NO_CAMERA}). Completes exceptionally with a
     * {@link CameraException} ({@link CameraProblem#DISCOVERY_TIMEOUT},
     * {@link CameraProblem#DISCOVERY_FAILED}, {@link CameraProblem#DRIVER_UNAVAILABLE}) at the
     * latest after the discovery timeout.
     */
    public CompletableFuture<List<CameraInfo>> discover() {
        return runBounded("camera-discovery", discoveryTimeout,
                () -> new CameraException(CameraProblem.DISCOVERY_TIMEOUT, null, seconds(discoveryTimeout)),
                () -> webcams().stream().map(CameraService::info).toList(),
                ignoredLateResult -> { });
    }

    /**
     * Opens the chosen camera at its chosen resolution (or its default one). Completes
     * exceptionally with a {@link CameraException}: {@link CameraProblem#NO_CAMERA},
     * {@link CameraProblem#CAMERA_NOT_FOUND}, {@link CameraProblem#BUSY},
     * {@link CameraProblem#RESOLUTION_UNSUPPORTED}, {@link CameraProblem#OPEN_FAILED},
     * {@link CameraProblem#OPEN_TIMEOUT} (a camera opened after the timeout is closed at once).
     */
    public CompletableFuture<WebcamFrameSource> open(CameraChoice choice) {
        Objects.requireNonNull(choice, "choice");
        Duration total = discoveryTimeout.plus(openTimeout);
        return runBounded("camera-open", total,
                () -> new CameraException(CameraProblem.OPEN_TIMEOUT, null, choice.cameraName(), seconds(total)),
                () -> {
                    List<Webcam> webcams = webcams();
                    if (webcams.isEmpty()) {
                        throw new CameraException(CameraProblem.NO_CAMERA, null);
                    }
                    Webcam webcam = webcams.stream().filter(w -> w.getName().equals(choice.cameraName())).findFirst()
                            .orElseThrow(() -> new CameraException(CameraProblem.CAMERA_NOT_FOUND, null, choice.cameraName()));
                    Optional<CameraResolution> resolution = choice.resolution().or(() -> info(webcam).defaultResolution());
                    return WebcamFrameSource.open(webcam, resolution, timing);
                },
                WebcamFrameSource::close);
    }

    /**
     * The camera to use among {@code cameras}: the remembered one when it is still connected (at its
     * remembered resolution when still offered), else the first at its default resolution.
     *
     * @throws CameraException {@link CameraProblem#NO_CAMERA} when the list is empty
     */
    public CameraChoice choose(List<CameraInfo> cameras) {
        if (cameras.isEmpty()) {
            throw new CameraException(CameraProblem.NO_CAMERA, null);
        }
        Optional<CameraChoice> remembered = remembered();
        for (CameraInfo camera : cameras) {
            if (remembered.isPresent() && camera.name().equals(remembered.get().cameraName())) {
                Optional<CameraResolution> resolution = remembered.get().resolution().filter(camera::offers);
                return new CameraChoice(camera.name(), resolution.or(camera::defaultResolution));
            }
        }
        CameraInfo first = cameras.get(0);
        return new CameraChoice(first.name(), first.defaultResolution());
    }

    /** The remembered choice, if any. */
    public Optional<CameraChoice> remembered() {
        return store.load();
    }

    /** Remembers the choice for the next start. */
    public void remember(CameraChoice choice) {
        store.save(choice);
    }

    private List<Webcam> webcams() {
        try {
            installDriver();
            return Webcam.getWebcams(discoveryTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CameraException(CameraProblem.DISCOVERY_TIMEOUT, e, seconds(discoveryTimeout));
        } catch (CameraException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            Optional<Throwable> linkage = causes(e).filter(t -> t instanceof LinkageError).findFirst();
            if (linkage.isPresent()) {
                throw new CameraException(CameraProblem.DRIVER_UNAVAILABLE, e, driverName(), linkage.get().toString());
            }
            throw new CameraException(CameraProblem.DISCOVERY_FAILED, e, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private synchronized void installDriver() {
        if (installed == null) {
            WebcamDriver driver = drivers.get();
            Webcam.setDriver(driver);
            installed = driver;
        }
    }

    private synchronized String driverName() {
        return installed == null ? CameraDrivers.PROPERTY : installed.getClass().getName();
    }

    private static CameraInfo info(Webcam webcam) {
        Dimension[] sizes = webcam.getViewSizes();
        List<CameraResolution> resolutions = sizes == null ? List.of()
                : Arrays.stream(sizes).filter(Objects::nonNull).map(CameraResolution::of).toList();
        return new CameraInfo(webcam.getName(), resolutions);
    }

    /**
     * Runs {@code work} on a new daemon thread; the returned future completes with its result, or
     * with {@code onTimeout}'s exception after {@code timeout}. A result arriving after the timeout
     * is handed to {@code discardLate} (e.g. to close a camera nobody waits for any more).
     */
    private static <T> CompletableFuture<T> runBounded(String threadName, Duration timeout,
                                                       Supplier<CameraException> onTimeout, Supplier<T> work,
                                                       Consumer<T> discardLate) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            T value;
            try {
                value = work.get();
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
                return;
            }
            if (!result.complete(value)) {
                discardLate.accept(value);
            }
        }, threadName);
        worker.setDaemon(true);
        worker.start();
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> result.completeExceptionally(onTimeout.get()));
        return result;
    }

    private static Stream<Throwable> causes(Throwable e) {
        return Stream.iterate(e, t -> t != null, t -> t.getCause() == t ? null : t.getCause());
    }

    private static String seconds(Duration d) {
        return String.valueOf(d.toMillis() / 1000.0);
    }

    private static Duration positive(Duration d, String field) {
        Objects.requireNonNull(d, field);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(field + ": must be positive, got " + d);
        }
        return d;
    }
}

package cn.cqs.client.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.cqs.client.camera.FakeWebcamDriver.FakeCamera;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.qrimage.DecodedQr;
import cn.cqs.client.qrimage.DeskDecoder;
import cn.cqs.client.qrimage.DeskScan;
import cn.cqs.client.qrimage.DeskScanListener;
import cn.cqs.client.qrimage.DeskScanner;
import cn.cqs.client.qrimage.Frame;
import cn.cqs.client.qrimage.QrCodes;
import cn.cqs.client.qrimage.RecentCodes;
import cn.cqs.client.qrimage.UnreadableSourceException;
import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamException;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webcam adapter against a fake Webcam Capture driver (no real camera on this machine): frames
 * flow into the desk's decoder; opening fails, busy, vanishing and slow cameras give clear
 * messages; a stalled camera resumes.
 */
class WebcamFrameSourceTest {

    static final String CODE = "https://cqs.fjjs.gov.cn/v/CAMERA01";
    static final Dimension VGA = new Dimension(640, 480);
    static final Dimension HD = new Dimension(1280, 720);
    static final WebcamFrameSource.Timing FAST = new WebcamFrameSource.Timing(
            Duration.ofMillis(400), Duration.ofMillis(800), Duration.ofMillis(10));

    @TempDir
    Path profile;

    @BeforeEach
    void english() {
        Localization.setLanguage(AppLanguage.ENGLISH);
    }

    @AfterEach
    void reset() {
        Webcam.resetDriver();
        Localization.setLanguage(AppLanguage.CHINESE);
    }

    static BufferedImage cameraFrameWithCode() {
        BufferedImage frame = new BufferedImage(VGA.width, VGA.height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(205, 200, 190));
        g.fillRect(0, 0, VGA.width, VGA.height);
        g.drawImage(QrCodes.encode(CODE, 5).image(), 160, 80, null);
        g.dispose();
        return frame;
    }

    static BufferedImage grey() {
        BufferedImage frame = new BufferedImage(VGA.width, VGA.height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, VGA.width, VGA.height);
        g.dispose();
        return frame;
    }

    CameraService service(FakeWebcamDriver driver) {
        return new CameraService(() -> driver, new CameraChoiceStore(profile), Duration.ofSeconds(5),
                Duration.ofSeconds(5), FAST);
    }

    static CameraException cameraFailure(java.util.concurrent.CompletableFuture<?> future) {
        Throwable thrown = catchThrowable(() -> future.get(10, TimeUnit.SECONDS));
        assertThat(thrown).isInstanceOf(ExecutionException.class);
        assertThat(thrown.getCause()).isInstanceOf(CameraException.class);
        return (CameraException) thrown.getCause();
    }

    @Test
    void framesFromTheCameraAreDecodedByTheDeskPipeline() throws Exception {
        FakeWebcamDriver driver = new FakeWebcamDriver(false);
        FakeCamera camera = driver.add("Desk Cam", WebcamFrameSourceTest::cameraFrameWithCode, VGA, HD);
        CameraService service = service(driver);

        WebcamFrameSource source = service.open(CameraChoice.of(camera.getName(), CameraResolution.of(VGA)))
                .get(10, TimeUnit.SECONDS);
        assertThat(source.resolution()).isEqualTo(new CameraResolution(640, 480));
        assertThat(camera.getResolution()).isEqualTo(VGA);
        assertThat(source.description()).contains(camera.getName()).contains("640x480");

        List<DeskScan> scans = new CopyOnWriteArrayList<>();
        CountDownLatch threeScans = new CountDownLatch(3);
        AtomicReference<Throwable> endFailure = new AtomicReference<>(new AssertionError("onEnd not called"));
        CountDownLatch ended = new CountDownLatch(1);
        DeskScanner scanner = DeskScanner.start(source, new DeskDecoder(), new RecentCodes(Duration.ofSeconds(30)),
                new DeskScanListener() {
                    @Override
                    public void onScan(DeskScan scan) {
                        scans.add(scan);
                        threeScans.countDown();
                    }

                    @Override
                    public void onEnd(Throwable failure) {
                        endFailure.set(failure);
                        ended.countDown();
                    }
                });
        assertThat(threeScans.await(30, TimeUnit.SECONDS)).isTrue();
        scanner.close();
        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(endFailure.get()).isNull();
        assertThat(scans).allSatisfy(s -> {
            assertThat(s.result().texts()).containsExactly(CODE);
            assertThat(s.frameLabel()).startsWith(camera.getName() + " #");
            assertThat(s.deliveredAtNanos()).isGreaterThanOrEqualTo(s.capturedAtNanos());
        });
        // the same code is announced once, not on every frame
        assertThat(scans.stream().flatMap(s -> s.newCodes().stream()).map(DecodedQr::text)).containsExactly(CODE);
        awaitReleased(source);
        assertThat(camera.isOpen()).isFalse();
        assertThat(camera.closes.get()).isEqualTo(1);
    }

    @Test
    void framesCarryIncreasingCaptureTimesAndOnlyNewFramesAreHandedOut() throws Exception {
        FakeWebcamDriver driver = new FakeWebcamDriver(true);
        FakeCamera camera = driver.add("Timed Cam", WebcamFrameSourceTest::grey, VGA);
        try (WebcamFrameSource source = service(driver).open(new CameraChoice(camera.getName(), Optional.empty()))
                .get(10, TimeUnit.SECONDS)) {
            Frame first = source.next().orElseThrow();
            Frame second = source.next().orElseThrow();
            assertThat(second.capturedAtNanos()).isGreaterThan(first.capturedAtNanos());
            assertThat(second.label()).isNotEqualTo(first.label());
            assertThat(first.image().width()).isEqualTo(640);
        }
    }

    @Test
    void aCameraThatCannotBeOpenedGivesAClearMessage() {
        FakeWebcamDriver driver = new FakeWebcamDriver(false);
        FakeCamera camera = driver.add("Broken Cam", WebcamFrameSourceTest::grey, VGA);
        camera.openFailure = new WebcamException("Cannot start native grabber");

        CameraException e = cameraFailure(service(driver).open(CameraChoice.of(camera.getName(), CameraResolution.of(VGA))));

        assertThat(e.problem()).isEqualTo(CameraProblem.OPEN_FAILED);
        assertThat(e.getMessage()).isEqualTo("The camera \"" + camera.getName()
                + "\" could not be opened: Cannot start native grabber");
        assertThat(camera.opens.get()).isEqualTo(1);
    }

    @Test
    void aCameraBusyInAnotherProgramSaysSo() {
        FakeWebcamDriver driver = new FakeWebcamDriver(false);
        FakeCamera camera = driver.add("Busy Cam", WebcamFrameSourceTest::grey, VGA);
        camera.openFailure = new WebcamException("VIDIOC_STREAMON: Device or resource busy");

        CameraException e = cameraFailure(service(driver).open(CameraChoice.of(camera.getName(), CameraResolution.of(VGA))));

        assertThat(e.problem()).isEqualTo(CameraProblem.BUSY);
        assertThat(e.getMessage()).contains(camera.getName()).contains("in use by another program");
    }

    @Test
    void aCameraLockedByAnotherWebcamCaptureUserIsBusy() throws Exception {
        FakeWebcamDriver driver = new FakeWebcamDriver(true);
        FakeCamera camera = driver.add("Locked Cam", WebcamFrameSourceTest::grey, VGA);
        CameraService service = service(driver);
        service.discover().get(10, TimeUnit.SECONDS);
        Webcam webcam = Webcam.getWebcamByName(camera.getName());
        webcam.getLock().lock(); // what another process of the library does (a lock file in the temp folder)
        try {
            CameraException e = cameraFailure(service.open(CameraChoice.of(camera.getName(), CameraResolution.of(VGA))));
            assertThat(e.problem()).isEqualTo(CameraProblem.BUSY);
            assertThat(camera.opens.get()).isZero();
        } finally {
            webcam.getLock().unlock();
        }
    }

    @Test
    void anUnofferedResolutionIsRefusedWithTheOfferedOnes() {
        FakeWebcamDriver driver = new FakeWebcamDriver(true);
        FakeCamera camera = driver.add("Small Cam", WebcamFrameSourceTest::grey, VGA);

        CameraException e = cameraFailure(service(driver).open(CameraChoice.of(camera.getName(), new CameraResolution(1920, 1080))));

        assertThat(e.problem()).isEqualTo(CameraProblem.RESOLUTION_UNSUPPORTED);
        assertThat(e.getMessage()).contains("1920x1080").contains("640x480").contains(camera.getName());
        assertThat(camera.opens.get()).isZero();
    }

    @Test
    void noCameraAndAnUnpluggedChoiceAreReportedPlainly() {
        FakeWebcamDriver empty = new FakeWebcamDriver(true);
        CameraException none = cameraFailure(service(empty).open(CameraChoice.of("USB Camera", CameraResolution.of(VGA))));
        assertThat(none.problem()).isEqualTo(CameraProblem.NO_CAMERA);
        assertThat(none.getMessage()).startsWith("No camera found.");
        Webcam.resetDriver();

        FakeWebcamDriver other = new FakeWebcamDriver(true);
        other.add("Other Cam", WebcamFrameSourceTest::grey, VGA);
        CameraException gone = cameraFailure(service(other).open(CameraChoice.of("USB Camera", CameraResolution.of(VGA))));
        assertThat(gone.problem()).isEqualTo(CameraProblem.CAMERA_NOT_FOUND);
        assertThat(gone.getMessage()).contains("\"USB Camera\" is not connected");
    }

    @Test
    void aCameraUnpluggedMidStreamEndsTheSourceWithAClearMessage() throws Exception {
        FakeWebcamDriver driver = new FakeWebcamDriver(false);
        FakeCamera camera = driver.add("Unplugged Cam", WebcamFrameSourceTest::grey, VGA);
        WebcamFrameSource source = service(driver).open(CameraChoice.of(camera.getName(), CameraResolution.of(VGA)))
                .get(10, TimeUnit.SECONDS);
        assertThat(source.next()).isPresent();

        camera.unplug();

        CameraException e = nextFailure(source);
        assertThat(e.problem()).isEqualTo(CameraProblem.VANISHED);
        assertThat(e.getMessage()).contains(camera.getName()).contains("unplugged");
        assertThat(source.next()).isEmpty();
        awaitReleased(source);
        assertThat(source.failure()).contains(e);
        // the library's lock is dropped even though the gone device refused to close
        assertThat(Webcam.getWebcamByName(camera.getName()).getLock().isLocked()).isFalse();
        source.close();
    }

    @Test
    void aCameraThatGoesSilentWhileClaimingToBeOpenCountsAsVanishedAfterTheLostTimeout() throws Exception {
        FakeWebcamDriver driver = new FakeWebcamDriver(true);
        FakeCamera camera = driver.add("Silent Cam", WebcamFrameSourceTest::grey, VGA);
        WebcamFrameSource source = service(driver).open(CameraChoice.of(camera.getName(), CameraResolution.of(VGA)))
                .get(10, TimeUnit.SECONDS);
        assertThat(source.next()).isPresent();

        camera.silent = true;
        long start = System.nanoTime();

        CameraException e = nextFailure(source);
        assertThat(e.problem()).isEqualTo(CameraProblem.VANISHED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(FAST.lostAfter().minusMillis(50));
        assertThat(source.next()).isEmpty();
        awaitReleased(source);
        assertThat(camera.isOpen()).isFalse();
    }

    @Test
    void aVanishingCameraEndsTheDeskScannerWithTheMessage() throws Exception {
        FakeWebcamDriver driver = new FakeWebcamDriver(false);
        FakeCamera camera = driver.add("Scanner Cam", WebcamFrameSourceTest::grey, VGA);
        WebcamFrameSource source = service(driver).open(CameraChoice.of(camera.getName(), CameraResolution.of(VGA)))
                .get(10, TimeUnit.SECONDS);
        CountDownLatch firstScan = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        AtomicReference<Throwable> endFailure = new AtomicReference<>();
        DeskScanner scanner = DeskScanner.start(source, new DeskDecoder(), new RecentCodes(), new DeskScanListener() {
            @Override
            public void onScan(DeskScan scan) {
                firstScan.countDown();
            }

            @Override
            public void onEnd(Throwable failure) {
                endFailure.set(failure);
                ended.countDown();
            }
        });
        assertThat(firstScan.await(20, TimeUnit.SECONDS)).isTrue();
        camera.unplug();
        assertThat(scanner.awaitEnd(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ended.await(1, TimeUnit.SECONDS)).isTrue();
        assertThat(endFailure.get()).isInstanceOfSatisfying(CameraException.class,
                e -> assertThat(e.problem()).isEqualTo(CameraProblem.VANISHED));
        awaitReleased(source);
    }

    @Test
    void slowFramesAreReportedAsStalledThenFramesResume() throws Exception {
        FakeWebcamDriver driver = new FakeWebcamDriver(false);
        FakeCamera camera = driver.add("Slow Cam", WebcamFrameSourceTest::grey, VGA);
        try (WebcamFrameSource source = service(driver).open(CameraChoice.of(camera.getName(), CameraResolution.of(VGA)))
                .get(10, TimeUnit.SECONDS)) {
            assertThat(source.next()).isPresent();

            camera.frameDelayMillis = 1500; // longer than the stall timeout, shorter than "lost"
            Throwable stall = null;
            long waitedMillis = 0;
            for (int i = 0; i < 5 && stall == null; i++) { // the frame grabbed before the slowdown may come first
                long start = System.nanoTime();
                stall = catchThrowable(source::next);
                waitedMillis = (System.nanoTime() - start) / 1_000_000;
            }

            assertThat(stall).isInstanceOf(CameraStalledException.class).isInstanceOf(UnreadableSourceException.class);
            assertThat(((CameraStalledException) stall).problem()).isEqualTo(CameraProblem.STALLED);
            assertThat(stall.getMessage()).contains(camera.getName()).contains("no new picture");
            assertThat(waitedMillis).isBetween(FAST.stallTimeout().toMillis() - 50, 1400L);
            assertThat(source.isStalled()).isTrue();

            // the slow frame arrives: the source delivers again; back to normal speed
            Optional<Frame> resumed = nextAfterStalls(source);
            assertThat(resumed).isPresent();
            camera.frameDelayMillis = 0;
            assertThat(nextAfterStalls(source)).isPresent();
            assertThat(source.isStalled()).isFalse();
            assertThat(source.failure()).isEmpty();
        }
        assertThat(camera.closes.get()).isEqualTo(1);
    }

    @Test
    void closeEndsAWaitingNextAndReleasesTheCamera() throws Exception {
        FakeWebcamDriver driver = new FakeWebcamDriver(true);
        FakeCamera camera = driver.add("Closed Cam", WebcamFrameSourceTest::grey, VGA);
        WebcamFrameSource source = service(driver).open(CameraChoice.of(camera.getName(), CameraResolution.of(VGA)))
                .get(10, TimeUnit.SECONDS);
        camera.frameDelayMillis = 300;
        assertThat(source.next()).isPresent(); // drain
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            source.close();
        });
        closer.start();
        Optional<Frame> afterClose = nextAfterStalls(source);
        closer.join(5000);
        // either the frame that was under way or the end; after close the source is empty for good
        if (afterClose.isPresent()) {
            assertThat(source.next()).isEmpty();
        }
        awaitReleased(source);
        assertThat(camera.isOpen()).isFalse();
        assertThat(source.failure()).isEmpty();
    }

    private static CameraException nextFailure(WebcamFrameSource source) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                source.next();
            } catch (CameraException e) {
                return e;
            } catch (CameraStalledException e) {
                // a stall before the camera counts as gone is fine
            }
        }
        throw new AssertionError("the source never reported the vanished camera");
    }

    private static Optional<Frame> nextAfterStalls(WebcamFrameSource source) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            try {
                return source.next();
            } catch (CameraStalledException e) {
                // still slow: ask again, as the desk scanner does
            }
        }
        throw new AssertionError("the source stayed stalled");
    }

    private static void awaitReleased(WebcamFrameSource source) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!source.isReleased() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(source.isReleased()).isTrue();
    }
}

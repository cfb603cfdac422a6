package cn.cqs.client.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.cqs.client.camera.FakeWebcamDriver.FakeCamera;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import com.github.eduramiba.webcamcapture.drivers.NativeDriver;
import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;
import com.github.sarxos.webcam.ds.buildin.WebcamDefaultDriver;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery off the caller's thread with a bound, the remembered choice, and the driver choice. */
class CameraServiceTest {

    static final Dimension VGA = new Dimension(640, 480);
    static final Dimension HD = new Dimension(1280, 720);
    static final Dimension FULL_HD = new Dimension(1920, 1080);

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

    static BufferedImage black() {
        return new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
    }

    CameraService service(WebcamDriver driver, Duration discoveryTimeout) {
        return new CameraService(() -> driver, new CameraChoiceStore(profile), discoveryTimeout, Duration.ofSeconds(5),
                WebcamFrameSource.Timing.DEFAULT);
    }

    @Test
    void discoveryListsTheCamerasWithTheirResolutions() throws Exception {
        FakeWebcamDriver driver = new FakeWebcamDriver(false);
        FakeCamera front = driver.add("Front Cam", CameraServiceTest::black, HD, VGA, FULL_HD);
        FakeCamera document = driver.add("Document Cam", CameraServiceTest::black, VGA);

        List<CameraInfo> cameras = service(driver, Duration.ofSeconds(5)).discover().get(10, TimeUnit.SECONDS);

        assertThat(cameras).extracting(CameraInfo::name).containsExactly(front.getName(), document.getName());
        assertThat(cameras.get(0).resolutions()).containsExactly(
                new CameraResolution(640, 480), new CameraResolution(1280, 720), new CameraResolution(1920, 1080));
        assertThat(cameras.get(0).defaultResolution()).contains(new CameraResolution(1280, 720));
        assertThat(cameras.get(1).resolutions()).containsExactly(new CameraResolution(640, 480));
        assertThat(cameras.get(1).defaultResolution()).contains(new CameraResolution(640, 480));
        assertThat(Webcam.getDriver()).isSameAs(driver);
    }

    @Test
    void noCameraIsAnEmptyListAndChoosingAmongNoneSaysSo() throws Exception {
        CameraService service = service(new FakeWebcamDriver(true), Duration.ofSeconds(5));
        List<CameraInfo> cameras = service.discover().get(10, TimeUnit.SECONDS);
        assertThat(cameras).isEmpty();
        assertThatThrownBy(() -> service.choose(cameras)).isInstanceOfSatisfying(CameraException.class,
                e -> assertThat(e.problem()).isEqualTo(CameraProblem.NO_CAMERA));
    }

    @Test
    void aHangingDriverNeverBlocksTheCallerBeyondTheTimeout() throws Exception {
        FakeWebcamDriver driver = new FakeWebcamDriver(false);
        driver.add("Hanging Cam", CameraServiceTest::black, VGA);
        driver.discoveryDelayMillis = 5_000;
        CameraService service = service(driver, Duration.ofMillis(300));

        long start = System.nanoTime();
        CompletableFuture<List<CameraInfo>> discovery = service.discover();
        long returnedMillis = (System.nanoTime() - start) / 1_000_000;
        Throwable thrown = catchThrowable(() -> discovery.get(10, TimeUnit.SECONDS));
        long failedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(returnedMillis).isLessThan(1_000);
        assertThat(failedMillis).isLessThan(2_000);
        assertThat(thrown).isInstanceOf(ExecutionException.class);
        assertThat(thrown.getCause()).isInstanceOfSatisfying(CameraException.class, e -> {
            assertThat(e.problem()).isEqualTo(CameraProblem.DISCOVERY_TIMEOUT);
            assertThat(e.getMessage()).contains("0.3 s").contains("open files");
        });
    }

    @Test
    void aLibraryStuckInsideItsOwnLockStillTimesOutForTheCaller() throws Exception {
        FakeWebcamDriver driver = new FakeWebcamDriver(true);
        driver.add("Stuck Cam", CameraServiceTest::black, VGA);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Webcam.getWebcams is synchronized on Webcam.class: a driver stuck there stalls every later call
        Thread stuck = new Thread(() -> {
            synchronized (Webcam.class) {
                held.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        stuck.setDaemon(true);
        stuck.start();
        assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();
        try {
            long start = System.nanoTime();
            CompletableFuture<List<CameraInfo>> discovery = service(driver, Duration.ofMillis(300)).discover();
            Throwable thrown = catchThrowable(() -> discovery.get(10, TimeUnit.SECONDS));
            long failedMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(failedMillis).isLessThan(2_000);
            assertThat(thrown.getCause()).isInstanceOfSatisfying(CameraException.class,
                    e -> assertThat(e.problem()).isEqualTo(CameraProblem.DISCOVERY_TIMEOUT));
        } finally {
            release.countDown();
            stuck.join(5_000);
        }
    }

    @Test
    void aDriverThatFailsToLoadIsReportedAsUnavailable() throws Exception {
        WebcamDriver missingNative = new WebcamDriver() {
            @Override
            public List<WebcamDevice> getDevices() {
                throw new UnsatisfiedLinkError("libv4l2.so.0: cannot open shared object file");
            }

            @Override
            public boolean isThreadSafe() {
                return true;
            }
        };
        Throwable thrown = catchThrowable(() -> service(missingNative, Duration.ofSeconds(5)).discover()
                .get(10, TimeUnit.SECONDS));
        assertThat(thrown.getCause()).isInstanceOfSatisfying(CameraException.class, e -> {
            assertThat(e.problem()).isEqualTo(CameraProblem.DRIVER_UNAVAILABLE);
            assertThat(e.getMessage()).contains("libv4l2.so.0").contains("libv4l-0");
        });
    }

    @Test
    void theRememberedChoiceRoundTripsAndIsPreferredWhileConnected() throws Exception {
        CameraChoiceStore store = new CameraChoiceStore(profile);
        assertThat(store.load()).isEmpty();
        CameraChoice choice = CameraChoice.of("HD Pro Webcam C920 (046d:082d)", new CameraResolution(1280, 720));
        store.save(choice);
        assertThat(store.load()).contains(choice);
        assertThat(Files.readString(store.file(), StandardCharsets.UTF_8))
                .contains("webcam.resolution=1280x720");

        FakeWebcamDriver driver = new FakeWebcamDriver(true);
        CameraService service = service(driver, Duration.ofSeconds(5));
        CameraInfo first = new CameraInfo("Integrated Camera",
                List.of(new CameraResolution(640, 480), new CameraResolution(1280, 720)));
        CameraInfo remembered = new CameraInfo("HD Pro Webcam C920 (046d:082d)",
                List.of(new CameraResolution(640, 480), new CameraResolution(1280, 720), new CameraResolution(1920, 1080)));

        assertThat(service.remembered()).contains(choice);
        assertThat(service.choose(List.of(first, remembered))).isEqualTo(choice);
        // the remembered camera is gone: the first one at its default resolution
        assertThat(service.choose(List.of(first))).isEqualTo(CameraChoice.of("Integrated Camera", new CameraResolution(1280, 720)));

        // a newly chosen resolution is remembered; one the camera no longer offers falls back to its default
        service.remember(CameraChoice.of(remembered.name(), new CameraResolution(1920, 1080)));
        assertThat(new CameraChoiceStore(profile).load())
                .contains(CameraChoice.of(remembered.name(), new CameraResolution(1920, 1080)));
        CameraInfo downgraded = new CameraInfo(remembered.name(), List.of(new CameraResolution(640, 480)));
        assertThat(service.choose(List.of(downgraded))).isEqualTo(CameraChoice.of(remembered.name(), new CameraResolution(640, 480)));
    }

    @Test
    void aChoiceWithoutResolutionAndAMalformedFileAreHandled() throws Exception {
        CameraChoiceStore store = new CameraChoiceStore(profile.resolve("new-profile"));
        store.save(new CameraChoice("摄像头 1", Optional.empty()));
        assertThat(store.load()).contains(new CameraChoice("摄像头 1", Optional.empty()));

        Files.writeString(store.file(), "webcam.name=USB Camera\nwebcam.resolution=wide\n", StandardCharsets.UTF_8);
        assertThat(store.load()).contains(new CameraChoice("USB Camera", Optional.empty()));
        Files.writeString(store.file(), "webcam.name=  \n", StandardCharsets.UTF_8);
        assertThat(store.load()).isEmpty();
        assertThatThrownBy(() -> new CameraChoice(" ", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cameraName");
    }

    @Test
    void resolutionsParseAndOrder() {
        assertThat(CameraResolution.parse("1280x720")).contains(new CameraResolution(1280, 720));
        assertThat(CameraResolution.parse(" 640 × 480 ")).contains(new CameraResolution(640, 480));
        assertThat(CameraResolution.parse("0x480")).isEmpty();
        assertThat(CameraResolution.parse("hd")).isEmpty();
        assertThat(CameraResolution.parse(null)).isEmpty();
        assertThat(new CameraResolution(800, 600).compareTo(new CameraResolution(1280, 720))).isNegative();
        assertThatThrownBy(() -> new CameraResolution(-1, 5)).hasMessageContaining("width and height");
        CameraInfo odd = new CameraInfo("Odd", List.of(new CameraResolution(3840, 2160), new CameraResolution(1600, 1200)));
        assertThat(odd.defaultResolution()).contains(new CameraResolution(1600, 1200));
        assertThat(new CameraInfo("Bare", List.of()).defaultResolution()).isEmpty();
    }

    @Test
    void theDriverIsNativeOnWindowsAndMacAndTheLibraryDefaultOnLinuxUnlessOverridden() {
        assertThat(CameraDrivers.defaultFor("Windows 11")).isEqualTo(CameraDrivers.NATIVE);
        assertThat(CameraDrivers.defaultFor("Windows 10")).isEqualTo(CameraDrivers.NATIVE);
        assertThat(CameraDrivers.defaultFor("Mac OS X")).isEqualTo(CameraDrivers.NATIVE);
        assertThat(CameraDrivers.defaultFor("Linux")).isEqualTo(CameraDrivers.DEFAULT);
        assertThat(CameraDrivers.forSetting(null, "Linux")).isInstanceOf(WebcamDefaultDriver.class);
        assertThat(CameraDrivers.forSetting(" ", "Windows 11")).isInstanceOf(NativeDriver.class);
        assertThat(CameraDrivers.forSetting("default", "Windows 11")).isInstanceOf(WebcamDefaultDriver.class);
        assertThat(CameraDrivers.forSetting("native", "Linux")).isInstanceOf(NativeDriver.class);
        assertThat(CameraDrivers.forSetting(NoCamerasDriver.class.getName(), "Linux")).isInstanceOf(NoCamerasDriver.class);
        assertThatThrownBy(() -> CameraDrivers.forSetting("com.example.NoSuchDriver", "Linux"))
                .isInstanceOfSatisfying(CameraException.class, e -> {
                    assertThat(e.problem()).isEqualTo(CameraProblem.DRIVER_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("com.example.NoSuchDriver");
                });
        assertThatThrownBy(() -> CameraDrivers.forSetting(String.class.getName(), "Linux"))
                .isInstanceOfSatisfying(CameraException.class, e -> assertThat(e.getMessage()).contains(CameraDrivers.PROPERTY));

        String before = System.getProperty(CameraDrivers.PROPERTY);
        System.setProperty(CameraDrivers.PROPERTY, NoCamerasDriver.class.getName());
        try {
            assertThat(CameraDrivers.forThisPlatform()).isInstanceOf(NoCamerasDriver.class);
        } finally {
            if (before == null) {
                System.clearProperty(CameraDrivers.PROPERTY);
            } else {
                System.setProperty(CameraDrivers.PROPERTY, before);
            }
        }
    }

    @Test
    void everyCameraProblemHasAMessageInBothLanguages() {
        for (AppLanguage language : AppLanguage.values()) {
            for (CameraProblem problem : CameraProblem.values()) {
                assertThat(Localization.bundle(language).containsKey(problem.messageKey()))
                        .as(language + " " + problem).isTrue();
            }
        }
        Localization.setLanguage(AppLanguage.CHINESE);
        assertThat(new CameraException(CameraProblem.BUSY, null, "USB 摄像头").getMessage())
                .isEqualTo("摄像头“USB 摄像头”正被其他程序或窗口占用。请关闭该程序（视频会议、相机应用等）后重试。");
    }

    /** A driver for the override test: public, with a no-argument constructor. */
    public static final class NoCamerasDriver implements WebcamDriver {
        @Override
        public List<WebcamDevice> getDevices() {
            return List.of();
        }

        @Override
        public boolean isThreadSafe() {
            return true;
        }
    }
}

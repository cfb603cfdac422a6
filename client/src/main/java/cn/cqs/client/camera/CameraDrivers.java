package cn.cqs.client.camera;

import com.github.eduramiba.webcamcapture.drivers.NativeDriver;
import com.github.sarxos.webcam.WebcamDriver;
import com.github.sarxos.webcam.ds.buildin.WebcamDefaultDriver;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.Objects;

/**
 * Chooses the Webcam Capture driver (摄像头驱动) for this computer — the one place that decides it.
 *
 * <ul>
 *   <li>Windows: eduramiba's {@code webcam-capture-driver-native} ({@link NativeDriver}, Media
 *       Foundation through CaptureManager). The library's default BridJ/OpenIMAJ driver is reported
 *       to fail on Windows 10/11 with Java 17 (OpenIMAJGrabber.dll); the native driver's
 *       maintainers document it for Java 17 and the same Webcam API.</li>
 *   <li>macOS: the same native driver (AVFoundation).</li>
 *   <li>Linux and others: the library's default driver ({@link WebcamDefaultDriver}, V4L through
 *       OpenIMAJGrabber); needs the system package {@code libv4l-0}. The native driver lists no
 *       cameras on Linux.</li>
 * </ul>
 *
 * <p>Override with the system property {@value #PROPERTY}: {@code native}, {@code default} (the
 * library's BridJ/OpenIMAJ driver), or the fully qualified name of a class implementing
 * {@link WebcamDriver} with a public no-argument constructor.
 */
public final class CameraDrivers {

    /** System property overriding the driver choice. */
    public static final String PROPERTY = "cqs.camera.driver";

    /** Value of {@link #PROPERTY} for eduramiba's native driver. */
    public static final String NATIVE = "native";

    /** Value of {@link #PROPERTY} for the Webcam Capture library's own BridJ/OpenIMAJ driver. */
    public static final String DEFAULT = "default";

    private CameraDrivers() {
    }

    /** The driver for this computer, honouring {@value #PROPERTY}. */
    public static WebcamDriver forThisPlatform() {
        return forSetting(System.getProperty(PROPERTY), System.getProperty("os.name", ""));
    }

    /**
     * The driver for an override value (null or blank: none) on an operating system named
     * {@code osName} (as {@code os.name} reports it).
     *
     * @throws CameraException {@link CameraProblem#DRIVER_UNAVAILABLE} when the override names a
     *                         class that cannot be created as a {@link WebcamDriver}
     */
    public static WebcamDriver forSetting(String override, String osName) {
        String choice = override == null || override.isBlank() ? defaultFor(osName) : override.trim();
        return switch (choice) {
            case NATIVE -> new NativeDriver();
            case DEFAULT -> new WebcamDefaultDriver();
            default -> instantiate(choice);
        };
    }

    /** {@link #NATIVE} on Windows and macOS, {@link #DEFAULT} elsewhere. */
    public static String defaultFor(String osName) {
        String os = Objects.requireNonNullElse(osName, "").toLowerCase(Locale.ROOT);
        return os.startsWith("windows") || os.contains("mac") || os.contains("darwin") ? NATIVE : DEFAULT;
    }

    private static WebcamDriver instantiate(String className) {
        try {
            Class<?> type = Class.forName(className, true, CameraDrivers.class.getClassLoader());
            if (!WebcamDriver.class.isAssignableFrom(type)) {
                throw new CameraException(CameraProblem.DRIVER_UNAVAILABLE, null, className,
                        "not a " + WebcamDriver.class.getName() + " (" + PROPERTY + ")");
            }
            return (WebcamDriver) type.getConstructor().newInstance();
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                 | InvocationTargetException | LinkageError e) {
            throw new CameraException(CameraProblem.DRIVER_UNAVAILABLE, e, className, e.toString());
        }
    }
}

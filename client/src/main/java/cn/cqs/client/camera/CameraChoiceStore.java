package cn.cqs.client.camera;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Remembers the desk's {@link CameraChoice} as {@code camera.properties} (UTF-8) in the client's
 * profile directory, next to {@code settings.properties} of
 * {@link cn.cqs.client.settings.SettingsStore} (kept apart so that saving one never drops the
 * other). Saving writes a temporary file and moves it into place.
 */
public final class CameraChoiceStore {

    /** File name inside the profile directory. */
    public static final String FILE_NAME = "camera.properties";

    static final String CAMERA_NAME = "webcam.name";
    static final String RESOLUTION = "webcam.resolution";

    private final Path profileDir;

    public CameraChoiceStore(Path profileDir) {
        this.profileDir = Objects.requireNonNull(profileDir, "profileDir");
    }

    public Path file() {
        return profileDir.resolve(FILE_NAME);
    }

    /**
     * The remembered choice; empty when none was saved or the camera name is blank. A malformed
     * resolution is dropped (the camera's default is used).
     *
     * @throws UncheckedIOException if the file exists but cannot be read
     */
    public Optional<CameraChoice> load() {
        Path file = file();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read camera settings file " + file, e);
        }
        String name = p.getProperty(CAMERA_NAME, "").trim();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CameraChoice(name, CameraResolution.parse(p.getProperty(RESOLUTION))));
    }

    /**
     * Saves the choice, creating the profile directory when needed.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public void save(CameraChoice choice) {
        Objects.requireNonNull(choice, "choice");
        Properties p = new Properties();
        p.setProperty(CAMERA_NAME, choice.cameraName());
        p.setProperty(RESOLUTION, choice.resolution().map(CameraResolution::toString).orElse(""));
        try {
            Files.createDirectories(profileDir);
            Path tmp = Files.createTempFile(profileDir, "camera", ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "CQS verify desk camera");
            }
            try {
                Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write camera settings file " + file(), e);
        }
    }
}

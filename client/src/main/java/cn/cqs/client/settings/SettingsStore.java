package cn.cqs.client.settings;

import cn.cqs.client.i18n.AppLanguage;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Loads and saves {@link ClientSettings} as {@code settings.properties} (UTF-8) in the profile
 * directory (default {@code ~/.cqs-client}). Saving writes a temporary file and moves it into
 * place, so a crash never leaves half a settings file.
 */
public final class SettingsStore {
    /** File name inside the profile directory. */
    public static final String FILE_NAME = "settings.properties";

    static final String SERVER_URL = "server.url";
    static final String LAST_USERNAME = "user.lastUsername";
    static final String LANGUAGE = "ui.language";
    static final String CA_CERTIFICATE = "tls.caCertificate";
    static final String PROXY = "http.proxy";
    static final String VERIFY_PLACE = "verify.place";

    private final Path profileDir;

    public SettingsStore(Path profileDir) {
        this.profileDir = profileDir;
    }

    public Path profileDir() {
        return profileDir;
    }

    public Path file() {
        return profileDir.resolve(FILE_NAME);
    }

    /**
     * The saved settings, or {@link ClientSettings#defaults()} when none were saved yet. An unknown
     * language tag falls back to Chinese.
     *
     * @throws UncheckedIOException if the file exists but cannot be read
     */
    public ClientSettings load() {
        Path file = file();
        if (!Files.exists(file)) {
            return ClientSettings.defaults();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read settings file " + file, e);
        }
        return new ClientSettings(
                p.getProperty(SERVER_URL, ""),
                p.getProperty(LAST_USERNAME, ""),
                AppLanguage.fromTag(p.getProperty(LANGUAGE)).orElse(AppLanguage.CHINESE),
                p.getProperty(CA_CERTIFICATE, ""),
                p.getProperty(PROXY, ""),
                p.getProperty(VERIFY_PLACE, ""));
    }

    /**
     * Saves the settings, creating the profile directory when needed.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public void save(ClientSettings settings) {
        Properties p = new Properties();
        p.setProperty(SERVER_URL, settings.serverUrl());
        p.setProperty(LAST_USERNAME, settings.lastUsername());
        p.setProperty(LANGUAGE, settings.language().tag());
        p.setProperty(CA_CERTIFICATE, settings.caCertificatePath());
        p.setProperty(PROXY, settings.proxy());
        p.setProperty(VERIFY_PLACE, settings.verifyPlace());
        try {
            Files.createDirectories(profileDir);
            Path tmp = Files.createTempFile(profileDir, "settings", ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "CQS client settings");
            }
            try {
                Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write settings file " + file(), e);
        }
    }
}

package cn.cqs.client.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Command-line and system-property options of the client (启动参数):
 * {@code --server=<url>} (or {@code -Dcqs.server=<url>}) pre-fills the server address on the login
 * screen; {@code --profile-dir=<dir>} (or {@code -Dcqs.profileDir=<dir>}) chooses the profile
 * directory holding settings and the local database, default {@code ~/.cqs-client}. Command-line
 * options win over system properties.
 *
 * @param serverUrl  the address to pre-fill, as typed (validated by the login screen)
 * @param profileDir the profile directory
 */
public record StartupOptions(Optional<String> serverUrl, Path profileDir) {
    public static final String SERVER_OPTION = "--server=";
    public static final String PROFILE_DIR_OPTION = "--profile-dir=";
    public static final String SERVER_PROPERTY = "cqs.server";
    public static final String PROFILE_DIR_PROPERTY = "cqs.profileDir";

    /**
     * @throws IllegalArgumentException naming the option when an argument is unknown or empty
     */
    public static StartupOptions parse(List<String> args, Properties system) {
        String server = blankToNull(system.getProperty(SERVER_PROPERTY));
        String profile = blankToNull(system.getProperty(PROFILE_DIR_PROPERTY));
        for (String arg : args) {
            if (arg.startsWith(SERVER_OPTION)) {
                server = required(arg, SERVER_OPTION);
            } else if (arg.startsWith(PROFILE_DIR_OPTION)) {
                profile = required(arg, PROFILE_DIR_OPTION);
            } else {
                throw new IllegalArgumentException("unknown option '" + arg + "'; use " + SERVER_OPTION
                        + "<url> and " + PROFILE_DIR_OPTION + "<dir>");
            }
        }
        Path profileDir = profile != null ? Path.of(profile)
                : Path.of(system.getProperty("user.home", "."), ".cqs-client");
        return new StartupOptions(Optional.ofNullable(server), profileDir);
    }

    private static String required(String arg, String option) {
        String value = arg.substring(option.length()).trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("option " + option + " needs a value");
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

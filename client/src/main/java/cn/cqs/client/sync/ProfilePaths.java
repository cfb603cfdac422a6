package cn.cqs.client.sync;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a user's profile database lives: {@code <profilesRoot>/<server-host>[_<port>]/<username>.db}.
 * One file per server and user, so two users sharing a desk, or one user on two servers, never
 * see each other's replica or outbox. Characters a file system might not accept are encoded as
 * {@code ~XXXX} (hex code point); user names are lower-cased because the file systems of Windows
 * and macOS ignore case (the server treats user names case-insensitively as well).
 */
public final class ProfilePaths {
    private ProfilePaths() {
    }

    /** The profile database file for {@code username} on the server at {@code serverUrl}. */
    public static Path databaseFile(Path profilesRoot, URI serverUrl, String username) {
        if (profilesRoot == null) {
            throw new IllegalArgumentException("profilesRoot: required");
        }
        if (serverUrl == null || serverUrl.getHost() == null || serverUrl.getHost().isBlank()) {
            throw new IllegalArgumentException("serverUrl: must be an absolute URL with a host, was " + serverUrl);
        }
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("username: required");
        }
        String host = safeName(serverUrl.getHost().toLowerCase(Locale.ROOT));
        String server = serverUrl.getPort() == -1 ? host : host + "_" + serverUrl.getPort();
        return profilesRoot.resolve(server).resolve(safeName(username.trim().toLowerCase(Locale.ROOT)) + ".db");
    }

    static String safeName(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> {
            boolean plain = (cp < 128 && (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_'
                    || cp == '.')) || (cp >= 128 && Character.isLetterOrDigit(cp));
            if (plain) {
                out.appendCodePoint(cp);
            } else {
                out.append('~').append(String.format(Locale.ROOT, "%04x", cp));
            }
        });
        String name = out.toString();
        // "." and ".." are not file names; a leading dot would hide the file
        return name.startsWith(".") ? "~002e" + name.substring(1) : name;
    }
}

package cn.cqs.client.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The address of a CQS server as the user types it (服务器地址), e.g.
 * {@code https://220.160.52.164:20082} or {@code http://localhost:7070}. Only http and https,
 * a host is required, and no query or fragment. A trailing slash is dropped so paths can be
 * appended.
 */
public final class ServerUrl {
    private ServerUrl() {
    }

    /**
     * Parses and normalises a server address.
     *
     * @throws InvalidServerUrlException naming the reason when the text is not a usable address
     */
    public static URI parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidServerUrlException(InvalidServerUrlException.Reason.EMPTY, text);
        }
        String trimmed = text.trim();
        if (!trimmed.contains("://")) {
            // "220.160.52.164:20082" or "localhost": the most common slip is leaving out the scheme
            throw new InvalidServerUrlException(InvalidServerUrlException.Reason.SCHEME, text);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new InvalidServerUrlException(InvalidServerUrlException.Reason.MALFORMED, text);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new InvalidServerUrlException(InvalidServerUrlException.Reason.SCHEME, text);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidServerUrlException(InvalidServerUrlException.Reason.NO_HOST, text);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new InvalidServerUrlException(InvalidServerUrlException.Reason.MALFORMED, text);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        try {
            return new URI(scheme, null, uri.getHost(), uri.getPort(), path.isEmpty() ? null : path, null, null);
        } catch (URISyntaxException e) {
            throw new InvalidServerUrlException(InvalidServerUrlException.Reason.MALFORMED, text);
        }
    }

    /** The normalised text form of a server address (no trailing slash). */
    public static String format(URI serverUrl) {
        return serverUrl.toString();
    }
}

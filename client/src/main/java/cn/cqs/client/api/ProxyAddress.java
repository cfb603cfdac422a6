package cn.cqs.client.api;

import java.util.Locale;

/**
 * An HTTP proxy written {@code host:port} (代理服务器), e.g. {@code proxy.example.cn:3128}.
 *
 * @param host host name or IP address
 * @param port 1 to 65535
 */
public record ProxyAddress(String host, int port) {

    public ProxyAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("proxy host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy port must be between 1 and 65535, was " + port);
        }
    }

    /**
     * Parses {@code host:port}.
     *
     * @throws IllegalArgumentException naming the reason when the text is not {@code host:port}
     */
    public static ProxyAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("proxy must be written host:port, was empty");
        }
        String trimmed = text.trim();
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw new IllegalArgumentException("proxy must be written host:port, was '" + text + "'");
        }
        String host = trimmed.substring(0, colon).trim();
        String portText = trimmed.substring(colon + 1).trim();
        if (host.contains(" ") || host.contains("/")) {
            throw new IllegalArgumentException("proxy host '" + host + "' is not a host name");
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("proxy port '" + portText + "' is not a number");
        }
        return new ProxyAddress(host.toLowerCase(Locale.ROOT), port);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}

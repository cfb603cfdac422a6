package cn.cqs.client.api;

import java.net.URI;

/**
 * The TLS handshake failed: the server's certificate is not issued by a trusted CA (the JDK's or the
 * configured one) or does not name the host or IP address the client connected to. The client never
 * turns certificate checking off; the user must configure the right CA certificate or address.
 */
public final class UntrustedServerException extends ApiException {
    private final URI serverUrl;

    public UntrustedServerException(URI serverUrl, Throwable cause) {
        super("server " + serverUrl + " presented a certificate that is not trusted: " + cause.getMessage(), cause);
        this.serverUrl = serverUrl;
    }

    public URI serverUrl() {
        return serverUrl;
    }
}

package cn.cqs.client.api;

import java.net.URI;

/**
 * The server could not be reached (无法连接服务器): connection refused, unknown host, timeout, or
 * the connection broke. Distinct from {@link ApiProblemException}, which means the server answered.
 * Work can continue offline; the outbox uploads later.
 */
public final class ServerUnreachableException extends ApiException {
    private final URI serverUrl;

    public ServerUnreachableException(URI serverUrl, Throwable cause) {
        super("server " + serverUrl + " unreachable: " + cause, cause);
        this.serverUrl = serverUrl;
    }

    public URI serverUrl() {
        return serverUrl;
    }
}

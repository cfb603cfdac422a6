package cn.cqs.client.sync;

import java.util.Locale;
import java.util.Set;

/**
 * The request an outbox entry is sent as: HTTP method and path under the server's base URL
 * (e.g. {@code POST /api/v1/reports}).
 */
public record OutboxTarget(String method, String path) {
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    public OutboxTarget {
        if (method == null || !METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("method: must be one of POST, PUT, PATCH, DELETE, was " + method);
        }
        method = method.toUpperCase(Locale.ROOT);
        if (path == null || !path.startsWith("/") || path.contains("://")) {
            throw new IllegalArgumentException("path: must be a server path starting with '/', was " + path);
        }
    }

    public static OutboxTarget post(String path) {
        return new OutboxTarget("POST", path);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}

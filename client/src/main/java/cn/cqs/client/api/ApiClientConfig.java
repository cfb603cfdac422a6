package cn.cqs.client.api;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link ApiClient} talks to one server.
 *
 * @param serverUrl       normalised server address (see {@link ServerUrl})
 * @param connectTimeout  how long to wait for a TCP (and TLS) connection
 * @param responseTimeout how long to wait for the server's answer once connected
 * @param retryPolicy     retries of idempotent requests
 * @param caCertificate   a PEM file whose CA certificates are trusted in addition to the JDK's
 * @param proxy           an HTTP proxy, or empty for a direct connection
 * @param sleeper         waits between retries
 */
public record ApiClientConfig(URI serverUrl, Duration connectTimeout, Duration responseTimeout,
                              RetryPolicy retryPolicy, Optional<Path> caCertificate,
                              Optional<ProxyAddress> proxy, Sleeper sleeper) {

    public ApiClientConfig {
        Objects.requireNonNull(serverUrl, "serverUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        caCertificate = Objects.requireNonNullElse(caCertificate, Optional.empty());
        proxy = Objects.requireNonNullElse(proxy, Optional.empty());
        sleeper = Objects.requireNonNullElse(sleeper, Sleeper.SYSTEM);
    }

    /** Defaults for a server: 5 s to connect, 30 s for an answer, {@link RetryPolicy#standard()}. */
    public static ApiClientConfig of(URI serverUrl) {
        return new ApiClientConfig(serverUrl, Duration.ofSeconds(5), Duration.ofSeconds(30),
                RetryPolicy.standard(), Optional.empty(), Optional.empty(), Sleeper.SYSTEM);
    }

    public ApiClientConfig withTimeouts(Duration connect, Duration response) {
        return new ApiClientConfig(serverUrl, connect, response, retryPolicy, caCertificate, proxy, sleeper);
    }

    public ApiClientConfig withRetryPolicy(RetryPolicy policy) {
        return new ApiClientConfig(serverUrl, connectTimeout, responseTimeout, policy, caCertificate, proxy, sleeper);
    }

    public ApiClientConfig withCaCertificate(Path pem) {
        return new ApiClientConfig(serverUrl, connectTimeout, responseTimeout, retryPolicy,
                Optional.ofNullable(pem), proxy, sleeper);
    }

    public ApiClientConfig withProxy(ProxyAddress address) {
        return new ApiClientConfig(serverUrl, connectTimeout, responseTimeout, retryPolicy, caCertificate,
                Optional.ofNullable(address), sleeper);
    }

    public ApiClientConfig withSleeper(Sleeper s) {
        return new ApiClientConfig(serverUrl, connectTimeout, responseTimeout, retryPolicy, caCertificate, proxy, s);
    }
}

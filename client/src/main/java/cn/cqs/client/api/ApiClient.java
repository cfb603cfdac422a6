package cn.cqs.client.api;

import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.auth.CurrentUser;
import cn.cqs.contract.auth.LoginRequest;
import cn.cqs.contract.auth.LoginResponse;
import cn.cqs.contract.json.Json;
import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.problem.ProblemTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.HttpsSupport;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * The client side of the CQS REST API (接口客户端), on Apache HttpClient 5 (classic) and the
 * contract's Jackson configuration. Thread-safe; one instance per server address, kept for the
 * user's session.
 *
 * <ul>
 *   <li>Every request carries {@link ApiVersion#CLIENT_VERSION_HEADER}; after {@link #login} also
 *       {@code Authorization: Bearer <token>}.</li>
 *   <li>Idempotent requests (GET, HEAD, PUT, DELETE, and POST with an {@value #IDEMPOTENCY_KEY}
 *       header) are retried on connection failures and 502/503/504 with exponential backoff and
 *       jitter, honouring Retry-After; any other POST is sent exactly once.</li>
 *   <li>Errors: {@link ApiProblemException} (the server answered; 401 is
 *       {@link UnauthenticatedException}, 426 {@link ClientTooOldException}),
 *       {@link ServerUnreachableException}, {@link UntrustedServerException}.</li>
 *   <li>TLS trusts the JDK's CAs plus the configured CA; host names and IP addresses are verified
 *       against the certificate's subjectAltName.</li>
 * </ul>
 */
public final class ApiClient implements Closeable {
    /** Header that makes a POST safe to retry: the server stores the key and never repeats the effect. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(502, 503, 504);
    private static final String ACCEPT = "application/json, " + Problem.MEDIA_TYPE;

    private final ApiClientConfig config;
    private final CloseableHttpClient http;
    private final ObjectMapper mapper = Json.newMapper();
    private final ObjectReader problemReader = mapper.readerFor(Problem.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private volatile String token;
    private volatile SessionExpiredListener sessionExpiredListener = cause -> { };

    /**
     * @throws ApiConfigurationException if the configured CA certificate cannot be used
     */
    public ApiClient(ApiClientConfig config) {
        this.config = config;
        var tls = ClientTlsStrategyBuilder.create()
                .setSslContext(TrustStores.sslContext(config.caCertificate()))
                .setHostnameVerifier(HttpsSupport.getDefaultHostnameVerifier())
                .setHostVerificationPolicy(HostnameVerificationPolicy.BOTH)
                .buildClassic();
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(tls)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(config.connectTimeout()))
                        .setSocketTimeout(Timeout.of(config.responseTimeout()))
                        .build())
                .build();
        var builder = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(config.responseTimeout()))
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement();
        config.proxy().ifPresent(p -> builder.setProxy(new HttpHost(p.host(), p.port())));
        this.http = builder.build();
    }

    public URI serverUrl() {
        return config.serverUrl();
    }

    /** Who to tell when a request with a token gets 401. */
    public void setSessionExpiredListener(SessionExpiredListener listener) {
        this.sessionExpiredListener = listener == null ? cause -> { } : listener;
    }

    public boolean isAuthenticated() {
        return token != null;
    }

    // ---------------------------------------------------------------- typed endpoints

    /**
     * {@code POST /api/v1/auth/login}; on success later requests carry the returned token. Never
     * retried (a login is not idempotent).
     */
    public LoginResponse login(LoginRequest request) {
        LoginResponse response = execute("POST", ApiVersion.BASE_PATH + "/auth/login", request,
                type(LoginResponse.class), Map.of(), config.retryPolicy(), false);
        if (response == null || response.token() == null || response.token().isBlank()) {
            throw new InvalidResponseException("login answered without a token", null);
        }
        this.token = response.token();
        return response;
    }

    /** {@code GET /api/v1/auth/me}: the logged-in user as the server sees them now. */
    public CurrentUser me() {
        return get(ApiVersion.BASE_PATH + "/auth/me", CurrentUser.class, Map.of());
    }

    /**
     * {@code POST /api/v1/auth/logout}: revokes the token on the server. The token is forgotten
     * locally whatever the server answers.
     */
    public void logout() {
        try {
            if (token != null) {
                execute("POST", ApiVersion.BASE_PATH + "/auth/logout", null, type(Void.class), Map.of(),
                        config.retryPolicy(), true);
            }
        } finally {
            token = null;
        }
    }

    /**
     * One cheap request without retries to tell whether the server is reachable: {@code GET
     * /api/v1/auth/me} when logged in (which also detects an expired token), otherwise
     * {@code GET /openapi.json}. True when the server answered with anything below 500.
     */
    public boolean probe() {
        String path = token != null ? ApiVersion.BASE_PATH + "/auth/me" : "/openapi.json";
        try {
            execute("GET", path, null, type(Void.class), Map.of(), RetryPolicy.none(), true);
            return true;
        } catch (ServerUnreachableException | UntrustedServerException e) {
            return false;
        } catch (ApiProblemException e) {
            return e.status() < 500;
        }
    }

    // ---------------------------------------------------------------- generic methods

    public <T> T get(String path, Class<T> type, Map<String, String> headers) {
        return execute("GET", path, null, type(type), headers, config.retryPolicy(), true);
    }

    /**
     * The answer to a conditional GET: either {@code notModified} (304, the caller's copy is
     * current) or a fresh {@code body} with the entity tag to send next time (null when the server
     * sent none).
     */
    public record Conditional<T>(boolean notModified, T body, String etag) {
    }

    /**
     * A conditional {@code GET}: sends {@code If-None-Match: etag} when {@code etag} is not null
     * and returns {@link Conditional#notModified()} on 304, otherwise the body and its ETag.
     */
    public <T> Conditional<T> getIfNoneMatch(String path, Class<T> type, String etag) {
        Map<String, String> headers = etag == null ? Map.of() : Map.of(HttpHeaders.IF_NONE_MATCH, etag);
        RawResponse response = exchange("GET", path, null, headers, config.retryPolicy(), true);
        if (response.status() == 304) {
            return new Conditional<>(true, null, response.etag() == null ? etag : response.etag());
        }
        T body = handle("GET", path, response, type(type), response.sentToken());
        if (body == null) {
            throw new InvalidResponseException("GET " + path + " answered " + response.status() + " without a body", null);
        }
        return new Conditional<>(false, body, response.etag());
    }

    /**
     * A GET of a binary resource such as a report's PDF: the body's bytes. Failures are reported as for
     * JSON requests (a problem, unreachable, untrusted).
     *
     * @param mediaType what to accept, e.g. {@code application/pdf}
     */
    public byte[] getBytes(String path, String mediaType) {
        RawResponse response = exchange("GET", path, null,
                Map.of(HttpHeaders.ACCEPT, mediaType + ", " + Problem.MEDIA_TYPE), config.retryPolicy(), true);
        if (response.status() >= 200 && response.status() < 300) {
            return response.body();
        }
        handle("GET", path, response, type(Void.class), response.sentToken());
        throw new InvalidResponseException("GET " + path + " answered " + response.status(), null);
    }

    public <T> T get(String path, TypeReference<T> type, Map<String, String> headers) {
        return execute("GET", path, null, mapper.getTypeFactory().constructType(type), headers,
                config.retryPolicy(), true);
    }

    /**
     * A POST; retried only when {@code headers} carry an {@value #IDEMPOTENCY_KEY}.
     *
     * @param type the response type, {@code Void.class} when the body is ignored
     */
    public <T> T post(String path, Object body, Class<T> type, Map<String, String> headers) {
        return execute("POST", path, body, type(type), headers, config.retryPolicy(), true);
    }

    public <T> T post(String path, Object body, TypeReference<T> type, Map<String, String> headers) {
        return execute("POST", path, body, mapper.getTypeFactory().constructType(type), headers,
                config.retryPolicy(), true);
    }

    public <T> T put(String path, Object body, Class<T> type, Map<String, String> headers) {
        return execute("PUT", path, body, type(type), headers, config.retryPolicy(), true);
    }

    public void delete(String path, Map<String, String> headers) {
        execute("DELETE", path, null, type(Void.class), headers, config.retryPolicy(), true);
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    // ---------------------------------------------------------------- machinery

    /** Whether a request may be sent again without repeating its effect. */
    static boolean isIdempotent(String method, Map<String, String> headers) {
        if (IDEMPOTENT_METHODS.contains(method)) {
            return true;
        }
        return "POST".equals(method) && headers.keySet().stream().anyMatch(IDEMPOTENCY_KEY::equalsIgnoreCase);
    }

    private JavaType type(Class<?> c) {
        return mapper.getTypeFactory().constructType(c);
    }

    private record RawResponse(int status, String reason, String contentType, String retryAfter, String etag,
                               byte[] body, boolean sentToken) {
    }

    private <T> T execute(String method, String path, Object body, JavaType responseType,
                          Map<String, String> headers, RetryPolicy policy, boolean sendToken) {
        RawResponse response = exchange(method, path, body, headers, policy, sendToken);
        return handle(method, path, response, responseType, response.sentToken());
    }

    /** Sends the request, retrying as the policy allows, and returns the final response as it came. */
    private RawResponse exchange(String method, String path, Object body, Map<String, String> headers,
                                 RetryPolicy policy, boolean sendToken) {
        byte[] json = null;
        if (body != null) {
            try {
                json = mapper.writeValueAsBytes(body);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("request body of " + method + " " + path
                        + " cannot be written as JSON: " + e.getOriginalMessage(), e);
            }
        }
        URI uri = URI.create(config.serverUrl() + (path.startsWith("/") ? path : "/" + path));
        Map<String, String> safeHeaders = headers == null ? Map.of() : headers;
        int attempts = isIdempotent(method, safeHeaders) ? policy.maxAttempts() : 1;
        String bearer = sendToken ? token : null;
        for (int attempt = 1; ; attempt++) {
            RawResponse response;
            try {
                response = send(method, uri, json, safeHeaders, bearer);
            } catch (SSLHandshakeException | SSLPeerUnverifiedException e) {
                throw new UntrustedServerException(config.serverUrl(), e);
            } catch (IOException e) {
                if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
                    throw new ServerUnreachableException(config.serverUrl(), e);
                }
                if (attempt >= attempts) {
                    throw new ServerUnreachableException(config.serverUrl(), e);
                }
                pause(policy.backoff(attempt + 1), e);
                continue;
            }
            if (RETRYABLE_STATUSES.contains(response.status()) && attempt < attempts) {
                Duration backoff = policy.backoff(attempt + 1);
                Optional<Duration> retryAfter = retryAfter(response.retryAfter());
                if (retryAfter.isEmpty() || retryAfter.get().compareTo(policy.maxRetryAfter()) <= 0) {
                    Duration wait = retryAfter.filter(r -> r.compareTo(backoff) > 0).orElse(backoff);
                    pause(wait, null);
                    continue;
                }
            }
            return response;
        }
    }

    private void pause(Duration wait, IOException cause) {
        try {
            config.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException(config.serverUrl(), cause != null ? cause : e);
        }
    }

    private RawResponse send(String method, URI uri, byte[] json, Map<String, String> headers, String bearer)
            throws IOException {
        HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
        request.setHeader(ApiVersion.CLIENT_VERSION_HEADER, Integer.toString(ApiVersion.CURRENT));
        request.setHeader(HttpHeaders.ACCEPT, ACCEPT);
        if (bearer != null) {
            request.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        }
        headers.forEach(request::setHeader);
        if (json != null) {
            request.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
        }
        return http.execute(request, (ClassicHttpResponse r) -> {
            byte[] bytes = r.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(r.getEntity());
            Header ct = r.getFirstHeader(HttpHeaders.CONTENT_TYPE);
            Header ra = r.getFirstHeader(HttpHeaders.RETRY_AFTER);
            Header etag = r.getFirstHeader(HttpHeaders.ETAG);
            return new RawResponse(r.getCode(), r.getReasonPhrase(), ct == null ? "" : ct.getValue(),
                    ra == null ? null : ra.getValue(), etag == null ? null : etag.getValue(), bytes, bearer != null);
        });
    }

    /** Retry-After as seconds or an HTTP date; empty when absent or unreadable. */
    static Optional<Duration> retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(Instant.now(), at.toInstant());
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T handle(String method, String path, RawResponse response, JavaType responseType,
                         boolean hadToken) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            if (responseType.getRawClass() == Void.class || response.body().length == 0) {
                return null;
            }
            try {
                return (T) mapper.readValue(response.body(), responseType);
            } catch (IOException e) {
                throw new InvalidResponseException(method + " " + path + " answered " + status
                        + " with a body that is not a " + responseType.getRawClass().getSimpleName()
                        + ": " + e.getMessage(), e);
            }
        }
        Problem problem = problemOf(path, response);
        if (status == 426) {
            throw new ClientTooOldException(problem);
        }
        if (status == 401) {
            UnauthenticatedException e = new UnauthenticatedException(problem);
            if (hadToken) {
                token = null;
                sessionExpiredListener.sessionExpired(e);
            }
            throw e;
        }
        throw new ApiProblemException(problem);
    }

    private Problem problemOf(String path, RawResponse response) {
        String contentType = response.contentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith(Problem.MEDIA_TYPE) && response.body().length > 0) {
            try {
                Problem p = problemReader.readValue(response.body());
                if (p.status() == 0) {
                    return new Problem(p.type(), p.title(), response.status(), p.detail(), p.instance(),
                            p.code(), p.errors());
                }
                return p;
            } catch (IOException e) {
                // fall through: the body is described by the status line below
                return synthetic(path, response, "unreadable problem body: " + e.getMessage());
            }
        }
        String text = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8).strip();
        boolean plain = contentType.startsWith("text/plain") && !text.isEmpty() && text.length() <= 2000;
        return synthetic(path, response, plain ? text : null);
    }

    private static Problem synthetic(String path, RawResponse response, String detail) {
        String code = switch (response.status()) {
            case 401 -> ProblemTypes.UNAUTHENTICATED;
            case 426 -> ProblemTypes.CLIENT_TOO_OLD;
            default -> null;
        };
        return new Problem(code == null ? "about:blank" : ProblemTypes.uri(code), response.reason(),
                response.status(), detail, path, code, null);
    }
}

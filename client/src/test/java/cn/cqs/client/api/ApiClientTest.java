package cn.cqs.client.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.auth.CurrentUser;
import cn.cqs.contract.auth.LoginRequest;
import cn.cqs.contract.auth.LoginResponse;
import cn.cqs.contract.orgs.OrganisationKind;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.orgs.Role;
import cn.cqs.contract.problem.Problem;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiClientTest {
    static final CurrentUser CLERK = new CurrentUser(UUID.randomUUID(), "clerk", "张三", Role.ORDINARY,
            Set.of(Permission.REPORTS_AUTHOR), UUID.randomUUID(), "福州市建设工程检测中心",
            OrganisationKind.TESTING_AGENCY, "350100");

    FakeCqsServer server;
    List<Duration> sleeps = new CopyOnWriteArrayList<>();
    ApiClient client;

    @BeforeEach
    void start() throws IOException {
        server = new FakeCqsServer().withAuth("secret", CLERK);
        client = new ApiClient(config(server.url()));
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    ApiClientConfig config(URI url) {
        return ApiClientConfig.of(url)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withRetryPolicy(new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10)))
                .withSleeper(sleeps::add);
    }

    @Test
    void loginThenSendsVersionHeaderAndBearerToken() {
        LoginResponse response = client.login(new LoginRequest("clerk", "secret"));

        assertThat(response.user()).isEqualTo(CLERK);
        assertThat(client.me()).isEqualTo(CLERK);
        FakeCqsServer.Recorded login = server.requests().get(0);
        FakeCqsServer.Recorded me = server.requests().get(1);
        assertThat(login.header(ApiVersion.CLIENT_VERSION_HEADER)).isEqualTo(String.valueOf(ApiVersion.CURRENT));
        assertThat(login.header("Authorization")).isNull();
        assertThat(me.header(ApiVersion.CLIENT_VERSION_HEADER)).isEqualTo(String.valueOf(ApiVersion.CURRENT));
        assertThat(me.header("Authorization")).isEqualTo("Bearer token-clerk");
    }

    @Test
    void wrongPasswordIsUnauthenticatedWithoutCallingTheSessionListener() {
        AtomicInteger expired = new AtomicInteger();
        client.setSessionExpiredListener(e -> expired.incrementAndGet());

        assertThatThrownBy(() -> client.login(new LoginRequest("clerk", "wrong")))
                .isInstanceOf(UnauthenticatedException.class)
                .satisfies(e -> assertThat(((ApiProblemException) e).code()).isEqualTo("unauthenticated"));
        assertThat(expired).hasValue(0);
        assertThat(server.count("POST", "/api/v1/auth/login")).isEqualTo(1);
    }

    @Test
    void expiredTokenTellsTheSessionListenerAndForgetsTheToken() {
        client.login(new LoginRequest("clerk", "secret"));
        server.route("GET", "/api/v1/auth/me", (ex, rq) -> FakeCqsServer.problem(ex,
                new Problem(null, "Unauthenticated", 401, "token expired", null, "unauthenticated", null)));
        AtomicReference<UnauthenticatedException> told = new AtomicReference<>();
        client.setSessionExpiredListener(told::set);

        assertThatThrownBy(client::me).isInstanceOf(UnauthenticatedException.class);
        assertThat(told.get()).isNotNull();
        assertThat(client.isAuthenticated()).isFalse();
    }

    @Test
    void logoutRevokesAndForgetsTheToken() {
        client.login(new LoginRequest("clerk", "secret"));
        client.logout();

        assertThat(client.isAuthenticated()).isFalse();
        FakeCqsServer.Recorded logout = server.requests().get(server.requests().size() - 1);
        assertThat(logout.path()).isEqualTo("/api/v1/auth/logout");
        assertThat(logout.header("Authorization")).isEqualTo("Bearer token-clerk");
    }

    @Test
    void getIsRetriedOn503And502UntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        server.route("GET", "/api/v1/things", (ex, rq) -> {
            int n = calls.incrementAndGet();
            if (n == 1) {
                FakeCqsServer.text(ex, 503, "busy");
            } else if (n == 2) {
                FakeCqsServer.text(ex, 502, "bad gateway");
            } else {
                FakeCqsServer.json(ex, 200, Map.of("n", n));
            }
        });

        Map<?, ?> result = client.get("/api/v1/things", Map.class, Map.of());

        assertThat(result.get("n")).isEqualTo(3);
        assertThat(calls).hasValue(3);
        assertThat(sleeps).hasSize(2);
        // exponential backoff with jitter: attempt 2 waits 50..100 ms, attempt 3 waits 100..200 ms
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void getGivesUpAfterMaxAttemptsWithTheLastProblem() {
        server.route("GET", "/api/v1/things", (ex, rq) -> FakeCqsServer.text(ex, 504, "gateway timeout"));

        assertThatThrownBy(() -> client.get("/api/v1/things", Map.class, Map.of()))
                .isInstanceOf(ApiProblemException.class)
                .satisfies(e -> assertThat(((ApiProblemException) e).status()).isEqualTo(504));
        assertThat(server.count("GET", "/api/v1/things")).isEqualTo(4);
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void plainPostIsNeverRetried() {
        server.route("POST", "/api/v1/things", (ex, rq) -> FakeCqsServer.text(ex, 503, "busy"));

        assertThatThrownBy(() -> client.post("/api/v1/things", Map.of("a", 1), Map.class, Map.of()))
                .isInstanceOf(ApiProblemException.class);
        assertThat(server.count("POST", "/api/v1/things")).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void postWithIdempotencyKeyIsRetried() {
        AtomicInteger calls = new AtomicInteger();
        server.route("POST", "/api/v1/things", (ex, rq) -> {
            if (calls.incrementAndGet() == 1) {
                FakeCqsServer.text(ex, 503, "busy");
            } else {
                FakeCqsServer.json(ex, 201, Map.of("key", rq.header("Idempotency-Key"), "body", rq.body()));
            }
        });

        Map<?, ?> result = client.post("/api/v1/things", Map.of("a", 1), Map.class,
                Map.of(ApiClient.IDEMPOTENCY_KEY, "k-1"));

        assertThat(result.get("key")).isEqualTo("k-1");
        assertThat(result.get("body")).isEqualTo("{\"a\":1}");
        assertThat(calls).hasValue(2);
    }

    @Test
    void retryAfterLongerThanTheBackoffIsHonoured() {
        AtomicInteger calls = new AtomicInteger();
        server.route("PUT", "/api/v1/things/1", (ex, rq) -> {
            if (calls.incrementAndGet() == 1) {
                ex.getResponseHeaders().set("Retry-After", "3");
                FakeCqsServer.text(ex, 503, "maintenance");
            } else {
                FakeCqsServer.empty(ex, 204);
            }
        });

        client.put("/api/v1/things/1", Map.of("a", 1), Void.class, Map.of());

        assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void retryAfterBeyondTheLimitEndsTheRetries() {
        server.route("GET", "/api/v1/things", (ex, rq) -> {
            ex.getResponseHeaders().set("Retry-After", "3600");
            FakeCqsServer.text(ex, 503, "down for the night");
        });

        assertThatThrownBy(() -> client.get("/api/v1/things", Map.class, Map.of()))
                .isInstanceOf(ApiProblemException.class);
        assertThat(server.count("GET", "/api/v1/things")).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void retryAfterAsHttpDateIsUnderstood() {
        assertThat(ApiClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
        assertThat(ApiClient.retryAfter("120")).contains(Duration.ofSeconds(120));
        assertThat(ApiClient.retryAfter("soon")).isEmpty();
    }

    @Test
    void connectionFailureIsRetriedForGetAndReportedAsUnreachable() throws IOException {
        URI closed = closedPort();
        try (ApiClient offline = new ApiClient(config(closed))) {
            assertThatThrownBy(() -> offline.get("/api/v1/things", Map.class, Map.of()))
                    .isInstanceOf(ServerUnreachableException.class)
                    .satisfies(e -> assertThat(((ServerUnreachableException) e).serverUrl()).isEqualTo(closed));
            assertThat(sleeps).hasSize(3);
        }
    }

    @Test
    void connectionFailureOfPlainPostIsNotRetried() throws IOException {
        try (ApiClient offline = new ApiClient(config(closedPort()))) {
            assertThatThrownBy(() -> offline.login(new LoginRequest("clerk", "secret")))
                    .isInstanceOf(ServerUnreachableException.class);
            assertThat(sleeps).isEmpty();
        }
    }

    @Test
    void slowAnswerTimesOut() throws IOException {
        server.route("GET", "/api/v1/slow", (ex, rq) -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            FakeCqsServer.json(ex, 200, Map.of());
        });
        try (ApiClient impatient = new ApiClient(config(server.url())
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300))
                .withRetryPolicy(RetryPolicy.none()))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> impatient.get("/api/v1/slow", Map.class, Map.of()))
                    .isInstanceOf(ServerUnreachableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        }
    }

    @Test
    void problemJsonIsParsedWithFieldErrorsAndUnknownExtensionMembers() {
        server.route("POST", "/api/v1/things", (ex, rq) -> {
            byte[] body = """
                    {"type":"https://cqs.example.cn/problems/validation","title":"Invalid request","status":422,
                     "detail":"2 fields are invalid","instance":"/api/v1/things","code":"validation",
                     "errors":[{"field":"name","code":"required","message":"must not be empty"},
                               {"field":"specimens[1].failureLoadKn","code":"too_small","message":"must be > 0"}],
                     "traceId":"abc"}""".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/problem+json");
            ex.sendResponseHeaders(422, body.length);
            ex.getResponseBody().write(body);
        });

        assertThatThrownBy(() -> client.post("/api/v1/things", Map.of(), Map.class, Map.of()))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("validation");
                    assertThat(e.problem().detail()).isEqualTo("2 fields are invalid");
                    assertThat(e.fieldErrors()).extracting(Problem.FieldError::field)
                            .containsExactly("name", "specimens[1].failureLoadKn");
                });
    }

    @Test
    void nonProblemErrorBecomesAProblemFromTheStatusLine() {
        server.route("GET", "/api/v1/things", (ex, rq) -> {
            byte[] html = "<html>Forbidden</html>".getBytes();
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(403, html.length);
            ex.getResponseBody().write(html);
        });

        assertThatThrownBy(() -> client.get("/api/v1/things", Map.class, Map.of()))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.code()).isNull();
                    assertThat(e.problem().detail()).isNull();
                });
    }

    @Test
    void clientTooOldCarriesTheServersPlainMessage() {
        server.route("GET", "/api/v1/auth/me", (ex, rq) -> FakeCqsServer.problem(ex, new Problem(
                "https://cqs.example.cn/problems/client-too-old", "Client too old", 426,
                "此客户端版本过旧，请安装 2.0 或更高版本。", "/api/v1/auth/me", "client-too-old", null)));

        assertThatThrownBy(client::me).isInstanceOfSatisfying(ClientTooOldException.class,
                e -> assertThat(e.serverMessage()).isEqualTo("此客户端版本过旧，请安装 2.0 或更高版本。"));
    }

    @Test
    void clientTooOldAsPlainTextStillCarriesTheMessage() {
        server.route("GET", "/api/v1/auth/me", (ex, rq) -> FakeCqsServer.text(ex, 426, "Please upgrade the client."));

        assertThatThrownBy(client::me).isInstanceOfSatisfying(ClientTooOldException.class,
                e -> assertThat(e.serverMessage()).isEqualTo("Please upgrade the client."));
        assertThat(server.count("GET", "/api/v1/auth/me")).isEqualTo(1);
    }

    @Test
    void malformedSuccessBodyIsAnInvalidResponse() {
        server.route("GET", "/api/v1/auth/me", (ex, rq) -> FakeCqsServer.json(ex, 200, Map.of("unexpected", true)));

        assertThatThrownBy(client::me).isInstanceOf(InvalidResponseException.class);
    }

    @Test
    void probeTellsReachableFromUnreachable() throws IOException {
        assertThat(client.probe()).isTrue();
        assertThat(server.requests().get(0).path()).isEqualTo("/openapi.json");
        try (ApiClient offline = new ApiClient(config(closedPort()))) {
            assertThat(offline.probe()).isFalse();
            assertThat(sleeps).isEmpty();
        }
    }

    @Test
    void configuredProxyCarriesTheRequests() throws IOException {
        // The fake server plays the proxy: the client sends it the absolute URL of a host it
        // never resolves itself.
        URI target = URI.create("http://cqs-server.invalid:7070");
        try (ApiClient viaProxy = new ApiClient(config(target)
                .withProxy(new ProxyAddress("127.0.0.1", server.url().getPort())))) {
            assertThat(viaProxy.get("/openapi.json", Map.class, Map.of()).get("openapi")).isEqualTo("3.1.0");
        }
        FakeCqsServer.Recorded seen = server.requests().get(0);
        assertThat(seen.path()).isEqualTo("/openapi.json");
        assertThat(seen.header("Host")).isEqualTo("cqs-server.invalid:7070");
    }

    @Test
    void idempotencyRules() {
        assertThat(ApiClient.isIdempotent("GET", Map.of())).isTrue();
        assertThat(ApiClient.isIdempotent("PUT", Map.of())).isTrue();
        assertThat(ApiClient.isIdempotent("DELETE", Map.of())).isTrue();
        assertThat(ApiClient.isIdempotent("POST", Map.of())).isFalse();
        assertThat(ApiClient.isIdempotent("POST", Map.of("idempotency-key", "x"))).isTrue();
        assertThat(ApiClient.isIdempotent("PATCH", Map.of())).isFalse();
    }

    static URI closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
    }
}

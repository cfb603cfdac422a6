package cn.cqs.server.verify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.problem.ProblemTypes;
import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.ReportUpload;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.app.ServerConfig;
import cn.cqs.server.demo.DemoAccounts;
import cn.cqs.server.http.RateBudget;
import cn.cqs.server.http.TrustedProxies;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.Reports;
import cn.cqs.server.testing.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public verification routes' per-address limits against a real server: small budgets (3
 * verdicts, 2 PDFs, refilling one an hour, so nothing comes back during the test). Behind a trusted
 * proxy (loopback is configured as one) each test is its own client by {@code X-Forwarded-For};
 * a second server without trusted proxies shows the header is ignored there.
 */
class VerifyRateLimitApiTest {
    private static final VerifyRateLimits SMALL = new VerifyRateLimits(new RateBudget(3, Duration.ofHours(1)),
            new RateBudget(2, Duration.ofHours(1)));
    private static CqsServer behindProxy;
    private static CqsServer direct;
    private static Http http;
    private static String token;

    @BeforeAll
    static void setUp() {
        behindProxy = TestServers.start(ServerConfig.forTests().withVerifyRateLimits(SMALL)
                .withTrustedProxies(TrustedProxies.parse("CQS_TRUSTED_PROXIES", "127.0.0.1, ::1")));
        direct = TestServers.start(ServerConfig.forTests().withVerifyRateLimits(SMALL));
        http = new Http(behindProxy);
        String labToken = http.login("lab-admin");
        Http.Response project = http.post("/api/v1/projects", labToken, Map.of("name", "限流测试工程 " + UUID.randomUUID(),
                "regionCode", "350203", "address", "厦门市思明区"));
        UUID projectId = UUID.fromString(project.json().get("id").asText());
        CubeStrengthReport cube = Reports.cube(Reports.newNumber(), projectId, "限流测试工程");
        ReportUpload upload = Reports.upload(Reports.demoCredential(behindProxy, DemoAccounts.Org.LAB), cube);
        Http.Response uploaded = http.post("/api/v1/reports", labToken, upload);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        token = upload.qrToken();
    }

    @AfterAll
    static void tearDown() {
        behindProxy.close();
        direct.close();
    }

    private static Http.Response get(Http client, String path, String forwardedFor, String bearer) {
        Map<String, String> headers = new HashMap<>();
        if (forwardedFor != null) {
            headers.put("X-Forwarded-For", forwardedFor);
        }
        return client.send("GET", path, bearer, null, headers);
    }

    private static Http.Response get(String path, String client) {
        return get(http, path, client, null);
    }

    private static void assertProblem429(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(429);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(r.header("Retry-After"))).isBetween(3590L, 3600L);
        JsonNode problem = r.json();
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("code").asText()).isEqualTo(ProblemTypes.TOO_MANY_REQUESTS);
        assertThat(problem.get("type").asText()).isEqualTo(ProblemTypes.uri(ProblemTypes.TOO_MANY_REQUESTS).toString());
        assertThat(problem.get("detail").asText()).contains("try again in " + r.header("Retry-After") + " seconds");
    }

    private static void assertPage429(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(429);
        assertThat(r.contentType()).startsWith("text/html");
        String seconds = r.header("Retry-After");
        assertThat(Long.parseLong(seconds)).isBetween(3590L, 3600L);
        assertThat(r.body()).contains("请求过于频繁，请 " + seconds + " 秒后再试").contains("<html lang=\"zh-CN\">")
                .doesNotContain("<script");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void verdictsAreServedUpToTheBudgetThenRefusedWithAProblemAndRetryAfter() {
        String client = "203.0.113.1";
        for (int i = 0; i < 3; i++) {
            Http.Response r = get("/api/v1/verify/" + token, client);
            assertThat(r.status()).as("request %d: %s", i + 1, r.body()).isEqualTo(200);
            assertThat(r.json().get("outcome").asText()).isEqualTo("GENUINE_IN_SYSTEM");
        }
        assertProblem429(get("/api/v1/verify/" + token, client));
        // the phone page draws on the same verdict budget
        assertPage429(get("/v/" + token, client));
    }

    @Test
    void thePhonePageAnswersAReadableChinesePage() {
        String client = "203.0.113.2";
        for (int i = 0; i < 3; i++) {
            Http.Response r = get("/v/" + token, client);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains("真实有效");
        }
        Http.Response refused = get("/v/" + token, client);
        assertPage429(refused);
        assertThat(refused.body()).doesNotContain("真实有效");
    }

    @Test
    void pdfsHaveTheirOwnStricterBudget() {
        String client = "203.0.113.3";
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/v1/verify/" + token, client).status()).isEqualTo(200);
        }
        assertThat(get("/api/v1/verify/" + token, client).status()).isEqualTo(429);
        // verdicts used up; PDFs are counted apart
        Http.Response pdf = get("/api/v1/verify/" + token + "/pdf", client);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(get("/v/" + token + "/pdf", client).status()).isEqualTo(200);
        assertProblem429(get("/api/v1/verify/" + token + "/pdf", client));
        assertPage429(get("/v/" + token + "/pdf", client));

        // and the other way round: PDFs used up, verdicts still served
        String other = "203.0.113.4";
        assertThat(get("/api/v1/verify/" + token + "/pdf", other).status()).isEqualTo(200);
        assertThat(get("/api/v1/verify/" + token + "/pdf", other).status()).isEqualTo(200);
        assertThat(get("/api/v1/verify/" + token + "/pdf", other).status()).isEqualTo(429);
        assertThat(get("/api/v1/verify/" + token, other).status()).isEqualTo(200);
    }

    @Test
    void oneAddressFloodingDoesNotBlockAnother() {
        int served = 0;
        for (int i = 0; i < 20; i++) {
            int status = get("/api/v1/verify/" + token, "198.51.100.66").status();
            assertThat(status).isIn(200, 429);
            served += status == 200 ? 1 : 0;
        }
        assertThat(served).isEqualTo(3);
        assertThat(get("/api/v1/verify/" + token, "198.51.100.67").status()).isEqualTo(200);
        // a spoofed left-most entry does not help the flooder: the proxy appended its real address
        assertThat(get("/api/v1/verify/" + token, "198.51.100.99, 198.51.100.66").status()).isEqualTo(429);
        // IPv6 clients count per /64: another address in the same /64 is the same client
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/v1/verify/" + token, "2001:db8:7:7::" + (i + 1)).status()).isEqualTo(200);
        }
        assertThat(get("/api/v1/verify/" + token, "2001:db8:7:7::ff").status()).isEqualTo(429);
        assertThat(get("/api/v1/verify/" + token, "2001:db8:7:8::1").status()).isEqualTo(200);
    }

    @Test
    void signedInCallersAreNotCountedAndBadCredentialsAreCountedNotRefused() {
        String client = "203.0.113.5";
        String desk = http.login("xm-inspector");
        for (int i = 0; i < 10; i++) {
            assertThat(get(http, "/api/v1/verify/" + token, client, desk).status()).isEqualTo(200);
            assertThat(get(http, "/api/v1/verify/" + token + "/pdf", client, desk).status()).isEqualTo(200);
        }
        // the desk's requests took nothing from the address's budget
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/v1/verify/" + token, client).status()).isEqualTo(200);
        }
        assertProblem429(get(http, "/api/v1/verify/" + token, client, "not-a-login-token"));
        assertThat(get(http, "/api/v1/verify/" + token, client, desk).status()).isEqualTo(200);
    }

    @Test
    void anApiKeyWithoutTheVerifyPermissionIsCountedLikeAnyone() {
        String client = "203.0.113.77";
        String plantAdmin = http.login("plant-admin");
        Http.Response key = http.post("/api/v1/auth/api-keys", plantAdmin, Map.of("name", "ERP " + client,
                "permissions", java.util.List.of("BATCHES_REGISTER")));
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        Map<String, String> headers = new HashMap<>();
        headers.put("X-Forwarded-For", client);
        headers.put(cn.cqs.contract.auth.ApiKeyCreated.HEADER, key.json().get("secret").asText());
        for (int i = 0; i < 3; i++) {
            assertThat(http.send("GET", "/api/v1/verify/" + token, null, null, headers).status()).isEqualTo(200);
        }
        assertProblem429(http.send("GET", "/api/v1/verify/" + token, null, null, headers));
    }

    @Test
    void withoutTrustedProxiesForwardedForIsIgnored() {
        Http plain = new Http(direct);
        for (int i = 0; i < 3; i++) {
            Http.Response r = get(plain, "/api/v1/verify/not-a-token", "192.0.2." + (i + 1), null);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        // a new X-Forwarded-For on every request changes nothing: the connection's address is the client
        assertProblem429(get(plain, "/api/v1/verify/not-a-token", "192.0.2.200", null));
        assertPage429(get(plain, "/v/not-a-token", "192.0.2.201", null));
    }
}

package cn.cqs.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.problem.Problem;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.app.ServerConfig;
import cn.cqs.server.demo.DemoAccounts;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthTest {
    private final CqsServer server = TestServers.shared();
    private final Http http = new Http(server);

    @Test
    void loginReturnsATokenThatIdentifiesTheUser() {
        Http.Response r = http.post("/api/v1/auth/login", null, Map.of("username", "lab-clerk", "password", DemoAccounts.PASSWORD));
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("expiresAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(body.at("/user/organisationKind").asText()).isEqualTo("TESTING_AGENCY");
        Http.Response me = http.get("/api/v1/auth/me", body.get("token").asText());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asText()).isEqualTo("lab-clerk");
        assertThat(me.json().get("permissions")).hasSize(2);
        assertThat(me.body()).doesNotContain("password");
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        Http.Response wrong = http.post("/api/v1/auth/login", null, Map.of("username", "lab-reviewer", "password", "Wrong@2026"));
        Http.Response unknown = http.post("/api/v1/auth/login", null, Map.of("username", "nobody-here", "password", "Wrong@2026"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(wrong.json().get("detail")).isEqualTo(unknown.json().get("detail"));
        assertThat(wrong.json().get("code").asText()).isEqualTo("unauthenticated");
    }

    @Test
    void repeatedFailuresForOneNameAreSlowedDown() {
        String name = "throttle-victim";
        for (int i = 0; i < 5; i++) {
            assertThat(http.post("/api/v1/auth/login", null, Map.of("username", name, "password", "x1234567")).status())
                    .isEqualTo(401);
        }
        Http.Response locked = http.post("/api/v1/auth/login", null, Map.of("username", name, "password", "x1234567"));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isNotBlank();
        // other names are not affected
        assertThat(http.post("/api/v1/auth/login", null, Map.of("username", "plant-clerk", "password", DemoAccounts.PASSWORD))
                .status()).isEqualTo(200);
    }

    @Test
    void logoutRevokesTheToken() {
        String token = http.login("plant-clerk");
        assertThat(http.get("/api/v1/auth/me", token).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/auth/logout", token, null).status()).isEqualTo(204);
        Http.Response after = http.get("/api/v1/auth/me", token);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().get("detail").asText()).contains("log in again");
    }

    @Test
    void missingOrGarbageCredentialsAre401() {
        assertThat(http.get("/api/v1/projects", null).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/projects", "garbage").status()).isEqualTo(401);
        assertThat(http.send("GET", "/api/v1/projects", null, null, Map.of("Authorization", "Basic abc")).status())
                .isEqualTo(401);
        assertThat(http.send("GET", "/api/v1/projects", null, null, Map.of("X-Api-Key", "cqs_k_nope")).status())
                .isEqualTo(401);
    }

    @Test
    void tokensExpire() {
        // the server's clock, not the wall clock: a slow login on a loaded machine cannot expire the token early
        cn.cqs.server.testing.MutableClock clock = cn.cqs.server.testing.MutableClock.now();
        try (CqsServer shortLived = TestServers.start(ServerConfig.forTests().withTokenLifetime(Duration.ofSeconds(60)),
                clock)) {
            Http h = new Http(shortLived);
            String token = h.login("lab-clerk");
            clock.advance(Duration.ofSeconds(59));
            assertThat(h.get("/api/v1/auth/me", token).status()).isEqualTo(200);
            clock.advance(Duration.ofSeconds(1));
            assertThat(h.get("/api/v1/auth/me", token).status()).as("expired at exactly its lifetime").isEqualTo(401);
        }
    }

    @Test
    void apiKeyActsForTheOrganisationUntilRevoked() {
        String admin = http.login("conlab-admin");
        Http.Response created = http.post("/api/v1/auth/api-keys", admin,
                Map.of("name", "LIMS 接口", "permissions", List.of("REPORTS_AUTHOR")));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("secret").asText();
        String id = created.json().at("/apiKey/id").asText();
        Map<String, String> keyHeader = Map.of("X-Api-Key", secret);
        Http.Response projects = http.send("GET", "/api/v1/projects", null, null, keyHeader);
        assertThat(projects.status()).isEqualTo(200);
        assertThat(projects.body()).contains("鼓楼区实验小学");
        // the listing never shows the secret
        Http.Response list = http.get("/api/v1/auth/api-keys", admin);
        assertThat(list.body()).contains(id).doesNotContain(secret);
        // a key cannot administer
        assertThat(http.send("GET", "/api/v1/auth/api-keys", null, null, keyHeader).status()).isEqualTo(403);
        assertThat(http.send("DELETE", "/api/v1/auth/api-keys/" + id, admin, null, Map.of()).status()).isEqualTo(204);
        assertThat(http.send("GET", "/api/v1/projects", null, null, keyHeader).status()).isEqualTo(401);
    }

    @Test
    void apiKeyCannotHoldAdministrationOrForeignPermissions() {
        String admin = http.login("conlab-admin");
        Http.Response r = http.post("/api/v1/auth/api-keys", admin,
                Map.of("name", "bad", "permissions", List.of("USERS_ADMIN", "REPORTS_SUPERVISE")));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors")).hasSize(2);
        assertThat(http.post("/api/v1/auth/api-keys", http.login("conlab-clerk"),
                Map.of("name", "x", "permissions", List.of())).status()).isEqualTo(403);
    }

    @Test
    void tooOldClientGets426InPlainWords() {
        Http.Response r = http.send("GET", "/api/v1/auth/me", null, null, Map.of(ApiVersion.CLIENT_VERSION_HEADER, "0"));
        assertThat(r.status()).isEqualTo(426);
        assertThat(r.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(r.json().get("code").asText()).isEqualTo("client-too-old");
        assertThat(r.json().get("detail").asText()).contains("too old").contains("install the latest version");
        Http.Response current = http.send("POST", "/api/v1/auth/login", null,
                Http.bytes(Map.of("username", "lab-clerk", "password", DemoAccounts.PASSWORD)),
                Map.of(ApiVersion.CLIENT_VERSION_HEADER, Integer.toString(ApiVersion.CURRENT)));
        assertThat(current.status()).isEqualTo(200);
    }
}

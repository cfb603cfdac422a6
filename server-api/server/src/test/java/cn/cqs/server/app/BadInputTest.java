package cn.cqs.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.problem.Problem;
import cn.cqs.server.testing.Fixtures;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.TestServers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every documented operation, fed malformed JSON, missing fields, wrong types, an oversized body,
 * the wrong content type and unknown ids, answers with a 4xx problem+json and never a 5xx.
 */
class BadInputTest {
    private static CqsServer server;
    private static Http http;
    private static Fixtures.LabData lab;
    private static List<Fixtures.Operation> operations;
    private static String provinceToken;
    private static Fixtures.PlantData plant;

    @BeforeAll
    static void setUp() {
        server = TestServers.shared();
        http = new Http(server);
        lab = Fixtures.labData(server);
        operations = Fixtures.operations(server);
        provinceToken = http.login("prov-admin");
        plant = Fixtures.plantData(server);
    }

    /**
     * Sends as the lab's administrator to the lab's own records (registering organisations: as the
     * province's administrator; the ready-mix routes: as the demo plant's administrator to the
     * plant's records), so only the input is wrong.
     */
    private Http.Response send(Fixtures.Operation op, String path, byte[] body, String contentType) {
        Map<String, String> headers = new HashMap<>();
        if (op.method().equals("PUT")) {
            String current = http.get(path, lab.labToken()).header("ETag");
            headers.put("If-Match", current == null ? "\"1\"" : current);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        String token = op.path().equals("/api/v1/organisations") ? provinceToken
                : Fixtures.isReadyMixPath(op.path()) ? plant.plantToken() : lab.labToken();
        return http.send(op.method(), path, token, body, headers);
    }

    private static String ownPath(Fixtures.Operation op) {
        if (!op.hasPathParameter()) {
            return op.path();
        }
        return Fixtures.isReadyMixPath(op.path()) ? plant.pathFor(op.path()) : lab.pathFor(op.path());
    }

    private static void assertProblem(SoftAssertions soft, String what, Http.Response r, int... expected) {
        soft.assertThat(r.status()).as("%s: status (body %s)", what, r.body()).isIn(toList(expected));
        soft.assertThat(r.contentType()).as("%s: content type", what).startsWith(Problem.MEDIA_TYPE);
        soft.assertThat(r.body()).as("%s: no internals", what).doesNotContain("Exception").doesNotContain("at cn.");
    }

    private static List<Integer> toList(int[] values) {
        List<Integer> list = new ArrayList<>();
        for (int v : values) {
            list.add(v);
        }
        return list;
    }

    @Test
    void everyBodyTakingOperationRejectsBadBodies() {
        SoftAssertions soft = new SoftAssertions();
        int checked = 0;
        for (Fixtures.Operation op : operations) {
            if (op.requestSchema() == null || op.path().endsWith("/api-keys/{id}")) {
                continue;
            }
            checked++;
            String path = ownPath(op);
            String what = op.method() + " " + op.path();
            Http.Response malformed = send(op, path, Http.bytes("{\"name\": \"unterminated"), null);
            assertProblem(soft, what + " malformed", malformed, 400);
            soft.assertThat(malformed.json().get("code").asText()).as(what).isEqualTo("malformed-request");

            Http.Response notObject = send(op, path, Http.bytes("[1,2,3]"), null);
            assertProblem(soft, what + " array body", notObject, 400);

            Http.Response empty = send(op, path, new byte[0], null);
            assertProblem(soft, what + " empty body", empty, 400);

            Http.Response missing = send(op, path, Http.bytes("{}"), null);
            assertProblem(soft, what + " missing fields", missing, 422);
            soft.assertThat(missing.json().get("errors").size()).as(what + " field errors").isGreaterThan(0);

            String field = Fixtures.firstProperty(server, op.requestSchema());
            Http.Response wrongType = send(op, path, Http.bytes("{\"" + field + "\": {\"nested\": true}}"), null);
            assertProblem(soft, what + " wrong type", wrongType, 400);
            soft.assertThat(wrongType.json().at("/errors/0/field").asText()).as(what + " names the field").isEqualTo(field);

            Http.Response unknown = send(op, path, Http.bytes("{\"surprise\": 1}"), null);
            assertProblem(soft, what + " unknown property", unknown, 400);
            soft.assertThat(unknown.json().get("detail").asText()).as(what).contains("surprise");

            Http.Response plain = send(op, path, Http.bytes("{}"), "text/plain");
            assertProblem(soft, what + " text/plain", plain, 415);

            // the report upload carries a PDF and has its own, larger limit
            boolean post = op.method().equalsIgnoreCase("POST");
            long limit = op.path().equals("/api/v1/reports") && post
                    ? cn.cqs.server.reports.ReportRoutes.MAX_UPLOAD_BODY_BYTES
                    : op.path().equals("/api/v1/refusals") && post
                    ? cn.cqs.server.refusals.RefusalRoutes.MAX_FILE_BODY_BYTES : ServerConfig.DEFAULT_MAX_JSON_BODY;
            byte[] huge = new byte[(int) limit + 10];
            java.util.Arrays.fill(huge, (byte) ' ');
            huge[0] = '{';
            huge[huge.length - 1] = '}';
            Http.Response tooLarge = send(op, path, huge, null);
            assertProblem(soft, what + " oversized", tooLarge, 413);
        }
        soft.assertThat(checked).isGreaterThanOrEqualTo(7);
        soft.assertAll();
    }

    @Test
    void everyRouteWithAnIdAnswersUnknownIdsWith404() {
        SoftAssertions soft = new SoftAssertions();
        for (Fixtures.Operation op : operations) {
            if (!op.hasPathParameter() || op.path().contains("{token}")) {
                // a token is no record id: verification answers every string (see below)
                continue;
            }
            if (isCreateByOwnId(op)) {
                // PUT on the plant's own id registers a new record: an unknown id is no error there
                continue;
            }
            String token = Fixtures.isReadyMixPath(op.path()) ? plant.plantToken() : lab.labToken();
            for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid", "1")) {
                String path = op.path().replaceAll("\\{[^}]+}", id);
                Map<String, String> headers = op.method().equals("PUT") ? Map.of("If-Match", "\"1\"") : Map.of();
                Object body = Fixtures.validBody(op);
                Http.Response r = http.send(op.method(), path, token, body == null ? null : Http.bytes(body), headers);
                assertProblem(soft, op.method() + " " + path, r, 404);
            }
        }
        soft.assertAll();
    }

    private static boolean isCreateByOwnId(Fixtures.Operation op) {
        return op.method().equals("PUT") && List.of("/api/v1/plant/material-lots/{lotId}",
                "/api/v1/plant/mix-designs/{mixDesignId}", "/api/v1/plant/batches/{batchId}").contains(op.path());
    }

    @Test
    void verificationAnswersAnyStringWithAVerdictNeverAnError() {
        SoftAssertions soft = new SoftAssertions();
        for (String junk : List.of(UUID.randomUUID().toString(), "1", "AAAA", "%3Cscript%3E", "a".repeat(3000))) {
            Http.Response json = http.get("/api/v1/verify/" + junk, null);
            soft.assertThat(json.status()).as("verify %s", junk).isEqualTo(200);
            soft.assertThat(json.json().get("outcome").asText()).as("verify %s", junk).isEqualTo("NOT_A_SYSTEM_CODE");
            Http.Response page = http.get("/v/" + junk, null);
            soft.assertThat(page.status()).as("page %s", junk).isEqualTo(200);
            soft.assertThat(page.contentType()).startsWith("text/html");
        }
        Http.Response badCursor = http.get("/api/v1/sync/changes?since=v2:1", lab.labToken());
        soft.assertThat(badCursor.status()).isEqualTo(400);
        soft.assertThat(badCursor.json().at("/errors/0/field").asText()).isEqualTo("since");
        Http.Response badFilter = http.get("/api/v1/reports?late=maybe&from=yesterday&limit=0", lab.labToken());
        soft.assertThat(badFilter.status()).isEqualTo(422);
        soft.assertThat(badFilter.json().get("errors").findValuesAsText("field")).contains("late", "from", "limit");
        soft.assertAll();
    }

    @Test
    void unknownRoutesAndMethodsAreProblems() {
        Http.Response unknown = http.get("/api/v1/nothing-here", lab.labToken());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith(Problem.MEDIA_TYPE);
        Http.Response method = http.send("DELETE", "/api/v1/projects", lab.labToken(), null, Map.of());
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.contentType()).startsWith(Problem.MEDIA_TYPE);
        Http.Response badVersion = http.send("GET", "/api/v1/projects", lab.labToken(), null,
                Map.of("X-Cqs-Client-Version", "abc"));
        assertThat(badVersion.status()).isEqualTo(400);
        Http.Response badLimit = http.get("/api/v1/audit?limit=lots", lab.labToken());
        assertThat(badLimit.status()).isEqualTo(422);
        assertThat(badLimit.json().at("/errors/0/field").asText()).isEqualTo("limit");
    }
}

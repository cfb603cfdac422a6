package cn.cqs.server.app;

import cn.cqs.server.testing.Fixtures;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.TestServers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Walks EVERY documented operation (the list comes from openapi.json, so a new route cannot be
 * forgotten) as users of other organisations, aimed at the Xiamen testing agency's records, and
 * expects 403 or 404 and none of the agency's data.
 */
class TenantIsolationTest {
    private static CqsServer server;
    private static Http http;
    private static Fixtures.LabData lab;
    private static List<Fixtures.Operation> operations;

    @BeforeAll
    static void setUp() {
        // its own server: other tests deliberately link organisations to projects on the shared one
        server = TestServers.start(ServerConfig.forTests());
        http = new Http(server);
        lab = Fixtures.labData(server);
        operations = Fixtures.operations(server);
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"conlab-admin", "conlab-clerk", "plant-admin", "fz-admin", "gl-inspector"})
    void anotherOrganisationNeverReachesTheLabsRecords(String outsider) {
        String token = http.login(outsider);
        SoftAssertions soft = new SoftAssertions();
        int walked = 0;
        // logout last: it ends the outsider's session
        List<Fixtures.Operation> ordered = new java.util.ArrayList<>(operations);
        ordered.sort(java.util.Comparator.comparing(op -> op.path().endsWith("/logout")));
        for (Fixtures.Operation op : ordered) {
            if (op.isPublic() || Fixtures.isReadyMixPath(op.path())) {
                // the ready-mix routes are walked with the plant's records by BatchIsolationTest
                continue;
            }
            walked++;
            String path = op.hasPathParameter() ? lab.pathFor(op.path()) : op.path();
            Object body = op.requestSchema() == null ? null : Fixtures.validBodies().get(op.requestSchema());
            soft.assertThat(op.requestSchema() == null || body != null)
                    .as("valid body fixture for %s", op.requestSchema()).isTrue();
            Map<String, String> headers = new HashMap<>();
            if (op.method().equals("PUT")) {
                headers.put("If-Match", "\"1\"");
            }
            Http.Response r = http.send(op.method(), path, token, body == null ? null : Http.bytes(body), headers);
            String what = outsider + " " + op.method() + " " + path;
            if (op.hasPathParameter()) {
                soft.assertThat(r.status()).as("%s -> %s", what, r.body()).isIn(403, 404);
            } else {
                soft.assertThat(r.status()).as("%s -> %s", what, r.body()).isLessThan(500);
            }
            // a problem's "instance" echoes the caller's own request path: not the lab's data
            String answer = r.body().replaceAll("\"instance\":\"[^\"]*\"", "");
            for (String marker : lab.markers()) {
                soft.assertThat(answer).as("%s leaks %s", what, marker).doesNotContain(marker);
            }
        }
        soft.assertThat(walked).isGreaterThan(15);
        soft.assertAll();
    }
}

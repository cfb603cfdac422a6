package cn.cqs.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.demo.DemoAccounts;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.Reports;
import cn.cqs.server.testing.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/reports/by-number/{reportNumber}}: found by its own lab only, by token or API key. */
class ReportByNumberTest {
    private static Http http;
    private static String labToken;
    private static String number;
    private static String id;

    @BeforeAll
    static void setUp() {
        CqsServer server = TestServers.shared();
        http = new Http(server);
        labToken = http.login("lab-admin");
        UUID projectId = null;
        String projectName = "翔安区保障性住房二期工程";
        for (JsonNode p : http.get("/api/v1/projects", labToken).json()) {
            if (p.get("name").asText().equals(projectName)) {
                projectId = UUID.fromString(p.get("id").asText());
            }
        }
        assertThat(projectId).isNotNull();
        OrganisationCredential lab = Reports.demoCredential(server, DemoAccounts.Org.LAB);
        CubeStrengthReport cube = Reports.cube(Reports.newNumber(), projectId, projectName);
        Http.Response created = http.post("/api/v1/reports", labToken, Reports.upload(lab, cube));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        number = cube.reportNumber();
        id = created.json().get("id").asText();
    }

    private static String path(String reportNumber) {
        return "/api/v1/reports/by-number/" + reportNumber;
    }

    @Test
    void theIssuingLabFindsItsReportByItsOwnNumber() {
        Http.Response r = http.get(path(number), labToken);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("ETag")).isEqualTo("\"1\"");
        assertThat(r.json().get("id").asText()).isEqualTo(id);
        assertThat(r.json().get("status").asText()).isEqualTo("VALID");
        assertThat(r.json()).isEqualTo(http.get("/api/v1/reports/" + id, labToken).json());
    }

    @Test
    void anApiKeyOfTheLabFindsItToo() {
        String admin = http.login("lab-admin");
        Http.Response key = http.post("/api/v1/auth/api-keys", admin, Map.of("name", "status reader " + UUID.randomUUID(),
                "permissions", List.of("REPORTS_AUTHOR")));
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        Http.Response r = http.send("GET", path(number), null, null, Map.of("X-Api-Key", key.json().get("secret").asText()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("reportNumber").asText()).isEqualTo(number);
    }

    @Test
    void otherOrganisationsAndRegulatorsNeverFindIt() {
        for (String outsider : List.of("conlab-admin", "plant-admin", "xm-inspector", "prov-inspector")) {
            Http.Response r = http.get(path(number), http.login(outsider));
            assertThat(r.status()).as(outsider).isEqualTo(404);
            assertThat(r.body()).as(outsider).doesNotContain(id).doesNotContain("翔安区");
        }
    }

    @Test
    void unknownOrMalformedNumbersAre404ProblemsAndAnonymousCallersAre401() {
        for (String bad : List.of("2026-NOSUCH-999999", "not-a-number", "2026-hnt-000001", "2026-HNT-1",
                "%E6%8A%A5%E5%91%8A", "2026-HNT-000001%27%20or%201%3D1")) {
            Http.Response r = http.get(path(bad), labToken);
            assertThat(r.status()).as(bad).isEqualTo(404);
            assertThat(r.contentType()).as(bad).startsWith("application/problem+json");
        }
        assertThat(http.get(path(number), null).status()).isEqualTo(401);
    }
}

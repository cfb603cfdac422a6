package cn.cqs.server.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.ReportPrintRequest;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.demo.DemoAccounts;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.Reports;
import cn.cqs.server.testing.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 打印记录 against a real server: a print is recorded once per Idempotency-Key with the caller as the
 * printing user, listed to the issuing lab and the regulators of the report's jurisdiction (404 for
 * anyone else, like the report), validated field by field, audited and append-only.
 */
class ReportPrintTest {
    private static CqsServer server;
    private static Http http;
    private static String labAdmin;
    private static String labClerk;
    private static UUID projectId;
    private static final String PROJECT = "翔安区保障性住房二期工程";

    @BeforeAll
    static void setUp() {
        server = TestServers.shared();
        http = new Http(server);
        labAdmin = http.login("lab-admin");
        labClerk = http.login("lab-clerk");
        for (JsonNode p : http.get("/api/v1/projects", labAdmin).json()) {
            if (p.get("name").asText().equals(PROJECT)) {
                projectId = UUID.fromString(p.get("id").asText());
            }
        }
        assertThat(projectId).as("demo project visible to the lab").isNotNull();
    }

    private static String uploadReport() {
        CubeStrengthReport cube = Reports.cube(Reports.newNumber(), projectId, PROJECT);
        Http.Response r = http.post("/api/v1/reports", labAdmin,
                Reports.upload(Reports.demoCredential(server, DemoAccounts.Org.LAB), cube));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private static Http.Response print(String reportId, String token, Object body, String key) {
        return http.send("POST", "/api/v1/reports/" + reportId + "/prints", token, Http.bytes(body),
                key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    @Test
    void aPrintIsRecordedOncePerIdempotencyKeyWithTheCallerAsPrinter() {
        String id = uploadReport();
        Instant printedAt = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        ReportPrintRequest body = new ReportPrintRequest(2, "HP LaserJet 检测室", printedAt);
        String key = UUID.randomUUID().toString();
        Http.Response first = print(id, labClerk, body, key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode p = first.json();
        assertThat(p.get("reportId").asText()).isEqualTo(id);
        assertThat(p.get("copies").asInt()).isEqualTo(2);
        assertThat(p.get("printerName").asText()).isEqualTo("HP LaserJet 检测室");
        assertThat(Instant.parse(p.get("printedAt").asText())).isEqualTo(printedAt);
        assertThat(Instant.parse(p.get("recordedAt").asText())).isAfter(printedAt);
        assertThat(p.get("printedBy").asText()).isEqualTo("张检测");
        assertThat(p.get("organisationName").asText()).isEqualTo(DemoAccounts.Org.LAB.displayName);
        assertThat(first.header("Location")).endsWith("/api/v1/reports/" + id + "/prints/" + p.get("id").asText());

        Http.Response again = print(id, labClerk, body, key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id").asText()).isEqualTo(p.get("id").asText());

        Http.Response reused = print(id, labClerk, new ReportPrintRequest(3, "HP LaserJet 检测室", printedAt), key);
        assertThat(reused.status()).as("a key reused for another print").isEqualTo(422);

        JsonNode list = http.get("/api/v1/reports/" + id + "/prints", labAdmin).json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asText()).isEqualTo(p.get("id").asText());
    }

    @Test
    void theLabAndTheRegulatorsOfTheJurisdictionSeeAndRecordPrintsOthersGet404() {
        String id = uploadReport();
        ReportPrintRequest body = new ReportPrintRequest(1, "监督站打印机", Instant.now());
        assertThat(print(id, labAdmin, body, null).status()).isEqualTo(201);
        Http.Response byRegulator = print(id, http.login("xm-inspector"), body, UUID.randomUUID().toString());
        assertThat(byRegulator.status()).as(byRegulator.body()).isEqualTo(201);
        assertThat(byRegulator.json().get("printedBy").asText()).isEqualTo("许监督");
        assertThat(byRegulator.json().get("organisationName").asText()).isEqualTo(DemoAccounts.Org.XIAMEN.displayName);

        JsonNode seenByLab = http.get("/api/v1/reports/" + id + "/prints", labClerk).json();
        assertThat(seenByLab.findValuesAsText("printedBy")).containsExactly("杨主任", "许监督");
        assertThat(http.get("/api/v1/reports/" + id + "/prints", http.login("prov-inspector")).json()).hasSize(2);

        for (String outsider : new String[] {"plant-admin", "conlab-clerk", "fz-inspector", "gl-admin"}) {
            String token = http.login(outsider);
            assertThat(http.get("/api/v1/reports/" + id + "/prints", token).status()).as(outsider).isEqualTo(404);
            assertThat(print(id, token, body, null).status()).as(outsider).isEqualTo(404);
        }
        assertThat(http.get("/api/v1/reports/" + id + "/prints", null).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/reports/" + UUID.randomUUID() + "/prints", labAdmin).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/reports/" + id + "/prints", labAdmin).json()).hasSize(2);
    }

    @Test
    void badPrintsAreRefusedNamingTheField() {
        String id = uploadReport();
        assertFieldError(print(id, labClerk, new ReportPrintRequest(0, "P", Instant.now()), null), "copies", "out_of_range");
        assertFieldError(print(id, labClerk, new ReportPrintRequest(100, "P", Instant.now()), null), "copies", "out_of_range");
        assertFieldError(print(id, labClerk, new ReportPrintRequest(1, " ", Instant.now()), null), "printerName", "required");
        assertFieldError(print(id, labClerk, new ReportPrintRequest(1, "P".repeat(201), Instant.now()), null),
                "printerName", "too_long");
        assertFieldError(print(id, labClerk, new ReportPrintRequest(1, "P", null), null), "printedAt", "required");
        assertFieldError(print(id, labClerk, new ReportPrintRequest(1, "P", Instant.now().plus(3, ChronoUnit.DAYS)), null),
                "printedAt", "in_future");
        assertThat(http.get("/api/v1/reports/" + id + "/prints", labAdmin).json()).isEmpty();
    }

    private static void assertFieldError(Http.Response r, String field, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").findValuesAsText("field")).as(r.body()).containsExactly(field);
        assertThat(r.json().get("errors").findValuesAsText("code")).as(r.body()).containsExactly(code);
    }

    @Test
    void aPrintIsAuditedAndTheRecordCannotBeChanged() {
        String id = uploadReport();
        Http.Response p = print(id, labClerk, new ReportPrintRequest(1, "P1", Instant.now()), null);
        assertThat(p.status()).isEqualTo(201);
        JsonNode audit = http.get("/api/v1/audit?limit=50", labAdmin).json();
        boolean found = false;
        for (JsonNode e : audit) {
            if (e.get("action").asText().equals("report.print") && e.get("entityId").asText().equals(id)) {
                found = true;
                assertThat(e.at("/after/printerName").asText()).isEqualTo("P1");
            }
        }
        assertThat(found).as("audit entry report.print for %s in %s", id, audit).isTrue();
        assertThatThrownBy(() -> server.jdbi().useHandle(h -> h.execute(
                "update report_print set copies = 5 where report_id = cast(? as uuid)", id)))
                .hasMessageContaining("append-only");
    }
}

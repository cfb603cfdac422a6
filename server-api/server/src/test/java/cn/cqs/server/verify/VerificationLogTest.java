package cn.cqs.server.verify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportUpload;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.demo.DemoAccounts;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.Reports;
import cn.cqs.server.testing.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The verification log (核验记录) against a real server: the server derives the claims and its own
 * verdict from the scanned text, whatever the desk says; who, where and when are stored; the list
 * is scoped to the organisation and, for regulators, to their jurisdiction.
 */
class VerificationLogTest {
    private static CqsServer server;
    private static Http http;
    private static String labToken;
    private static ReportUpload upload;
    private static String reportNumber;

    @BeforeAll
    static void setUp() {
        server = TestServers.shared();
        http = new Http(server);
        labToken = http.login("lab-admin");
        Http.Response project = http.post("/api/v1/projects", labToken, Map.of("name", "核验记录工程 " + UUID.randomUUID(),
                "regionCode", "350203", "address", "厦门市思明区"));
        assertThat(project.status()).isEqualTo(201);
        UUID projectId = UUID.fromString(project.json().get("id").asText());
        OrganisationCredential lab = Reports.demoCredential(server, DemoAccounts.Org.LAB);
        reportNumber = Reports.newNumber();
        upload = Reports.upload(lab, ReportType.CEMENT, Reports.content(ReportType.CEMENT, reportNumber, projectId, "核验记录工程"));
        Http.Response uploaded = http.post("/api/v1/reports", labToken, upload);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    }

    private static Map<String, Object> request(String text, String outcome, String status) {
        Map<String, Object> m = new HashMap<>();
        m.put("scannedText", text);
        m.put("outcome", outcome);
        if (status != null) {
            m.put("reportStatus", status);
        }
        m.put("place", "3号楼工地门卫");
        m.put("scannedAt", "2026-03-01T08:15:30Z");
        m.put("source", "WEBCAM");
        return m;
    }

    private static JsonNode record(String token, Map<String, Object> body) {
        Http.Response r = http.post("/api/v1/verifications", token, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static List<String> ids(String path, String token) {
        Http.Response r = http.get(path, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstEntryAndRecordsNothingNew() {
        Map<String, Object> body = request(upload.qrToken(), "GENUINE_IN_SYSTEM", "VALID");
        String key = java.util.UUID.randomUUID().toString();
        Http.Response first = http.send("POST", "/api/v1/verifications", labToken, Http.bytes(body), Map.of("Idempotency-Key", key));
        Http.Response again = http.send("POST", "/api/v1/verifications", labToken, Http.bytes(body), Map.of("Idempotency-Key", key));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        String id = first.json().get("id").asText();
        assertThat(again.json().get("id").asText()).isEqualTo(id);
        assertThat(ids("/api/v1/verifications?limit=500", labToken).stream().filter(id::equals)).hasSize(1);
        // without a key every request is a new verification
        assertThat(record(labToken, body).get("id").asText()).isNotEqualTo(record(labToken, body).get("id").asText());
    }

    @Test
    void aGenuineTokenIsRecordedWithTheServersOwnClaimsAndVerdict() {
        Instant before = Instant.now();
        JsonNode e = record(labToken, request(server.publicBaseUrl() + "/v/" + upload.qrToken(), "GENUINE_IN_SYSTEM", "VALID"));
        assertThat(e.get("serverOutcome").asText()).isEqualTo("GENUINE_IN_SYSTEM");
        assertThat(e.get("serverReportStatus").asText()).isEqualTo("VALID");
        assertThat(e.get("claimsVerified").asBoolean()).isTrue();
        assertThat(e.at("/claims/documentNumber").asText()).isEqualTo(reportNumber);
        assertThat(e.at("/claims/issuerUscc").asText()).isEqualTo(DemoAccounts.Org.LAB.uscc);
        assertThat(e.at("/claims/issuerName").asText()).isEqualTo(DemoAccounts.Org.LAB.displayName);
        assertThat(e.at("/claims/kind").asText()).isEqualTo("REPORT");
        assertThat(e.get("projectRegionCode").asText()).isEqualTo("350203");
        assertThat(e.get("organisationName").asText()).isEqualTo(DemoAccounts.Org.LAB.displayName);
        assertThat(e.get("userDisplayName").asText()).isEqualTo("杨主任");
        assertThat(e.get("place").asText()).isEqualTo("3号楼工地门卫");
        assertThat(e.get("source").asText()).isEqualTo("WEBCAM");
        assertThat(e.get("scannedAt").asText()).isEqualTo("2026-03-01T08:15:30Z");
        Instant received = Instant.parse(e.get("receivedAt").asText());
        assertThat(received).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));

        // the desk's word is kept, but the claims and the server's verdict are the server's own
        JsonNode lying = record(labToken, request(upload.qrToken(), "SIGNATURE_INVALID", null));
        assertThat(lying.get("outcome").asText()).isEqualTo("SIGNATURE_INVALID");
        assertThat(lying.get("serverOutcome").asText()).isEqualTo("GENUINE_IN_SYSTEM");
        assertThat(lying.at("/claims/documentNumber").asText()).isEqualTo(reportNumber);
    }

    @Test
    void aForeignTextAndATamperedTokenAreRecordedAsSuch() {
        JsonNode foreign = record(labToken, request("https://weixin.qq.com/r/abc123", "NOT_A_SYSTEM_CODE", null));
        assertThat(foreign.get("serverOutcome").asText()).isEqualTo("NOT_A_SYSTEM_CODE");
        assertThat(foreign.get("claims").isNull()).isTrue();
        assertThat(foreign.get("claimsVerified").asBoolean()).isFalse();
        assertThat(foreign.get("scannedText").asText()).isEqualTo("https://weixin.qq.com/r/abc123");

        byte[] bytes = Base64.getUrlDecoder().decode(upload.qrToken());
        bytes[bytes.length - 10] ^= 0x01;
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        JsonNode t = record(labToken, request(server.publicBaseUrl() + "/v/" + tampered, "SIGNATURE_INVALID", null));
        assertThat(t.get("serverOutcome").asText()).isEqualTo("SIGNATURE_INVALID");
        assertThat(t.get("claimsVerified").asBoolean()).isFalse();
        // the claims are read (what the forgery names) but flagged untrusted, and link to no record
        assertThat(t.at("/claims/documentNumber").asText()).isEqualTo(reportNumber);
        assertThat(t.get("serverReportStatus").isNull()).isTrue();
        assertThat(t.get("projectRegionCode").isNull()).isTrue();
    }

    @Test
    void organisationsSeeTheirOwnAndRegulatorsTheirJurisdiction() {
        String genuine = record(labToken, request(upload.qrToken(), "GENUINE_IN_SYSTEM", "VALID")).get("id").asText();
        String labForeign = record(labToken, request("foreign lab text", "NOT_A_SYSTEM_CODE", null)).get("id").asText();
        // a Fuzhou plant scans the Xiamen report: Xiamen sees it by the project, Fuzhou by the filer
        String plantToken = http.login("plant-admin");
        String plantScan = record(plantToken, request(upload.qrToken(), "GENUINE_IN_SYSTEM", "VALID")).get("id").asText();
        // a Gulou (Fuzhou) contractor lab scans a foreign code: Xiamen never sees it
        String conlabForeign = record(http.login("conlab-clerk"), request("not ours", "NOT_A_SYSTEM_CODE", null))
                .get("id").asText();

        List<String> lab = ids("/api/v1/verifications?limit=500", labToken);
        assertThat(lab).contains(genuine, labForeign).doesNotContain(plantScan, conlabForeign);
        assertThat(ids("/api/v1/verifications?limit=500", plantToken)).contains(plantScan).doesNotContain(genuine, labForeign);

        List<String> xiamen = ids("/api/v1/verifications?limit=500", http.login("xm-inspector"));
        assertThat(xiamen).contains(genuine, labForeign, plantScan).doesNotContain(conlabForeign);
        List<String> fuzhou = ids("/api/v1/verifications?limit=500", http.login("fz-inspector"));
        assertThat(fuzhou).contains(plantScan, conlabForeign).doesNotContain(genuine, labForeign);
    }

    @Test
    void filtersAndPagingNarrowTheList() {
        String foreign = record(labToken, request("filter me " + UUID.randomUUID(), "NOT_A_SYSTEM_CODE", null))
                .get("id").asText();
        // a second entry, so paging has two to page through even when this test runs first on a fresh server
        record(labToken, request("page me " + UUID.randomUUID(), "NOT_A_SYSTEM_CODE", null));
        Http.Response byOutcome = http.get("/api/v1/verifications?outcome=NOT_A_SYSTEM_CODE&limit=500", labToken);
        assertThat(byOutcome.status()).isEqualTo(200);
        assertThat(byOutcome.json().findValuesAsText("outcome")).containsOnly("NOT_A_SYSTEM_CODE");
        assertThat(byOutcome.json().findValuesAsText("id")).contains(foreign);
        assertThat(http.get("/api/v1/verifications?outcome=GENUINE_IN_SYSTEM&limit=500", labToken).json()
                .findValuesAsText("id")).doesNotContain(foreign);
        String today = java.time.LocalDate.now(cn.cqs.contract.time.UploadDeadline.REPORT_ZONE).toString();
        assertThat(ids("/api/v1/verifications?from=" + today + "&to=" + today + "&limit=500", labToken)).contains(foreign);
        assertThat(ids("/api/v1/verifications?to=2020-01-01", labToken)).isEmpty();
        assertThat(ids("/api/v1/verifications?limit=1", labToken)).hasSize(1);
        List<String> firstTwo = ids("/api/v1/verifications?limit=2", labToken);
        assertThat(ids("/api/v1/verifications?limit=1&offset=1", labToken)).containsExactly(firstTwo.get(1));

        Http.Response bad = http.get("/api/v1/verifications?outcome=MAYBE&from=yesterday&to=2020-01-01&limit=0&offset=-1",
                labToken);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").findValuesAsText("field")).contains("outcome", "from", "limit", "offset");
    }

    @Test
    void badInputNamesTheFieldAndThePermissionIsChecked() {
        Map<String, Object> inconsistent = request("foreign", "NOT_A_SYSTEM_CODE", "VALID");
        Http.Response r = http.post("/api/v1/verifications", labToken, inconsistent);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().at("/errors/0/field").asText()).isEqualTo("reportStatus");

        Map<String, Object> missing = new HashMap<>(request("x".repeat(4097), "NOT_A_SYSTEM_CODE", null));
        missing.remove("scannedAt");
        missing.remove("source");
        missing.put("place", "门".repeat(201));
        Http.Response m = http.post("/api/v1/verifications", labToken, missing);
        assertThat(m.status()).isEqualTo(422);
        assertThat(m.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("scannedText", "place", "scannedAt", "source");

        Http.Response badSource = http.post("/api/v1/verifications", labToken,
                Map.of("scannedText", "x", "outcome", "NOT_A_SYSTEM_CODE", "scannedAt", "2026-03-01T08:00:00Z", "source", "FAX"));
        assertThat(badSource.status()).isEqualTo(400);
        assertThat(badSource.json().at("/errors/0/field").asText()).isEqualTo("source");

        // an API key without VERIFY may not record; one with VERIFY records for its organisation
        Http.Response noVerify = http.post("/api/v1/auth/api-keys", labToken,
                Map.of("name", "LIMS only", "permissions", List.of("REPORTS_AUTHOR")));
        Map<String, String> header = Map.of("X-Api-Key", noVerify.json().get("secret").asText());
        assertThat(http.send("POST", "/api/v1/verifications", null, Http.bytes(request("x", "NOT_A_SYSTEM_CODE", null)),
                header).status()).isEqualTo(403);
        Http.Response verifyKey = http.post("/api/v1/auth/api-keys", labToken,
                Map.of("name", "desk", "permissions", List.of("VERIFY")));
        Http.Response byKey = http.send("POST", "/api/v1/verifications", null,
                Http.bytes(request("desk key scan", "NOT_A_SYSTEM_CODE", null)),
                Map.of("X-Api-Key", verifyKey.json().get("secret").asText()));
        assertThat(byKey.status()).as(byKey.body()).isEqualTo(201);
        assertThat(byKey.json().get("apiKeyId").asText()).isEqualTo(verifyKey.json().at("/apiKey/id").asText());
        assertThat(byKey.json().get("userId").isNull()).isTrue();
        assertThat(Duration.between(Instant.parse(byKey.json().get("receivedAt").asText()), Instant.now()).abs())
                .isLessThan(Duration.ofMinutes(1));
    }
}

package cn.cqs.server.verify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.pki.PemCertificates;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.ReportUpload;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.demo.DemoAccounts;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.Reports;
import cn.cqs.server.testing.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The public verification endpoint and page reach every outcome, and never show more than one record. */
class VerifyTest {
    private static CqsServer server;
    private static Http http;
    private static String labToken;
    private static OrganisationCredential lab;
    private static UUID projectId;

    @BeforeAll
    static void setUp() {
        server = TestServers.shared();
        http = new Http(server);
        labToken = http.login("lab-admin");
        lab = Reports.demoCredential(server, DemoAccounts.Org.LAB);
        Http.Response project = http.post("/api/v1/projects", labToken, Map.of("name", "核验测试工程 " + UUID.randomUUID(),
                "regionCode", "350203", "address", "厦门市思明区"));
        projectId = UUID.fromString(project.json().get("id").asText());
    }

    private static JsonNode verify(String token) {
        Http.Response r = http.get("/api/v1/verify/" + token, null);
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    private static ReportUpload uploaded(CubeStrengthReport cube) {
        ReportUpload upload = Reports.upload(lab, cube);
        Http.Response r = http.post("/api/v1/reports", labToken, upload);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return upload;
    }

    @Test
    void genuineAndUploadedShowsTheRecordsPublicFieldsOnly() {
        CubeStrengthReport cube = Reports.cube(Reports.newNumber(), projectId, "核验工程");
        ReportUpload upload = uploaded(cube);
        JsonNode v = verify(upload.qrToken());
        assertThat(v.get("outcome").asText()).isEqualTo("GENUINE_IN_SYSTEM");
        assertThat(v.get("message").asText()).startsWith("真实有效").contains("Genuine");
        assertThat(v.at("/claims/issuerUscc").asText()).isEqualTo(DemoAccounts.Org.LAB.uscc);
        assertThat(v.at("/claims/issuerName").asText()).isEqualTo(DemoAccounts.Org.LAB.displayName);
        assertThat(v.at("/record/reportNumber").asText()).isEqualTo(cube.reportNumber());
        assertThat(v.at("/record/status").asText()).isEqualTo("VALID");
        // public fields only: no platform id, no witness, no token, no content
        assertThat(v.toString()).doesNotContain(cube.witnessName()).doesNotContain("\"id\"").doesNotContain("qrToken")
                .doesNotContain(projectId.toString());
    }

    @Test
    void genuineButNotUploaded() {
        CubeStrengthReport cube = Reports.cube(Reports.newNumber(), projectId, "核验工程");
        QrToken token = Reports.sign(lab, cube, Instant.now());
        JsonNode v = verify(token.encode());
        assertThat(v.get("outcome").asText()).isEqualTo("GENUINE_NOT_UPLOADED");
        assertThat(v.get("record").isNull()).isTrue();
        assertThat(v.at("/claims/documentNumber").asText()).isEqualTo(cube.reportNumber());
    }

    @Test
    void aFlippedBitIsAnInvalidSignature() {
        QrToken token = Reports.sign(lab, Reports.cube(Reports.newNumber(), projectId, "x"), Instant.now());
        byte[] bytes = token.toBytes();
        bytes[bytes.length - 10] ^= 0x01;
        String flipped = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        JsonNode v = verify(flipped);
        assertThat(v.get("outcome").asText()).isEqualTo("SIGNATURE_INVALID");
        assertThat(v.at("/claims/issuerName").isNull()).isTrue();
    }

    @Test
    void aCredentialTheServerNeverRegisteredIsAnUnknownIssuer() {
        OrganisationCredential unregistered = Reports.freshCredential(server, DemoAccounts.Org.LAB);
        QrToken token = Reports.sign(unregistered, Reports.cube(Reports.newNumber(), projectId, "x"), Instant.now());
        assertThat(verify(token.encode()).get("outcome").asText()).isEqualTo("ISSUER_UNKNOWN");
    }

    @Test
    void aRevokedKeyIsNotCertified() {
        OrganisationCredential fresh = Reports.freshCredential(server, DemoAccounts.Org.LAB);
        String labId = http.get("/api/v1/auth/me", labToken).json().get("organisationId").asText();
        assertThat(http.post("/api/v1/organisations/" + labId + "/certificates", labToken,
                Map.of("certificatePem", PemCertificates.toPem(fresh.certificate()))).status()).isEqualTo(201);
        QrToken token = Reports.sign(fresh, Reports.cube(Reports.newNumber(), projectId, "x"), Instant.now());
        assertThat(verify(token.encode()).get("outcome").asText()).isEqualTo("GENUINE_NOT_UPLOADED");
        assertThat(http.post("/api/v1/organisations/" + labId + "/certificates/" + fresh.keyId().hex() + "/revoke",
                labToken, Map.of("reason", "测试吊销")).status()).isEqualTo(200);
        assertThat(verify(token.encode()).get("outcome").asText()).isEqualTo("ISSUER_NOT_CERTIFIED");
    }

    @Test
    void somethingElseIsNotASystemCode() {
        JsonNode v = verify("hello-world");
        assertThat(v.get("outcome").asText()).isEqualTo("NOT_A_SYSTEM_CODE");
        assertThat(v.get("claims").isNull()).isTrue();
    }

    @Test
    void aRecordChangedBehindTheTokensBackIsADigestMismatch() {
        CubeStrengthReport cube = Reports.cube(Reports.newNumber(), projectId, "核验工程");
        ReportUpload upload = uploaded(cube);
        int changed = server.jdbi().withHandle(h -> h.createUpdate("""
                        update report set content = jsonb_set(content, '{sampleName}', to_jsonb('被篡改的样品'::text))
                         where report_number = :n""").bind("n", cube.reportNumber()).execute());
        assertThat(changed).isEqualTo(1);
        JsonNode v = verify(upload.qrToken());
        assertThat(v.get("outcome").asText()).isEqualTo("DIGEST_MISMATCH");
        assertThat(v.at("/record/sampleName").asText()).isEqualTo("被篡改的样品");
    }

    @Test
    void thePageIsHtmlInChineseAndEnglishWithEverythingEscaped() {
        CubeStrengthReport cube = Reports.cube(Reports.newNumber(), projectId, "<script>alert('x')</script>工程 & 部位");
        ReportUpload upload = uploaded(cube);
        Http.Response page = http.get("/v/" + upload.qrToken(), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html").contains("utf-8");
        assertThat(page.body()).contains("真实有效").contains("Genuine").contains(cube.reportNumber())
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;工程 &amp; 部位")
                .doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");

        Http.Response forged = http.get("/v/hello", null);
        assertThat(forged.body()).contains("不是本系统的二维码").contains("Not a code of this system")
                .doesNotContain("逐项核对");

        // kept for a person to look at (e.g. chromium --headless --screenshot --window-size=390,844)
        keepForLooking("genuine.html", page.body());
        keepForLooking("not-a-system-code.html", forged.body());
    }

    private static void keepForLooking(String name, String html) {
        try {
            Path dir = Path.of("target", "verify-pages");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name), html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

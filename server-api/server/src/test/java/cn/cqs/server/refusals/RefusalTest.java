package cn.cqs.server.refusals;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportUpload;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.demo.DemoAccounts;
import cn.cqs.server.testing.Fixtures;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.Reports;
import cn.cqs.server.testing.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Refusal reports (拒收举报) against a real server: routed to the region of the report's project
 * (or the filer's), seen only by the filer and the regulators of that jurisdiction, taken and closed
 * by such a regulator with If-Match, each step audited; the image is checked and served as filed.
 */
class RefusalTest {
    private static CqsServer server;
    private static Http http;
    private static String labToken;
    private static String xmToken;
    private static String fzToken;
    private static ReportUpload upload;
    private static String reportNumber;

    @BeforeAll
    static void setUp() {
        server = TestServers.shared();
        http = new Http(server);
        labToken = http.login("lab-admin");
        xmToken = http.login("xm-inspector");
        fzToken = http.login("fz-inspector");
        Http.Response project = http.post("/api/v1/projects", labToken, Map.of("name", "拒收测试工程 " + UUID.randomUUID(),
                "regionCode", "350203", "address", "厦门市思明区"));
        assertThat(project.status()).isEqualTo(201);
        UUID projectId = UUID.fromString(project.json().get("id").asText());
        OrganisationCredential lab = Reports.demoCredential(server, DemoAccounts.Org.LAB);
        reportNumber = Reports.newNumber();
        upload = Reports.upload(lab, ReportType.REBAR, Reports.content(ReportType.REBAR, reportNumber, projectId, "拒收测试工程"));
        Http.Response uploaded = http.post("/api/v1/reports", labToken, upload);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    }

    private static Map<String, Object> refusal(String text, String outcome, byte[] image) {
        Map<String, Object> m = new HashMap<>();
        m.put("scannedText", text);
        m.put("outcome", outcome);
        m.put("reason", "纸质报告结论与系统记录不一致");
        m.put("place", "3号楼工地门卫");
        m.put("image", Base64.getEncoder().encodeToString(image));
        return m;
    }

    private static Http.Response post(String path, String token, Object body, String ifMatch) {
        return http.send("POST", path, token, Http.bytes(body), ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    private static List<String> ids(String path, String token) {
        Http.Response r = http.get(path, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }

    @Test
    void aRefusalOfAnUploadedReportGoesToItsProjectsRegulatorsWhoTakeAndCloseIt() {
        byte[] png = Fixtures.png(64, 48);
        Http.Response filed = http.post("/api/v1/refusals", labToken,
                refusal(server.publicBaseUrl() + "/v/" + upload.qrToken(), "GENUINE_IN_SYSTEM", png));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        JsonNode r = filed.json();
        String id = r.get("id").asText();
        String path = "/api/v1/refusals/" + id;
        assertThat(filed.header("ETag")).isEqualTo("\"1\"");
        assertThat(filed.header("Location")).isEqualTo(path);
        assertThat(r.get("state").asText()).isEqualTo("OPEN");
        assertThat(r.get("routing").asText()).isEqualTo("REPORT_PROJECT");
        assertThat(r.get("regionCode").asText()).isEqualTo("350203");
        assertThat(r.get("routingReason").asText()).contains(reportNumber).contains("350203");
        assertThat(r.get("serverOutcome").asText()).isEqualTo("GENUINE_IN_SYSTEM");
        assertThat(r.at("/claims/documentNumber").asText()).isEqualTo(reportNumber);
        assertThat(r.get("imageMediaType").asText()).isEqualTo("image/png");
        assertThat(r.get("imageBytes").asInt()).isEqualTo(png.length);

        // visible to the filer and Xiamen's regulator; Fuzhou's gets 404 for the record and its image
        assertThat(http.get(path, xmToken).status()).isEqualTo(200);
        assertThat(ids("/api/v1/refusals?limit=500", xmToken)).contains(id);
        assertThat(http.get(path, fzToken).status()).isEqualTo(404);
        assertThat(http.get(path + "/image", fzToken).status()).isEqualTo(404);
        assertThat(ids("/api/v1/refusals?limit=500", fzToken)).doesNotContain(id);
        assertThat(post(path + "/take", fzToken, Map.of("note", "越权"), "\"1\"").status()).isEqualTo(404);

        // the image comes back byte for byte, with its content type
        for (String token : List.of(labToken, xmToken)) {
            Http.Download image = http.download(path + "/image", token);
            assertThat(image.status()).isEqualTo(200);
            assertThat(image.contentType()).isEqualTo("image/png");
            assertThat(image.body()).isEqualTo(png);
        }

        // the filer cannot handle its own report
        assertThat(post(path + "/take", labToken, Map.of("note", "自己受理"), "\"1\"").status()).isEqualTo(403);
        assertThat(post(path + "/close", labToken, Map.of("finding", "自己办结"), "\"1\"").status()).isEqualTo(403);

        // take: If-Match missing 428, stale 412, then done
        assertThat(post(path + "/take", xmToken, Map.of("note", "已受理，派员核查"), null).status()).isEqualTo(428);
        assertThat(post(path + "/take", xmToken, Map.of("note", "已受理，派员核查"), "\"7\"").status()).isEqualTo(412);
        Http.Response taken = post(path + "/take", xmToken, Map.of("note", "已受理，派员核查"), filed.header("ETag"));
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        assertThat(taken.header("ETag")).isEqualTo("\"2\"");
        assertThat(taken.json().get("state").asText()).isEqualTo("IN_PROGRESS");
        assertThat(taken.json().get("takenByName").asText()).isEqualTo("许监督");
        assertThat(taken.json().get("takeNote").asText()).isEqualTo("已受理，派员核查");
        assertThat(post(path + "/take", xmToken, Map.of("note", "再受理"), "\"2\"").status()).isEqualTo(409);

        // close: a finding is required (422), the old version is stale (412)
        Http.Response noFinding = post(path + "/close", xmToken, Map.of("finding", "  "), "\"2\"");
        assertThat(noFinding.status()).isEqualTo(422);
        assertThat(noFinding.json().at("/errors/0/field").asText()).isEqualTo("finding");
        assertThat(post(path + "/close", xmToken, Map.of("finding", "x"), "\"1\"").status()).isEqualTo(412);
        Http.Response closed = post(path + "/close", xmToken, Map.of("finding", "经核查为伪造报告，已移交执法"), "\"2\"");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("state").asText()).isEqualTo("CLOSED");
        assertThat(closed.json().get("finding").asText()).isEqualTo("经核查为伪造报告，已移交执法");
        assertThat(closed.json().get("closedByName").asText()).isEqualTo("许监督");
        assertThat(closed.json().get("version").asLong()).isEqualTo(3);
        assertThat(http.get(path, labToken).json().get("state").asText()).isEqualTo("CLOSED");
        assertThat(ids("/api/v1/refusals?state=CLOSED&limit=500", xmToken)).contains(id);
        assertThat(ids("/api/v1/refusals?state=OPEN&limit=500", xmToken)).doesNotContain(id);

        // every step audited (Xiamen's administrator reads the project's audit trail)
        Http.Response audit = http.get("/api/v1/audit?limit=500", http.login("xm-admin"));
        List<String> actions = new ArrayList<>();
        audit.json().forEach(e -> {
            if (e.get("entityId").asText().equals(id)) {
                actions.add(e.get("action").asText());
            }
        });
        assertThat(actions).contains("refusal.file", "refusal.take", "refusal.close");
    }

    @Test
    void aForeignCodeGoesToTheFilersRegionAndCloseNeedsTakeFirst() throws IOException {
        String plantToken = http.login("plant-admin");
        byte[] jpeg = jpeg();
        Http.Response filed = http.post("/api/v1/refusals", plantToken, refusal("https://example.com/fake-ticket",
                "NOT_A_SYSTEM_CODE", jpeg));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String path = "/api/v1/refusals/" + filed.json().get("id").asText();
        assertThat(filed.json().get("routing").asText()).isEqualTo("FILER_REGION");
        assertThat(filed.json().get("regionCode").asText()).isEqualTo(DemoAccounts.Org.PLANT.regionCode);
        assertThat(filed.json().get("claims").isNull()).isTrue();
        assertThat(http.get(path, fzToken).status()).isEqualTo(200);
        assertThat(http.get(path, xmToken).status()).isEqualTo(404);
        assertThat(http.get(path, labToken).status()).isEqualTo(404);
        Http.Download image = http.download(path + "/image", fzToken);
        assertThat(image.contentType()).isEqualTo("image/jpeg");
        assertThat(image.body()).isEqualTo(jpeg);
        Http.Response early = post(path + "/close", fzToken, Map.of("finding", "未受理先办结"), "\"1\"");
        assertThat(early.status()).isEqualTo(409);
    }

    @Test
    void aTamperedTokenNeverChoosesTheRegion() {
        byte[] bytes = Base64.getUrlDecoder().decode(upload.qrToken());
        bytes[bytes.length - 10] ^= 0x01;
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Http.Response filed = http.post("/api/v1/refusals", http.login("conlab-clerk"),
                refusal(tampered, "SIGNATURE_INVALID", Fixtures.png(8, 8)));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().get("serverOutcome").asText()).isEqualTo("SIGNATURE_INVALID");
        assertThat(filed.json().get("claimsVerified").asBoolean()).isFalse();
        assertThat(filed.json().get("routing").asText()).isEqualTo("FILER_REGION");
        assertThat(filed.json().get("regionCode").asText()).isEqualTo(DemoAccounts.Org.CONLAB.regionCode);
        assertThat(http.get("/api/v1/refusals/" + filed.json().get("id").asText(), xmToken).status()).isEqualTo(404);
    }

    @Test
    void badImagesAndFieldsAreRefusedWithTheFieldNamed() {
        byte[] oversized = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(Fixtures.png(4, 4), 0, oversized, 0, 8);
        assertField(http.post("/api/v1/refusals", labToken, refusal("x", "NOT_A_SYSTEM_CODE", oversized)), "image", "too_large");
        byte[] pdf = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertField(http.post("/api/v1/refusals", labToken, refusal("x", "NOT_A_SYSTEM_CODE", pdf)), "image", "unsupported_type");
        Map<String, Object> notBase64 = refusal("x", "NOT_A_SYSTEM_CODE", Fixtures.png(4, 4));
        notBase64.put("image", "not base64 at all!");
        assertField(http.post("/api/v1/refusals", labToken, notBase64), "image", "malformed");
        Map<String, Object> noReason = refusal("x", "NOT_A_SYSTEM_CODE", Fixtures.png(4, 4));
        noReason.put("reason", "理".repeat(501));
        assertField(http.post("/api/v1/refusals", labToken, noReason), "reason", "too_long");
        Map<String, Object> otherVerification = refusal("x", "NOT_A_SYSTEM_CODE", Fixtures.png(4, 4));
        String plantVerification = http.post("/api/v1/verifications", http.login("plant-admin"), Map.of("scannedText", "x",
                "outcome", "NOT_A_SYSTEM_CODE", "scannedAt", "2026-03-01T08:00:00Z", "source", "IMAGE_FILE"))
                .json().get("id").asText();
        otherVerification.put("verificationId", plantVerification);
        assertField(http.post("/api/v1/refusals", labToken, otherVerification), "verificationId", "not_found");
        assertThat(http.get("/api/v1/refusals?state=SOON", labToken).json().at("/errors/0/field").asText())
                .isEqualTo("state");
    }

    private static void assertField(Http.Response r, String field, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().at("/errors/0/field").asText()).as(r.body()).isEqualTo(field);
        assertThat(r.json().at("/errors/0/code").asText()).as(r.body()).isEqualTo(code);
    }

    @Test
    void aRetriedFilingWithTheSameKeyIsReplayedNotDuplicated() {
        String verification = http.post("/api/v1/verifications", labToken, Map.of("scannedText", upload.qrToken(),
                "outcome", "GENUINE_IN_SYSTEM", "reportStatus", "VALID", "scannedAt", "2026-03-01T08:00:00Z",
                "source", "PDF")).json().get("id").asText();
        Map<String, Object> body = refusal(upload.qrToken(), "GENUINE_IN_SYSTEM", Fixtures.png(20, 10));
        body.put("verificationId", verification);
        String key = UUID.randomUUID().toString();
        Http.Response first = http.send("POST", "/api/v1/refusals", labToken, Http.bytes(body), Map.of("Idempotency-Key", key));
        Http.Response again = http.send("POST", "/api/v1/refusals", labToken, Http.bytes(body), Map.of("Idempotency-Key", key));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        assertThat(first.json().get("verificationId").asText()).isEqualTo(verification);
        String id = first.json().get("id").asText();
        assertThat(ids("/api/v1/refusals?limit=500", labToken).stream().filter(id::equals)).hasSize(1);
        body.put("reason", "另一件事");
        Http.Response reused = http.send("POST", "/api/v1/refusals", labToken, Http.bytes(body), Map.of("Idempotency-Key", key));
        assertThat(reused.status()).isEqualTo(422);
    }

    private static Http.Response verification(String token, String clientKey) {
        Map<String, Object> body = Map.of("scannedText", upload.qrToken(), "outcome", "GENUINE_IN_SYSTEM",
                "reportStatus", "VALID", "scannedAt", "2026-03-01T08:00:00Z", "source", "WEBCAM");
        return http.send("POST", "/api/v1/verifications", token, Http.bytes(body), Map.of("Idempotency-Key", clientKey));
    }

    @Test
    void aRefusalFiledBeforeItsVerificationArrivesIsLinkedWhenItDoes() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = refusal(upload.qrToken(), "GENUINE_IN_SYSTEM", Fixtures.png(20, 10));
        body.put("verificationKey", key);
        Http.Response filed = http.post("/api/v1/refusals", labToken, body);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().get("verificationId").isNull()).isTrue();
        String path = "/api/v1/refusals/" + filed.json().get("id").asText();

        // another organisation's verification with the same key is not this desk's: nothing is linked
        Http.Response foreign = verification(http.login("plant-admin"), key);
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(201);
        assertThat(http.get(path, labToken).json().get("verificationId").isNull()).isTrue();

        Http.Response recorded = verification(labToken, key);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        String verificationId = recorded.json().get("id").asText();
        Http.Response linked = http.get(path, labToken);
        assertThat(linked.json().get("verificationId").asText()).isEqualTo(verificationId);
        assertThat(linked.header("ETag")).isEqualTo("\"2\"");
        assertThat(http.get(path, xmToken).json().get("verificationId").asText()).isEqualTo(verificationId);
    }

    @Test
    void aRefusalFiledAfterItsVerificationIsLinkedAtOnce() {
        String key = UUID.randomUUID().toString();
        String verificationId = verification(labToken, key).json().get("id").asText();
        Map<String, Object> body = refusal(upload.qrToken(), "GENUINE_IN_SYSTEM", Fixtures.png(20, 10));
        body.put("verificationKey", key);
        Http.Response filed = http.post("/api/v1/refusals", labToken, body);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().get("verificationId").asText()).isEqualTo(verificationId);

        // a key that names no verification yet is kept; one too long is refused by name
        body.put("verificationKey", "k".repeat(201));
        assertField(http.post("/api/v1/refusals", labToken, body), "verificationKey", "too_long");
    }

    private static byte[] jpeg() throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(32, 24, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}

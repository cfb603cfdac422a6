package cn.cqs.server.verify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.ReportUpload;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.demo.DemoAccounts;
import cn.cqs.server.testing.Fixtures;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.Reports;
import cn.cqs.server.testing.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The verify desk's server side for delivery tickets and PDFs: a verified batch token's verification
 * is recorded with its batch and seen by the regulators of the batch's project; refusals carry their
 * subject (report, batch, concrete without a serial number), with field errors for the no-serial
 * shape and routing to the batch's or the chosen project's region; and the PDF a genuine token names
 * is served by token, a superseded report's token still opening its own version.
 */
class DeskBatchAndPdfTest {
    private static final String CANGSHAN_REGION = "350104";
    private static CqsServer server;
    private static Http http;
    private static Fixtures.PlantData plant;
    private static String labToken;
    private static String batchQr;
    private static String cangshanProjectId;

    @BeforeAll
    static void setUp() {
        server = TestServers.shared();
        http = new Http(server);
        plant = Fixtures.plantData(server);
        labToken = http.login("lab-admin");
        batchQr = http.get("/api/v1/batches/" + plant.serialNumber(), plant.plantToken()).json().get("qrText").asText();
        cangshanProjectId = http.get("/api/v1/batches/" + plant.serialNumber(), plant.plantToken()).json()
                .get("projectId").asText();
    }

    private static String bare(String qr) {
        return qr.substring(qr.indexOf("/v/") + 3);
    }

    private static List<String> ids(String path, String token) {
        Http.Response r = http.get(path, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }

    @Test
    void theBatchRecordAndItsRegionTravelWithTheVerification() {
        JsonNode answer = http.get("/api/v1/verify/" + bare(batchQr), null).json();
        assertThat(answer.at("/batch/projectId").asText()).isEqualTo(cangshanProjectId);
        assertThat(answer.at("/batch/projectRegionCode").asText()).isEqualTo(CANGSHAN_REGION);
        assertThat(answer.get("message").asText()).contains("生产批次").doesNotContain("报告");
        assertThat(http.get("/v/" + bare(batchQr), null).body()).contains("系统中有此生产批次");
        Http.Response recorded = http.post("/api/v1/verifications", labToken, Map.of("scannedText", batchQr,
                "outcome", "GENUINE_IN_SYSTEM", "scannedAt", "2026-03-01T08:00:00Z", "source", "WEBCAM",
                "place", "仓山工地门卫"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        JsonNode entry = recorded.json();
        assertThat(entry.get("serverOutcome").asText()).isEqualTo("GENUINE_IN_SYSTEM");
        assertThat(entry.at("/claims/kind").asText()).isEqualTo("BATCH");
        assertThat(entry.get("batchSerialNumber").asText()).isEqualTo(plant.serialNumber());
        assertThat(entry.get("projectRegionCode").asText()).isEqualTo(CANGSHAN_REGION);
        String id = entry.get("id").asText();
        // the regulators of the batch's project (Fuzhou) see it, though the filing lab is registered in Xiamen
        assertThat(DemoAccounts.Org.LAB.regionCode).startsWith("3502");
        assertThat(ids("/api/v1/verifications?limit=500", http.login("fz-inspector"))).contains(id);
    }

    private static Map<String, Object> scanned(String text, String outcome) {
        Map<String, Object> m = new HashMap<>();
        m.put("scannedText", text);
        m.put("outcome", outcome);
        m.put("reason", "发货单与系统记录不符");
        m.put("image", Base64.getEncoder().encodeToString(Fixtures.png(8, 8)));
        return m;
    }

    private static Map<String, Object> withoutSerial() {
        Map<String, Object> m = new HashMap<>();
        m.put("subject", "CONCRETE_WITHOUT_SERIAL");
        m.put("truckNumber", "闽A·T1234");
        m.put("plantName", "某某混凝土有限公司");
        m.put("pourLocation", "3#楼 二层 梁板");
        m.put("reason", "无生产流水号，无二维码");
        m.put("place", "仓山工地门口");
        m.put("image", Base64.getEncoder().encodeToString(Fixtures.png(8, 8)));
        return m;
    }

    private static void assertFields(Http.Response r, String... fieldAndCode) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        List<String> errors = new ArrayList<>();
        r.json().get("errors").forEach(e -> errors.add(e.get("field").asText() + ":" + e.get("code").asText()));
        assertThat(errors).as(r.body()).containsExactlyInAnyOrder(fieldAndCode);
    }

    @Test
    void aRefusedBatchGoesToTheRegulatorsOfItsProject() {
        Http.Response filed = http.post("/api/v1/refusals", labToken, scanned(batchQr, "GENUINE_IN_SYSTEM"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        JsonNode refusal = filed.json();
        assertThat(refusal.get("subject").asText()).isEqualTo("BATCH");
        assertThat(refusal.get("routing").asText()).isEqualTo("BATCH_PROJECT");
        assertThat(refusal.get("regionCode").asText()).isEqualTo(CANGSHAN_REGION);
        assertThat(refusal.get("batchSerialNumber").asText()).isEqualTo(plant.serialNumber());
        assertThat(refusal.get("projectName").asText()).startsWith("仓山区");
        assertThat(refusal.get("routingReason").asText()).contains(plant.serialNumber());
        assertThat(ids("/api/v1/refusals", http.login("fz-inspector"))).contains(refusal.get("id").asText());
        assertThat(ids("/api/v1/refusals", http.login("xm-inspector"))).doesNotContain(refusal.get("id").asText());

        // the subject, when given, must agree with the code
        Map<String, Object> wrong = scanned(batchQr, "GENUINE_IN_SYSTEM");
        wrong.put("subject", "REPORT");
        assertFields(http.post("/api/v1/refusals", labToken, wrong), "subject:inconsistent");
        // the no-serial fields do not go with a scanned code
        Map<String, Object> mixed = scanned(batchQr, "GENUINE_IN_SYSTEM");
        mixed.put("truckNumber", "闽A·T1234");
        assertFields(http.post("/api/v1/refusals", labToken, mixed), "truckNumber:not_allowed");
        // a forged text is a report refusal in the filer's region, as before
        JsonNode foreign = http.post("/api/v1/refusals", labToken, scanned("https://example.com/x", "NOT_A_SYSTEM_CODE"))
                .json();
        assertThat(foreign.get("subject").asText()).isEqualTo("REPORT");
        assertThat(foreign.get("routing").asText()).isEqualTo("FILER_REGION");
    }

    @Test
    void concreteWithoutASerialNumberNeedsItsDescriptionAndGoesToTheChosenProjectsRegion() {
        Map<String, Object> empty = new HashMap<>();
        empty.put("subject", "CONCRETE_WITHOUT_SERIAL");
        empty.put("reason", "无流水号");
        empty.put("image", Base64.getEncoder().encodeToString(Fixtures.png(8, 8)));
        assertFields(http.post("/api/v1/refusals", labToken, empty), "truckNumber:required", "plantName:required",
                "pourLocation:required", "projectId:required");

        Map<String, Object> both = withoutSerial();
        both.put("projectId", cangshanProjectId);
        both.put("projectName", "自由填写的工程");
        assertFields(http.post("/api/v1/refusals", labToken, both), "projectName:inconsistent");

        Map<String, Object> unknown = withoutSerial();
        unknown.put("projectId", UUID.randomUUID().toString());
        assertFields(http.post("/api/v1/refusals", labToken, unknown), "projectId:not_found");

        Map<String, Object> withCode = withoutSerial();
        withCode.put("projectName", "某工程");
        withCode.put("scannedText", batchQr);
        withCode.put("outcome", "GENUINE_IN_SYSTEM");
        withCode.put("truckNumber", "闽A·T12345678901234567");
        assertFields(http.post("/api/v1/refusals", labToken, withCode), "scannedText:not_allowed", "outcome:not_allowed",
                "truckNumber:too_long");

        // the project must be one the filer can see (the desk offers exactly those): the Xiamen lab is not a party
        // to the plant's Cangshan project, so naming it would send a report to Fuzhou's regulators at will
        Map<String, Object> chosen = withoutSerial();
        chosen.put("projectId", cangshanProjectId);
        assertFields(http.post("/api/v1/refusals", labToken, chosen), "projectId:not_found");
        Http.Response filed = http.post("/api/v1/refusals", plant.plantToken(), chosen);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        JsonNode refusal = filed.json();
        assertThat(refusal.get("subject").asText()).isEqualTo("CONCRETE_WITHOUT_SERIAL");
        assertThat(refusal.get("routing").asText()).isEqualTo("NAMED_PROJECT");
        assertThat(refusal.get("regionCode").asText()).isEqualTo(CANGSHAN_REGION);
        assertThat(refusal.get("truckNumber").asText()).isEqualTo("闽A·T1234");
        assertThat(refusal.get("plantName").asText()).isEqualTo("某某混凝土有限公司");
        assertThat(refusal.get("pourLocation").asText()).isEqualTo("3#楼 二层 梁板");
        assertThat(refusal.get("projectName").asText()).startsWith("仓山区");
        assertThat(refusal.get("scannedText").isNull()).isTrue();
        assertThat(refusal.get("outcome").isNull()).isTrue();
        String fz = http.login("fz-inspector");
        JsonNode seen = http.get("/api/v1/refusals/" + refusal.get("id").asText(), fz).json();
        assertThat(seen.get("truckNumber").asText()).isEqualTo("闽A·T1234");
        assertThat(http.get("/api/v1/refusals/" + refusal.get("id").asText() + "/image", fz).status()).isEqualTo(200);

        Map<String, Object> free = withoutSerial();
        free.put("projectName", "未登记的工程");
        JsonNode freeText = http.post("/api/v1/refusals", labToken, free).json();
        assertThat(freeText.get("routing").asText()).isEqualTo("FILER_REGION");
        assertThat(freeText.get("regionCode").asText()).isEqualTo(DemoAccounts.Org.LAB.regionCode);
        assertThat(freeText.get("projectName").asText()).isEqualTo("未登记的工程");
        assertThat(freeText.get("projectId").isNull()).isTrue();
    }

    @Test
    void theTokenOpensExactlyItsOwnVersionsPdf() {
        OrganisationCredential lab = Reports.demoCredential(server, DemoAccounts.Org.LAB);
        String admin = http.login("lab-admin");
        UUID projectId = null;
        for (JsonNode p : http.get("/api/v1/projects", admin).json()) {
            if (p.get("name").asText().equals("翔安区保障性住房二期工程")) {
                projectId = UUID.fromString(p.get("id").asText());
            }
        }
        assertThat(projectId).isNotNull();
        CubeStrengthReport original = Reports.cube(Reports.newNumber(), projectId, "翔安区保障性住房二期工程");
        ReportUpload first = Reports.upload(lab, original);
        Http.Response r1 = http.post("/api/v1/reports", admin, first);
        assertThat(r1.status()).as(r1.body()).isEqualTo(201);

        Http.Download pdf = http.download("/api/v1/verify/" + first.qrToken() + "/pdf", null);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.body()).isEqualTo(Base64.getDecoder().decode(first.pdfBase64()));

        // a correction supersedes it: the old token still opens the old version's PDF, the new its own
        CubeStrengthReport corrected = Reports.withSampleName(
                Reports.cube(Reports.newNumber(), projectId, "翔安区保障性住房二期工程"), "更正后的样品");
        ReportUpload second = Reports.upload(lab, corrected);
        ReportUpload correction = new ReportUpload(second.type(), second.content(), second.qrToken(), second.issuedAt(),
                second.testerName(), second.reviewerName(), second.approverName(), second.pdfBase64(), null,
                UUID.fromString(r1.json().get("id").asText()), "样品名称录入错误");
        assertThat(http.post("/api/v1/reports", admin, correction).status()).isEqualTo(201);
        assertThat(http.get("/api/v1/verify/" + first.qrToken(), null).json().at("/record/status").asText())
                .isEqualTo("SUPERSEDED");
        assertThat(http.download("/api/v1/verify/" + first.qrToken() + "/pdf", null).body())
                .isEqualTo(Base64.getDecoder().decode(first.pdfBase64()))
                .isNotEqualTo(Base64.getDecoder().decode(second.pdfBase64()));
        assertThat(http.download("/api/v1/verify/" + second.qrToken() + "/pdf", null).body())
                .isEqualTo(Base64.getDecoder().decode(second.pdfBase64()));
        String pdfLink = "/v/" + first.qrToken() + "/pdf";
        assertThat(http.get("/v/" + first.qrToken(), null).body()).as("the phone page links the genuine report's PDF")
                .contains(pdfLink);
        assertThat(http.get("/api/v1/verify/" + first.qrToken() + "/pdf", null).header("Content-Disposition"))
                .as("filed under the report's number").contains(original.reportNumber() + ".pdf");

        // a flipped character is a forged token: no PDF; a genuine token of a report never uploaded: none either
        char[] chars = first.qrToken().toCharArray();
        int i = chars.length - 5;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        Http.Response forged = http.get("/api/v1/verify/" + new String(chars) + "/pdf", null);
        assertThat(forged.status()).isEqualTo(404);
        assertThat(forged.header("Content-Type")).startsWith("application/problem+json");
        ReportUpload neverUploaded = Reports.upload(lab, Reports.cube(Reports.newNumber(), projectId, "未上传"));
        assertThat(http.get("/api/v1/verify/" + neverUploaded.qrToken() + "/pdf", null).status()).isEqualTo(404);
        // a batch token names no report PDF
        assertThat(http.get("/api/v1/verify/" + bare(batchQr) + "/pdf", null).status()).isEqualTo(404);
        // and the phone page links a PDF only where one is served
        for (String token : List.of(new String(chars), neverUploaded.qrToken(), bare(batchQr))) {
            assertThat(http.get("/v/" + token, null).body()).as("no PDF link for %s", token).doesNotContain("/pdf");
        }
    }
}

package cn.cqs.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.reports.ReportDraftRequest;
import cn.cqs.contract.reports.ReportHeader;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportTypes;
import cn.cqs.contract.reports.ReportUpload;
import cn.cqs.contract.reports.mortar.MortarReport;
import cn.cqs.contract.reports.rebar.RebarReport;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.demo.DemoAccounts;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.Reports;
import cn.cqs.server.testing.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every report type travels the same road on a real server: uploaded with its token and signed PDF,
 * found by a regulator, verified as genuine, drafted, reviewed, approved and issued; its content is
 * checked by its own rules and its key fields by its own definition.
 */
class ReportTypesApiTest {
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = cn.cqs.contract.json.Json.newMapper();
    private static CqsServer server;
    private static Http http;
    private static String admin;
    private static OrganisationCredential lab;
    private static UUID projectId;
    private static String projectName;

    @BeforeAll
    static void setUp() {
        server = TestServers.shared();
        http = new Http(server);
        admin = http.login("lab-admin");
        lab = Reports.demoCredential(server, DemoAccounts.Org.LAB);
        projectName = "翔安区保障性住房二期工程";
        for (JsonNode p : http.get("/api/v1/projects", admin).json()) {
            if (p.get("name").asText().equals(projectName)) {
                projectId = UUID.fromString(p.get("id").asText());
            }
        }
        assertThat(projectId).isNotNull();
    }

    private static Object content(ReportType type) {
        return Reports.content(type, Reports.newNumber(), projectId, projectName);
    }

    private static String number(ReportType type, Object content) {
        return ReportTypes.of(type).headerOf(content).reportNumber();
    }

    @ParameterizedTest
    @EnumSource(ReportType.class)
    void eachTypeIsUploadedFoundByTheRegulatorAndVerified(ReportType type) {
        Object content = content(type);
        String number = number(type, content);
        ReportUpload upload = Reports.upload(lab, type, content);
        Http.Response r = http.post("/api/v1/reports", admin, upload);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode record = r.json();
        assertThat(record.get("type").asText()).isEqualTo(type.name());
        assertThat(record.get("conclusion").asText()).isEqualTo("QUALIFIED");
        assertThat(record.get("designGrade").asText()).isEqualTo(ReportTypes.of(type).summaryOf(content).grade());
        assertThat(read(record.get("content"), type)).isEqualTo(content);

        // the regulator of the project's city finds it, with its type
        String inspector = http.login("xm-inspector");
        JsonNode found = http.get("/api/v1/reports?q=" + URLEncoder.encode(number, StandardCharsets.UTF_8), inspector).json();
        assertThat(found.findValuesAsText("type")).containsExactly(type.name());
        assertThat(http.get("/api/v1/reports/" + record.get("id").asText() + "/pdf", inspector).status()).isEqualTo(200);

        // anyone with the code: genuine, with the type's fields
        JsonNode verified = http.get("/api/v1/verify/" + upload.qrToken(), null).json();
        assertThat(verified.get("outcome").asText()).isEqualTo("GENUINE_IN_SYSTEM");
        assertThat(verified.at("/record/type").asText()).isEqualTo(type.name());
        assertThat(verified.at("/record/conclusion").asText()).isEqualTo("QUALIFIED");
        String page = http.get("/v/" + upload.qrToken(), null).body();
        assertThat(page).contains(ReportTypes.of(type).nameZh()).contains(number).contains("合格");
    }

    @Test
    void aChangedKeyFieldOfANewTypeIsRefusedAsAMismatch() {
        Object content = content(ReportType.REBAR);
        ObjectNode body = MAPPER.valueToTree(Reports.upload(lab, ReportType.REBAR, content));
        ((ObjectNode) body.get("content")).put("heatNumber", "24A-99999");
        Http.Response r = http.post("/api/v1/reports", admin, body);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").toString()).contains("\"field\":\"qrToken\"").contains("digest_mismatch");
    }

    @Test
    void aNewTypesContentIsCheckedByItsOwnRulesWithItsOwnPaths() {
        RebarReport rebar = (RebarReport) content(ReportType.REBAR);
        RebarReport wrong = new RebarReport(rebar.header(), "HRB999", rebar.nominalDiameterMm(), rebar.manufacturer(),
                rebar.heatNumber(), rebar.batchMassT(), rebar.testRound(), rebar.tensileSpecimens(),
                rebar.bendSpecimens(), rebar.massSample());
        ReportUpload signed = Reports.upload(lab, ReportType.REBAR, rebar);
        Http.Response r = http.post("/api/v1/reports", admin, new ReportUpload(signed.type(), wrong, signed.qrToken(),
                signed.issuedAt(), signed.testerName(), signed.reviewerName(), signed.approverName(), signed.pdfBase64()));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").findValuesAsText("field")).contains("content.grade");

        MortarReport mortar = (MortarReport) content(ReportType.MORTAR);
        ReportHeader h = mortar.header();
        MortarReport elsewhere = new MortarReport(new ReportHeader(h.reportNumber(), h.commissionNumber(),
                UUID.randomUUID(), h.projectName(), h.projectPart(), h.sampleName(), h.sampleId(), h.samplingDate(),
                h.testDate(), h.standard(), h.witnessName(), h.witnessCertificateNumber(), h.witnessOrganisation(),
                h.samplerName()), mortar.designGrade(), mortar.mortarKind(), mortar.representativeQuantityM3(),
                mortar.curingAgeDays(), mortar.failureLoadsKn());
        Http.Response hidden = http.post("/api/v1/reports", admin, Reports.upload(lab, ReportType.MORTAR, elsewhere));
        assertThat(hidden.status()).as(hidden.body()).isEqualTo(422);
        assertThat(hidden.json().get("errors").toString()).contains("\"field\":\"content.header.projectId\"")
                .contains("project_not_visible");
    }

    @Test
    void aCementReportIsDraftedReviewedApprovedAndIssued() {
        Object cement = content(ReportType.CEMENT);
        String clerk = http.login("lab-clerk");
        Http.Response created = http.post("/api/v1/report-drafts", clerk, new ReportDraftRequest(ReportType.CEMENT, cement));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode draft = created.json();
        assertThat(draft.get("type").asText()).isEqualTo("CEMENT");
        assertThat(read(draft.get("content"), ReportType.CEMENT)).isEqualTo(cement);
        JsonNode reviewed = step(http.login("lab-reviewer"), draft, "review");
        String approver = http.login("lab-approver");
        JsonNode approved = step(approver, reviewed, "approve");
        assertThat(approved.get("state").asText()).isEqualTo("APPROVED");

        ReportUpload upload = Reports.upload(lab, ReportType.CEMENT, cement);
        ReportUpload issue = new ReportUpload(upload.type(), upload.content(), upload.qrToken(), upload.issuedAt(),
                upload.testerName(), null, null, upload.pdfBase64(), UUID.fromString(draft.get("id").asText()), null, null);
        Http.Response issued = http.post("/api/v1/reports", approver, issue);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.json().get("signOff").asText()).isEqualTo("WORKFLOW");

        // a draft of one type does not issue a report of another
        Object mortar = content(ReportType.MORTAR);
        JsonNode mortarDraft = http.post("/api/v1/report-drafts", clerk, new ReportDraftRequest(ReportType.MORTAR, mortar)).json();
        JsonNode mortarApproved = step(approver, step(http.login("lab-reviewer"), mortarDraft, "review"), "approve");
        Object rebar = content(ReportType.REBAR);
        ReportUpload other = Reports.upload(lab, ReportType.REBAR, rebar);
        Http.Response refused = http.post("/api/v1/reports", approver, new ReportUpload(other.type(), other.content(),
                other.qrToken(), other.issuedAt(), null, null, null, other.pdfBase64(),
                UUID.fromString(mortarApproved.get("id").asText()), null, null));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("errors").toString()).contains("differs_from_draft");
    }

    @Test
    void aDraftNeedsItsReportNumberAtItsTypesPath() {
        RebarReport rebar = (RebarReport) content(ReportType.REBAR);
        ReportHeader h = rebar.header();
        RebarReport noNumber = new RebarReport(new ReportHeader(null, h.commissionNumber(), h.projectId(),
                h.projectName(), h.projectPart(), h.sampleName(), h.sampleId(), h.samplingDate(), h.testDate(),
                h.standard(), h.witnessName(), h.witnessCertificateNumber(), h.witnessOrganisation(), h.samplerName()),
                null, null, null, null, null, null, null, null, null);
        Http.Response r = http.post("/api/v1/report-drafts", http.login("lab-clerk"),
                new ReportDraftRequest(ReportType.REBAR, noNumber));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").findValuesAsText("field")).containsExactly("content.header.reportNumber");
    }

    private static Object read(JsonNode content, ReportType type) {
        try {
            return MAPPER.treeToValue(content, ReportTypes.of(type).contentClass());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode step(String token, JsonNode draft, String step) {
        Http.Response r = http.send("POST", "/api/v1/report-drafts/" + draft.get("id").asText() + "/" + step, token,
                null, Map.of("If-Match", "\"" + draft.get("version").asLong() + "\""));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}

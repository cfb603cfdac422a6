package cn.cqs.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.ReportDraftRequest;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportUpload;
import cn.cqs.contract.reports.ReportWithdrawal;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.demo.DemoAccounts;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.Reports;
import cn.cqs.server.testing.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report lifecycle against a real server: drafts reviewed (审核) and approved (批准) by other
 * users and issued from the approved draft; every refusal (403 permission, 409 state or separation of
 * duties, 404 other organisation, 412/428 If-Match); corrections that supersede and withdrawals (撤回),
 * and what verification then says.
 */
class ReportLifecycleTest {
    private static CqsServer server;
    private static Http http;
    private static String clerk;
    private static String reviewer;
    private static String approver;
    private static String admin;
    private static OrganisationCredential lab;
    private static UUID projectId;
    private static final String PROJECT = "翔安区保障性住房二期工程";

    @BeforeAll
    static void setUp() {
        server = TestServers.shared();
        http = new Http(server);
        clerk = http.login("lab-clerk");
        reviewer = http.login("lab-reviewer");
        approver = http.login("lab-approver");
        admin = http.login("lab-admin");
        lab = Reports.demoCredential(server, DemoAccounts.Org.LAB);
        for (JsonNode p : http.get("/api/v1/projects", clerk).json()) {
            if (p.get("name").asText().equals(PROJECT)) {
                projectId = UUID.fromString(p.get("id").asText());
            }
        }
        assertThat(projectId).isNotNull();
    }

    private static CubeStrengthReport newCube() {
        return Reports.cube(Reports.newNumber(), projectId, PROJECT);
    }

    private static JsonNode created(String token, CubeStrengthReport cube) {
        Http.Response r = http.post("/api/v1/report-drafts", token, new ReportDraftRequest(ReportType.CONCRETE_CUBE, cube));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.header("ETag")).isEqualTo("\"1\"");
        return r.json();
    }

    private static Http.Response step(String token, JsonNode draft, String step) {
        return http.send("POST", "/api/v1/report-drafts/" + draft.get("id").asText() + "/" + step, token, null,
                Map.of("If-Match", "\"" + draft.get("version").asLong() + "\""));
    }

    private static JsonNode stepOk(String token, JsonNode draft, String step) {
        Http.Response r = step(token, draft, step);
        assertThat(r.status()).as(step + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    /** A draft of the clerk, reviewed by the reviewer and approved by the approver. */
    private static JsonNode approvedDraft(CubeStrengthReport cube) {
        return stepOk(approver, stepOk(reviewer, created(clerk, cube), "review"), "approve");
    }

    private static ReportUpload withLifecycle(ReportUpload u, UUID draftId, UUID supersedes, String reason) {
        return new ReportUpload(u.type(), u.content(), u.qrToken(), u.issuedAt(), u.testerName(), u.reviewerName(),
                u.approverName(), u.pdfBase64(), draftId, supersedes, reason);
    }

    private static UUID id(JsonNode node) {
        return UUID.fromString(node.get("id").asText());
    }

    private static JsonNode uploadedDirectly(CubeStrengthReport cube) {
        Http.Response r = http.post("/api/v1/reports", admin, Reports.upload(lab, cube));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void aDraftIsReviewedApprovedAndIssuedWithTheNamesOfTheSteps() {
        CubeStrengthReport cube = newCube();
        JsonNode draft = created(clerk, cube);
        assertThat(draft.get("state").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("authorName").asText()).isEqualTo("张检测");
        // another PC of the lab sees it
        assertThat(http.get("/api/v1/report-drafts", reviewer).json().findValuesAsText("id"))
                .contains(draft.get("id").asText());

        JsonNode reviewed = stepOk(reviewer, draft, "review");
        assertThat(reviewed.get("state").asText()).isEqualTo("REVIEWED");
        assertThat(reviewed.get("reviewerName").asText()).isEqualTo("李审核");
        assertThat(reviewed.get("reviewedAt").isNull()).isFalse();
        JsonNode approved = stepOk(approver, reviewed, "approve");
        assertThat(approved.get("state").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("approverName").asText()).isEqualTo("王批准");

        ReportUpload upload = withLifecycle(Reports.upload(lab, cube), id(draft), null, null);
        Http.Response issued = http.post("/api/v1/reports", approver, upload);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        JsonNode report = issued.json();
        assertThat(report.get("signOff").asText()).isEqualTo("WORKFLOW");
        assertThat(report.get("reviewerName").asText()).isEqualTo("李审核");
        assertThat(report.get("approverName").asText()).isEqualTo("王批准");
        assertThat(report.get("draftId").asText()).isEqualTo(draft.get("id").asText());

        JsonNode after = http.get("/api/v1/report-drafts/" + draft.get("id").asText(), clerk).json();
        assertThat(after.get("state").asText()).isEqualTo("ISSUED");
        assertThat(after.get("issuedReportId").asText()).isEqualTo(report.get("id").asText());
        // an issued draft is never edited, nor issued twice
        Http.Response edit = http.put("/api/v1/report-drafts/" + draft.get("id").asText(), clerk,
                new ReportDraftRequest(ReportType.CONCRETE_CUBE, cube), "\"" + after.get("version").asLong() + "\"");
        assertThat(edit.status()).as(edit.body()).isEqualTo(409);
        ReportUpload again = withLifecycle(Reports.upload(lab, cube), id(draft), null, null);
        assertThat(http.post("/api/v1/reports", approver, again).status()).isEqualTo(409);

        JsonNode audit = http.get("/api/v1/audit?limit=200", admin).json();
        assertThat(audit.findValuesAsText("action")).contains("report_draft.create", "report_draft.review",
                "report_draft.approve", "report_draft.issue");
    }

    @Test
    void eachStepNeedsItsPermission() {
        JsonNode draft = created(clerk, newCube());
        assertThat(step(clerk, draft, "review").status()).isEqualTo(403);
        assertThat(http.post("/api/v1/report-drafts", reviewer,
                new ReportDraftRequest(ReportType.CONCRETE_CUBE, newCube())).status()).isEqualTo(403);
        JsonNode reviewed = stepOk(reviewer, draft, "review");
        assertThat(step(reviewer, reviewed, "approve").status()).isEqualTo(403);
        assertThat(step(clerk, reviewed, "approve").status()).isEqualTo(403);

        CubeStrengthReport cube = newCube();
        JsonNode approved = approvedDraft(cube);
        Http.Response byClerk = http.post("/api/v1/reports", clerk,
                withLifecycle(Reports.upload(lab, cube), id(approved), null, null));
        assertThat(byClerk.status()).as(byClerk.body()).isEqualTo(403);
        // without a draft, only a holder of all three permissions may issue
        Http.Response direct = http.post("/api/v1/reports", clerk, Reports.upload(lab, newCube()));
        assertThat(direct.status()).as(direct.body()).isEqualTo(403);
        assertThat(http.get("/api/v1/report-drafts", http.login("lab-admin")).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/report-drafts", http.login("xm-inspector")).status()).isEqualTo(403);
    }

    @Test
    void stepsOutOfOrderAreConflicts() {
        JsonNode draft = created(clerk, newCube());
        assertThat(step(approver, draft, "approve").status()).isEqualTo(409);
        CubeStrengthReport cube = newCube();
        JsonNode reviewed = stepOk(reviewer, created(clerk, cube), "review");
        assertThat(step(reviewer, reviewed, "review").status()).isEqualTo(409);
        Http.Response early = http.post("/api/v1/reports", approver,
                withLifecycle(Reports.upload(lab, cube), id(reviewed), null, null));
        assertThat(early.status()).as(early.body()).isEqualTo(409);
    }

    @Test
    void theReviewerIsNotTheAuthorAndTheApproverNotTheReviewer() {
        JsonNode own = created(admin, newCube());
        Http.Response selfReview = step(admin, own, "review");
        assertThat(selfReview.status()).isEqualTo(409);
        assertThat(selfReview.json().get("detail").asText()).contains("审核人不得为检测人");

        JsonNode reviewedByAdmin = stepOk(admin, created(clerk, newCube()), "review");
        Http.Response selfApprove = step(admin, reviewedByAdmin, "approve");
        assertThat(selfApprove.status()).isEqualTo(409);
        assertThat(selfApprove.json().get("detail").asText()).contains("批准人不得为审核人");
        // the author may approve what somebody else reviewed
        JsonNode byOthers = stepOk(reviewer, created(admin, newCube()), "review");
        assertThat(stepOk(admin, byOthers, "approve").get("state").asText()).isEqualTo("APPROVED");
    }

    @Test
    void anotherOrganisationNeverReachesTheDraft() {
        JsonNode draft = created(clerk, newCube());
        String other = http.login("conlab-admin");
        String path = "/api/v1/report-drafts/" + draft.get("id").asText();
        assertThat(http.get(path, other).status()).isEqualTo(404);
        assertThat(http.put(path, other, new ReportDraftRequest(ReportType.CONCRETE_CUBE, newCube()), "\"1\"").status())
                .isEqualTo(404);
        assertThat(step(other, draft, "review").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/report-drafts", other).json().findValuesAsText("id"))
                .doesNotContain(draft.get("id").asText());
    }

    @Test
    void aStaleOrMissingIfMatchIsRefused() {
        JsonNode draft = created(clerk, newCube());
        String path = "/api/v1/report-drafts/" + draft.get("id").asText();
        Http.Response noIfMatch = http.send("POST", path + "/review", reviewer, null, Map.of());
        assertThat(noIfMatch.status()).isEqualTo(428);
        JsonNode edited = http.put(path, clerk, new ReportDraftRequest(ReportType.CONCRETE_CUBE, newCube()), "\"1\"").json();
        assertThat(edited.get("version").asLong()).isEqualTo(2);
        // the reviewer read version 1: the content changed since
        assertThat(step(reviewer, draft, "review").status()).isEqualTo(412);
        assertThat(http.put(path, clerk, new ReportDraftRequest(ReportType.CONCRETE_CUBE, newCube()), "\"1\"").status())
                .isEqualTo(412);
    }

    @Test
    void editingAnApprovedDraftSendsItBackToDraft() {
        CubeStrengthReport cube = newCube();
        JsonNode approved = approvedDraft(cube);
        Http.Response edited = http.put("/api/v1/report-drafts/" + approved.get("id").asText(), clerk,
                new ReportDraftRequest(ReportType.CONCRETE_CUBE, Reports.withSampleName(cube, "改正后的样品")),
                "\"" + approved.get("version").asLong() + "\"");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("state").asText()).isEqualTo("DRAFT");
        assertThat(edited.json().get("reviewerName").isNull()).isTrue();
        assertThat(edited.json().get("approverName").isNull()).isTrue();
    }

    @Test
    void theIssuedContentMustBeTheApprovedOne() {
        CubeStrengthReport cube = newCube();
        JsonNode approved = approvedDraft(cube);
        Http.Response r = http.post("/api/v1/reports", approver, withLifecycle(
                Reports.upload(lab, Reports.withSampleName(cube, "别的样品")), id(approved), null, null));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").toString()).contains("differs_from_draft");
        Http.Response unknown = http.post("/api/v1/reports", approver,
                withLifecycle(Reports.upload(lab, newCube()), UUID.randomUUID(), null, null));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors").toString()).contains("\"field\":\"draftId\"");
    }

    @Test
    void reviewNeedsACompleteReport() {
        CubeStrengthReport cube = newCube();
        CubeStrengthReport unfinished = new CubeStrengthReport(cube.reportNumber(), cube.commissionNumber(),
                cube.projectId(), cube.projectName(), cube.projectPart(), cube.sampleName(), cube.sampleId(),
                cube.representativeQuantityM3(), cube.samplingDate(), cube.testDate(), cube.curingAgeDays(),
                cube.standard(), cube.designGrade(), cube.specimenSizeMm(), java.util.List.of(),
                cube.testedSizeFactor(), cube.witnessName(), cube.witnessCertificateNumber(),
                cube.witnessOrganisation(), cube.samplerName());
        JsonNode draft = created(clerk, unfinished);
        Http.Response r = step(reviewer, draft, "review");
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").toString()).contains("content.");
    }

    @Test
    void aDirectIssueByAHolderOfAllThreePermissionsRecordsThatOnePersonDidEveryStep() {
        JsonNode report = uploadedDirectly(newCube());
        assertThat(report.get("signOff").asText()).isEqualTo("SINGLE_USER");
        assertThat(report.get("reviewerName").asText()).isEqualTo("杨主任");
        assertThat(report.get("approverName").asText()).isEqualTo("杨主任");
    }

    @Test
    void aCorrectionSupersedesTheOldVersionAndVerificationSaysSo() {
        CubeStrengthReport original = newCube();
        ReportUpload first = Reports.upload(lab, original);
        Http.Response r1 = http.post("/api/v1/reports", admin, first);
        assertThat(r1.status()).as(r1.body()).isEqualTo(201);
        UUID oldId = id(r1.json());

        Http.Response noReason = http.post("/api/v1/reports", admin,
                withLifecycle(Reports.upload(lab, newCube()), null, oldId, null));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().get("errors").toString()).contains("correctionReason");

        CubeStrengthReport corrected = Reports.withSampleName(newCube(), "更正后的样品");
        Http.Response r2 = http.post("/api/v1/reports", admin,
                withLifecycle(Reports.upload(lab, corrected), null, oldId, "试件尺寸录入错误"));
        assertThat(r2.status()).as(r2.body()).isEqualTo(201);
        assertThat(r2.json().get("supersedesId").asText()).isEqualTo(oldId.toString());
        assertThat(r2.json().get("correctionReason").asText()).isEqualTo("试件尺寸录入错误");

        JsonNode old = http.get("/api/v1/reports/" + oldId, admin).json();
        assertThat(old.get("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(old.get("statusReason").asText()).isEqualTo("试件尺寸录入错误");
        assertThat(old.get("supersededById").asText()).isEqualTo(r2.json().get("id").asText());
        assertThat(old.get("history").findValuesAsText("reportNumber"))
                .containsExactly(original.reportNumber(), corrected.reportNumber());
        assertThat(http.get("/api/v1/reports/" + r2.json().get("id").asText(), admin).json().get("history")
                .findValuesAsText("status")).containsExactly("SUPERSEDED", "VALID");

        JsonNode v = http.get("/api/v1/verify/" + first.qrToken(), null).json();
        assertThat(v.get("outcome").asText()).isEqualTo("GENUINE_IN_SYSTEM");
        assertThat(v.at("/record/status").asText()).isEqualTo("SUPERSEDED");
        assertThat(v.at("/record/statusReason").asText()).isEqualTo("试件尺寸录入错误");
        assertThat(v.at("/record/supersededByNumber").asText()).isEqualTo(corrected.reportNumber());
        String page = http.get("/v/" + first.qrToken(), null).body();
        assertThat(page).contains("status-notice").contains("已被更正报告 " + corrected.reportNumber())
                .contains("试件尺寸录入错误");

        // a superseded report is not corrected again; another organisation cannot name it
        Http.Response twice = http.post("/api/v1/reports", admin,
                withLifecycle(Reports.upload(lab, newCube()), null, oldId, "再次更正"));
        assertThat(twice.status()).as(twice.body()).isEqualTo(409);
        OrganisationCredential conlab = Reports.demoCredential(server, DemoAccounts.Org.CONLAB);
        Http.Response foreign = http.post("/api/v1/reports", http.login("conlab-admin"), withLifecycle(
                Reports.upload(conlab, newCube()), null, id(r2.json()), "他人更正"));
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(422);
        assertThat(foreign.json().get("errors").toString()).contains("\"field\":\"supersedes\"");
        assertThat(http.get("/api/v1/reports/" + r2.json().get("id").asText(), admin).json().get("status").asText())
                .isEqualTo("VALID");
    }

    @Test
    void aWithdrawnReportIsGenuineButWithdrawnEverywhere() throws Exception {
        ReportUpload upload = Reports.upload(lab, newCube());
        Http.Response r = http.post("/api/v1/reports", admin, upload);
        assertThat(r.status()).isEqualTo(201);
        String path = "/api/v1/reports/" + r.json().get("id").asText() + "/withdraw";
        String cursor = lastCursor(admin);

        assertThat(http.post(path, clerk, new ReportWithdrawal("检测人撤回")).status()).isEqualTo(403);
        assertThat(http.post(path, http.login("conlab-admin"), new ReportWithdrawal("他人撤回")).status()).isEqualTo(404);
        assertThat(http.post(path, http.login("xm-inspector"), new ReportWithdrawal("监督撤回")).status()).isEqualTo(404);
        Http.Response blank = http.post(path, admin, new ReportWithdrawal("  "));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.json().at("/errors/0/field").asText()).isEqualTo("reason");

        Http.Response withdrawn = http.post(path, approver, new ReportWithdrawal("委托方取消检测，样品不具代表性"));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.json().get("version").asLong()).isEqualTo(2);
        assertThat(http.post(path, approver, new ReportWithdrawal("再次撤回")).status()).isEqualTo(409);

        JsonNode v = http.get("/api/v1/verify/" + upload.qrToken(), null).json();
        assertThat(v.get("outcome").asText()).isEqualTo("GENUINE_IN_SYSTEM");
        assertThat(v.at("/record/status").asText()).isEqualTo("WITHDRAWN");
        assertThat(v.at("/record/statusReason").asText()).isEqualTo("委托方取消检测，样品不具代表性");
        assertThat(http.get("/v/" + upload.qrToken(), null).body()).contains("已被检测机构撤回")
                .contains("委托方取消检测，样品不具代表性");

        String feed = http.get("/api/v1/sync/changes?since=" + cursor, admin).body();
        assertThat(feed).contains(r.json().get("id").asText()).contains("WITHDRAWN");
        assertThat(http.get("/api/v1/audit?limit=50", admin).json().findValuesAsText("action")).contains("report.withdraw");
    }

    private static String lastCursor(String token) {
        String cursor = null;
        while (true) {
            JsonNode page = http.get("/api/v1/sync/changes?limit=2000" + (cursor == null ? "" : "&since=" + cursor), token)
                    .json();
            String next = page.get("nextCursor").asText();
            if (page.get("changes").isEmpty() || next.equals(cursor)) {
                return next;
            }
            cursor = next;
        }
    }
}

package cn.cqs.client.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.api.ApiClient;
import cn.cqs.client.api.ApiClientConfig;
import cn.cqs.client.dialogs.RecordingDialogService;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.auth.CurrentUser;
import cn.cqs.contract.auth.LoginRequest;
import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.ReportDraft;
import cn.cqs.contract.reports.ReportDraftState;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.app.ServerConfig;
import cn.cqs.server.demo.DemoAccounts;
import cn.cqs.client.credentials.CredentialStore;
import cn.cqs.client.credentials.SigningCredentials;
import cn.cqs.client.sync.LocalStore;
import cn.cqs.client.sync.Outbox;
import cn.cqs.contract.json.Json;
import cn.cqs.contract.reports.ReportUpload;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sign-off queues (审核, 批准) against a real server: the clerk submits a local draft, the reviewer's
 * queue offers "review" only on drafts somebody else wrote, the approver's queue only on drafts somebody
 * else reviewed, and the steps are recorded with the users' names. View models run inline (no stage).
 */
class ReportSignOffServerTest {
    static CqsServer server;
    static final List<ApiClient> clients = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = CqsServer.start(ServerConfig.forTests());
        Localization.setLanguage(AppLanguage.CHINESE);
    }

    @AfterAll
    static void stop() throws Exception {
        for (ApiClient c : clients) {
            c.close();
        }
        server.close();
    }

    record Session(ApiClient api, CurrentUser user) {
    }

    static Session login(String username) {
        ApiClient api = new ApiClient(ApiClientConfig.of(URI.create(server.baseUrl())));
        clients.add(api);
        return new Session(api, api.login(new LoginRequest(username, DemoAccounts.PASSWORD)).user());
    }

    static ReportSignOffViewModel queue(Session s, ReportSignOffViewModel.Step step, RecordingDialogService dialogs) {
        return new ReportSignOffViewModel(s.user(), new ReportDrafts(s.api()), step, dialogs, Runnable::run, Runnable::run);
    }

    static ReportDraft find(ReportSignOffViewModel vm, String number) {
        vm.reload();
        return vm.waiting().stream().filter(d -> d.reportNumber().equals(number)).findFirst().orElse(null);
    }

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    @Test
    void aDraftGoesThroughReviewAndApprovalByOtherUsers() throws Exception {
        Session clerk = login("lab-clerk");
        Session reviewer = login("lab-reviewer");
        Session approver = login("lab-approver");
        Session director = login("lab-admin");
        UUID projectId = server.jdbi().withHandle(h -> h.createQuery(
                "select p.id from project p join project_organisation po on po.project_id = p.id "
                        + "join organisation o on o.id = po.organisation_id where o.uscc = :u order by p.name limit 1")
                .bind("u", DemoAccounts.Org.LAB.uscc).mapTo(UUID.class).one());
        String number = "2026-SIGN-000001";
        java.time.LocalDate tested = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(2);
        CubeStrengthReport cube = new CubeStrengthReport(number, "WT-" + number, projectId, "签发流程工程",
                "3#楼 十二层 剪力墙", "混凝土立方体试件", "YP-" + number, new java.math.BigDecimal("120"),
                tested.minusDays(28), tested, 28, CubeStrengthReport.STANDARD, "C30", 150,
                java.util.stream.Stream.of("720.0", "747.0", "765.0")
                        .map(l -> new CubeStrengthReport.Specimen(new java.math.BigDecimal(l))).toList(),
                null, "林建国", "JZ-35-2023-00412", "厦门市某某建设监理有限公司", "陈晓明");
        LocalReport local = LocalReport.draft(cube, null, null, Instant.now());
        ReportDraft submitted = new ReportDrafts(clerk.api()).submit(local);
        assertThat(submitted.state()).isEqualTo(ReportDraftState.DRAFT);
        // submitting again (a retry) creates no second draft
        assertThat(new ReportDrafts(clerk.api()).submit(local).id()).isEqualTo(submitted.id());

        // submitting the edited draft again replaces the shared draft's content (no second draft)
        LocalReport edited = local.edited(new CubeStrengthReport(cube.reportNumber(), cube.commissionNumber(),
                cube.projectId(), cube.projectName(), "3#楼 十三层 剪力墙", cube.sampleName(), cube.sampleId(),
                cube.representativeQuantityM3(), cube.samplingDate(), cube.testDate(), cube.curingAgeDays(),
                cube.standard(), cube.designGrade(), cube.specimenSizeMm(), cube.specimens(), cube.testedSizeFactor(),
                cube.witnessName(), cube.witnessCertificateNumber(), cube.witnessOrganisation(), cube.samplerName()),
                null, null, Instant.now().plusSeconds(1));
        ReportDraft resubmitted = new ReportDrafts(clerk.api()).submit(edited);
        assertThat(resubmitted.id()).isEqualTo(submitted.id());
        assertThat(resubmitted.header().projectPart()).isEqualTo("3#楼 十三层 剪力墙");
        assertThat(resubmitted.version()).isGreaterThan(submitted.version());

        // the clerk holds no review permission; the approver's queue does not show a draft yet
        RecordingDialogService clerkDialogs = new RecordingDialogService();
        ReportSignOffViewModel clerkQueue = queue(clerk, ReportSignOffViewModel.Step.REVIEW, clerkDialogs);
        ReportDraft seenByClerk = find(clerkQueue, number);
        assertThat(clerkQueue.mayTake(seenByClerk)).isFalse();
        clerkQueue.take(seenByClerk);
        assertThat(clerkDialogs.shown()).extracting(RecordingDialogService.Shown::kind).containsExactly("error");
        assertThat(find(queue(approver, ReportSignOffViewModel.Step.APPROVE, new RecordingDialogService()), number))
                .isNull();

        RecordingDialogService reviewerDialogs = new RecordingDialogService().answerConfirm(true);
        ReportSignOffViewModel reviewQueue = queue(reviewer, ReportSignOffViewModel.Step.REVIEW, reviewerDialogs);
        ReportDraft waiting = find(reviewQueue, number);
        assertThat(reviewQueue.mayTake(waiting)).isTrue();
        reviewQueue.take(waiting);
        assertThat(reviewQueue.statusProperty().get()).isEqualTo("共 " + reviewQueue.waiting().size() + " 份报告待处理");
        assertThat(find(reviewQueue, number)).as("no longer waiting for review").isNull();

        // the director may approve in general, but the reviewer may not approve what they reviewed
        ReportSignOffViewModel reviewerApproves = queue(reviewer, ReportSignOffViewModel.Step.APPROVE,
                new RecordingDialogService());
        ReportDraft reviewed = find(reviewerApproves, number);
        assertThat(reviewed.reviewerName()).isEqualTo("李审核");
        assertThat(reviewerApproves.mayTake(reviewed)).isFalse();

        RecordingDialogService approverDialogs = new RecordingDialogService().answerConfirm(true);
        ReportSignOffViewModel approveQueue = queue(approver, ReportSignOffViewModel.Step.APPROVE, approverDialogs);
        approveQueue.take(find(approveQueue, number));
        assertThat(approverDialogs.shown()).extracting(RecordingDialogService.Shown::kind).containsExactly("confirm");
        ReportDraft approved = new ReportDrafts(director.api()).list().stream()
                .filter(d -> d.id().equals(submitted.id())).findFirst().orElseThrow();
        assertThat(approved.state()).isEqualTo(ReportDraftState.APPROVED);
        assertThat(approved.approverName()).isEqualTo("王批准");

        // the approver issues it on their PC: signed, rendered, queued naming the draft; the server accepts it
        LocalStore store = LocalStore.open(dir.resolve("approver.db"));
        Outbox outbox = new Outbox(store);
        SigningCredentials credentials = new SigningCredentials(new CredentialStore(dir.resolve("credentials")),
                id -> DemoAccounts.Org.LAB.uscc, approver.user().organisationId());
        credentials.importFile(server.demoCredentialsDirectory().orElseThrow().resolve(DemoAccounts.Org.LAB.uscc + ".p12"),
                DemoAccounts.PASSWORD.toCharArray());
        ReportIssuer issuer = new ReportIssuer(store, new LocalReports(store), outbox, ReportsModule::renderer,
                dir.resolve("pdf"), URI.create(server.baseUrl()), java.time.Clock.systemUTC());
        RecordingDialogService issueDialogs = new RecordingDialogService().answerConfirm(true)
                .answerPassword(DemoAccounts.PASSWORD);
        ReportSignOffViewModel issueQueue = new ReportSignOffViewModel(approver.user(), new ReportDrafts(approver.api()),
                ReportSignOffViewModel.Step.APPROVE, issueDialogs, Runnable::run, Runnable::run,
                new ApprovedDraftIssuer(credentials, issuer, approver.user().organisationName()));
        ReportDraft toIssue = find(issueQueue, number);
        assertThat(issueQueue.mayIssue(toIssue)).isTrue();
        assertThat(reviewerApproves.mayIssue(toIssue)).as("no issuing without the approve permission and a credential")
                .isFalse();
        issueQueue.issue(toIssue);
        assertThat(issueDialogs.shown()).extracting(RecordingDialogService.Shown::kind).containsExactly("confirm", "password");
        assertThat(issueQueue.statusProperty().get()).as("the queue reloaded after issuing").contains("份报告待处理");
        ReportUpload upload = Json.newMapper().readValue(outbox.pending().get(0).payload(), ReportUpload.class);
        assertThat(upload.draftId()).isEqualTo(submitted.id());
        assertThat(upload.testerName()).isEqualTo("张检测");
        assertThat(upload.reviewerName()).isEqualTo("李审核");
        assertThat(upload.approverName()).isEqualTo("王批准");
        com.fasterxml.jackson.databind.JsonNode report = approver.api().post("/api/v1/reports", upload,
                com.fasterxml.jackson.databind.JsonNode.class, java.util.Map.of(ApiClient.IDEMPOTENCY_KEY, UUID.randomUUID().toString()));
        assertThat(report.get("signOff").asText()).isEqualTo("WORKFLOW");
        assertThat(report.get("reviewerName").asText()).isEqualTo("李审核");
        store.close();
    }

    @Test
    void aSpliceReportIsReviewedApprovedAndIssuedThroughTheSameQueues() throws Exception {
        Session clerk = login("lab-clerk");
        Session approver = login("lab-approver");
        UUID projectId = server.jdbi().withHandle(h -> h.createQuery(
                "select p.id from project p join project_organisation po on po.project_id = p.id "
                        + "join organisation o on o.id = po.organisation_id where o.uscc = :u order by p.name limit 1")
                .bind("u", DemoAccounts.Org.LAB.uscc).mapTo(UUID.class).one());
        String number = "2026-SIGN-000002";
        Object splice = cn.cqs.contract.reports.ReportExamples.of(cn.cqs.contract.reports.ReportType.REBAR_SPLICE,
                number, projectId, "签发流程工程", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(2));
        ReportDraft submitted = new ReportDrafts(clerk.api()).submit(LocalReport.draft(
                cn.cqs.contract.reports.ReportType.REBAR_SPLICE, splice, null, null, Instant.now()));
        assertThat(submitted.type()).isEqualTo(cn.cqs.contract.reports.ReportType.REBAR_SPLICE);

        ReportSignOffViewModel reviewQueue = queue(login("lab-reviewer"), ReportSignOffViewModel.Step.REVIEW,
                new RecordingDialogService().answerConfirm(true));
        reviewQueue.take(find(reviewQueue, number));
        ReportSignOffViewModel approveQueue = queue(approver, ReportSignOffViewModel.Step.APPROVE,
                new RecordingDialogService().answerConfirm(true));
        approveQueue.take(find(approveQueue, number));

        LocalStore store = LocalStore.open(dir.resolve("approver-splice.db"));
        Outbox outbox = new Outbox(store);
        SigningCredentials credentials = new SigningCredentials(new CredentialStore(dir.resolve("credentials-splice")),
                id -> DemoAccounts.Org.LAB.uscc, approver.user().organisationId());
        credentials.importFile(server.demoCredentialsDirectory().orElseThrow().resolve(DemoAccounts.Org.LAB.uscc + ".p12"),
                DemoAccounts.PASSWORD.toCharArray());
        ReportIssuer issuer = new ReportIssuer(store, new LocalReports(store), outbox, ReportsModule::renderer,
                dir.resolve("pdf-splice"), URI.create(server.baseUrl()), java.time.Clock.systemUTC());
        ReportSignOffViewModel issueQueue = new ReportSignOffViewModel(approver.user(), new ReportDrafts(approver.api()),
                ReportSignOffViewModel.Step.APPROVE, new RecordingDialogService().answerConfirm(true)
                .answerPassword(DemoAccounts.PASSWORD), Runnable::run, Runnable::run,
                new ApprovedDraftIssuer(credentials, issuer, approver.user().organisationName()));
        issueQueue.issue(find(issueQueue, number));
        ReportUpload upload = Json.newMapper().readValue(outbox.pending().get(0).payload(), ReportUpload.class);
        assertThat(upload.type()).isEqualTo(cn.cqs.contract.reports.ReportType.REBAR_SPLICE);
        assertThat(upload.content()).isEqualTo(splice);
        com.fasterxml.jackson.databind.JsonNode report = approver.api().post("/api/v1/reports", upload,
                com.fasterxml.jackson.databind.JsonNode.class, java.util.Map.of(ApiClient.IDEMPOTENCY_KEY, UUID.randomUUID().toString()));
        assertThat(report.get("type").asText()).isEqualTo("REBAR_SPLICE");
        assertThat(report.get("signOff").asText()).isEqualTo("WORKFLOW");
        assertThat(report.get("designGrade").asText()).isEqualTo("I 级 HRB400 Φ25");
        store.close();
    }
}

package cn.cqs.client.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.credentials.CredentialStore;
import cn.cqs.client.credentials.SigningCredentials;
import cn.cqs.client.dialogs.RecordingDialogService;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.reports.sections.CubeSectionViewModel;
import cn.cqs.client.session.SessionWorkspace;
import cn.cqs.client.sync.LocalStore;
import cn.cqs.client.sync.Outbox;
import cn.cqs.client.sync.OutboxEntry;
import cn.cqs.client.sync.Replica;
import cn.cqs.contract.auth.CurrentUser;
import cn.cqs.contract.json.Json;
import cn.cqs.contract.orgs.OrganisationKind;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.orgs.Role;
import cn.cqs.contract.pki.CertificateAuthority;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.pki.OrganisationIdentity;
import cn.cqs.contract.pki.Pkcs12Keystores;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.reports.ReportKeyFields;
import cn.cqs.contract.reports.ReportUpload;
import cn.cqs.contract.sync.Change;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report form's view model without a stage, on a real profile database: live computation by
 * the GB/T 50081 rule (mean, middle-value and invalid-group cases), localised field errors that
 * never clear what was typed, the report number proposal from local and synced numbers, and the
 * issue flow (confirmation, credential password, signed token, PDF, outbox entry) with a
 * recording dialog service.
 */
class ReportFormViewModelTest {
    static final String LAB_USCC = "91350200776049653A";
    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    static CertificateAuthority ca;
    static OrganisationCredential labCredential;

    @TempDir
    Path dir;
    final ObjectMapper mapper = Json.newMapper();
    final RecordingDialogService dialogs = new RecordingDialogService();
    final UUID projectId = UUID.randomUUID();
    /** Issues directly: holds the author, review and approve permissions (a lab director). */
    final CurrentUser clerk = new CurrentUser(UUID.randomUUID(), "lab-admin", "陈晓明", Role.ORDINARY,
            Set.of(Permission.REPORTS_AUTHOR, Permission.REPORTS_REVIEW, Permission.REPORTS_APPROVE), UUID.randomUUID(), "福建省建筑工程质量检测中心",
            OrganisationKind.TESTING_AGENCY, "350200");
    LocalStore store;
    Replica replica;
    Outbox outbox;
    LocalReports reports;
    SigningCredentials credentials;
    ReportsEnvironment env;
    int closed;

    @BeforeAll
    static void pki() {
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        ca = CertificateAuthority.createPlatformCa("Platform CA", "福建省住房和城乡建设厅", start, start.plus(3650, ChronoUnit.DAYS));
        labCredential = ca.issueOrganisationCredential(new OrganisationIdentity("福建省建筑工程质量检测中心", LAB_USCC),
                start, start.plus(1000, ChronoUnit.DAYS));
    }

    @BeforeEach
    void setUp() throws Exception {
        Localization.setLanguage(AppLanguage.CHINESE);
        store = LocalStore.open(dir.resolve("profile.db"));
        replica = new Replica(store, SessionWorkspace.indexers());
        replica.apply(Change.upsert(SessionWorkspace.PROJECT, projectId, 1, NOW,
                mapper.readTree("{\"id\":\"" + projectId + "\",\"name\":\"厦门市翔安区保障性住房项目\"}")));
        outbox = new Outbox(store);
        reports = new LocalReports(store);
        credentials = new SigningCredentials(new CredentialStore(dir.resolve("credentials")), id -> LAB_USCC,
                clerk.organisationId());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ReportIssuer issuer = new ReportIssuer(store, reports, outbox, ReportsModule::renderer, dir.resolve("pdf"),
                java.net.URI.create("https://cqs.example.cn"), clock);
        env = new ReportsEnvironment(clerk, reports, issuer, credentials, replica, outbox, dialogs, Runnable::run,
                Runnable::run, clock, () -> { });
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    ReportFormViewModel newForm() {
        ReportFormViewModel vm = new ReportFormViewModel(env, null, () -> closed++);
        vm.start();
        return vm;
    }

    static CubeSectionViewModel cube(ReportFormViewModel vm) {
        return (CubeSectionViewModel) vm.section();
    }

    static void loads(ReportFormViewModel vm, String a, String b, String c) {
        vm.text("specimens[0].failureLoadKn").set(a);
        vm.text("specimens[1].failureLoadKn").set(b);
        vm.text("specimens[2].failureLoadKn").set(c);
    }

    void fillValid(ReportFormViewModel vm) {
        vm.text("commissionNumber").set("WT-2026-00031");
        vm.projectProperty().set(vm.projects().get(0));
        vm.text("projectPart").set("3#楼 十二层 剪力墙");
        vm.text("sampleId").set("YP-2026-0301");
        vm.text("representativeQuantityM3").set("120");
        vm.samplingDateProperty().set(LocalDate.of(2026, 1, 30));
        vm.testDateProperty().set(LocalDate.of(2026, 2, 27));
        vm.text("designGrade").set("C30");
        loads(vm, "815.6", "842.3", "798.0");
        vm.text("witnessName").set("林建国");
        vm.text("witnessCertificateNumber").set("JZ-35-2023-00412");
        vm.text("witnessOrganisation").set("厦门某监理有限公司");
        vm.text("samplerName").set("王磊");
    }

    @Test
    void computesTheGroupLiveAsTheUserTypes() {
        ReportFormViewModel vm = newForm();
        vm.text("designGrade").set("C30");
        assertThat(cube(vm).loadingRateHintProperty().get()).isEqualTo("0.5~0.8 MPa/s");
        loads(vm, "815.6", "842.3", "");
        assertThat(cube(vm).representativeStrengthProperty().get()).isEmpty();
        vm.text("specimens[2].failureLoadKn").set("798.0");

        assertThat(cube(vm).specimenStrength(0).get()).isEqualTo("36.2");
        assertThat(cube(vm).specimenStrength(1).get()).isEqualTo("37.4");
        assertThat(cube(vm).specimenStrength(2).get()).isEqualTo("35.5");
        assertThat(cube(vm).methodProperty().get()).isEqualTo("三个试件的平均值");
        assertThat(cube(vm).representativeStrengthProperty().get()).isEqualTo("36.4");
        assertThat(cube(vm).percentOfGradeProperty().get()).isEqualTo("121%");
        assertThat(vm.conclusionProperty().get()).isEqualTo("达到设计强度等级");
    }

    @Test
    void middleValueAndInvalidGroupCases() {
        ReportFormViewModel vm = newForm();
        vm.text("designGrade").set("C30");
        loads(vm, "700", "800", "1000"); // 31.1 / 35.6 / 44.4: only the highest is over 15 % from 35.6
        assertThat(cube(vm).methodProperty().get()).isEqualTo("取中间值（一个极值超过中间值的 15%）");
        assertThat(cube(vm).representativeStrengthProperty().get()).isEqualTo("35.6");

        loads(vm, "600", "800", "1000"); // 26.7 / 35.6 / 44.4: both extremes over 15 %
        assertThat(cube(vm).methodProperty().get()).isEqualTo("无效（两个极值均超过中间值的 15%）");
        assertThat(cube(vm).representativeStrengthProperty().get()).isEqualTo("—");
        assertThat(vm.conclusionProperty().get()).isEqualTo("该组试验结果无效");

        cube(vm).choice("specimenSizeMm").set(100); // 100 mm cube: factor 0.95
        loads(vm, "360", "370", "380");
        assertThat(cube(vm).specimenStrength(0).get()).isEqualTo("36.0");
        assertThat(cube(vm).representativeStrengthProperty().get()).isEqualTo("35.2");
    }

    @Test
    void errorsAreLocalisedNextToTheirFieldsAndWhatWasTypedStays() {
        ReportFormViewModel vm = newForm();
        vm.text("reportNumber").set("2026-HNT-12");
        vm.text("designGrade").set("C33");
        loads(vm, "815.6", "abc", "798.0");
        vm.text("testedSizeFactor").set("1.05");

        vm.save();

        assertThat(vm.error("reportNumber").get()).isEqualTo("格式为 年份-字母代号-6 位流水号，例如 2024-HNT-000123。");
        assertThat(vm.error("designGrade").get()).isEqualTo("没有该强度等级；可用 C7.5 及 C10 至 C100（每 5 一级）。");
        assertThat(vm.error("specimens[1].failureLoadKn").get()).isEqualTo("请输入数字。");
        assertThat(vm.error("projectId").get()).isEqualTo("必填。");
        assertThat(vm.error("witnessName").get()).isEqualTo("必填。");
        assertThat(vm.text("specimens[1].failureLoadKn").get()).isEqualTo("abc");
        assertThat(vm.text("designGrade").get()).isEqualTo("C33");
        // the incomplete draft is saved all the same, and survives
        assertThat(reports.all()).singleElement().satisfies(r -> assertThat(r.cube().designGrade()).isEqualTo("C33"));

        vm.text("designGrade").set("C30"); // errors follow the typing once shown
        assertThat(vm.error("designGrade").get()).isEmpty();
        assertThat(vm.error("testedSizeFactor").get())
                .isEqualTo("仅 C60 及以上且非标准试件需要试验确定的换算系数，请留空。");

        Localization.setLanguage(AppLanguage.ENGLISH);
        vm.text("designGrade").set("");
        assertThat(vm.error("designGrade").get()).isEqualTo("Required.");
        Localization.setLanguage(AppLanguage.CHINESE);
    }

    @Test
    void proposesTheNextNumberOfTheLabsYearlySeries() throws Exception {
        assertThat(newForm().text("reportNumber").get()).isEqualTo("2026-HNT-000001");

        ReportFormViewModel first = newForm();
        first.text("reportNumber").set("2026-HNT-000004");
        first.save();
        replica.apply(Change.upsert(SessionWorkspace.REPORT, UUID.randomUUID(), 1, NOW,
                mapper.readTree("{\"reportNumber\":\"2026-HNT-000007\",\"issuedAt\":\"2026-02-01T00:00:00Z\"}")));
        replica.apply(Change.upsert(SessionWorkspace.REPORT, UUID.randomUUID(), 1, NOW,
                mapper.readTree("{\"reportNumber\":\"2025-HNT-000090\",\"issuedAt\":\"2025-12-01T00:00:00Z\"}")));

        assertThat(newForm().text("reportNumber").get()).isEqualTo("2026-HNT-000008");
    }

    @Test
    void submittingForReviewNeedsThePlatform() {
        ReportFormViewModel vm = newForm();
        fillValid(vm);
        vm.submitForReview();
        assertThat(dialogs.shown()).extracting(RecordingDialogService.Shown::message)
                .containsExactly("提交审核需要连接平台。");
        assertThat(outbox.pending()).isEmpty();
    }

    @Test
    void aUserWithoutTheReviewAndApprovePermissionsCannotIssueDirectly() throws Exception {
        CurrentUser author = new CurrentUser(UUID.randomUUID(), "lab-clerk", "张检测", Role.ORDINARY,
                Set.of(Permission.REPORTS_AUTHOR), clerk.organisationId(), clerk.organisationName(),
                clerk.organisationKind(), clerk.organisationRegionCode());
        env = new ReportsEnvironment(author, env.reports(), env.issuer(), env.credentials(), env.replica(), env.outbox(),
                env.dialogs(), env.background(), env.ui(), env.clock(), env.dataChanged());
        ReportFormViewModel vm = newForm();
        fillValid(vm);
        assertThat(vm.mayIssueProperty().get()).isFalse();

        vm.issue();

        assertThat(dialogs.shown()).extracting(RecordingDialogService.Shown::kind).containsExactly("error");
        assertThat(outbox.pending()).isEmpty();
        assertThat(reports.all()).allMatch(r -> r.state() == LocalReportState.DRAFT);
        assertThat(newFormFor(clerk).mayIssueProperty().get()).isTrue();
    }

    private ReportFormViewModel newFormFor(CurrentUser user) {
        ReportsEnvironment e = new ReportsEnvironment(user, env.reports(), env.issuer(), env.credentials(), env.replica(),
                env.outbox(), env.dialogs(), env.background(), env.ui(), env.clock(), env.dataChanged());
        return new ReportFormViewModel(e, null, () -> closed++);
    }

    @Test
    void issuingSignsRendersAndQueuesTheUploadOffline() throws Exception {
        Path p12 = dir.resolve("lab.p12");
        Pkcs12Keystores.save(labCredential, p12, "Demo@2026".toCharArray());
        credentials.importFile(p12, "Demo@2026".toCharArray());
        ReportFormViewModel vm = newForm();
        fillValid(vm);
        vm.reviewerNameProperty().set("李娜"); // not what is recorded: the issuing user did the review
        dialogs.answerConfirm(true).answerPassword("Demo@2026").answerConfirm(false);

        vm.issue();

        assertThat(dialogs.shown()).extracting(RecordingDialogService.Shown::kind)
                .containsExactly("confirm", "password", "information", "confirm");
        assertThat(closed).isEqualTo(1);
        LocalReport issued = reports.all().get(0);
        assertThat(issued.state()).isEqualTo(LocalReportState.ISSUED);
        assertThat(Files.readAllBytes(issued.pdf())).startsWith("%PDF".getBytes());
        OutboxEntry entry = outbox.pending().get(0);
        assertThat(outbox.pending()).hasSize(1);
        assertThat(entry.id()).isEqualTo(issued.outboxId());
        assertThat(entry.target().toString()).isEqualTo("POST /api/v1/reports");
        ReportUpload upload = mapper.readValue(entry.payload(), ReportUpload.class);
        assertThat(((cn.cqs.contract.reports.CubeStrengthReport) upload.content()).reportNumber()).isEqualTo("2026-HNT-000001");
        assertThat(upload.testerName()).isEqualTo("陈晓明");
        assertThat(upload.reviewerName()).isEqualTo("陈晓明");
        assertThat(upload.approverName()).isEqualTo("陈晓明");
        assertThat(upload.issuedAt()).isEqualTo(NOW);
        QrToken token = QrToken.decode(upload.qrToken());
        assertThat(token.issuerId()).isEqualTo(LAB_USCC);
        assertThat(token.documentNumber()).isEqualTo("2026-HNT-000001");
        assertThat(token.digest()).isEqualTo(ReportKeyFields.of(upload.type(), upload.content()).digest());
        assertThat(vm.editableProperty().get()).isFalse();

        // the password is asked once per session
        ReportFormViewModel second = newForm();
        fillValid(second);
        assertThat(second.text("reportNumber").get()).isEqualTo("2026-HNT-000002");
        dialogs.answerConfirm(true).answerConfirm(false);
        second.issue();
        assertThat(outbox.pending()).hasSize(2);
    }

    @Test
    void anIssuedReportOpensItsLocalPdfAndRecordsPrintsAgainstItsUpload() throws Exception {
        Path p12 = dir.resolve("lab.p12");
        Pkcs12Keystores.save(labCredential, p12, "Demo@2026".toCharArray());
        credentials.importFile(p12, "Demo@2026".toCharArray());
        ReportFormViewModel form = newForm();
        fillValid(form);
        dialogs.answerConfirm(true).answerPassword("Demo@2026").answerConfirm(false);
        form.issue();
        LocalReport issued = reports.all().get(0);

        java.util.List<cn.cqs.client.viewer.ReportDocument> opened = new java.util.ArrayList<>();
        ReportListViewModel list = new ReportListViewModel(env, false, (type, draft) -> { });
        assertThat(list.canOpenPdf()).isFalse();
        list.setViewer(opened::add);
        list.start();
        ReportRow row = list.rows().stream().filter(r -> issued.id().equals(r.localId())).findFirst().orElseThrow();
        list.open(row); // an issued row opens its PDF, not the form
        assertThat(opened).singleElement().satisfies(d -> {
            assertThat(d.localPdf()).isEqualTo(issued.pdf());
            assertThat(d.reportId()).as("not uploaded yet").isNull();
            assertThat(d.showHistory()).isFalse();
            assertThat(d.printTarget().printsPath()).isEqualTo("/api/v1/reports/{receipt:" + issued.outboxId() + "}/prints");
        });

        // once uploaded, the server's id is known: history and prints go to it
        UUID serverId = UUID.randomUUID();
        try (cn.cqs.client.sync.OutboxDrainer drainer = new cn.cqs.client.sync.OutboxDrainer(outbox,
                e -> new cn.cqs.client.sync.SendResult.Delivered("{\"id\":\"" + serverId + "\"}"),
                new cn.cqs.client.sync.Backoff(java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(50), 0))) {
            drainer.start();
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
            while (outbox.counts().done() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        list.openPdf(row);
        assertThat(opened).hasSize(2);
        assertThat(opened.get(1).reportId()).isEqualTo(serverId);
        assertThat(opened.get(1).localPdf()).isEqualTo(issued.pdf());
        assertThat(opened.get(1).showHistory()).isTrue();
        assertThat(opened.get(1).printTarget().printsPath()).isEqualTo("/api/v1/reports/" + serverId + "/prints");

        // a draft has no PDF: the user is told so
        ReportFormViewModel draft = newForm();
        fillValid(draft);
        draft.save();
        list.reload();
        ReportRow draftRow = list.rows().stream().filter(r -> r.status() == ReportRowStatus.DRAFT).findFirst().orElseThrow();
        list.openPdf(draftRow);
        assertThat(opened).hasSize(2);
        assertThat(dialogs.shown()).last().satisfies(s -> assertThat(s.message()).isEqualTo("草稿尚未签发，还没有 PDF。"));
    }

    @Test
    void aWrongPasswordOrAMissingCredentialQueuesNothing() throws Exception {
        ReportFormViewModel vm = newForm();
        fillValid(vm);
        dialogs.answerConfirm(true).answerPassword("Demo@2026");
        vm.issue();
        assertThat(dialogs.shown().get(dialogs.shown().size() - 1).message())
                .isEqualTo("尚未导入签章证书，请先在“签章证书”中导入。");

        Path p12 = dir.resolve("lab.p12");
        Pkcs12Keystores.save(labCredential, p12, "Demo@2026".toCharArray());
        credentials.importFile(p12, "Demo@2026".toCharArray());
        dialogs.answerConfirm(true).answerPassword("wrong");
        vm.issue();
        assertThat(dialogs.shown().get(dialogs.shown().size() - 1).message()).isEqualTo("密码错误，无法打开签章证书。");
        assertThat(outbox.all()).isEmpty();
        assertThat(vm.editableProperty().get()).isTrue();
        assertThat(reports.all()).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(LocalReportState.DRAFT));
    }

    @Test
    void anInvalidFormIsNotIssuedAndNothingIsAsked() {
        ReportFormViewModel vm = newForm();
        vm.issue();
        assertThat(dialogs.shown()).isEmpty();
        assertThat(vm.statusProperty().get()).startsWith("有 ").endsWith(" 处需要修改，见各字段下方的提示。");
        assertThat(outbox.all()).isEmpty();
    }
}

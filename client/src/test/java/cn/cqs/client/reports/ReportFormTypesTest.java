package cn.cqs.client.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.credentials.CredentialStore;
import cn.cqs.client.credentials.SigningCredentials;
import cn.cqs.client.dialogs.RecordingDialogService;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.reports.sections.MortarSectionViewModel;
import cn.cqs.client.reports.sections.RebarSectionViewModel;
import cn.cqs.client.session.SessionWorkspace;
import cn.cqs.client.sync.LocalStore;
import cn.cqs.client.sync.Outbox;
import cn.cqs.client.sync.Replica;
import cn.cqs.contract.auth.CurrentUser;
import cn.cqs.contract.json.Json;
import cn.cqs.contract.orgs.OrganisationKind;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.orgs.Role;
import cn.cqs.contract.pki.Pkcs12Keystores;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportTypes;
import cn.cqs.contract.reports.ReportUpload;
import cn.cqs.contract.reports.mortar.MortarGrade;
import cn.cqs.contract.reports.mortar.MortarReport;
import cn.cqs.contract.reports.rebar.RebarGrade;
import cn.cqs.contract.reports.rebar.RebarReport;
import cn.cqs.contract.sync.Change;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report editor with the new types' sections, on a real profile database: the header of a
 * nested content ({@code header.*} paths) and the section's fields get their localised errors, the
 * standard follows the type, a draft is saved and reopened as its own type, and a mortar report is
 * issued offline: its upload carries the type and the content record, and the token's digest is the
 * type's key fields.
 */
class ReportFormTypesTest {
    @TempDir
    Path dir;
    final ObjectMapper mapper = Json.newMapper();
    final RecordingDialogService dialogs = new RecordingDialogService();
    final UUID projectId = UUID.randomUUID();
    final CurrentUser director = new CurrentUser(UUID.randomUUID(), "lab-admin", "陈晓明", Role.ORDINARY,
            Set.of(Permission.REPORTS_AUTHOR, Permission.REPORTS_REVIEW, Permission.REPORTS_APPROVE), UUID.randomUUID(),
            "福建省建筑工程质量检测中心", OrganisationKind.TESTING_AGENCY, "350200");
    LocalStore store;
    Outbox outbox;
    LocalReports reports;
    SigningCredentials credentials;
    ReportsEnvironment env;

    @BeforeAll
    static void pki() {
        ReportFormViewModelTest.pki();
    }

    @BeforeEach
    void setUp() throws Exception {
        Localization.setLanguage(AppLanguage.CHINESE);
        store = LocalStore.open(dir.resolve("profile.db"));
        Replica replica = new Replica(store, SessionWorkspace.indexers());
        replica.apply(Change.upsert(SessionWorkspace.PROJECT, projectId, 1, ReportFormViewModelTest.NOW,
                mapper.readTree("{\"id\":\"" + projectId + "\",\"name\":\"厦门市翔安区保障性住房项目\"}")));
        outbox = new Outbox(store);
        reports = new LocalReports(store);
        credentials = new SigningCredentials(new CredentialStore(dir.resolve("credentials")),
                id -> ReportFormViewModelTest.LAB_USCC, director.organisationId());
        Clock clock = Clock.fixed(ReportFormViewModelTest.NOW, ZoneOffset.UTC);
        ReportIssuer issuer = new ReportIssuer(store, reports, outbox, ReportsModule::renderer, dir.resolve("pdf"),
                java.net.URI.create("https://cqs.example.cn"), clock);
        env = new ReportsEnvironment(director, reports, issuer, credentials, replica, outbox, dialogs, Runnable::run,
                Runnable::run, clock, () -> { });
    }

    @AfterEach
    void tearDown() {
        store.close();
        Localization.setLanguage(AppLanguage.CHINESE);
    }

    ReportFormViewModel form(ReportType type, LocalReport existing) {
        ReportFormViewModel vm = new ReportFormViewModel(env, type, existing, () -> { });
        vm.start();
        return vm;
    }

    void fillHeader(ReportFormViewModel vm) {
        vm.text("commissionNumber").set("WT-2026-00031");
        vm.projectProperty().set(vm.projects().get(0));
        vm.text("projectPart").set("3#楼 十二层 剪力墙");
        vm.text("sampleId").set("YP-2026-0301");
        vm.samplingDateProperty().set(LocalDate.of(2026, 1, 30));
        vm.testDateProperty().set(LocalDate.of(2026, 2, 27));
        vm.text("witnessName").set("林建国");
        vm.text("witnessCertificateNumber").set("JZ-35-2023-00412");
        vm.text("witnessOrganisation").set("厦门某监理有限公司");
        vm.text("samplerName").set("王磊");
    }

    @Test
    void headerAndSpecimenErrorsOfARebarReportAppearAtTheirFields() {
        ReportFormViewModel vm = form(ReportType.REBAR, null);
        assertThat(vm.title()).isEqualTo("热轧带肋钢筋检测报告");
        assertThat(vm.text("sampleName").get()).isEqualTo("热轧带肋钢筋");
        assertThat(vm.standardProperty().get()).isEqualTo(RebarReport.STANDARD);
        assertThat(vm.computedTitleProperty().get()).isEqualTo("计算结果（GB/T 1499.2-2018）");
        RebarSectionViewModel rebar = (RebarSectionViewModel) vm.section();
        vm.text("reportNumber").set("2026-GJ-7");
        rebar.choice("grade").set(RebarGrade.HRB400);
        rebar.choice("nominalDiameterMm").set(20);
        vm.text("tensileSpecimens[1].maxLoadKn").set("abc");
        vm.text("tensileSpecimens[0].yieldLoadKn").set("150");
        vm.text("tensileSpecimens[0].maxLoadKn").set("140");

        vm.save();

        assertThat(vm.error("reportNumber").get()).isEqualTo("格式为 年份-字母代号-6 位流水号，例如 2024-HNT-000123。");
        assertThat(vm.error("projectId").get()).isEqualTo("必填。");
        assertThat(vm.error("tensileSpecimens[1].maxLoadKn").get()).isEqualTo("请输入数字。");
        assertThat(vm.error("tensileSpecimens[0].yieldLoadKn").get()).isEqualTo("下屈服力须为正数且不大于最大力。");
        assertThat(vm.error("bendSpecimens[0].crackFree").get()).isEqualTo("必填。");
        assertThat(vm.error("massSample.pieces").get()).isEqualTo("必填。");
        assertThat(vm.otherErrorsProperty().get()).isEmpty();
        assertThat(vm.conclusionProperty().get()).isEmpty();

        LocalReport saved = reports.all().get(0);
        assertThat(saved.type()).isEqualTo(ReportType.REBAR);
        ReportFormViewModel reopened = form(ReportType.REBAR, saved);
        assertThat(reopened.text("tensileSpecimens[0].yieldLoadKn").get()).isEqualTo("150");
        assertThat(((RebarSectionViewModel) reopened.section()).choice("grade").get()).isEqualTo(RebarGrade.HRB400);
        assertThat(reopened.text("tensileSpecimens[1].maxLoadKn").get()).isEmpty(); // "abc" was not a number
        assertThat(reopened.text("reportNumber").get()).isEqualTo("2026-GJ-7");
        assertThat(reopened.projectProperty().get()).isNull();
    }

    @Test
    void aMortarReportIsIssuedOfflineWithItsTypeAndContent() throws Exception {
        Path p12 = dir.resolve("lab.p12");
        Pkcs12Keystores.save(ReportFormViewModelTest.labCredential, p12, "Demo@2026".toCharArray());
        credentials.importFile(p12, "Demo@2026".toCharArray());
        ReportFormViewModel vm = form(ReportType.MORTAR, null);
        fillHeader(vm);
        MortarSectionViewModel mortar = (MortarSectionViewModel) vm.section();
        mortar.choice("designGrade").set(MortarGrade.M7_5);
        vm.text("mortarKind").set("水泥混合砂浆");
        vm.text("representativeQuantityM3").set("250");
        vm.text("failureLoadsKn[0]").set("40.0");
        vm.text("failureLoadsKn[1]").set("42.0");
        vm.text("failureLoadsKn[2]").set("41.0");
        assertThat(vm.conclusionProperty().get()).isEqualTo("合格");
        assertThat(vm.allErrors()).isEmpty();
        dialogs.answerConfirm(true).answerPassword("Demo@2026").answerConfirm(false);

        vm.issue();

        LocalReport issued = reports.all().get(0);
        assertThat(issued.state()).isEqualTo(LocalReportState.ISSUED);
        assertThat(Files.readAllBytes(issued.pdf())).startsWith("%PDF".getBytes());
        ReportUpload upload = mapper.readValue(outbox.pending().get(0).payload(), ReportUpload.class);
        assertThat(upload.type()).isEqualTo(ReportType.MORTAR);
        assertThat(upload.content()).isInstanceOf(MortarReport.class).isEqualTo(issued.content());
        assertThat(((MortarReport) upload.content()).designGrade()).isEqualTo("M7.5");
        QrToken token = QrToken.decode(upload.qrToken());
        assertThat(token.digest()).isEqualTo(ReportTypes.of(ReportType.MORTAR).keyFieldsOf(upload.content()).digest());
        assertThat(vm.editableProperty().get()).isFalse();
    }
}

package cn.cqs.client.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.credentials.CredentialStore;
import cn.cqs.client.credentials.SigningCredentials;
import cn.cqs.client.dialogs.RecordingDialogService;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.qrimage.PdfPageImages;
import cn.cqs.client.qrimage.QrDecoder;
import cn.cqs.client.rendering.ExternalPdfs;
import cn.cqs.client.session.SessionWorkspace;
import cn.cqs.client.sync.LocalStore;
import cn.cqs.client.sync.Outbox;
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
import cn.cqs.contract.sync.Change;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report form's "用外部 PDF 签发…" (issue with a PDF produced elsewhere), without a stage: the file
 * chooser and the placement choice go through the dialog service; the chosen corner gets the code, the
 * PDF is signed and the same upload queued as for our own reports; a PDF that cannot take the code is
 * refused with its reason and nothing is issued.
 */
class ReportFormExternalPdfTest {
    static final String LAB_USCC = "91350200776049653A";
    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    static final String SERVER = "https://cqs.example.cn";
    static OrganisationCredential labCredential;

    @TempDir
    Path dir;
    final ObjectMapper mapper = Json.newMapper();
    final RecordingDialogService dialogs = new RecordingDialogService();
    final CurrentUser director = new CurrentUser(UUID.randomUUID(), "lab-admin", "陈晓明", Role.ORDINARY,
            Set.of(Permission.REPORTS_AUTHOR, Permission.REPORTS_REVIEW, Permission.REPORTS_APPROVE), UUID.randomUUID(),
            "福建省建筑工程质量检测中心", OrganisationKind.TESTING_AGENCY, "350200");
    LocalStore store;
    Outbox outbox;
    LocalReports reports;
    ReportsEnvironment env;
    int closed;

    @BeforeAll
    static void pki() {
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        CertificateAuthority ca = CertificateAuthority.createPlatformCa("Platform CA", "福建省住房和城乡建设厅", start,
                start.plus(3650, ChronoUnit.DAYS));
        labCredential = ca.issueOrganisationCredential(new OrganisationIdentity("福建省建筑工程质量检测中心", LAB_USCC),
                start, start.plus(1000, ChronoUnit.DAYS));
    }

    @BeforeEach
    void setUp() throws Exception {
        Localization.setLanguage(AppLanguage.CHINESE);
        store = LocalStore.open(dir.resolve("profile.db"));
        Replica replica = new Replica(store, SessionWorkspace.indexers());
        UUID projectId = UUID.randomUUID();
        replica.apply(Change.upsert(SessionWorkspace.PROJECT, projectId, 1, NOW,
                mapper.readTree("{\"id\":\"" + projectId + "\",\"name\":\"厦门市翔安区保障性住房项目\"}")));
        outbox = new Outbox(store);
        reports = new LocalReports(store);
        SigningCredentials credentials = new SigningCredentials(new CredentialStore(dir.resolve("credentials")),
                id -> LAB_USCC, director.organisationId());
        Path p12 = dir.resolve("lab.p12");
        Pkcs12Keystores.save(labCredential, p12, "Demo@2026".toCharArray());
        credentials.importFile(p12, "Demo@2026".toCharArray());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ReportIssuer issuer = new ReportIssuer(store, reports, outbox, ReportsModule::renderer, dir.resolve("pdf"),
                URI.create(SERVER), clock);
        env = new ReportsEnvironment(director, reports, issuer, credentials, replica, outbox, dialogs, Runnable::run,
                Runnable::run, clock, () -> { });
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    ReportFormViewModel filledForm() {
        ReportFormViewModel vm = new ReportFormViewModel(env, null, () -> closed++);
        vm.start();
        vm.text("commissionNumber").set("WT-2026-00031");
        vm.projectProperty().set(vm.projects().get(0));
        vm.text("projectPart").set("3#楼 十二层 剪力墙");
        vm.text("sampleId").set("YP-2026-0301");
        vm.text("representativeQuantityM3").set("120");
        vm.samplingDateProperty().set(LocalDate.of(2026, 1, 30));
        vm.testDateProperty().set(LocalDate.of(2026, 2, 27));
        vm.text("designGrade").set("C30");
        vm.text("specimens[0].failureLoadKn").set("815.6");
        vm.text("specimens[1].failureLoadKn").set("842.3");
        vm.text("specimens[2].failureLoadKn").set("798.0");
        vm.text("witnessName").set("林建国");
        vm.text("witnessCertificateNumber").set("JZ-35-2023-00412");
        vm.text("witnessOrganisation").set("厦门某监理有限公司");
        vm.text("samplerName").set("王磊");
        return vm;
    }

    @Test
    void theChosenPdfGetsTheCodeInTheChosenCornerIsSignedAndItsUploadQueued() throws Exception {
        Path external = dir.resolve("labsoft-report.pdf");
        Files.write(external, ExternalPdfs.report(ExternalPdfs.A4, 2));
        ReportFormViewModel vm = filledForm();
        dialogs.answerFile(external).answerChoice("末页 左上角").answerConfirm(true).answerPassword("Demo@2026")
                .answerConfirm(false);

        vm.issueWithExternalPdf();

        assertThat(dialogs.shown()).extracting(RecordingDialogService.Shown::kind)
                .containsExactly("open", "choice", "confirm", "password", "information", "confirm");
        assertThat(dialogs.offeredChoices().get(0)).hasSize(8).startsWith("末页 右下角").contains("首页 左上角");
        assertThat(dialogs.shown().get(2).message()).contains("labsoft-report.pdf").contains("2026-HNT-000001");
        assertThat(closed).isEqualTo(1);
        LocalReport issued = reports.all().get(0);
        assertThat(issued.state()).isEqualTo(LocalReportState.ISSUED);
        JsonNode upload = mapper.readTree(outbox.pending().get(0).payload());
        assertThat(outbox.pending()).hasSize(1);
        assertThat(upload.get("testerName").asText()).isEqualTo("陈晓明");
        byte[] signed = Files.readAllBytes(issued.pdf());
        try (PDDocument doc = Loader.loadPDF(signed)) {
            assertThat(doc.getNumberOfPages()).as("the lab's own two pages, no page of ours").isEqualTo(2);
            assertThat(doc.getSignatureDictionaries()).hasSize(1);
        }
        String url = QrToken.decode(upload.get("qrToken").asText()).toUrl(SERVER);
        try (PdfPageImages pages = PdfPageImages.open(signed, "issued")) {
            // the resolution the product reads PDFs with (the desk, 扫描报告二维码…); at 150 dpi about one real
            // token in twenty is unreadable, and each run signs a different token (see ExternalPdfStamperTest)
            BufferedImage last = pages.render(1, PdfPageImages.DEFAULT_DPI);
            assertThat(new QrDecoder().decodeTexts(last)).containsExactly(url);
            BufferedImage topLeft = last.getSubimage(0, 0, last.getWidth() / 2, last.getHeight() / 2);
            assertThat(new QrDecoder().decodeTexts(topLeft)).as("in the top-left quarter").containsExactly(url);
            assertThat(new QrDecoder().decodeTexts(pages.render(0, PdfPageImages.DEFAULT_DPI))).as("the first page untouched").isEmpty();
        }
    }

    @Test
    void anEncryptedPdfIsRefusedWithItsReasonAndNothingIsIssued() throws Exception {
        Path external = dir.resolve("protected.pdf");
        Files.write(external, ExternalPdfs.encrypted("secret"));
        ReportFormViewModel vm = filledForm();
        dialogs.answerFile(external).answerChoice("末页 右下角").answerConfirm(true).answerPassword("Demo@2026");

        vm.issueWithExternalPdf();

        RecordingDialogService.Shown last = dialogs.shown().get(dialogs.shown().size() - 1);
        assertThat(last.kind()).isEqualTo("error");
        assertThat(last.title()).isEqualTo("用外部 PDF 签发");
        assertThat(last.message()).startsWith("该 PDF 设置了密码或加密保护");
        assertThat(outbox.all()).isEmpty();
        assertThat(vm.editableProperty().get()).as("the form stays open to try another file").isTrue();
        assertThat(reports.all()).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(LocalReportState.DRAFT));
        assertThat(closed).isZero();
    }

    @Test
    void cancellingTheFileOrThePlacementAsksNothingMore() throws Exception {
        ReportFormViewModel vm = filledForm();
        vm.issueWithExternalPdf();
        assertThat(dialogs.shown()).extracting(RecordingDialogService.Shown::kind).containsExactly("open");

        Path external = dir.resolve("labsoft-report.pdf");
        Files.write(external, ExternalPdfs.report(ExternalPdfs.A4, 1));
        dialogs.answerFile(external).answerChoice(null);
        vm.issueWithExternalPdf();
        assertThat(dialogs.shown()).extracting(RecordingDialogService.Shown::kind).containsExactly("open", "open", "choice");
        assertThat(outbox.all()).isEmpty();
        assertThat(List.copyOf(reports.all())).isEmpty();
    }
}

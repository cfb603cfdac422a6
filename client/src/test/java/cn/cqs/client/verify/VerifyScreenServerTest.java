package cn.cqs.client.verify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.api.ApiClient;
import cn.cqs.client.api.ApiClientConfig;
import cn.cqs.client.app.ClientApp;
import cn.cqs.client.app.StartupOptions;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.rendering.CubeReportPrint;
import cn.cqs.client.rendering.ReportPdfRenderer;
import cn.cqs.client.rendering.SpecimenRow;
import cn.cqs.client.rendering.Witness;
import cn.cqs.client.shell.ModuleRegistry;
import cn.cqs.contract.refusals.Refusal;
import cn.cqs.contract.refusals.RefusalRouting;
import cn.cqs.contract.refusals.RefusalState;
import com.fasterxml.jackson.core.type.TypeReference;
import cn.cqs.contract.auth.LoginRequest;
import cn.cqs.contract.auth.LoginResponse;
import cn.cqs.contract.pki.CertificateAuthority;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.pki.OrganisationIdentity;
import cn.cqs.contract.pki.PemCertificates;
import cn.cqs.contract.pki.Pkcs12Keystores;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.qr.TokenKind;
import cn.cqs.contract.qr.TokenSigner;
import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.ReportKeyFields;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportUpload;
import cn.cqs.contract.verify.VerifyOutcome;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.app.ServerConfig;
import cn.cqs.server.demo.DemoAccounts;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real verify screen, after a real login, against the real server (embedded PostgreSQL,
 * demo PKI), with files prepared the way a desk gets them: a report PDF rendered with the Jasper
 * template carrying a token signed with the demo lab's credential, and PNGs of codes. Reaches every
 * outcome, and writes screenshots to {@code target/screenshots/}. The last test closes the server.
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerifyScreenServerTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String PASSWORD = DemoAccounts.PASSWORD;

    static CqsServer server;
    static boolean serverClosed;
    static Path files;
    static Path profile;
    static OrganisationCredential lab;
    static CertificateAuthority demoCa;
    static UUID projectId;
    static UUID labId;
    static CubeStrengthReport genuineReport;
    static QrToken genuineToken;

    ClientApp app;
    Stage stage;

    @BeforeAll
    static void startServer() throws Exception {
        server = CqsServer.start(ServerConfig.forTests());
        Path demo = server.demoCredentialsDirectory().orElseThrow();
        lab = Pkcs12Keystores.load(demo.resolve(DemoAccounts.Org.LAB.uscc + ".p12"), PASSWORD.toCharArray());
        OrganisationCredential ca = Pkcs12Keystores.load(demo.resolve("platform-ca.p12"), PASSWORD.toCharArray());
        demoCa = new CertificateAuthority(ca.privateKey(), ca.certificate());
        files = Files.createTempDirectory("cqs-verify-files");
        profile = Files.createTempDirectory("cqs-verify-profile");
        projectId = server.jdbi().withHandle(h -> h.createQuery(
                "select p.id from project p join project_organisation po on po.project_id = p.id "
                        + "join organisation o on o.id = po.organisation_id where o.uscc = :u order by p.name limit 1")
                .bind("u", DemoAccounts.Org.LAB.uscc).mapTo(UUID.class).one());
        labId = server.jdbi().withHandle(h -> h.createQuery("select id from organisation where uscc = :u")
                .bind("u", DemoAccounts.Org.LAB.uscc).mapTo(UUID.class).one());
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopServer() {
        if (!serverClosed) {
            server.close();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Localization.setLanguage(AppLanguage.CHINESE);
        ClientApp.Extensions extensions = ClientApp.Extensions.withWorkspace(ModuleRegistry.standard(),
                javafx.util.Duration.seconds(2), Duration.ofMinutes(1));
        extensions.modules().register(VerifyModule.module(profile, extensions.sessions()::current));
        app = new ClientApp(stage, new StartupOptions(Optional.of(server.baseUrl()), profile), extensions);
        app.start();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            app.switchLanguage(AppLanguage.CHINESE); // saved in the profile: the next test starts in Chinese
            app.shutdown();
        });
    }

    // ------------------------------------------------------------------ helpers

    static CubeStrengthReport report(String number) {
        return report(number, projectId);
    }

    static CubeStrengthReport report(String number, UUID project) {
        return new CubeStrengthReport(number, "WT-2025-03561", project, "翔安区保障性住房二期工程",
                "3#楼 十二层 剪力墙、梁、板", "混凝土立方体试件", "YP-2025-0815-07", new BigDecimal("120"),
                LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 29), 28, CubeStrengthReport.STANDARD, "C30", 150,
                List.of(new CubeStrengthReport.Specimen(new BigDecimal("815.6")),
                        new CubeStrengthReport.Specimen(new BigDecimal("842.3")),
                        new CubeStrengthReport.Specimen(new BigDecimal("798.0"))),
                null, "林建国", "JZ-35-2023-00412", "厦门市某某建设监理有限公司", "陈晓明");
    }

    static QrToken sign(OrganisationCredential credential, CubeStrengthReport report) {
        return TokenSigner.of(credential).sign(TokenKind.REPORT, report.reportNumber(), ReportKeyFields.of(report),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1)));
    }

    static ApiClient loggedIn(String username) {
        ApiClient api = new ApiClient(ApiClientConfig.of(URI.create(server.baseUrl())));
        api.login(new LoginRequest(username, PASSWORD));
        return api;
    }

    static void upload(CubeStrengthReport report, QrToken token) throws IOException {
        try (ApiClient api = loggedIn("lab-admin")) {
            api.post("/api/v1/reports", new ReportUpload(ReportType.CONCRETE_CUBE, report, token.encode(),
                    token.issuedAt(), "王磊", "李娜", "张伟",
                    cn.cqs.client.rendering.signing.SignedTestPdfs.signedBase64(lab, report.reportNumber())), Void.class,
                    Map.of(ApiClient.IDEMPOTENCY_KEY, UUID.randomUUID().toString()));
        }
    }

    /** A report PDF from the real Jasper template with the token's URL in its QR code. */
    static Path reportPdf(String name, CubeStrengthReport r, QrToken token) throws IOException {
        CubeReportPrint print = new CubeReportPrint(DemoAccounts.Org.LAB.displayName, r.reportNumber(),
                r.commissionNumber(), r.projectName(), r.projectPart(), r.sampleName(), r.sampleId(), "120 m³",
                r.designGrade(), "150×150×150 mm", r.samplingDate().toString(), r.testDate().toString(), "28 d",
                r.standard(), List.of(new SpecimenRow("1", "815.6", "36.2"), new SpecimenRow("2", "842.3", "37.4"),
                        new SpecimenRow("3", "798.0", "35.5")), "平均值", "36.4", "1.00", "121%",
                "该组试件抗压强度代表值为 36.4 MPa，达到设计强度等级 C30 的 121%。",
                new Witness(r.witnessName(), r.witnessCertificateNumber(), r.witnessOrganisation()), r.samplerName(),
                "王磊", "李娜", "张伟", "2025-06-30", token.toUrl(server.publicBaseUrl()));
        Path file = files.resolve(name);
        Files.write(file, new ReportPdfRenderer().render(print));
        return file;
    }

    static Path png(String name, String... payloads) throws IOException {
        return TestImages.png(files.resolve(name), payloads);
    }

    void logInAndOpenVerify(FxRobot robot) throws TimeoutException {
        logInAndOpenVerify(robot, "xm-inspector");
    }

    void logInAndOpenVerify(FxRobot robot, String username) throws TimeoutException {
        robot.interact(() -> robot.lookup("#usernameField").queryAs(javafx.scene.control.TextField.class)
                .setText(username));
        robot.clickOn("#passwordField").write(PASSWORD);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#nav-verify")
                .match(org.testfx.util.NodeQueryUtils.isVisible()).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#nav-verify");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".verify-root").tryQuery().isPresent());
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> label(robot, "#trustStatusLabel").getText().startsWith("平台证书更新于"));
    }

    static Label label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class);
    }

    VerifyViewModel viewModel(FxRobot robot) {
        Node root = robot.lookup(".verify-root").query();
        return (VerifyViewModel) root.getProperties().get(VerifyViewModel.class);
    }

    /** Opens a file the way a drop does and waits for the verdict on screen. */
    void open(FxRobot robot, Path file) throws TimeoutException {
        VerifyViewModel vm = viewModel(robot);
        robot.interact(() -> vm.open(file));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    String outcome(FxRobot robot) {
        return label(robot, "#outcomeTitle").getText();
    }

    VerifyOutcome selectedOutcome(FxRobot robot) {
        return viewModel(robot).selectedCodeProperty().get().verdict().outcome();
    }

    void screenshot(FxRobot robot, String name) throws IOException {
        java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage> image =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> image.set(stage.getScene().snapshot(null)));
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", SCREENSHOTS.resolve(name + ".png").toFile());
    }

    @SuppressWarnings("unchecked")
    TableView<ComparisonRow> table(FxRobot robot) {
        return robot.lookup("#comparisonTable").queryAs(TableView.class);
    }

    // ------------------------------------------------------------------ outcomes

    @Test
    @Order(1)
    void genuineReportPdfUploadedToTheSystem(FxRobot robot) throws Exception {
        CubeStrengthReport r = report("2025-HNT-000201");
        QrToken token = sign(lab, r);
        upload(r, token);
        genuineReport = r;
        genuineToken = token;
        Path pdf = reportPdf("genuine.pdf", r, token);

        logInAndOpenVerify(robot);
        assertThat(robot.lookup(".verify-root").query().getScene().getAccelerators())
                .containsKey(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open(robot, pdf);

        assertThat(selectedOutcome(robot)).isEqualTo(VerifyOutcome.GENUINE_IN_SYSTEM);
        assertThat(outcome(robot)).isEqualTo("真实有效，与系统记录一致");
        assertThat(robot.lookup("#outcomeBox").query().getStyleClass()).contains("outcome-good");
        assertThat(table(robot).getItems()).noneMatch(ComparisonRow::highlighted);
        ComparisonRow number = table(robot).getItems().get(2);
        assertThat(number.paper()).isEqualTo("2025-HNT-000201");
        assertThat(number.record()).isEqualTo("2025-HNT-000201");
        assertThat(table(robot).getItems()).anySatisfy(row -> assertThat(row.record()).isEqualTo("3#楼 十二层 剪力墙、梁、板"));
        assertThat(viewModel(robot).marks()).hasSize(1);
        screenshot(robot, "verify-genuine-in-system");
    }

    @Test
    @Order(2)
    void genuineButNotUploadedBesideAForeignCode(FxRobot robot) throws Exception {
        QrToken token = sign(lab, report("2025-HNT-000202"));
        Path file = png("not-uploaded.png", token.toUrl(server.publicBaseUrl()), "https://example.com/x");

        logInAndOpenVerify(robot);
        open(robot, file);

        assertThat(selectedOutcome(robot)).isEqualTo(VerifyOutcome.GENUINE_NOT_UPLOADED);
        assertThat(outcome(robot)).isEqualTo("真实，尚未上传（仍在 24 小时上传时限内）");
        VerifyViewModel vm = viewModel(robot);
        assertThat(vm.codes()).extracting(c -> c.verdict().outcome())
                .containsExactlyInAnyOrder(VerifyOutcome.GENUINE_NOT_UPLOADED, VerifyOutcome.NOT_A_SYSTEM_CODE);
        screenshot(robot, "verify-genuine-not-uploaded");

        robot.interact(() -> vm.selectedCodeProperty().set(vm.codes().stream()
                .filter(c -> !c.verdict().isSystemCode()).findFirst().orElseThrow()));
        assertThat(outcome(robot)).isEqualTo("不是本系统的二维码");
        assertThat(robot.lookup("#outcomeBox").query().getStyleClass()).contains("outcome-neutral");
        screenshot(robot, "verify-not-a-system-code");
    }

    @Test
    @Order(3)
    void alteredTokenHasAnInvalidSignature(FxRobot robot) throws Exception {
        QrToken token = sign(lab, report("2025-HNT-000203"));
        byte[] bytes = token.toBytes();
        bytes[20] ^= 0x04;
        String altered = server.publicBaseUrl() + "/v/"
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        logInAndOpenVerify(robot);
        open(robot, png("altered.png", altered));

        assertThat(selectedOutcome(robot)).isEqualTo(VerifyOutcome.SIGNATURE_INVALID);
        assertThat(outcome(robot)).isEqualTo("签名无效：二维码被伪造或篡改");
        assertThat(robot.lookup("#outcomeBox").query().getStyleClass()).contains("outcome-bad");
        screenshot(robot, "verify-signature-invalid");
    }

    @Test
    @Order(4)
    void unregisteredAndRogueCredentialsAreUnknownIssuers(FxRobot robot) throws Exception {
        OrganisationIdentity labIdentity = new OrganisationIdentity(DemoAccounts.Org.LAB.displayName,
                DemoAccounts.Org.LAB.uscc);
        Instant now = Instant.now();
        OrganisationCredential unregistered = demoCa.issueOrganisationCredential(labIdentity,
                now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(30)));
        CertificateAuthority rogue = CertificateAuthority.createPlatformCa("CQS Demo Platform CA", "冒牌平台",
                now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(30)));
        OrganisationCredential rogueLab = rogue.issueOrganisationCredential(labIdentity, now.minus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(30)));

        logInAndOpenVerify(robot);
        open(robot, png("unknown.png", sign(unregistered, report("2025-HNT-000204")).encode()));
        assertThat(selectedOutcome(robot)).isEqualTo(VerifyOutcome.ISSUER_UNKNOWN);
        assertThat(outcome(robot)).isEqualTo("签发单位未知");
        screenshot(robot, "verify-issuer-unknown");

        open(robot, png("rogue.png", sign(rogueLab, report("2025-HNT-000205")).encode()));
        assertThat(selectedOutcome(robot)).isEqualTo(VerifyOutcome.ISSUER_UNKNOWN);
    }

    @Test
    @Order(5)
    void aRevokedKeyIsNotCertified(FxRobot robot) throws Exception {
        Instant now = Instant.now();
        OrganisationCredential second = demoCa.issueOrganisationCredential(new OrganisationIdentity(
                DemoAccounts.Org.LAB.displayName, DemoAccounts.Org.LAB.uscc), now.minus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(30)));
        try (ApiClient admin = loggedIn("lab-admin")) {
            admin.post("/api/v1/organisations/" + labId + "/certificates",
                    Map.of("certificatePem", PemCertificates.toPem(second.certificate())), Void.class, Map.of());
            admin.post("/api/v1/organisations/" + labId + "/certificates/" + second.keyId().hex() + "/revoke",
                    Map.of("reason", "测试：密钥遗失"), Void.class, Map.of());
        }

        logInAndOpenVerify(robot);
        open(robot, png("revoked.png", sign(second, report("2025-HNT-000206")).encode()));

        assertThat(selectedOutcome(robot)).isEqualTo(VerifyOutcome.ISSUER_NOT_CERTIFIED);
        assertThat(outcome(robot)).isEqualTo("签发单位未经平台认证");
        assertThat(label(robot, "#detailLabel").getText()).contains("revoked");
        screenshot(robot, "verify-issuer-not-certified");
    }

    @Test
    @Order(6)
    void aRecordAlteredAfterUploadNoLongerMatches(FxRobot robot) throws Exception {
        CubeStrengthReport r = report("2025-HNT-000207");
        QrToken token = sign(lab, r);
        upload(r, token);
        int changed = server.jdbi().withHandle(h -> h.createUpdate(
                "update report set content = jsonb_set(content, '{projectPart}', to_jsonb(:part)), project_part = :part "
                        + "where report_number = :n")
                .bind("part", "2#楼 一层 基础").bind("n", r.reportNumber()).execute());
        assertThat(changed).isEqualTo(1);

        logInAndOpenVerify(robot);
        open(robot, reportPdf("altered-record.pdf", r, token));

        assertThat(selectedOutcome(robot)).isEqualTo(VerifyOutcome.DIGEST_MISMATCH);
        assertThat(outcome(robot)).isEqualTo("与系统记录不一致");
        assertThat(table(robot).getItems()).anySatisfy(row -> {
            assertThat(row.record()).isEqualTo("2#楼 一层 基础");
            assertThat(row.state()).isEqualTo(ComparisonRow.State.ATTENTION);
        });
        screenshot(robot, "verify-digest-mismatch");
    }

    @Test
    @Order(7)
    void aRefusalFiledFromTheScreenReachesTheServerAndTheRegionsInspectorSeesIt(FxRobot robot) throws Exception {
        // a project in Xiamen (翔安区): the refusal of a genuine report goes to that project's region
        UUID xiangan = server.jdbi().withHandle(h -> h.createQuery("select id from project where name = :n")
                .bind("n", "翔安区保障性住房二期工程").mapTo(UUID.class).one());
        CubeStrengthReport r = report("2025-HNT-000209", xiangan);
        QrToken token = sign(lab, r);
        upload(r, token);
        Path pdf = reportPdf("refused.pdf", r, token);
        logInAndOpenVerify(robot, "lab-clerk");
        robot.interact(() -> robot.lookup("#placeField").queryAs(javafx.scene.control.TextField.class)
                .setText("3号楼工地门卫"));
        open(robot, pdf);
        assertThat(selectedOutcome(robot)).isEqualTo(VerifyOutcome.GENUINE_IN_SYSTEM);
        assertThat(label(robot, "#recordStatusLabel").getText()).contains("已记录 1 次核验");
        screenshot(robot, "verify-refuse-ready");

        robot.clickOn("#refuseButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#textPromptField").tryQuery().isPresent());
        robot.clickOn("#textPromptField").write("纸质报告强度数据被涂改");
        robot.clickOn("确定");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery()
                .map(n -> ((javafx.scene.control.DialogPane) n).getContentText())
                .filter(t -> t != null && t.contains("当地监管部门")).isPresent());
        robot.clickOn("确定");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(label(robot, "#recordStatusLabel").getText()).contains("已提交拒收举报");
        screenshot(robot, "verify-refused");

        try (ApiClient inspector = loggedIn("xm-inspector")) {
            TypeReference<List<Refusal>> list = new TypeReference<>() { };
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> inspector.get("/api/v1/refusals", list, Map.of())
                    .stream().anyMatch(x -> x.scannedText().equals(token.toUrl(server.publicBaseUrl()))));
            Refusal refusal = inspector.get("/api/v1/refusals", list, Map.of()).stream()
                    .filter(x -> x.scannedText().equals(token.toUrl(server.publicBaseUrl()))).findFirst().orElseThrow();
            assertThat(refusal.reason()).isEqualTo("纸质报告强度数据被涂改");
            assertThat(refusal.place()).isEqualTo("3号楼工地门卫");
            assertThat(refusal.state()).isEqualTo(RefusalState.OPEN);
            assertThat(refusal.routing()).isEqualTo(RefusalRouting.REPORT_PROJECT);
            assertThat(refusal.outcome()).isEqualTo(VerifyOutcome.GENUINE_IN_SYSTEM);
            assertThat(refusal.filedByName()).isEqualTo("张检测");
            assertThat(refusal.imageMediaType()).isEqualTo("image/png");
            assertThat(refusal.imageBytes()).isPositive();
        }
    }

    @Test
    @Order(8)
    void englishScreenSaysTheSameInEnglish(FxRobot robot) throws Exception {
        Path pdf = reportPdf("genuine-en.pdf", genuineReport, genuineToken);
        logInAndOpenVerify(robot);
        robot.interact(() -> app.switchLanguage(AppLanguage.ENGLISH));
        robot.clickOn("#nav-verify");
        WaitForAsyncUtils.waitForFxEvents();
        open(robot, pdf);
        assertThat(outcome(robot)).isEqualTo("Genuine and in the system");
        screenshot(robot, "verify-genuine-en");
    }

    @Test
    @Order(9)
    void serverGoneAfterTheCertificatesWereCachedGivesSignatureValidStatusUnknown(FxRobot robot) throws Exception {
        QrToken token = sign(lab, report("2025-HNT-000208"));
        Path file = png("offline.png", token.toUrl(server.publicBaseUrl()));
        logInAndOpenVerify(robot);

        server.close();
        serverClosed = true;
        open(robot, file);

        assertThat(selectedOutcome(robot)).isEqualTo(VerifyOutcome.SERVER_UNREACHABLE);
        assertThat(outcome(robot)).isEqualTo("签名有效，但无法连接服务器，状态未知");
        assertThat(robot.lookup("#outcomeBox").query().getStyleClass()).contains("outcome-caution");
        assertThat(table(robot).getItems()).anySatisfy(row -> assertThat(row.paper()).isEqualTo("2025-HNT-000208"));
        screenshot(robot, "verify-server-unreachable");
    }
}

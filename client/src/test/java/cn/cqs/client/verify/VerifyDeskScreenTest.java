package cn.cqs.client.verify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.api.ApiClient;
import cn.cqs.client.api.ApiClientConfig;
import cn.cqs.client.app.ClientApp;
import cn.cqs.client.app.StartupOptions;
import cn.cqs.client.camera.CameraProblem;
import cn.cqs.client.camera.CameraResolution;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.rendering.CubeReportPrint;
import cn.cqs.client.rendering.ReportPdfRenderer;
import cn.cqs.client.rendering.SpecimenRow;
import cn.cqs.client.rendering.Witness;
import cn.cqs.client.shell.ModuleRegistry;
import cn.cqs.contract.auth.LoginRequest;
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
import cn.cqs.contract.reports.ReportStatus;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportUpload;
import cn.cqs.contract.reports.ReportWithdrawal;
import cn.cqs.contract.verify.VerifyOutcome;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.app.ServerConfig;
import cn.cqs.server.demo.DemoAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Polygon;
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
 * Drives the real verify desk — after a real login, against the real server (embedded PostgreSQL,
 * demo PKI) — with its camera panel fed by synthetic cameras (frames rendered from real tokens, as a
 * webcam would deliver them) and with files, and reaches every outcome the desk can show: genuine
 * and current, superseded by a correction (with the correction's number), withdrawn, not uploaded
 * within and past the 24-hour limit, issuer unknown, not certified, signature invalid, content
 * altered in the system, not a code of this system, server unreachable; and the camera's troubles
 * (none, busy, unplugged mid-scan) with the desk still verifying files. Each outcome's screen is
 * saved as a PNG ({@code target/desk-shots/}, and to {@code cqs.deskShots} when that property names a
 * folder). The last test stops the server.
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerifyDeskScreenTest {
    static final Path SHOTS = Path.of("target", "desk-shots");
    static final String PASSWORD = DemoAccounts.PASSWORD;

    static CqsServer server;
    static boolean serverClosed;
    static Path files;
    static Path profile;
    static OrganisationCredential lab;
    static CertificateAuthority demoCa;
    static UUID projectId;
    static UUID labId;
    static final SyntheticCameras CAMERAS = new SyntheticCameras();

    ClientApp app;
    Stage stage;
    java.util.concurrent.atomic.AtomicBoolean held;

    @BeforeAll
    static void startServer() throws Exception {
        server = CqsServer.start(ServerConfig.forTests());
        Path demo = server.demoCredentialsDirectory().orElseThrow();
        lab = Pkcs12Keystores.load(demo.resolve(DemoAccounts.Org.LAB.uscc + ".p12"), PASSWORD.toCharArray());
        OrganisationCredential ca = Pkcs12Keystores.load(demo.resolve("platform-ca.p12"), PASSWORD.toCharArray());
        demoCa = new CertificateAuthority(ca.privateKey(), ca.certificate());
        files = Files.createTempDirectory("cqs-desk-files");
        profile = Files.createTempDirectory("cqs-desk-profile");
        projectId = server.jdbi().withHandle(h -> h.createQuery("select id from project where name = :n")
                .bind("n", "翔安区保障性住房二期工程").mapTo(UUID.class).one());
        labId = server.jdbi().withHandle(h -> h.createQuery("select id from organisation where uscc = :u")
                .bind("u", DemoAccounts.Org.LAB.uscc).mapTo(UUID.class).one());
        Files.createDirectories(SHOTS);
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
        CAMERAS.connect(true);
        ClientApp.Extensions extensions = ClientApp.Extensions.withWorkspace(ModuleRegistry.standard(),
                javafx.util.Duration.seconds(2), Duration.ofMinutes(1));
        extensions.modules().register(VerifyModule.module(profile, extensions.sessions()::current, CAMERAS));
        app = new ClientApp(stage, new StartupOptions(Optional.of(server.baseUrl()), profile), extensions);
        app.start();
    }

    @AfterEach
    void stop(FxRobot robot) {
        putDown();
        robot.interact(() -> app.shutdown());
    }

    // ------------------------------------------------------------------ helpers

    static CubeStrengthReport report(String number) {
        return new CubeStrengthReport(number, "WT-2025-04561", projectId, "翔安区保障性住房二期工程",
                "5#楼 三层 柱", "混凝土立方体试件", "YP-2025-0901-02", new BigDecimal("80"),
                LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 29), 28, CubeStrengthReport.STANDARD, "C30", 150,
                List.of(new CubeStrengthReport.Specimen(new BigDecimal("815.6")),
                        new CubeStrengthReport.Specimen(new BigDecimal("842.3")),
                        new CubeStrengthReport.Specimen(new BigDecimal("798.0"))),
                null, "林建国", "JZ-35-2023-00412", "厦门市某某建设监理有限公司", "陈晓明");
    }

    static QrToken sign(OrganisationCredential credential, CubeStrengthReport report, Duration ago) {
        return TokenSigner.of(credential).sign(TokenKind.REPORT, report.reportNumber(), ReportKeyFields.of(report),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(ago));
    }

    static QrToken sign(CubeStrengthReport report) {
        return sign(lab, report, Duration.ofHours(1));
    }

    static ApiClient loggedIn(String username) {
        ApiClient api = new ApiClient(ApiClientConfig.of(URI.create(server.baseUrl())));
        api.login(new LoginRequest(username, PASSWORD));
        return api;
    }

    /** Uploads the report (as a correction of {@code supersedes} when given); its id. */
    static UUID upload(CubeStrengthReport report, QrToken token, UUID supersedes, String why) throws IOException {
        try (ApiClient api = loggedIn("lab-admin")) {
            JsonNode receipt = api.post("/api/v1/reports", new ReportUpload(ReportType.CONCRETE_CUBE, report,
                    token.encode(), token.issuedAt(), "王磊", "李娜", "张伟",
                    cn.cqs.client.rendering.signing.SignedTestPdfs.signedBase64(lab, report.reportNumber()), null,
                    supersedes, why), JsonNode.class, Map.of(ApiClient.IDEMPOTENCY_KEY, UUID.randomUUID().toString()));
            return UUID.fromString(receipt.get("id").asText());
        }
    }

    static Path reportPdf(String name, CubeStrengthReport r, QrToken token) throws IOException {
        CubeReportPrint print = new CubeReportPrint(DemoAccounts.Org.LAB.displayName, r.reportNumber(),
                r.commissionNumber(), r.projectName(), r.projectPart(), r.sampleName(), r.sampleId(), "80 m³",
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

    void logIn(FxRobot robot, String username) throws TimeoutException {
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

    void logIn(FxRobot robot) throws TimeoutException {
        logIn(robot, "lab-clerk");
    }

    static Label label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class);
    }

    VerifyViewModel viewModel(FxRobot robot) {
        Node root = robot.lookup(".verify-root").query();
        return (VerifyViewModel) root.getProperties().get(VerifyViewModel.class);
    }

    /** Presses 开始 and waits until the synthetic camera runs and shows its first frame. */
    void startCamera(FxRobot robot) throws TimeoutException {
        VerifyViewModel vm = viewModel(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.live().cameraProperty().get() != null);
        robot.clickOn("#cameraStartButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.live().runningProperty().get()
                && CAMERAS.source().isPresent());
        CAMERAS.push(DeskFrames.empty(), "empty desk");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.live().previewProperty().get() != null);
    }

    /**
     * Holds a paper up to the camera and keeps it there: its frame is pushed every 80 ms (a held
     * paper is in every frame) until {@link #putDown()}; returns once the desk shows the verdict.
     */
    void holdUp(FxRobot robot, BufferedImage frame) throws Exception {
        putDown();
        VerifyViewModel vm = viewModel(robot);
        int before = vm.live().confirmationsProperty().get();
        java.util.concurrent.atomic.AtomicBoolean holding = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread hand = new Thread(() -> {
            while (holding.get()) {
                CAMERAS.source().ifPresent(s -> {
                    try {
                        s.push(frame, "held paper");
                    } catch (IllegalStateException closed) {
                        holding.set(false); // the camera was stopped: the hand goes down
                    }
                });
                try {
                    Thread.sleep(80);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "test-hand");
        hand.setDaemon(true);
        hand.start();
        held = holding;
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.live().confirmationsProperty().get() > before);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.busyProperty().get()
                && vm.selectedCodeProperty().get() != null
                && vm.fileNameProperty().get().equals(SyntheticCameras.NAME));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Takes the paper away from the camera. */
    void putDown() {
        if (held != null) {
            held.set(false);
            held = null;
        }
    }

    void open(FxRobot robot, Path file) throws TimeoutException {
        VerifyViewModel vm = viewModel(robot);
        robot.interact(() -> vm.open(file));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    String title(FxRobot robot) {
        return label(robot, "#outcomeTitle").getText();
    }

    String hint(FxRobot robot) {
        return label(robot, "#outcomeHint").getText();
    }

    String icon(FxRobot robot) {
        return label(robot, "#outcomeIcon").getText();
    }

    DeskOutcome shown(FxRobot robot) {
        return viewModel(robot).deskOutcomeProperty().get();
    }

    List<String> tone(FxRobot robot) {
        return robot.lookup("#outcomeBox").query().getStyleClass();
    }

    @SuppressWarnings("unchecked")
    TableView<ComparisonRow> table(FxRobot robot) {
        return robot.lookup("#comparisonTable").queryAs(TableView.class);
    }

    void screenshot(FxRobot robot, String name) throws IOException {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(stage.getScene().snapshot(null)));
        BufferedImage png = SwingFXUtils.fromFXImage(image.get(), null);
        ImageIO.write(png, "png", SHOTS.resolve(name + ".png").toFile());
        String extra = System.getProperty("cqs.deskShots");
        if (extra != null && !extra.isBlank()) {
            Path dir = Path.of(extra);
            Files.createDirectories(dir);
            ImageIO.write(png, "png", dir.resolve(name + ".png").toFile());
        }
    }

    static long webcamVerifications(String scannedText) {
        return server.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from verification where source = 'WEBCAM' and scanned_text = :t")
                .bind("t", scannedText).mapTo(Long.class).one());
    }

    // ------------------------------------------------------------------ outcomes

    @Test
    @Order(1)
    void aGenuineCurrentReportHeldUpToTheCameraIsReadOnceMarkedConfirmedAndRecorded(FxRobot robot) throws Exception {
        CubeStrengthReport r = report("2025-HNT-300001");
        QrToken token = sign(r);
        upload(r, token, null, null);
        String url = token.toUrl(server.publicBaseUrl());
        logIn(robot);

        VerifyViewModel vm = viewModel(robot);
        assertThat(robot.lookup("#cameraChoice").queryAs(ChoiceBox.class).getValue()).isNotNull();
        assertThat(vm.live().resolutionProperty().get()).isEqualTo(new CameraResolution(1280, 720));
        robot.interact(() -> vm.live().resolutionProperty().set(new CameraResolution(1920, 1080)));
        startCamera(robot);
        assertThat(CAMERAS.opened()).last().satisfies(c ->
                assertThat(c.resolution()).contains(new CameraResolution(1920, 1080)));
        assertThat(CAMERAS.remembered()).hasValueSatisfying(c ->
                assertThat(c.resolution()).contains(new CameraResolution(1920, 1080)));
        assertThat(robot.lookup("#livePane").query().isVisible()).isTrue();
        assertThat(robot.lookup("#cameraStopButton").queryAs(Button.class).isDisabled()).isFalse();

        // the outline drawn over the preview when the code is read
        Group marks = robot.lookup("#liveMarkLayer").queryAs(Group.class);
        AtomicInteger outlines = new AtomicInteger();
        robot.interact(() -> marks.getChildren().addListener((ListChangeListener<Node>) c ->
                outlines.set(Math.max(outlines.get(), (int) marks.getChildren().stream()
                        .filter(n -> n instanceof Polygon).count()))));
        java.util.concurrent.atomic.AtomicBoolean flashed = new java.util.concurrent.atomic.AtomicBoolean();
        Node outcomeBox = robot.lookup("#outcomeBox").query();
        robot.interact(() -> outcomeBox.getStyleClass().addListener((ListChangeListener<String>) c -> {
            if (outcomeBox.getStyleClass().contains("outcome-flash")) {
                flashed.set(true);
            }
        }));
        int beeps = vm.live().sound().requests();
        holdUp(robot, DeskFrames.paper(6, url));

        assertThat(vm.selectedCodeProperty().get().verdict().outcome()).isEqualTo(VerifyOutcome.GENUINE_IN_SYSTEM);
        assertThat(shown(robot)).isEqualTo(DeskOutcome.GENUINE_CURRENT);
        assertThat(title(robot)).isEqualTo("真实有效，与系统记录一致");
        assertThat(icon(robot)).isEqualTo("√");
        assertThat(tone(robot)).contains("outcome-good");
        assertThat(flashed).isTrue();
        assertThat(outlines.get()).isEqualTo(1);
        assertThat(vm.live().sound().requests()).isEqualTo(beeps + 1);
        assertThat(table(robot).getItems()).noneMatch(ComparisonRow::highlighted);
        assertThat(table(robot).getItems()).anySatisfy(row -> {
            assertThat(row.paper()).isEqualTo("2025-HNT-300001");
            assertThat(row.record()).isEqualTo("2025-HNT-300001");
        });
        assertThat(label(robot, "#recordStatusLabel").getText()).contains("已记录 1 次核验");
        screenshot(robot, "genuine-current");

        // the paper stays in view a while longer: no second beep, no second verification
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        assertThat(vm.live().confirmationsProperty().get()).isEqualTo(1);
        assertThat(vm.live().sound().requests()).isEqualTo(beeps + 1);
        putDown();
        // the outline goes after about 1.5 s, the flash with it
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm.live().marks().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(marks.getChildren()).isEmpty();
        assertThat(tone(robot)).doesNotContain("outcome-flash");

        // the verification reaches the server through the outbox, once, marked as a webcam scan
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> webcamVerifications(url) == 1);
        robot.clickOn("#cameraStopButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.live().runningProperty().get());
        assertThat(robot.lookup("#livePane").query().isVisible()).isFalse();
        assertThat(webcamVerifications(url)).isEqualTo(1);
    }

    @Test
    @Order(2)
    void aSupersededReportNamesItsCorrection(FxRobot robot) throws Exception {
        CubeStrengthReport original = report("2025-HNT-300002");
        QrToken token = sign(original);
        UUID id = upload(original, token, null, null);
        CubeStrengthReport correction = report("2025-HNT-300102");
        upload(correction, sign(correction), id, "第 2 块试件破坏荷载录入错误");
        logIn(robot);
        startCamera(robot);
        holdUp(robot, DeskFrames.paper(-4, token.toUrl(server.publicBaseUrl())));

        assertThat(shown(robot)).isEqualTo(DeskOutcome.GENUINE_SUPERSEDED);
        assertThat(title(robot)).isEqualTo("报告真实，但已被更正报告 2025-HNT-300102 取代");
        assertThat(hint(robot)).contains("第 2 块试件破坏荷载录入错误").contains("请勿以此版本报告为准");
        assertThat(icon(robot)).isEqualTo("→");
        assertThat(tone(robot)).contains("outcome-caution");
        assertThat(table(robot).getItems()).anySatisfy(row -> {
            assertThat(row.record()).isEqualTo("已被更正版本替代");
            assertThat(row.state()).isEqualTo(ComparisonRow.State.ATTENTION);
        });
        screenshot(robot, "genuine-superseded");
    }

    @Test
    @Order(3)
    void aWithdrawnReportPdfSaysWithdrawnWithTheReason(FxRobot robot) throws Exception {
        CubeStrengthReport r = report("2025-HNT-300003");
        QrToken token = sign(r);
        UUID id = upload(r, token, null, null);
        try (ApiClient api = loggedIn("lab-admin")) {
            api.post("/api/v1/reports/" + id + "/withdraw", new ReportWithdrawal("委托方取消工程，报告作废"),
                    JsonNode.class, Map.of());
        }
        logIn(robot);
        open(robot, reportPdf("withdrawn.pdf", r, token));

        assertThat(shown(robot)).isEqualTo(DeskOutcome.GENUINE_WITHDRAWN);
        assertThat(title(robot)).isEqualTo("报告真实，但已被检测机构撤回");
        assertThat(hint(robot)).contains("委托方取消工程，报告作废");
        assertThat(icon(robot)).isEqualTo("○");
        assertThat(tone(robot)).contains("outcome-bad");
        assertThat(viewModel(robot).selectedCodeProperty().get().verdict().record().status())
                .isEqualTo(ReportStatus.WITHDRAWN);
        screenshot(robot, "genuine-withdrawn");
    }

    @Test
    @Order(4)
    void aGenuineReportNotYetUploadedIsWithinOrPastThe24HourLimit(FxRobot robot) throws Exception {
        QrToken recent = sign(lab, report("2025-HNT-300004"), Duration.ofHours(3));
        QrToken old = sign(lab, report("2025-HNT-300005"), Duration.ofHours(30));
        logIn(robot);
        startCamera(robot);

        holdUp(robot, DeskFrames.paper(3, recent.toUrl(server.publicBaseUrl())));
        assertThat(shown(robot)).isEqualTo(DeskOutcome.NOT_UPLOADED_WITHIN_LIMIT);
        assertThat(title(robot)).isEqualTo("真实，尚未上传（仍在 24 小时上传时限内）");
        assertThat(hint(robot)).contains("仍在时限内");
        assertThat(icon(robot)).isEqualTo("…");
        assertThat(tone(robot)).contains("outcome-caution");
        screenshot(robot, "not-uploaded-within-24h");

        holdUp(robot, DeskFrames.paper(-8, old.toUrl(server.publicBaseUrl())));
        assertThat(viewModel(robot).selectedCodeProperty().get().verdict().outcome())
                .isEqualTo(VerifyOutcome.GENUINE_NOT_UPLOADED);
        assertThat(shown(robot)).isEqualTo(DeskOutcome.NOT_UPLOADED_PAST_LIMIT);
        assertThat(title(robot)).isEqualTo("真实，但超过 24 小时仍未上传");
        assertThat(hint(robot)).contains("已超过 24 小时上传时限").contains("请拒收");
        assertThat(icon(robot)).isEqualTo("!");
        assertThat(tone(robot)).contains("outcome-bad");
        screenshot(robot, "not-uploaded-past-24h");
    }

    @Test
    @Order(5)
    void aForeignCodeAndATamperedOneFromTheCamera(FxRobot robot) throws Exception {
        logIn(robot);
        startCamera(robot);
        holdUp(robot, DeskFrames.paper(2, "https://weixin.qq.com/r/desk-demo-foreign-code"));
        assertThat(shown(robot)).isEqualTo(DeskOutcome.NOT_A_SYSTEM_CODE);
        assertThat(title(robot)).isEqualTo("不是本系统的二维码");
        assertThat(icon(robot)).isEqualTo("—");
        assertThat(tone(robot)).contains("outcome-neutral");
        screenshot(robot, "not-a-system-code");

        QrToken token = sign(report("2025-HNT-300006"));
        byte[] bytes = token.toBytes();
        bytes[20] ^= 0x04;
        String tampered = server.publicBaseUrl() + "/v/"
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        holdUp(robot, DeskFrames.paper(-3, tampered));
        assertThat(shown(robot)).isEqualTo(DeskOutcome.SIGNATURE_INVALID);
        assertThat(title(robot)).isEqualTo("签名无效：二维码被伪造或篡改");
        assertThat(icon(robot)).isEqualTo("×");
        assertThat(tone(robot)).contains("outcome-bad");
        screenshot(robot, "signature-invalid");
    }

    @Test
    @Order(6)
    void unknownAndUncertifiedIssuersFromFiles(FxRobot robot) throws Exception {
        Instant now = Instant.now();
        OrganisationIdentity identity = new OrganisationIdentity(DemoAccounts.Org.LAB.displayName,
                DemoAccounts.Org.LAB.uscc);
        OrganisationCredential unregistered = demoCa.issueOrganisationCredential(identity,
                now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(30)));
        OrganisationCredential revoked = demoCa.issueOrganisationCredential(identity, now.minus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(30)));
        try (ApiClient admin = loggedIn("lab-admin")) {
            admin.post("/api/v1/organisations/" + labId + "/certificates",
                    Map.of("certificatePem", PemCertificates.toPem(revoked.certificate())), Void.class, Map.of());
            admin.post("/api/v1/organisations/" + labId + "/certificates/" + revoked.keyId().hex() + "/revoke",
                    Map.of("reason", "测试：密钥遗失"), Void.class, Map.of());
        }
        logIn(robot);

        open(robot, TestImages.png(files.resolve("unknown.png"),
                sign(unregistered, report("2025-HNT-300007"), Duration.ofHours(1)).encode()));
        assertThat(shown(robot)).isEqualTo(DeskOutcome.ISSUER_UNKNOWN);
        assertThat(title(robot)).isEqualTo("签发单位未知");
        assertThat(icon(robot)).isEqualTo("?");
        assertThat(tone(robot)).contains("outcome-bad");
        screenshot(robot, "issuer-unknown");

        open(robot, TestImages.png(files.resolve("revoked.png"),
                sign(revoked, report("2025-HNT-300008"), Duration.ofHours(1)).encode()));
        assertThat(shown(robot)).isEqualTo(DeskOutcome.ISSUER_NOT_CERTIFIED);
        assertThat(title(robot)).isEqualTo("签发单位未经平台认证");
        assertThat(icon(robot)).isEqualTo("※");
        assertThat(tone(robot)).contains("outcome-bad");
        screenshot(robot, "issuer-not-certified");
    }

    @Test
    @Order(7)
    void aRecordAlteredAfterUploadIsHighlightedRowByRow(FxRobot robot) throws Exception {
        CubeStrengthReport r = report("2025-HNT-300009");
        QrToken token = sign(r);
        upload(r, token, null, null);
        int changed = server.jdbi().withHandle(h -> h.createUpdate(
                "update report set content = jsonb_set(content, '{projectPart}', to_jsonb(:part)), project_part = :part "
                        + "where report_number = :n")
                .bind("part", "2#楼 一层 基础").bind("n", r.reportNumber()).execute());
        assertThat(changed).isEqualTo(1);
        logIn(robot);
        startCamera(robot);
        holdUp(robot, DeskFrames.paper(5, token.toUrl(server.publicBaseUrl())));

        assertThat(shown(robot)).isEqualTo(DeskOutcome.DIGEST_MISMATCH);
        assertThat(title(robot)).isEqualTo("与系统记录不一致");
        assertThat(icon(robot)).isEqualTo("≠");
        assertThat(table(robot).getItems()).anySatisfy(row -> {
            assertThat(row.record()).isEqualTo("2#楼 一层 基础");
            assertThat(row.state()).isEqualTo(ComparisonRow.State.ATTENTION);
            assertThat(row.highlighted()).isTrue();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".row-attention").queryAll()).isNotEmpty();
        screenshot(robot, "digest-mismatch");
    }

    @Test
    @Order(8)
    void aRefusalFromTheCameraCarriesTheFrameAndIsLinkedToItsVerification(FxRobot robot) throws Exception {
        QrToken token = sign(lab, report("2025-HNT-300010"), Duration.ofHours(40));
        String url = token.toUrl(server.publicBaseUrl());
        logIn(robot);
        startCamera(robot);
        holdUp(robot, DeskFrames.paper(4, url));
        assertThat(shown(robot)).isEqualTo(DeskOutcome.NOT_UPLOADED_PAST_LIMIT);

        robot.clickOn("#refuseButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#textPromptField").tryQuery().isPresent());
        robot.clickOn("#textPromptField").write("报告签发已超过 24 小时仍未上传");
        robot.clickOn("确定");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery()
                .map(n -> ((javafx.scene.control.DialogPane) n).getContentText())
                .filter(t -> t != null && t.contains("当地监管部门")).isPresent());
        robot.clickOn("确定");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> server.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from refusal r join verification v on v.id = r.verification_id "
                        + "where r.scanned_text = :t and v.scanned_text = :t and v.source = 'WEBCAM'")
                .bind("t", url).mapTo(Long.class).one()) == 1);
        String media = server.jdbi().withHandle(h -> h.createQuery(
                "select image_media_type from refusal where scanned_text = :t").bind("t", url).mapTo(String.class).one());
        assertThat(media).isIn("image/png", "image/jpeg");
    }

    @Test
    @Order(9)
    void cameraTroubleIsSaidPlainlyAndTheDeskStillVerifiesFiles(FxRobot robot) throws Exception {
        CubeStrengthReport r = report("2025-HNT-300011");
        QrToken token = sign(r);
        upload(r, token, null, null);
        Path pdf = reportPdf("genuine-after-trouble.pdf", r, token);
        logIn(robot);
        VerifyViewModel vm = viewModel(robot);

        // no camera connected
        CAMERAS.connect(false);
        robot.clickOn("#cameraRefreshButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.live().problemProperty().get() == CameraProblem.NO_CAMERA);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(label(robot, "#cameraMessage").getText()).startsWith("未找到摄像头");
        assertThat(label(robot, "#cameraMessage").getStyleClass()).contains("camera-problem");
        assertThat(robot.lookup("#cameraStartButton").queryAs(Button.class).isDisabled()).isTrue();
        screenshot(robot, "camera-none");

        // busy: another program holds it
        CAMERAS.connect(true);
        robot.clickOn("#cameraRefreshButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.live().cameraProperty().get() != null);
        CAMERAS.failNextOpen(CameraProblem.BUSY);
        robot.clickOn("#cameraStartButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.live().problemProperty().get() == CameraProblem.BUSY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(label(robot, "#cameraMessage").getText()).contains("正被其他程序或窗口占用").contains("仍可打开图片或 PDF 文件核验");
        assertThat(vm.live().runningProperty().get()).isFalse();
        screenshot(robot, "camera-busy");

        // unplugged mid-scan
        startCamera(robot);
        CAMERAS.unplug();
        CAMERAS.push(DeskFrames.empty(), "last frame");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.live().problemProperty().get() == CameraProblem.VANISHED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.live().runningProperty().get()).isFalse();
        assertThat(robot.lookup("#livePane").query().isVisible()).isFalse();
        assertThat(label(robot, "#cameraMessage").getText()).contains("已停止传输画面");

        // files still work
        open(robot, pdf);
        assertThat(shown(robot)).isEqualTo(DeskOutcome.GENUINE_CURRENT);
        screenshot(robot, "camera-unplugged-file-still-works");
    }

    @Test
    @Order(9)
    void theToolbarReadsInFullInEnglishInTheDefaultWindow(FxRobot robot) throws Exception {
        logIn(robot);
        robot.interact(() -> {
            stage.setWidth(1100);
            app.switchLanguage(AppLanguage.ENGLISH);
        });
        try {
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("#nav-verify");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".verify-root").tryQuery().isPresent());
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                    () -> label(robot, "#trustStatusLabel").getText().startsWith("Platform certificates"));
            List<String> cut = new ArrayList<>();
            robot.interact(() -> {
                Node toolbar = robot.lookup(".verify-toolbar").query();
                toolbar.getScene().getRoot().applyCss();
                toolbar.getScene().getRoot().layout();
                for (Node n : toolbar.lookupAll(".labeled")) {
                    if (n instanceof javafx.scene.control.Labeled l && n.isVisible() && l.getText() != null
                            && !l.getText().isEmpty()
                            && l.lookup(".text") instanceof javafx.scene.text.Text shown
                            && !l.getText().equals(shown.getText())) {
                        cut.add(shown.getText() + " ≠ " + l.getText());
                    }
                }
            });
            // before the fix the buttons read "Ope…", "Refuse and…" and the place label "…"
            assertThat(cut).isEmpty();
            assertThat(robot.lookup("#noSerialButton").queryAs(javafx.scene.control.Button.class).getText())
                    .isEqualTo("Refuse (no serial number)");
            screenshot(robot, "toolbar-english");
        } finally {
            robot.interact(() -> app.switchLanguage(AppLanguage.CHINESE));
        }
    }

    @Test
    @Order(10)
    void theServerGoneAfterTheCertificatesWereCachedGivesSignatureValidStatusUnknown(FxRobot robot) throws Exception {
        QrToken token = sign(report("2025-HNT-300012"));
        logIn(robot);
        startCamera(robot);
        server.close();
        serverClosed = true;
        holdUp(robot, DeskFrames.paper(-5, token.toUrl(server.publicBaseUrl())));

        assertThat(shown(robot)).isEqualTo(DeskOutcome.SERVER_UNREACHABLE);
        assertThat(title(robot)).isEqualTo("签名有效，但无法连接服务器，状态未知");
        assertThat(icon(robot)).isEqualTo("?");
        assertThat(tone(robot)).contains("outcome-caution");
        assertThat(table(robot).getItems()).anySatisfy(row -> assertThat(row.paper()).isEqualTo("2025-HNT-300012"));
        screenshot(robot, "server-unreachable");
    }

    @Test
    @Order(11)
    void everyDeskOutcomeLooksDifferent() {
        List<String> looks = new ArrayList<>();
        for (DeskOutcome o : DeskOutcome.values()) {
            looks.add(o.icon() + " " + o.tone());
        }
        assertThat(looks).doesNotHaveDuplicates();
    }
}

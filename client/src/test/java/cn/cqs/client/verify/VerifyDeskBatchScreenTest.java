package cn.cqs.client.verify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.api.ApiClient;
import cn.cqs.client.api.ApiClientConfig;
import cn.cqs.client.app.ClientApp;
import cn.cqs.client.app.StartupOptions;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.reports.ProjectChoice;
import cn.cqs.client.shell.ModuleRegistry;
import cn.cqs.contract.auth.LoginRequest;
import cn.cqs.contract.pki.OrganisationCredential;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
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
 * Drives the real verify desk against the real server (embedded PostgreSQL, demo PKI, the demo
 * plant registering a lot, a mix design and a batch through the ready-mix API) with delivery
 * tickets held up to a synthetic camera: a genuine batch shows its record beside the ticket; a
 * batch whose record was altered behind the platform's back is highlighted; concrete without a
 * serial number is refused through the form (validation, a camera photo, the chosen project) and
 * reaches the regulators of that project's region; and 打开 PDF opens the system's PDF of exactly
 * the report the code names in the PDF viewer. Screens are saved as {@code batch-*}, {@code noserial-*}
 * and {@code pdf-*} PNGs ({@code target/desk-shots/}, and to {@code cqs.deskShots} when set).
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerifyDeskBatchScreenTest {
    static final Path SHOTS = Path.of("target", "desk-shots");
    static final String PASSWORD = DemoAccounts.PASSWORD;
    static final SyntheticCameras CAMERAS = new SyntheticCameras();

    static CqsServer server;
    static Path profile;
    static String cangshanProjectId;
    static UUID xiangAnProjectId;
    static OrganisationCredential lab;

    ClientApp app;
    Stage stage;
    AtomicBoolean held;

    @BeforeAll
    static void startServer() throws Exception {
        server = CqsServer.start(ServerConfig.forTests());
        Path demo = server.demoCredentialsDirectory().orElseThrow();
        lab = Pkcs12Keystores.load(demo.resolve(DemoAccounts.Org.LAB.uscc + ".p12"), PASSWORD.toCharArray());
        profile = Files.createTempDirectory("cqs-desk-batch-profile");
        cangshanProjectId = server.jdbi().withHandle(h -> h.createQuery(
                "select id from project where name like '仓山区%' order by name limit 1").mapTo(String.class).one());
        xiangAnProjectId = server.jdbi().withHandle(h -> h.createQuery("select id from project where name = :n")
                .bind("n", "翔安区保障性住房二期工程").mapTo(UUID.class).one());
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stopServer() {
        server.close();
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
        robot.interact(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != stage && w instanceof Stage s) {
                    s.close();
                }
            }
            app.shutdown();
        });
    }

    // ------------------------------------------------------------------ helpers

    static ApiClient loggedIn(String username) {
        ApiClient api = new ApiClient(ApiClientConfig.of(URI.create(server.baseUrl())));
        api.login(new LoginRequest(username, PASSWORD));
        return api;
    }

    /** The demo plant registers a lot, a mix design and a batch for its Cangshan project; the batch's QR text. */
    static String registerBatch(String pourLocation) throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        try (ApiClient plant = loggedIn("plant-admin")) {
            String lotId = "D-LOT-" + suffix;
            plant.put("/api/v1/plant/material-lots/" + lotId, Map.of("kind", "CEMENT", "specification", "P·O 42.5",
                    "supplier", "福建炼石水泥有限公司", "manufacturer", "福建炼石水泥有限公司", "lotNumber", "LS-" + suffix,
                    "quantityTonnes", new BigDecimal("50"), "arrivedAt", now.minusSeconds(3600).toString()),
                    JsonNode.class, Map.of());
            String mixId = "D-MIX-" + suffix;
            plant.put("/api/v1/plant/mix-designs/" + mixId, Map.of("marking", "A-C30-180(S4)-P8-GB/T 14902",
                    "quantities", List.of(Map.of("kind", "CEMENT", "kgPerM3", new BigDecimal("300")),
                            Map.of("kind", "WATER", "kgPerM3", new BigDecimal("170"))),
                    "validFrom", LocalDate.now().minusDays(5).toString()), JsonNode.class, Map.of());
            JsonNode batch = plant.put("/api/v1/plant/batches/D-BATCH-" + suffix, Map.of("projectId", cangshanProjectId,
                    "buyer", "中铁海峡建设集团有限公司", "pourLocation", pourLocation,
                    "marking", "A-C30-180(S4)-P8-GB/T 14902", "volumeM3", new BigDecimal("36"), "mixDesignId", mixId,
                    "materialLotIds", List.of(lotId), "plannedStart", now.minusSeconds(1800).toString()),
                    JsonNode.class, Map.of());
            return batch.get("qrText").asText();
        }
    }

    void logIn(FxRobot robot) throws TimeoutException {
        robot.interact(() -> robot.lookup("#usernameField").queryAs(TextField.class).setText("lab-clerk"));
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
                () -> robot.lookup("#trustStatusLabel").queryAs(Label.class).getText().startsWith("平台证书更新于"));
    }

    VerifyViewModel viewModel(FxRobot robot) {
        Node root = robot.lookup(".verify-root").match(n -> n.getProperties().containsKey(VerifyViewModel.class))
                .query();
        return (VerifyViewModel) root.getProperties().get(VerifyViewModel.class);
    }

    void startCamera(FxRobot robot) throws TimeoutException {
        VerifyViewModel vm = viewModel(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.live().cameraProperty().get() != null);
        robot.clickOn("#cameraStartButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.live().runningProperty().get()
                && CAMERAS.source().isPresent());
        CAMERAS.push(DeskFrames.empty(), "empty desk");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.live().previewProperty().get() != null);
    }

    /** Holds a ticket up to the camera (its frame pushed every 80 ms) until the desk shows the verdict. */
    void holdUp(FxRobot robot, BufferedImage frame) throws Exception {
        putDown();
        VerifyViewModel vm = viewModel(robot);
        int before = vm.live().confirmationsProperty().get();
        AtomicBoolean holding = new AtomicBoolean(true);
        Thread hand = new Thread(() -> {
            while (holding.get()) {
                CAMERAS.source().ifPresent(s -> {
                    try {
                        s.push(frame, "held ticket");
                    } catch (IllegalStateException closed) {
                        holding.set(false);
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

    void putDown() {
        if (held != null) {
            held.set(false);
            held = null;
        }
    }

    @SuppressWarnings("unchecked")
    TableView<ComparisonRow> table(FxRobot robot) {
        return robot.lookup("#comparisonTable").queryAs(TableView.class);
    }

    static String row(TableView<ComparisonRow> table, String label) {
        return table.getItems().stream().filter(r -> r.label().equals(label)).map(ComparisonRow::record).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " in " + table.getItems()));
    }

    void screenshot(FxRobot robot, javafx.scene.Scene scene, String name) throws IOException {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(scene.snapshot(null)));
        BufferedImage png = SwingFXUtils.fromFXImage(image.get(), null);
        ImageIO.write(png, "png", SHOTS.resolve(name + ".png").toFile());
        String extra = System.getProperty("cqs.deskShots");
        if (extra != null && !extra.isBlank()) {
            Path dir = Path.of(extra);
            Files.createDirectories(dir);
            ImageIO.write(png, "png", dir.resolve(name + ".png").toFile());
        }
    }

    static Optional<Stage> window(String title) {
        return windowWhere(t -> title.equals(t));
    }

    static Optional<Stage> windowWhere(java.util.function.Predicate<String> title) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && title.test(s.getTitle())).map(w -> (Stage) w).findFirst();
    }

    // ------------------------------------------------------------------ tests

    @Test
    @Order(1)
    void aGenuineBatchTicketShowsTheSerialNumbersRecordAndIsRecordedWithItsBatch(FxRobot robot) throws Exception {
        String qr = registerBatch("3#楼 五层 梁板");
        logIn(robot);
        startCamera(robot);
        holdUp(robot, DeskFrames.paper(5, qr));

        VerifyViewModel vm = viewModel(robot);
        CodeVerdict verdict = vm.selectedCodeProperty().get().verdict();
        assertThat(verdict.outcome()).isEqualTo(VerifyOutcome.GENUINE_IN_SYSTEM);
        assertThat(verdict.claims().kind()).isEqualTo(TokenKind.BATCH);
        assertThat(vm.deskOutcomeProperty().get()).isEqualTo(DeskOutcome.BATCH_GENUINE);
        assertThat(robot.lookup("#outcomeTitle").queryAs(Label.class).getText())
                .isEqualTo("真实有效：系统中有此生产批次，且与二维码一致");
        assertThat(robot.lookup("#outcomeBox").query().getStyleClass()).contains("outcome-good");
        TableView<ComparisonRow> table = table(robot);
        String serial = verdict.batch().serialNumber();
        assertThat(table.getItems()).anySatisfy(r -> {
            assertThat(r.label()).isEqualTo("生产流水号");
            assertThat(r.paper()).isEqualTo(serial);
            assertThat(r.record()).isEqualTo(serial);
        });
        assertThat(row(table, "浇筑部位")).isEqualTo("3#楼 五层 梁板");
        assertThat(row(table, "需方")).isEqualTo("中铁海峡建设集团有限公司");
        assertThat(row(table, "混凝土标记")).isEqualTo("A-C30-180(S4)-P8-GB/T 14902");
        assertThat(row(table, "计划方量")).isEqualTo("36 m³");
        assertThat(row(table, "工程名称")).startsWith("仓山区");
        assertThat(row(table, "搅拌站")).contains(DemoAccounts.Org.PLANT.uscc);
        // registered half an hour after its planned start without a start notification: the state shows it
        assertThat(row(table, "开盘告知")).isNotBlank();
        assertThat(table.getItems()).filteredOn(r -> !r.label().startsWith("开盘告知") && !r.label().startsWith("完成告知"))
                .noneMatch(ComparisonRow::highlighted);
        // a batch has no report PDF
        assertThat(robot.lookup("#openPdfButton").queryAs(Button.class).isDisabled()).isTrue();
        screenshot(robot, stage.getScene(), "batch-genuine");

        // the verification reaches the server with its batch, for the regulators of the batch's project
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> server.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from verification v join production_batch b on b.id = v.batch_id "
                        + "where v.scanned_text = :t and v.source = 'WEBCAM' and b.serial_number = :s")
                .bind("t", qr).bind("s", serial).mapTo(Long.class).one()) == 1);
    }

    @Test
    @Order(2)
    void aBatchAlteredBehindThePlatformsBackIsHighlighted(FxRobot robot) throws Exception {
        String qr = registerBatch("5#楼 二层 柱");
        server.jdbi().useHandle(h -> h.createUpdate(
                "update production_batch set pour_location = '篡改后的部位' where pour_location = '5#楼 二层 柱'").execute());
        logIn(robot);
        startCamera(robot);
        holdUp(robot, DeskFrames.paper(-4, qr));

        VerifyViewModel vm = viewModel(robot);
        assertThat(vm.selectedCodeProperty().get().verdict().outcome()).isEqualTo(VerifyOutcome.DIGEST_MISMATCH);
        assertThat(vm.deskOutcomeProperty().get()).isEqualTo(DeskOutcome.BATCH_ALTERED);
        assertThat(robot.lookup("#outcomeTitle").queryAs(Label.class).getText()).isEqualTo("批次记录与二维码不一致");
        assertThat(robot.lookup("#outcomeBox").query().getStyleClass()).contains("outcome-bad");
        TableView<ComparisonRow> table = table(robot);
        assertThat(row(table, "浇筑部位")).isEqualTo("篡改后的部位");
        assertThat(table.getItems()).filteredOn(r -> r.label().equals("浇筑部位") || r.label().equals("需方")
                || r.label().equals("混凝土标记") || r.label().equals("计划方量")).allMatch(ComparisonRow::highlighted);
        assertThat(robot.lookup(".row-attention").queryAll()).isNotEmpty();
        screenshot(robot, stage.getScene(), "batch-altered");
    }

    @Test
    @Order(3)
    void concreteWithoutASerialNumberIsRefusedWithACameraPhotoAndReachesTheProjectsRegulators(FxRobot robot)
            throws Exception {
        logIn(robot);
        startCamera(robot);
        CAMERAS.push(DeskFrames.empty(), "truck at the gate");
        robot.clickOn("#noSerialButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window("无流水号拒收并举报").isPresent());
        Stage form = window("无流水号拒收并举报").orElseThrow();

        // filing an empty form names what is missing and files nothing
        robot.interact(() -> ((Button) form.getScene().lookup("#noSerialFile")).fire());
        Label error = (Label) form.getScene().lookup("#noSerialError");
        assertThat(error.getText()).contains("运输车号为必填项").contains("工程为必填项").contains("请附一张照片");

        @SuppressWarnings("unchecked")
        ComboBox<ProjectChoice> project = (ComboBox<ProjectChoice>) form.getScene().lookup("#noSerialProject");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> project.getItems().stream()
                .anyMatch(p -> p.id().equals(xiangAnProjectId)));
        robot.interact(() -> {
            ((TextField) form.getScene().lookup("#noSerialTruck")).setText("闽D·T8866");
            ((TextField) form.getScene().lookup("#noSerialPlant")).setText("厦门某某商品混凝土有限公司");
            project.setValue(project.getItems().stream().filter(p -> p.id().equals(xiangAnProjectId)).findFirst()
                    .orElseThrow());
            ((TextField) form.getScene().lookup("#noSerialPour")).setText("5#楼 三层 柱");
            ((TextArea) form.getScene().lookup("#noSerialReason")).setText("送货单无生产流水号，车上无二维码标签");
            ((Button) form.getScene().lookup("#noSerialPhotoCamera")).fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((Label) form.getScene().lookup("#noSerialPhotoText")).getText()).startsWith("已附照片");
        assertThat(error.getText()).isEmpty();
        screenshot(robot, form.getScene(), "noserial-dialog");

        // filing shows a modal message: fire without waiting for the handler to return
        javafx.application.Platform.runLater(() -> ((Button) form.getScene().lookup("#noSerialFile")).fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery()
                .map(n -> ((javafx.scene.control.DialogPane) n).getContentText())
                .filter(t -> t != null && t.contains("无流水号拒收举报已提交")).isPresent());
        javafx.scene.control.DialogPane done = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        // the desk's dialogs label their one button in the user's language (确定), not ButtonType.OK
        javafx.application.Platform.runLater(() -> ((Button) done.lookupButton(done.getButtonTypes().get(0))).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertThat(window("无流水号拒收并举报")).isEmpty();
        assertThat(robot.lookup("#recordStatusLabel").queryAs(Label.class).getText()).contains("闽D·T8866");

        // through the outbox to the server, routed to the chosen project's region
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> server.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from refusal where truck_number = '闽D·T8866' and subject = 'CONCRETE_WITHOUT_SERIAL' "
                        + "and routing = 'NAMED_PROJECT'").mapTo(Long.class).one()) == 1);
        try (ApiClient regulator = loggedIn("xm-inspector")) {
            JsonNode refusals = regulator.get("/api/v1/refusals", JsonNode.class, Map.of());
            JsonNode mine = null;
            for (JsonNode r : refusals) {
                if ("闽D·T8866".equals(r.path("truckNumber").asText())) {
                    mine = r;
                }
            }
            assertThat(mine).as("the regulator of the project's region sees the refusal").isNotNull();
            assertThat(mine.get("subject").asText()).isEqualTo("CONCRETE_WITHOUT_SERIAL");
            assertThat(mine.get("projectName").asText()).isEqualTo("翔安区保障性住房二期工程");
            assertThat(mine.get("pourLocation").asText()).isEqualTo("5#楼 三层 柱");
            assertThat(mine.get("imageMediaType").asText()).isIn("image/png", "image/jpeg");
        }
    }

    @Test
    @Order(4)
    void openPdfShowsTheSystemsPdfOfExactlyTheReportTheCodeNames(FxRobot robot) throws Exception {
        String number = String.format("2025-HNT-%06d", 400000 + new java.util.Random().nextInt(99999));
        CubeStrengthReport report = new CubeStrengthReport(number, "WT-2025-04561", xiangAnProjectId,
                "翔安区保障性住房二期工程", "5#楼 三层 柱", "混凝土立方体试件", "YP-2025-0901-02", new BigDecimal("80"),
                LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 29), 28, CubeStrengthReport.STANDARD, "C30", 150,
                List.of(new CubeStrengthReport.Specimen(new BigDecimal("815.6")),
                        new CubeStrengthReport.Specimen(new BigDecimal("842.3")),
                        new CubeStrengthReport.Specimen(new BigDecimal("798.0"))),
                null, "林建国", "JZ-35-2023-00412", "厦门市某某建设监理有限公司", "陈晓明");
        QrToken token = TokenSigner.of(lab).sign(TokenKind.REPORT, number, ReportKeyFields.of(report),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1)));
        try (ApiClient api = loggedIn("lab-admin")) {
            api.post("/api/v1/reports", new ReportUpload(ReportType.CONCRETE_CUBE, report, token.encode(),
                    token.issuedAt(), "王磊", "李娜", "张伟",
                    cn.cqs.client.rendering.signing.SignedTestPdfs.signedBase64(lab, number), null, null, null),
                    JsonNode.class, Map.of(ApiClient.IDEMPOTENCY_KEY, UUID.randomUUID().toString()));
        }
        logIn(robot);
        startCamera(robot);
        holdUp(robot, DeskFrames.paper(3, token.toUrl(server.publicBaseUrl())));
        assertThat(viewModel(robot).deskOutcomeProperty().get()).isEqualTo(DeskOutcome.GENUINE_CURRENT);
        putDown();
        Button openPdf = robot.lookup("#openPdfButton").queryAs(Button.class);
        assertThat(openPdf.isDisabled()).isFalse();
        robot.interact(openPdf::fire);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> windowWhere(t -> t.contains(number)).isPresent());
        Stage viewer = windowWhere(t -> t.contains(number)).orElseThrow();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> viewer.getScene().getRoot()
                .lookupAll(".image-view").stream().anyMatch(n -> ((javafx.scene.image.ImageView) n).getImage() != null));
        WaitForAsyncUtils.waitForFxEvents();
        screenshot(robot, viewer.getScene(), "pdf-opened");
        // The desk records no prints of a stranger's report, so the viewer shows no print list for it.
        assertThat(viewer.getScene().getRoot().lookup("#printList")).isNull();
        assertThat(viewer.getScene().getRoot().lookup("#printSummary")).isNull();
    }
}

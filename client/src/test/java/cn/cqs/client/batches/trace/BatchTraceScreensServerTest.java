package cn.cqs.client.batches.trace;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.api.ApiClient;
import cn.cqs.client.api.ApiClientConfig;
import cn.cqs.client.api.UserSession;
import cn.cqs.client.batches.BatchListView;
import cn.cqs.client.batches.BatchListViewModel;
import cn.cqs.client.batches.BatchRow;
import cn.cqs.client.batches.NotificationWatch;
import cn.cqs.client.batches.PlantEnvironment;
import cn.cqs.client.batches.PlantPrints;
import cn.cqs.client.batches.PlantRegistrar;
import cn.cqs.client.batches.dosing.ApiDosingReports;
import cn.cqs.client.batches.dosing.ApiPlantBatches;
import cn.cqs.client.batches.dosing.DosingImportEnvironment;
import cn.cqs.client.batches.dosing.DosingImportViewModel;
import cn.cqs.client.batches.dosing.DosingImportWindows;
import cn.cqs.client.batches.dosing.DosingSubmissions;
import cn.cqs.client.batches.plants.ApiPlantDosing;
import cn.cqs.client.batches.plants.PlantDosingEnvironment;
import cn.cqs.client.batches.plants.PlantDosingView;
import cn.cqs.client.batches.plants.PlantDosingViewModel;
import cn.cqs.client.dialogs.RecordingDialogService;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.qrimage.QrCodes;
import cn.cqs.client.reports.LocalReports;
import cn.cqs.client.reports.ReportDrafts;
import cn.cqs.client.reports.ReportIssuer;
import cn.cqs.client.reports.ReportListView;
import cn.cqs.client.reports.ReportListViewModel;
import cn.cqs.client.reports.ReportRow;
import cn.cqs.client.reports.ReportsEnvironment;
import cn.cqs.client.session.SessionWorkspace;
import cn.cqs.client.sync.Backoff;
import cn.cqs.client.viewer.ReportDocument;
import cn.cqs.contract.auth.LoginRequest;
import cn.cqs.contract.auth.LoginResponse;
import cn.cqs.contract.batches.MaterialIntakeRequest;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.ProductionBatch;
import cn.cqs.contract.batches.ProductionRequest;
import cn.cqs.contract.batches.dosing.DosingCsv;
import cn.cqs.contract.batches.trace.BatchTrace;
import cn.cqs.contract.batches.trace.CubeReportCandidate;
import cn.cqs.contract.batches.trace.TracedCubeReport;
import cn.cqs.contract.batches.trace.TracedLot;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.qr.TokenKind;
import cn.cqs.contract.qr.TokenSigner;
import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.ReportHeader;
import cn.cqs.contract.reports.ReportKeyFields;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportUpload;
import cn.cqs.contract.reports.cement.CementReport;
import cn.cqs.contract.time.UploadDeadline;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.app.ServerConfig;
import cn.cqs.server.demo.DemoAccounts;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * 批次追溯 against a real server (demo data), at 1280×800, in Chinese: the plant opens the trace from
 * its batch list (lots with their test reports, 打开 PDF on Enter, the empty cube list), links a cube
 * report of the project through the 关联试块报告 dialog (another project's report not offered) and
 * unlinks it after confirming; the batch row opens the dosing import preselected on the batch; the
 * lab links its cube reports from its own report list (typed serial number, a QR label picture, and
 * a refusal shown with field and reason); the regulator opens the trace from the plant drill-down,
 * and the standalone screen says plainly when a batch is not found or the number is malformed.
 * Screenshots go to {@code target/screenshots/} (and to {@code cqs.screenshots.dir} when set).
 */
@ExtendWith(ApplicationExtension.class)
class BatchTraceScreensServerTest {
    static final String PASSWORD = DemoAccounts.PASSWORD;
    static final String GULOU = "鼓楼区实验小学教学楼改扩建工程";
    static final String XIANGAN = "翔安区保障性住房二期工程";
    static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));
    static CqsServer server;
    static Executor background;
    static Path profiles;
    static OrganisationCredential lab;
    static String serialPlant;     // a batch of this test: the plant's trace test
    static String plantBatchId;
    static String serialLab;       // SC-DEMO-004: the lab's link test
    static String cementNumber;
    static String plantCube;
    static String labTyped;
    static String labScanned;
    static String xiamenCube;
    static String labelQrText;
    Stage stage;
    final List<Stage> opened = new ArrayList<>();

    @BeforeAll
    static void startServer() throws Exception {
        server = CqsServer.start(ServerConfig.forTests());
        background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "trace-test-background");
            t.setDaemon(true);
            return t;
        });
        profiles = Files.createTempDirectory("cqs-trace-profiles");
        serialLab = serial("SC-DEMO-004");
        UUID gulou = project(GULOU);
        lab = cn.cqs.contract.pki.Pkcs12Keystores.load(server.demoCredentialsDirectory().orElseThrow()
                .resolve(DemoAccounts.Org.LAB.uscc + ".p12"), PASSWORD.toCharArray());
        String series = "TR" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        cementNumber = "2026-" + series + "SN-000001";
        plantCube = "2026-" + series + "-000011";
        labTyped = "2026-" + series + "-000012";
        labScanned = "2026-" + series + "-000013";
        xiamenCube = "2026-" + series + "-000014";
        try (ApiClient api = login("lab-admin")) {
            for (String number : List.of(plantCube, labTyped, labScanned)) {
                upload(api, lab, ReportType.CONCRETE_CUBE, cube(number, gulou, GULOU, "地下室底板 后浇带", "C40", "48.6"), number);
            }
            upload(api, lab, ReportType.CONCRETE_CUBE, cube(xiamenCube, project(XIANGAN), XIANGAN, "5#楼 三层 梁板", "C40", "47.2"),
                    xiamenCube);
        }
        try (ApiClient plant = login("plant-clerk")) {
            // the plant's own lab tests the cement on arrival (原材料进场检验) and issues the report
            OrganisationCredential plantLab = cn.cqs.contract.pki.Pkcs12Keystores.load(server.demoCredentialsDirectory()
                    .orElseThrow().resolve(DemoAccounts.Org.PLANT.uscc + ".p12"), PASSWORD.toCharArray());
            try (ApiClient plantAdmin = login("plant-admin")) {
                upload(plantAdmin, plantLab, ReportType.CEMENT, cement(cementNumber, gulou), cementNumber);
            }
            // a cement lot that names the cement report (the trace shows it with its conclusion), and a
            // C40 batch for the Gulou project made with it
            plant.put("/api/v1/plant/material-lots/YL-C-" + series, new MaterialIntakeRequest(MaterialKind.CEMENT,
                    "P·O 42.5", "福建炼石水泥有限公司", "福建炼石水泥有限公司", "LS2611-0301", new BigDecimal("120.5"),
                    Instant.now().minus(Duration.ofHours(20)), cementNumber), Void.class, Map.of());
            plantBatchId = "SC-" + series;
            serialPlant = plant.put("/api/v1/plant/batches/" + plantBatchId, new ProductionRequest(gulou,
                    "福建建工集团有限公司", "地下室底板 后浇带", "A-C40-180(S4)-GB/T 14902", new BigDecimal("24"), "PB-C40-01",
                    List.of("YL-C-" + series, "YL-F-001", "YL-S-001", "YL-G-001", "YL-A-001"),
                    Instant.now().minus(Duration.ofHours(1)), "HT-" + series), ProductionBatch.class, Map.of()).serialNumber();
            labelQrText = plant.get("/api/v1/batches/" + serialLab, ProductionBatch.class, Map.of()).qrText();
        }
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closeWindows() {
        WaitForAsyncUtils.asyncFx(() -> new ArrayList<>(Window.getWindows()).stream()
                .filter(w -> w != stage && w instanceof Stage).forEach(w -> ((Stage) w).close()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static ApiClient login(String username) {
        ApiClient api = new ApiClient(ApiClientConfig.of(URI.create(server.baseUrl())));
        api.login(new LoginRequest(username, PASSWORD));
        return api;
    }

    static String serial(String plantBatchId) {
        return server.jdbi().withHandle(h -> h.createQuery("select serial_number from production_batch where plant_batch_id = :b")
                .bind("b", plantBatchId).mapTo(String.class).one());
    }

    static UUID project(String name) {
        return server.jdbi().withHandle(h -> h.createQuery("select id from project where name = :n").bind("n", name)
                .mapTo(UUID.class).one());
    }

    static CubeStrengthReport cube(String number, UUID project, String projectName, String part, String grade,
                                   String strength) {
        LocalDate tested = LocalDate.now(UploadDeadline.REPORT_ZONE).minusDays(1);
        BigDecimal load = new BigDecimal(strength).multiply(new BigDecimal("22.5"));
        return new CubeStrengthReport(number, "WT-" + number, project, projectName, part, "混凝土立方体试件",
                "YP-" + number, new BigDecimal("100"), tested.minusDays(28), tested, 28, CubeStrengthReport.STANDARD, grade,
                150, List.of(new CubeStrengthReport.Specimen(load), new CubeStrengthReport.Specimen(load),
                new CubeStrengthReport.Specimen(load)), null, "林建国", "JZ-35-2023-00412", "福建省建设监理有限公司", "陈晓明");
    }

    static CementReport cement(String number, UUID project) {
        LocalDate tested = LocalDate.now(UploadDeadline.REPORT_ZONE).minusDays(1);
        ReportHeader header = new ReportHeader(number, "WT-" + number, project, GULOU, "基础及地下室", "通用硅酸盐水泥",
                "YP-" + number, tested.minusDays(29), tested, "GB 175-2023", "林建国", "JZ-35-2023-00412",
                "福建省建设监理有限公司", "陈晓明");
        return new CementReport(header, "P·O", "42.5", "福建炼石水泥有限公司", "LS2611-0215", new BigDecimal("200"), 165, 225,
                true, new CementReport.StrengthTest(decimals("2.15", "2.20", "2.05"),
                decimals("35.0", "36.0", "34.5", "35.5", "36.5", "35.0")),
                new CementReport.StrengthTest(decimals("3.30", "3.40", "3.25"),
                        decimals("75.0", "76.5", "74.0", "75.5", "77.0", "73.5")));
    }

    static List<BigDecimal> decimals(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    static void upload(ApiClient api, OrganisationCredential issuer, ReportType type, Object content, String number) {
        QrToken token = TokenSigner.of(issuer).sign(TokenKind.REPORT, number, ReportKeyFields.of(type, content),
                Instant.now().minusSeconds(120));
        api.post("/api/v1/reports", new ReportUpload(type, content, token.encode(), token.issuedAt(), "王磊", "李娜", "张伟",
                        cn.cqs.client.rendering.signing.SignedTestPdfs.signedBase64(issuer, number)), Void.class,
                Map.of(ApiClient.IDEMPOTENCY_KEY, UUID.randomUUID().toString()));
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Localization.setLanguage(AppLanguage.CHINESE);
        stage.setScene(new Scene(new StackPane(), 1280, 800));
        stage.show();
    }

    void show(FxRobot robot, Parent view) {
        robot.interact(() -> stage.getScene().setRoot(view));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The root of a shown window whose root has {@code id}. */
    static Optional<Parent> windowRoot(String id) {
        return Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene)
                .filter(s -> s != null && s.getRoot() != null && id.equals(s.getRoot().getId()))
                .map(Scene::getRoot).findFirst();
    }

    static Parent awaitWindow(String id) throws Exception {
        waitUntil(() -> windowRoot(id).isPresent());
        return windowRoot(id).orElseThrow();
    }

    void screenshot(FxRobot robot, Node root, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> image[0] = root.snapshot(null, null));
        BufferedImage buffered = SwingFXUtils.fromFXImage(image[0], null);
        List<Path> dirs = new ArrayList<>(List.of(Path.of("target", "screenshots")));
        String extra = System.getProperty("cqs.screenshots.dir");
        if (extra != null && !extra.isBlank()) {
            dirs.add(Path.of(extra));
        }
        for (Path dir : dirs) {
            Files.createDirectories(dir);
            ImageIO.write(buffered, "png", dir.resolve(name + ".png").toFile());
        }
    }

    static SessionWorkspace workspace(ApiClient api, LoginResponse login) throws java.io.IOException {
        SessionWorkspace w = SessionWorkspace.open(profiles, new UserSession(api, login.user(), login.expiresAt()),
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 0));
        w.syncNow();
        return w;
    }

    // ------------------------------------------------------------------ the plant

    @Test
    @SuppressWarnings("unchecked")
    void thePlantTracesABatchFromItsListLinksACubeReportAndUnlinksItAfterConfirming(FxRobot robot) throws Exception {
        ApiClient api = new ApiClient(ApiClientConfig.of(URI.create(server.baseUrl())));
        LoginResponse login = api.login(new LoginRequest("plant-clerk", PASSWORD));
        try (SessionWorkspace w = workspace(api, login)) {
            ZoneId zone = ZoneId.of("Asia/Shanghai");
            Clock clock = Clock.system(zone);
            RecordingDialogService dialogs = new RecordingDialogService();
            List<ReportDocument> pdfs = new CopyOnWriteArrayList<>();
            PlantEnvironment env = new PlantEnvironment(new PlantRegistrar(w.plant(), w.outbox(), clock),
                    new NotificationWatch(w.plant(), w.outbox()), new PlantPrints(() -> {
                        throw new AssertionError("nothing is printed here");
                    }, login.user().organisationName(), clock, zone), List::of, dialogs, background, Platform::runLater,
                    clock, zone, w::drainNow, Duration.ofSeconds(5), (job, pdf) -> { });
            BatchListViewModel list = new BatchListViewModel(env);
            list.setTraceOpener(new BatchTraceWindows(new ApiBatchTrace(api), login.user(), pdfs::add, dialogs,
                    SerialLabels.standard(), background, Platform::runLater, () -> stage));
            list.setDosingImportOpener(new DosingImportWindows(() -> new DosingImportEnvironment(new ApiPlantBatches(api),
                    new DosingSubmissions(w.outbox()), new ApiDosingReports(api), dialogs, background, Platform::runLater),
                    () -> stage, false));
            show(robot, (Parent) BatchListView.create(list));
            robot.interact(list::start);
            robot.interact(() -> list.textProperty().set(serialPlant));
            waitUntil(() -> list.rows().size() == 1 && list.rows().get(0) != null);
            @SuppressWarnings("unchecked")
            TableView<BatchRow> batchTable = robot.lookup("#batchTable").queryAs(TableView.class);
            robot.interact(() -> batchTable.getSelectionModel().select(0));
            waitUntil(() -> list.selectedProperty().get() != null);
            assertThat(list.selectedProperty().get().serialNumber()).isEqualTo(serialPlant);
            screenshot(robot, stage.getScene().getRoot(), "trace-batch-list");
            robot.clickOn("#batchTraceButton");

            Parent traceRoot = awaitWindow("batchTraceScreen");
            BatchTraceViewModel vm = (BatchTraceViewModel) traceRoot.getProperties().get(BatchTraceViewModel.class);
            waitUntil(() -> vm.stateProperty().get() == TraceState.SHOWN);
            BatchTrace trace = vm.traceProperty().get();
            assertThat(trace.batch().serialNumber()).isEqualTo(serialPlant);
            assertThat(trace.batch().pourLocation()).isEqualTo("地下室底板 后浇带");
            assertThat(vm.lots()).hasSize(5);
            TracedLot cementLot = vm.lots().stream().filter(l -> l.kind() == MaterialKind.CEMENT).findFirst().orElseThrow();
            assertThat(cementLot.testReportNumber()).isEqualTo(cementNumber);
            assertThat(cementLot.testReportId()).isNotNull();
            assertThat(cementLot.testReportConclusion()).isEqualTo("QUALIFIED");
            assertThat(vm.mayLinkProperty().get()).isTrue();
            assertThat(vm.cubeReports()).isEmpty();
            TableView<TracedCubeReport> reports = (TableView<TracedCubeReport>) traceRoot.lookup("#traceCubeReports");
            assertThat(((Label) reports.getPlaceholder()).getText()).isEqualTo("尚未关联试块报告");
            assertThat(reports.getPlaceholder().isVisible()).isTrue();
            TableView<TracedLot> lots = (TableView<TracedLot>) traceRoot.lookup("#traceLots");
            assertThat(lots.getItems()).hasSize(5);
            screenshot(robot, traceRoot, "trace-screen-no-cube-reports");

            // Enter on the cement lot's row opens its test report's PDF
            int cementRow = vm.lots().indexOf(cementLot);
            robot.clickOn(robot.from(lots).lookup(".table-row-cell").nth(cementRow).queryAs(Node.class));
            robot.type(KeyCode.ENTER);
            waitUntil(() -> !pdfs.isEmpty());
            assertThat(pdfs.get(0).reportId()).isEqualTo(cementLot.testReportId());
            assertThat(pdfs.get(0).title()).isEqualTo(cementNumber);

            // 关联试块报告…: the project's cube reports, not the other project's
            robot.clickOn(robot.from(traceRoot).lookup("#traceLinkButton").queryAs(Node.class));
            Parent dialogRoot = awaitWindow("cubeReportLinkDialog");
            CubeReportLinkViewModel link = (CubeReportLinkViewModel) dialogRoot.getProperties()
                    .get(CubeReportLinkViewModel.class);
            waitUntil(() -> !link.busyProperty().get() && !link.candidates().isEmpty());
            assertThat(link.candidates()).extracting(CubeReportCandidate::reportNumber)
                    .contains(plantCube, labTyped, labScanned).doesNotContain(xiamenCube);
            assertThat(link.candidates()).noneMatch(CubeReportCandidate::linked);
            robot.interact(() -> link.filterProperty().set(plantCube.substring(plantCube.length() - 6)));
            waitUntil(() -> link.candidates().size() == 1);
            robot.interact(() -> link.selectedProperty().set(link.candidates().get(0)));
            screenshot(robot, dialogRoot, "trace-link-dialog");
            robot.clickOn(robot.from(dialogRoot).lookup("#linkConfirmButton").queryAs(Node.class));
            waitUntil(() -> windowRoot("cubeReportLinkDialog").isEmpty());
            waitUntil(() -> vm.stateProperty().get() == TraceState.SHOWN && vm.cubeReports().size() == 1);
            TracedCubeReport linked = vm.cubeReports().get(0);
            assertThat(linked.reportNumber()).isEqualTo(plantCube);
            assertThat(linked.linkedByOrganisationName()).isEqualTo(login.user().organisationName());
            assertThat(linked.labName()).isEqualTo(DemoAccounts.Org.LAB.displayName);
            assertThat(linked.designGrade()).isEqualTo("C40");
            assertThat(vm.linkMessageProperty().get()).contains(plantCube);
            robot.interact(() -> vm.selectedReportProperty().set(linked));
            screenshot(robot, traceRoot, "trace-screen");

            // 取消关联: asks first; No keeps the link, Yes removes it
            dialogs.answerConfirm(false);
            robot.clickOn(robot.from(traceRoot).lookup("#traceUnlinkButton").queryAs(Node.class));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(vm.cubeReports()).hasSize(1);
            dialogs.answerConfirm(true);
            robot.clickOn(robot.from(traceRoot).lookup("#traceUnlinkButton").queryAs(Node.class));
            waitUntil(() -> vm.stateProperty().get() == TraceState.SHOWN && vm.cubeReports().isEmpty());
            assertThat(dialogs.shown()).filteredOn(s -> s.kind().equals("confirm")).hasSize(2)
                    .allSatisfy(s -> assertThat(s.message()).contains(plantCube).contains(serialPlant));
            assertThat(dialogs.shown()).noneMatch(s -> s.kind().equals("error"));
            try (ApiClient check = login("plant-clerk")) {
                assertThat(new ApiBatchTrace(check).trace(serialPlant).cubeReports()).isEmpty();
            }

            // Esc closes the trace window
            robot.interact(() -> traceRoot.getScene().getWindow().requestFocus());
            robot.type(KeyCode.ESCAPE);
            waitUntil(() -> windowRoot("batchTraceScreen").isEmpty());

            // 导入投料数据… opens the dosing import preselected on the batch; a file's other batch is not sent
            robot.clickOn("#batchDosingImportButton");
            Parent dosingRoot = awaitWindow("dosingImportScreen");
            DosingImportViewModel dosing = (DosingImportViewModel) dosingRoot.getProperties().get(DosingImportViewModel.class);
            assertThat(dosing.targetSerialProperty().get()).isEqualTo(serialPlant);
            assertThat(dosing.selectedProperty().get().serialNumber()).isEqualTo(serialPlant);
            assertThat(dosing.canSendProperty().get()).isFalse();
            Path csv = Files.createTempDirectory("cqs-trace-dosing").resolve("dosing.csv");
            Files.writeString(csv, csv(List.of(serial("SC-DEMO-001"), serialPlant)), StandardCharsets.UTF_8);
            robot.interact(() -> dosing.load(csv));
            waitUntil(() -> !dosing.busyProperty().get() && dosing.batches().size() == 2);
            assertThat(dosing.selectedProperty().get().serialNumber()).isEqualTo(serialPlant);
            assertThat(dosing.statusProperty().get()).contains(serialPlant).contains("不发送");
            assertThat(dosing.canSendProperty().get()).isTrue();
            robot.interact(dosing::send);
            waitUntil(() -> !dosing.busyProperty().get() && w.outbox().all().stream()
                    .anyMatch(e -> e.target().path().endsWith("/" + plantBatchId + "/dosing")));
            assertThat(w.outbox().all()).noneMatch(e -> e.target().path().endsWith("/SC-DEMO-001/dosing"));
        }
    }

    /** One plate of 2 m³ per batch, at the demo C40 design quantities (the check is not what this test is about). */
    static String csv(List<String> serials) {
        StringBuilder s = new StringBuilder(String.join(",", DosingCsv.SERIAL_NUMBER, DosingCsv.PLATE_NO, DosingCsv.TIME,
                DosingCsv.VOLUME));
        for (MaterialKind kind : MaterialKind.values()) {
            s.append(',').append(DosingCsv.MATERIAL_COLUMNS.get(kind));
        }
        s.append('\n');
        String[] kg = {"720", "140", "", "1440", "2120", "17.2", "330"};
        Instant at = Instant.now().minus(Duration.ofHours(3));
        for (String serial : serials) {
            s.append(serial).append(",1,").append(CSV_TIME.format(at)).append(",2");
            for (String k : kg) {
                s.append(',').append(k);
            }
            s.append('\n');
        }
        return s.toString();
    }

    // ------------------------------------------------------------------ the lab

    @Test
    void theLabLinksItsCubeReportsFromItsReportListTypedOrFromAQrLabelAndSeesARefusalPlainly(FxRobot robot)
            throws Exception {
        ApiClient api = new ApiClient(ApiClientConfig.of(URI.create(server.baseUrl())));
        LoginResponse login = api.login(new LoginRequest("lab-admin", PASSWORD));
        try (SessionWorkspace w = workspace(api, login)) {
            RecordingDialogService dialogs = new RecordingDialogService();
            LocalReports reports = new LocalReports(w.store());
            ReportIssuer issuer = new ReportIssuer(w.store(), reports, w.outbox(), () -> {
                throw new AssertionError("nothing is issued here");
            }, w.profileDirectory().resolve("reports"), api.serverUrl(), Clock.systemUTC());
            ReportsEnvironment env = new ReportsEnvironment(login.user(), reports, issuer, w.credentials(), w.replica(),
                    w.outbox(), dialogs, background, Platform::runLater, Clock.systemUTC(), w::fireDataChanged,
                    new ReportDrafts(api));
            ReportListViewModel vm = new ReportListViewModel(env, false, (type, draft) -> {
                throw new AssertionError("no form is opened here");
            });
            vm.setBatchLinks(new ApiBatchTrace(api), SerialLabels.standard());
            Parent view = ReportListView.create(vm);
            show(robot, view);
            robot.interact(vm::start);
            waitUntil(() -> vm.rows().stream().anyMatch(r -> r.reportNumber().equals(labScanned)));
            @SuppressWarnings("unchecked")
            TableView<ReportRow> table = (TableView<ReportRow>) view.lookup("#table");

            // only issued cube reports are linked to batches
            assertThat(ReportListViewModel.linkableToBatch(new ReportRow(null, UUID.randomUUID(), cementNumber, GULOU,
                    "P·O 42.5", "合格", LocalDate.now(), cn.cqs.client.reports.ReportRowStatus.UPLOADED, null, "水泥",
                    ReportType.CEMENT))).isFalse();
            assertThat(ReportListViewModel.linkableToBatch(new ReportRow(UUID.randomUUID(), null, labTyped, GULOU,
                    "C40", "", LocalDate.now(), cn.cqs.client.reports.ReportRowStatus.DRAFT, null, "混凝土",
                    ReportType.CONCRETE_CUBE))).isFalse();

            // typed
            select(robot, table, labTyped);
            assertThat(robot.lookup("#linkBatchButton").queryButton().isDisabled()).isFalse();
            screenshot(robot, view, "trace-lab-report-list");
            dialogs.answerChoice(Localization.get("trace.labLink.type")).answerText(serialLab);
            robot.clickOn("#linkBatchButton");
            waitUntil(() -> dialogs.shown().stream().anyMatch(s -> s.kind().equals("information")));
            assertThat(dialogs.shown()).filteredOn(s -> s.kind().equals("information")).singleElement()
                    .satisfies(s -> assertThat(s.message()).isEqualTo("报告 " + labTyped + " 已关联到批次 " + serialLab + "。"));

            // from a picture of the batch's QR label
            Path label = Files.createTempDirectory("cqs-trace-label").resolve("label.png");
            Files.write(label, QrCodes.encode(labelQrText, 8).toPng());
            select(robot, table, labScanned);
            dialogs.answerChoice(Localization.get("trace.labLink.scan")).answerFile(label);
            robot.clickOn("#linkBatchButton");
            waitUntil(() -> dialogs.shown().stream().filter(s -> s.kind().equals("information")).count() == 2);

            // another project's report: the server's refusal, with field and reason in plain words
            select(robot, table, xiamenCube);
            dialogs.answerChoice(Localization.get("trace.labLink.type")).answerText(serialLab);
            robot.clickOn("#linkBatchButton");
            waitUntil(() -> dialogs.shown().stream().anyMatch(s -> s.kind().equals("error")));
            assertThat(dialogs.shown()).filteredOn(s -> s.kind().equals("error")).singleElement()
                    .satisfies(s -> assertThat(s.message()).contains(xiamenCube).contains(serialLab)
                            .contains("报告：报告所属工程与该批次的工程不同"));

            // the trace lists both, linked by the lab; the lab may read it now
            BatchTrace trace = new ApiBatchTrace(api).trace(serialLab);
            assertThat(trace.cubeReports()).extracting(TracedCubeReport::reportNumber)
                    .containsExactlyInAnyOrder(labTyped, labScanned);
            assertThat(trace.cubeReports()).allMatch(r -> r.linkedByOrganisationName()
                    .equals(DemoAccounts.Org.LAB.displayName));
        }
    }

    static void select(FxRobot robot, TableView<ReportRow> table, String reportNumber) {
        ReportRow row = table.getItems().stream().filter(r -> r.reportNumber().equals(reportNumber)).findFirst()
                .orElseThrow();
        robot.interact(() -> {
            table.getSelectionModel().select(row);
            table.scrollTo(row);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    // ------------------------------------------------------------------ the regulator, the standalone screen

    @Test
    void theRegulatorTracesFromThePlantDrillDownAndTheStandaloneScreenSaysWhenABatchIsNotFound(FxRobot robot)
            throws Exception {
        ApiClient api = new ApiClient(ApiClientConfig.of(URI.create(server.baseUrl())));
        LoginResponse login = api.login(new LoginRequest("fz-inspector", PASSWORD));
        RecordingDialogService dialogs = new RecordingDialogService();
        BatchTraceWindows windows = new BatchTraceWindows(new ApiBatchTrace(api), login.user(), doc -> { }, dialogs,
                SerialLabels.standard(), background, Platform::runLater, () -> stage);

        // the drill-down's batch table
        PlantDosingViewModel plants = new PlantDosingViewModel(new PlantDosingEnvironment(new ApiPlantDosing(api),
                new ApiDosingReports(api), background, Platform::runLater, Clock.systemUTC()));
        plants.setTraceOpener(windows);
        show(robot, PlantDosingView.create(plants));
        robot.interact(plants::start);
        waitUntil(() -> !plants.busyProperty().get() && !plants.plants().isEmpty());
        robot.interact(() -> plants.outOfToleranceOnlyProperty().set(false));
        robot.clickOn(robot.lookup("#plantsTable .table-row-cell").nth(0).queryAs(Node.class));
        waitUntil(() -> plants.batches().stream().anyMatch(b -> b.serialNumber().equals(serialPlant)));
        robot.interact(() -> plants.selectedBatchProperty().set(plants.batches().stream()
                .filter(b -> b.serialNumber().equals(serialPlant)).findFirst().orElseThrow()));
        robot.clickOn("#plantsTraceButton");
        Parent traceRoot = awaitWindow("batchTraceScreen");
        BatchTraceViewModel fromDrillDown = (BatchTraceViewModel) traceRoot.getProperties().get(BatchTraceViewModel.class);
        waitUntil(() -> fromDrillDown.stateProperty().get() == TraceState.SHOWN);
        assertThat(fromDrillDown.traceProperty().get().batch().serialNumber()).isEqualTo(serialPlant);
        assertThat(fromDrillDown.mayLinkProperty().get()).as("a regulator does not link").isFalse();
        assertThat(robot.from(traceRoot).lookup("#traceLinkButton").queryButton().isVisible()).isFalse();
        robot.interact(() -> ((Stage) traceRoot.getScene().getWindow()).close());

        // the standalone screen: typed numbers
        BatchTraceViewModel vm = windows.viewModel(() -> stage);
        Parent view = BatchTraceView.create(vm);
        show(robot, view);
        assertThat(vm.stateProperty().get()).isEqualTo(TraceState.EMPTY);
        robot.clickOn("#traceSerial").write("20260101-123456789-000001").type(KeyCode.ENTER);
        waitUntil(() -> vm.stateProperty().get() == TraceState.NOT_FOUND);
        Label message = robot.lookup("#traceMessage").queryAs(Label.class);
        assertThat(message.getText()).isEqualTo("未找到生产流水号为 20260101-123456789-000001 的批次，或您无权查看该批次的追溯信息。");
        assertThat(message.isVisible()).isTrue();
        screenshot(robot, view, "trace-not-found");

        robot.interact(() -> vm.serialTextProperty().set("SC-DEMO-002"));
        robot.clickOn("#traceQueryButton");
        waitUntil(() -> vm.stateProperty().get() == TraceState.INVALID);
        assertThat(message.getText()).startsWith("生产流水号“SC-DEMO-002”格式不正确");

        robot.interact(() -> vm.load(serialPlant));
        waitUntil(() -> vm.stateProperty().get() == TraceState.SHOWN);
        assertThat(vm.lots()).hasSize(5);

        // English is a switch away
        try {
            Localization.setLanguage(AppLanguage.ENGLISH);
            BatchTraceViewModel english = windows.viewModel(() -> stage);
            Parent englishView = BatchTraceView.create(english);
            show(robot, englishView);
            robot.interact(() -> english.load(serialPlant));
            waitUntil(() -> english.stateProperty().get() == TraceState.SHOWN);
            assertThat(robot.lookup("#traceQueryButton").queryButton().getText()).isEqualTo("Search");
            assertThat(english.batchLines()).extracting(BatchTraceViewModel.Line::label).contains("Pour location");
            screenshot(robot, englishView, "trace-screen-en");
        } finally {
            Localization.setLanguage(AppLanguage.CHINESE);
        }

        // Xiamen's regulator may not see a Fuzhou batch: the same plain message
        try (ApiClient xm = login("xm-inspector")) {
            var user = xm.me();
            BatchTraceViewModel other = new BatchTraceWindows(new ApiBatchTrace(xm), user, doc -> { }, dialogs,
                    SerialLabels.standard(), background, Platform::runLater, () -> stage).viewModel(() -> stage);
            robot.interact(() -> other.load(serialPlant));
            waitUntil(() -> other.stateProperty().get() == TraceState.NOT_FOUND);
            assertThat(other.messageProperty().get()).contains(serialPlant).contains("无权查看");
        }
    }
}

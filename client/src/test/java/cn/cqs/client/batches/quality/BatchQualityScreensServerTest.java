package cn.cqs.client.batches.quality;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.api.ApiClient;
import cn.cqs.client.api.ApiClientConfig;
import cn.cqs.client.batches.dosing.ApiDosingReports;
import cn.cqs.client.batches.dosing.ApiPlantBatches;
import cn.cqs.client.batches.dosing.DosingImportEnvironment;
import cn.cqs.client.batches.dosing.DosingImportView;
import cn.cqs.client.batches.dosing.DosingImportViewModel;
import cn.cqs.client.batches.dosing.DosingReportLines;
import cn.cqs.client.batches.dosing.DosingReportTable;
import cn.cqs.client.batches.dosing.DosingSubmissions;
import cn.cqs.client.batches.evaluation.ApiStrengthEvaluation;
import cn.cqs.client.batches.evaluation.StrengthEvaluationView;
import cn.cqs.client.batches.evaluation.StrengthEvaluationViewModel;
import cn.cqs.client.batches.plants.ApiPlantDosing;
import cn.cqs.client.batches.plants.PlantDosingEnvironment;
import cn.cqs.client.batches.plants.PlantDosingView;
import cn.cqs.client.batches.plants.PlantDosingViewModel;
import cn.cqs.client.dialogs.DialogService;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.session.ApiOutboxSender;
import cn.cqs.client.sync.Backoff;
import cn.cqs.client.sync.LocalStore;
import cn.cqs.client.sync.Outbox;
import cn.cqs.client.sync.OutboxDrainer;
import cn.cqs.client.sync.OutboxState;
import cn.cqs.contract.auth.LoginRequest;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.dosing.DosingCsv;
import cn.cqs.contract.batches.dosing.DosingPlateInput;
import cn.cqs.contract.batches.dosing.DosingUpload;
import cn.cqs.contract.batches.supervision.PlantDosingRow;
import cn.cqs.contract.batches.supervision.SupervisedBatch;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.qr.TokenKind;
import cn.cqs.contract.qr.TokenSigner;
import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.ReportKeyFields;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportUpload;
import cn.cqs.contract.time.UploadDeadline;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.app.ServerConfig;
import cn.cqs.server.demo.DemoAccounts;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The ready-mix quality screens against a real server (demo data), at 1280×800, in Chinese:
 * the plant imports a control-system CSV (bad rows shown and not sent; a good file sent through
 * the outbox; the deviation report with the out-of-tolerance cell highlighted), the Fuzhou
 * regulator sees the plant's figures, chart and out-of-tolerance batch with its report, and the
 * Xiamen regulator evaluates ten groups of a project by GB/T 50107. Screenshots go to
 * {@code target/screenshots/} (and to {@code cqs.screenshots.dir} when set).
 */
@ExtendWith(ApplicationExtension.class)
class BatchQualityScreensServerTest {
    static final String PASSWORD = DemoAccounts.PASSWORD;
    static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));
    static final String XIANGAN = "翔安区保障性住房二期工程";
    static final String POUR = "5#楼 三层 梁板";
    static CqsServer server;
    static Executor background;
    Stage stage;

    @BeforeAll
    static void startServer() throws Exception {
        server = CqsServer.start(ServerConfig.forTests());
        background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "screen-test-background");
            t.setDaemon(true);
            return t;
        });
        // the Fuzhou regulator's figures: SC-DEMO-001 within tolerance, SC-DEMO-002 with a plate of sand 4 % over
        try (ApiClient plant = login("plant-clerk")) {
            plant.put(DosingSubmissions.path("SC-DEMO-001"), new DosingUpload(true,
                    plates(serial("SC-DEMO-001"), 3, 0, BigDecimal.ONE)), Void.class, Map.of());
            plant.put(DosingSubmissions.path("SC-DEMO-002"), new DosingUpload(true,
                    plates(serial("SC-DEMO-002"), 4, 2, new BigDecimal("1.04"))), Void.class, Map.of());
        }
        // ten C30 groups of one pour location of a Xiamen project, issued by the demo lab
        OrganisationCredential lab = cn.cqs.contract.pki.Pkcs12Keystores.load(server.demoCredentialsDirectory()
                .orElseThrow().resolve(DemoAccounts.Org.LAB.uscc + ".p12"), PASSWORD.toCharArray());
        UUID project = server.jdbi().withHandle(h -> h.createQuery("select id from project where name = :n")
                .bind("n", XIANGAN).mapTo(UUID.class).one());
        String series = "EV" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        String[] strengths = {"36.2", "38.5", "34.9", "40.1", "37.3", "35.8", "39.4", "36.7", "33.6", "38.0"};
        try (ApiClient api = login("lab-admin")) {
            for (int i = 0; i < strengths.length; i++) {
                String number = "2026-" + series + "-" + String.format("%06d", i + 1);
                BigDecimal load = new BigDecimal(strengths[i]).multiply(new BigDecimal("22.5"));
                LocalDate tested = LocalDate.now(UploadDeadline.REPORT_ZONE).minusDays(2);
                CubeStrengthReport cube = new CubeStrengthReport(number, "WT-" + number, project, XIANGAN, POUR,
                        "混凝土立方体试件", "YP-" + number, new BigDecimal("100"), tested.minusDays(28), tested, 28,
                        CubeStrengthReport.STANDARD, "C30", 150, List.of(new CubeStrengthReport.Specimen(load),
                        new CubeStrengthReport.Specimen(load), new CubeStrengthReport.Specimen(load)), null, "林建国",
                        "JZ-35-2023-00412", "厦门市某某建设监理有限公司", "陈晓明");
                QrToken token = TokenSigner.of(lab).sign(TokenKind.REPORT, number,
                        ReportKeyFields.of(ReportType.CONCRETE_CUBE, cube), Instant.now().minusSeconds(120));
                api.post("/api/v1/reports", new ReportUpload(ReportType.CONCRETE_CUBE, cube, token.encode(),
                                token.issuedAt(), "王磊", "李娜", "张伟",
                                cn.cqs.client.rendering.signing.SignedTestPdfs.signedBase64(lab, number)), Void.class,
                        Map.of(ApiClient.IDEMPOTENCY_KEY, UUID.randomUUID().toString()));
            }
        }
    }

    @AfterAll
    static void stopServer() {
        server.close();
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

    static Map<MaterialKind, BigDecimal> design(String serial) {
        Map<MaterialKind, BigDecimal> design = new EnumMap<>(MaterialKind.class);
        server.jdbi().useHandle(h -> h.createQuery("""
                        select q.kind, q.kg_per_m3 from mix_design_quantity q
                          join production_batch b on b.mix_design_id = q.mix_design_id where b.serial_number = :s""")
                .bind("s", serial).map((rs, c) -> Map.entry(MaterialKind.valueOf(rs.getString(1)), rs.getBigDecimal(2)))
                .forEach(e -> design.put(e.getKey(), e.getValue())));
        return design;
    }

    /** {@code n} plates of 2 m³ at the design quantities; plate {@code oddPlate} has sand × {@code sandFactor}. */
    static List<DosingPlateInput> plates(String serial, int n, int oddPlate, BigDecimal sandFactor) {
        Map<MaterialKind, BigDecimal> design = design(serial);
        List<DosingPlateInput> plates = new ArrayList<>();
        Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 1; i <= n; i++) {
            Map<MaterialKind, BigDecimal> kg = new EnumMap<>(MaterialKind.class);
            for (Map.Entry<MaterialKind, BigDecimal> e : design.entrySet()) {
                BigDecimal f = i == oddPlate && e.getKey() == MaterialKind.SAND ? sandFactor : BigDecimal.ONE;
                kg.put(e.getKey(), e.getValue().multiply(new BigDecimal("2")).multiply(f).setScale(1, RoundingMode.HALF_EVEN));
            }
            plates.add(new DosingPlateInput(serial, i, start.plusSeconds(150L * i), new BigDecimal("2"), kg));
        }
        return plates;
    }

    static String csv(List<DosingPlateInput> plates) {
        StringBuilder s = new StringBuilder(String.join(",", DosingCsv.SERIAL_NUMBER, DosingCsv.PLATE_NO, DosingCsv.TIME,
                DosingCsv.VOLUME));
        for (MaterialKind kind : MaterialKind.values()) {
            s.append(',').append(DosingCsv.MATERIAL_COLUMNS.get(kind));
        }
        s.append('\n');
        for (DosingPlateInput p : plates) {
            s.append(p.serialNumber()).append(',').append(p.plateNo()).append(',').append(CSV_TIME.format(p.time()))
                    .append(',').append(p.volumeM3().toPlainString());
            for (MaterialKind kind : MaterialKind.values()) {
                BigDecimal kg = p.weighedKg().get(kind);
                s.append(',').append(kg == null ? "" : kg.toPlainString());
            }
            s.append('\n');
        }
        return s.toString();
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

    void screenshot(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().getRoot().snapshot(null, null));
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

    /** A dialog service for the screens: the file chooser is not used (files are loaded directly). */
    static final class NoDialogs implements DialogService {
        final List<String> errors = new ArrayList<>();

        @Override
        public void showInformation(String title, String message) {
        }

        @Override
        public void showWarning(String title, String message) {
        }

        @Override
        public void showError(String title, String message) {
            errors.add(message);
        }

        @Override
        public boolean confirm(String title, String question) {
            return false;
        }

        @Override
        public void showException(String title, String message, Throwable exception) {
            errors.add(message + ": " + exception);
        }

        @Override
        public Optional<Path> chooseFileToOpen(String title, Optional<Path> initialDirectory, List<FileFilter> filters) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileFilter> filters) {
            return Optional.empty();
        }

        @Override
        public Optional<String> choose(String title, String message, List<String> choices, String initial) {
            return Optional.empty();
        }

        @Override
        public Optional<char[]> askPassword(String title, String message) {
            return Optional.empty();
        }

        @Override
        public Optional<String> askText(String title, String message, int maxLength) {
            return Optional.empty();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePlantPreviewsBadRowsSendsAGoodFileThroughTheOutboxAndSeesTheDeviationReport(FxRobot robot) throws Exception {
        String serial = serial("SC-DEMO-003");
        Path dir = Files.createTempDirectory("cqs-dosing-import");
        try (ApiClient api = login("plant-clerk"); LocalStore store = LocalStore.open(dir.resolve("plant.db"))) {
            Outbox outbox = new Outbox(store);
            NoDialogs dialogs = new NoDialogs();
            DosingImportViewModel vm = new DosingImportViewModel(new DosingImportEnvironment(new ApiPlantBatches(api),
                    new DosingSubmissions(outbox), new ApiDosingReports(api), dialogs, background, Platform::runLater));
            show(robot, DosingImportView.create(vm));

            // a file with bad rows: every one listed, nothing can be sent
            List<DosingPlateInput> good = plates(serial, 4, 3, new BigDecimal("1.035"));
            String[] lines = csv(good).split("\n");
            lines[2] = lines[2].replaceFirst(",2,", ",二,");
            lines[4] = lines[4].replaceFirst(",2,", ",-2,");
            Path bad = dir.resolve("dosing-bad.csv");
            Files.writeString(bad, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            robot.interact(() -> vm.load(bad));
            waitUntil(() -> !vm.busyProperty().get() && !vm.errors().isEmpty());
            assertThat(vm.errors()).extracting(e -> e.row()).contains(3, 5);
            assertThat(vm.canSendProperty().get()).isFalse();
            screenshot(robot, "dosing-import-bad-rows");

            // the good file, with a plate of another plant's batch: that batch is shown and not sent
            List<DosingPlateInput> withForeign = new ArrayList<>(good);
            withForeign.add(new DosingPlateInput("20261101-123456789-000001", 1, good.get(0).time(), new BigDecimal("2"),
                    good.get(0).weighedKg()));
            Path file = dir.resolve("dosing.csv");
            Files.writeString(file, csv(withForeign), StandardCharsets.UTF_8);
            robot.interact(() -> vm.load(file));
            waitUntil(() -> !vm.busyProperty().get() && vm.batches().size() == 2);
            assertThat(vm.errors()).isEmpty();
            assertThat(vm.batches()).filteredOn(b -> b.known()).singleElement()
                    .satisfies(b -> assertThat(b.batchId()).isEqualTo("SC-DEMO-003"));
            robot.clickOn("#dosingSendButton");
            waitUntil(() -> outbox.counts().pending() == 1);
            assertThat(outbox.all()).singleElement().satisfies(e -> assertThat(e.target().path())
                    .isEqualTo("/api/v1/plant/batches/SC-DEMO-003/dosing"));

            try (OutboxDrainer drainer = new OutboxDrainer(outbox, new ApiOutboxSender(api),
                    new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), 0))) {
                drainer.start();
                waitUntil(() -> outbox.counts().done() == 1);
            }
            assertThat(outbox.all()).extracting(e -> e.state()).containsOnly(OutboxState.DONE);
            robot.interact(() -> vm.selectedProperty().set(vm.batches().stream().filter(b -> b.known()).findFirst()
                    .orElseThrow()));
            robot.clickOn("#dosingRefreshButton");
            waitUntil(() -> vm.reportLines().size() == 5);
            DosingReportLines.Line third = vm.reportLines().get(2);
            assertThat(third.cell(MaterialKind.SAND).finding()).isTrue();
            assertThat(third.cell(MaterialKind.SAND).text()).contains("+3.50%");
            assertThat(vm.reportLines().get(0).cell(MaterialKind.SAND).finding()).isFalse();
            assertThat(vm.reportLines().get(4).cumulative()).isTrue();
            String conclusion = robot.lookup("#dosingReportConclusion").queryAs(Label.class).getText();
            assertThat(conclusion).contains("超出允许偏差").contains("1 盘超差");
            // the highlighted cell is drawn as such
            assertThat(robot.lookup("#dosingReport .dosing-finding").queryAll()).isNotEmpty();
            assertThat(dialogs.errors).isEmpty();
            screenshot(robot, "dosing-import-report");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFuzhouRegulatorSeesThePlantsFiguresAndDrillsDownToTheOutOfToleranceBatch(FxRobot robot) throws Exception {
        try (ApiClient api = login("fz-inspector")) {
            PlantDosingViewModel vm = new PlantDosingViewModel(new PlantDosingEnvironment(new ApiPlantDosing(api),
                    new ApiDosingReports(api), background, Platform::runLater, Clock.systemUTC()));
            show(robot, PlantDosingView.create(vm));
            robot.interact(vm::start);
            waitUntil(() -> !vm.busyProperty().get() && !vm.plants().isEmpty());
            PlantDosingRow plant = vm.plants().get(0);
            assertThat(plant.plantName()).isEqualTo(DemoAccounts.Org.PLANT.displayName);
            assertThat(plant.outOfTolerance()).isGreaterThanOrEqualTo(1);
            assertThat(plant.withinTolerance()).isGreaterThanOrEqualTo(1);
            assertThat(plant.lateNotifications() + plant.missingNotifications()).isGreaterThanOrEqualTo(1);
            assertThat(vm.series()).isNotEmpty();

            robot.clickOn(robot.lookup("#plantsTable .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
            String outSerial = serial("SC-DEMO-002");
            waitUntil(() -> vm.batches().stream().anyMatch(b -> b.serialNumber().equals(outSerial)));
            assertThat(vm.batches()).allMatch(b -> b.dosingState() == cn.cqs.contract.batches.DosingState.OUT_OF_TOLERANCE);
            SupervisedBatch out = vm.batches().stream().filter(b -> b.serialNumber().equals(outSerial)).findFirst()
                    .orElseThrow();
            robot.interact(() -> vm.selectedBatchProperty().set(out));
            waitUntil(() -> vm.reportLines().size() == 5 && vm.reportLines().get(1).cell(MaterialKind.SAND).finding());
            assertThat(vm.reportLines().get(0).cell(MaterialKind.SAND).finding()).isFalse();
            assertThat(robot.lookup("#plantsReport .dosing-finding").queryAll()).isNotEmpty();
            TableView<PlantDosingRow> table = robot.lookup("#plantsTable").queryAs(TableView.class);
            assertThat(table.getItems()).hasSize(vm.plants().size());
            screenshot(robot, "dosing-plants");
            // the daily bars stay visible in a narrow window (30 days in about 300 px)
            robot.interact(() -> stage.setWidth(900));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                javafx.scene.chart.StackedBarChart<String, Number> chart = robot.lookup("#plantsChart").queryAs(
                        javafx.scene.chart.StackedBarChart.class);
                chart.layout();
                List<Double> widths = chart.getData().stream().flatMap(s -> s.getData().stream())
                        .filter(d -> d.getYValue().doubleValue() > 0)
                        .map(d -> d.getNode().getBoundsInParent().getWidth()).toList();
                assertThat(widths).as("bars of the days with batches").isNotEmpty().allSatisfy(w -> assertThat(w).isGreaterThanOrEqualTo(2));
            });
            screenshot(robot, "dosing-plants-narrow");
            robot.interact(() -> stage.setWidth(1280));
            // every column header of the screen reads in full (a too narrow column scrolls instead)
            robot.interact(() -> assertThat(cn.cqs.client.shell.HeaderTexts.cut(stage.getScene().getRoot())).isEmpty());
        }
        // Xiamen's regulator does not see the Fuzhou plant
        try (ApiClient api = login("xm-inspector")) {
            assertThat(new ApiPlantDosing(api).overview(cn.cqs.contract.supervision.StatisticsPeriod.endingOn(
                    LocalDate.now(UploadDeadline.REPORT_ZONE))).plants())
                    .noneMatch(r -> DemoAccounts.Org.PLANT.displayName.equals(r.plantName()));
        }
    }

    @Test
    void theXiamenRegulatorEvaluatesTenGroupsStatistically(FxRobot robot) throws Exception {
        try (ApiClient api = login("xm-inspector")) {
            StrengthEvaluationViewModel vm = new StrengthEvaluationViewModel(new ApiStrengthEvaluation(api), background,
                    Platform::runLater);
            show(robot, StrengthEvaluationView.create(vm));
            robot.interact(vm::start);
            waitUntil(() -> !vm.projects().isEmpty());
            robot.interact(() -> {
                vm.projectProperty().set(vm.projects().stream().filter(p -> p.name().equals(XIANGAN)).findFirst()
                        .orElseThrow());
                vm.pourLocationProperty().set(POUR);
            });
            robot.clickOn("#evaluationRunButton");
            waitUntil(() -> !vm.busyProperty().get() && vm.evaluationProperty().get() != null);
            assertThat(vm.groups()).hasSize(10);
            assertThat(vm.criteria()).hasSize(2);
            assertThat(vm.summary()).extracting(StrengthEvaluationViewModel.SummaryLine::value)
                    .contains("统计方法（标准差未知）", "10", "37.0");
            assertThat(robot.lookup("#evaluationConclusion").queryAs(Label.class).getText()).isEqualTo("评定结论：合格");
            screenshot(robot, "eval-strength");
            robot.interact(() -> assertThat(cn.cqs.client.shell.HeaderTexts.cut(stage.getScene().getRoot())).isEmpty());
        }
    }
}

package cn.cqs.client.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.api.ApiClient;
import cn.cqs.client.api.ApiClientConfig;
import cn.cqs.client.app.ClientApp;
import cn.cqs.client.app.StartupOptions;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
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
import cn.cqs.contract.supervision.ReportStatisticsRow;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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
 * The regulators' screens against the REAL server (embedded PostgreSQL, demo data): the Xiamen
 * lab uploads five signed reports through the API (three cubes and a rebar report on a Xiamen project:
 * one cube below grade, one uploaded late; a cube on a Fuzhou project), then the Xiamen regulator {@code xm-inspector} logs in on
 * the real login screen, finds the lab's report in the search (synced from the server) and opens
 * it, sees the statistics of the jurisdiction (4 reports, 1 unqualified, 1 late; the Fuzhou report
 * is not counted) and exports them to CSV. Screenshots go to {@code target/screenshots/}.
 */
@ExtendWith(ApplicationExtension.class)
class SupervisionScreensServerTest {
    static final String PASSWORD = "Demo@2026";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String SERIES = "SV" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    static CqsServer server;
    static String belowGradeNumber;

    Path profile;
    ClientApp app;
    Stage stage;

    @BeforeAll
    static void startServerAndUpload() throws Exception {
        server = CqsServer.start(ServerConfig.forTests());
        Path demo = server.demoCredentialsDirectory().orElseThrow();
        OrganisationCredential lab = Pkcs12Keystores.load(demo.resolve(DemoAccounts.Org.LAB.uscc + ".p12"),
                PASSWORD.toCharArray());
        UUID xiangan = project("翔安区保障性住房二期工程");
        UUID gulou = project("鼓楼区实验小学教学楼改扩建工程");
        Instant hourAgo = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        Instant late = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(30));
        upload(lab, report(number(1), xiangan, "翔安区保障性住房二期工程", "815.6", "842.3", "798.0"), hourAgo);
        belowGradeNumber = number(2);
        upload(lab, report(belowGradeNumber, xiangan, "翔安区保障性住房二期工程", "600.0", "610.0", "620.0"), hourAgo);
        upload(lab, report(number(3), xiangan, "翔安区保障性住房二期工程", "815.6", "842.3", "798.0"), late);
        upload(lab, report(number(4), gulou, "鼓楼区实验小学教学楼改扩建工程", "815.6", "842.3", "798.0"), hourAgo);
        // a report of another type on the Xiamen project: found and counted like the cubes
        uploadContent(lab, ReportType.REBAR, cn.cqs.contract.reports.ReportExamples.of(ReportType.REBAR, number(5),
                xiangan, "翔安区保障性住房二期工程", LocalDate.now(UploadDeadline.REPORT_ZONE).minusDays(2)), hourAgo);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    static String number(int n) {
        return "2026-" + SERIES + "-" + String.format("%06d", n);
    }

    static UUID project(String name) {
        return server.jdbi().withHandle(h -> h.createQuery("select id from project where name = :n")
                .bind("n", name).mapTo(UUID.class).one());
    }

    static CubeStrengthReport report(String number, UUID projectId, String projectName, String... loads) {
        LocalDate tested = LocalDate.now(UploadDeadline.REPORT_ZONE).minusDays(2);
        return new CubeStrengthReport(number, "WT-" + number, projectId, projectName, "3#楼 十二层 剪力墙",
                "混凝土立方体试件", "YP-" + number, new BigDecimal("120"), tested.minusDays(28), tested, 28,
                CubeStrengthReport.STANDARD, "C30", 150, java.util.Arrays.stream(loads)
                .map(l -> new CubeStrengthReport.Specimen(new BigDecimal(l))).toList(), null, "林建国",
                "JZ-35-2023-00412", "厦门市某某建设监理有限公司", "陈晓明");
    }

    static void upload(OrganisationCredential lab, CubeStrengthReport report, Instant issuedAt) throws Exception {
        uploadContent(lab, ReportType.CONCRETE_CUBE, report, issuedAt);
    }

    static void uploadContent(OrganisationCredential lab, ReportType type, Object content, Instant issuedAt)
            throws Exception {
        String number = cn.cqs.contract.reports.ReportTypes.of(type).headerOf(content).reportNumber();
        QrToken token = TokenSigner.of(lab).sign(TokenKind.REPORT, number, ReportKeyFields.of(type, content), issuedAt);
        try (ApiClient api = new ApiClient(ApiClientConfig.of(URI.create(server.baseUrl())))) {
            api.login(new LoginRequest("lab-admin", PASSWORD));
            api.post("/api/v1/reports", new ReportUpload(type, content, token.encode(),
                    token.issuedAt(), "王磊", "李娜", "张伟",
                    cn.cqs.client.rendering.signing.SignedTestPdfs.signedBase64(lab, number)), Void.class,
                    Map.of(ApiClient.IDEMPOTENCY_KEY, UUID.randomUUID().toString()));
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        profile = Files.createTempDirectory("cqs-supervision-profile");
        Localization.setLanguage(AppLanguage.CHINESE);
        ClientApp.Extensions extensions = ClientApp.Extensions.withWorkspace(ModuleRegistry.standard(),
                javafx.util.Duration.seconds(2), Duration.ofSeconds(1));
        app = new ClientApp(stage, new StartupOptions(Optional.of(server.baseUrl()), profile), extensions);
        app.start();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> app.shutdown());
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
        ImageIO.write(buffered, "png", SCREENSHOTS.resolve(name + ".png").toFile());
    }

    void logIn(FxRobot robot) throws Exception {
        robot.clickOn("#usernameField").write("xm-inspector");
        robot.clickOn("#passwordField").write(PASSWORD);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#navigation").tryQuery().isPresent());
        assertThat(robot.lookup("#nav-reports").tryQuery()).as("no authoring for regulators").isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theXiamenRegulatorFindsTheLabsReportAndSeesItsStatistics(FxRobot robot) throws Exception {
        logIn(robot);
        robot.clickOn("#nav-supervision-search");
        waitUntil(() -> robot.lookup("#reportTable").tryQuery().isPresent());
        TableView<SupervisedReport> table = robot.lookup("#reportTable").queryAs(TableView.class);
        // the workspace syncs every second: the four Xiamen reports arrive, the Fuzhou one never does
        waitUntil(() -> table.getItems().size() == 4);
        assertThat(table.getItems()).extracting(SupervisedReport::reportNumber)
                .containsExactlyInAnyOrder(number(1), number(2), number(3), number(5));
        assertThat(table.getItems()).filteredOn(r -> r.reportNumber().equals(number(5)))
                .extracting(SupervisedReport::type, SupervisedReport::designGrade, SupervisedReport::conclusion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("REBAR", "HRB400E Φ20", "QUALIFIED"));
        assertThat(table.getItems()).extracting(SupervisedReport::labName).containsOnly(DemoAccounts.Org.LAB.displayName);

        robot.clickOn("#searchTextField").write(belowGradeNumber.substring(belowGradeNumber.length() - 8));
        waitUntil(() -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).reportNumber()).isEqualTo(belowGradeNumber);
        robot.clickOn(robot.lookup("#reportTable .table-row-cell").nth(0).queryAs(Node.class));
        waitUntil(() -> robot.lookup("#detail-0").tryQuery().isPresent());
        assertThat(robot.lookup("#detail-0").queryAs(Label.class).getText()).isEqualTo(belowGradeNumber);
        assertThat(robot.lookup("#detail-8").queryAs(Label.class).getText()).isEqualTo("不合格");
        assertThat(robot.lookup("#searchSummary").queryAs(Label.class).getText()).isEqualTo("共 1 份报告");
        robot.interact(() -> robot.lookup("#searchTextField").queryAs(TextField.class).clear());
        waitUntil(() -> table.getItems().size() == 4);
        screenshot(robot, "supervision-search");

        robot.clickOn("#nav-supervision-statistics");
        waitUntil(() -> robot.lookup("#statsTable").tryQuery().isPresent());
        TableView<ReportStatisticsRow> stats = robot.lookup("#statsTable").queryAs(TableView.class);
        waitUntil(() -> stats.getItems().size() == 1);
        ReportStatisticsRow row = stats.getItems().get(0);
        assertThat(row.lab().uscc()).isEqualTo(DemoAccounts.Org.LAB.uscc);
        assertThat(row.reports()).isEqualTo(4);
        assertThat(row.unqualified()).isEqualTo(1);
        assertThat(row.unqualifiedRatePercent()).isEqualByComparingTo("25.0");
        assertThat(row.late()).isEqualTo(1);
        assertThat(row.lateRatePercent()).isEqualByComparingTo("25.0");
        assertThat(robot.lookup("#statsTotals").queryAs(Label.class).getText())
                .isEqualTo("合计：报告 4 份，不合格 1 份（25.0%），逾期上传 1 份（25.0%）");
        screenshot(robot, "supervision-statistics");

        Node screen = robot.lookup("#reportStatisticsScreen").query();
        ReportStatisticsViewModel vm = (ReportStatisticsViewModel) screen.getProperties().get(ReportStatisticsViewModel.class);
        Path csv = Files.createTempDirectory("cqs-supervision-export").resolve("统计.csv");
        robot.interact(() -> vm.export(vm.statisticsProperty().get(), csv));
        waitUntil(() -> Files.exists(csv) && !vm.busyProperty().get());
        assertThat(robot.lookup("#statsStatus").queryAs(Label.class).getText()).isEqualTo("已导出到 " + csv);
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n")).containsExactly(
                "检测机构,统一社会信用代码,报告数,不合格数,不合格率(%),逾期上传数,逾期上传率(%)",
                DemoAccounts.Org.LAB.displayName + "," + DemoAccounts.Org.LAB.uscc + ",4,1,25.0,1,25.0",
                "合计,,4,1,25.0,1,25.0");
    }
}

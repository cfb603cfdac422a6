package cn.cqs.client.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.api.ApiClient;
import cn.cqs.client.api.ApiClientConfig;
import cn.cqs.client.app.ClientApp;
import cn.cqs.client.app.StartupOptions;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.session.SessionWorkspace;
import cn.cqs.client.session.fx.SessionLifecycle;
import cn.cqs.client.shell.ModuleRegistry;
import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.auth.LoginRequest;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.app.ServerConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
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
 * The slice through the real screens against the REAL server (embedded PostgreSQL, demo data) on a
 * loopback port, through a TCP forwarder: the lab clerk logs in on the login screen, imports the
 * lab's demo credential, types a report with the keyboard (seeing the mean, middle-value and
 * invalid-group computations), issues it, and the server holds it exactly once with the platform
 * data; offline, the issued report waits ("waiting to upload", pending 1) and drains when the
 * server is reachable again. Screenshots of the form and the list go to target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class ReportsEndToEndUiTest {
    static final String LAB_USCC = "91350200776049653A";
    static final String PASSWORD = "Demo@2026";
    static CqsServer server;
    static TcpForwarder forwarder;

    Path profile;
    ClientApp app;
    SessionLifecycle sessions;
    Stage stage;

    @BeforeAll
    static void startServer() throws IOException {
        server = CqsServer.start(ServerConfig.forTests());
        forwarder = new TcpForwarder(server.port());
    }

    @AfterAll
    static void stopServer() throws IOException {
        forwarder.close();
        server.close();
    }

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        forwarder.open();
        profile = Files.createTempDirectory("cqs-e2e-profile");
        Localization.setLanguage(AppLanguage.CHINESE);
        ClientApp.Extensions extensions = ClientApp.Extensions.withWorkspace(ModuleRegistry.standard(),
                Duration.millis(400), java.time.Duration.ofSeconds(1));
        sessions = extensions.sessions();
        app = new ClientApp(stage, new StartupOptions(Optional.of(forwarder.url()), profile), extensions);
        app.start();
    }

    @AfterEach
    void stop(FxRobot robot) throws IOException {
        robot.interact(() -> {
            app.shutdown();
            Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide);
        });
        forwarder.open();
        forwarder.holdResponses(false);
    }

    static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static <T extends Node> T node(FxRobot robot, String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    void logInAndOpenReports(FxRobot robot) throws Exception {
        robot.clickOn("#usernameField").write("lab-admin");
        robot.clickOn("#passwordField").write(PASSWORD);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#navigation").tryQuery().isPresent());
        SessionWorkspace workspace = sessions.current().orElseThrow();
        Path p12 = server.demoCredentialsDirectory().orElseThrow().resolve(LAB_USCC + ".p12");
        workspace.credentials().importFile(p12, PASSWORD.toCharArray()); // the import without a file chooser
        robot.clickOn("#nav-reports");
        waitUntil(() -> robot.lookup("#newReportButton").tryQuery().isPresent());
    }

    /** Types the form field by field with the keyboard; choosers and dates through their controls. */
    String fillForm(FxRobot robot) throws Exception {
        newReport(robot, "混凝土立方体抗压强度检测报告");
        waitUntil(() -> robot.lookup("#reportNumberField").tryQuery().isPresent()
                && !node(robot, "#reportNumberField", javafx.scene.control.TextField.class).getText().isBlank());
        @SuppressWarnings("unchecked")
        ComboBox<ProjectChoice> project = node(robot, "#projectField", ComboBox.class);
        waitUntil(() -> !project.getItems().isEmpty());
        robot.interact(() -> {
            project.getSelectionModel().select(project.getItems().stream()
                    .filter(p -> p.name().contains("翔安")).findFirst().orElse(project.getItems().get(0)));
            node(robot, "#samplingDateField", DatePicker.class).setValue(LocalDate.now().minusDays(28));
            node(robot, "#testDateField", DatePicker.class).setValue(LocalDate.now());
        });
        robot.clickOn("#commissionNumberField").write("WT-2026-00031");
        robot.clickOn("#projectPartField").write("3#楼 十二层 剪力墙");
        robot.clickOn("#sampleIdField").write("YP-2026-0301");
        robot.clickOn("#representativeQuantityM3Field").write("120");
        robot.clickOn("#designGradeField").write("C30");
        robot.clickOn("#load1Field").write("700").type(KeyCode.TAB).write("800").type(KeyCode.TAB).write("1000");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node(robot, "#methodValue", Label.class).getText()).contains("中间值");
        assertThat(node(robot, "#representativeValue", Label.class).getText()).isEqualTo("35.6");
        robot.doubleClickOn("#load1Field").write("600");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node(robot, "#conclusionValue", Label.class).getText()).isEqualTo("该组试验结果无效");
        setText(robot, "#load1Field", "815.6");
        setText(robot, "#load2Field", "842.3");
        setText(robot, "#load3Field", "798.0");
        // the rest by Tab only: the form scrolls the focused field into view
        robot.type(KeyCode.TAB).type(KeyCode.TAB).write("林建国");
        robot.type(KeyCode.TAB).write("JZ-35-2023-00412");
        robot.type(KeyCode.TAB).write("厦门某监理有限公司");
        robot.type(KeyCode.TAB).write("王磊");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node(robot, "#representativeValue", Label.class).getText()).isEqualTo("36.4");
        assertThat(node(robot, "#percentValue", Label.class).getText()).isEqualTo("121%");
        assertThat(node(robot, "#loadingRateValue", Label.class).getText()).isEqualTo("0.5~0.8 MPa/s");
        return node(robot, "#reportNumberField", javafx.scene.control.TextField.class).getText();
    }

    /** Opens the "new report" menu and picks the type titled {@code typeName}. */
    static void newReport(FxRobot robot, String typeName) throws TimeoutException {
        robot.clickOn("#newReportButton");
        waitUntil(() -> robot.lookup(".menu-item").match((Node n) -> n.lookup(".label") instanceof Label l
                && typeName.equals(l.getText())).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".menu-item").match((Node n) -> n.lookup(".label") instanceof Label l
                && typeName.equals(l.getText())).queryAs(Node.class));
    }

    static void setText(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text);
    }

    /** Ctrl+Enter, then answers the confirmation, the password prompt, the PDF notice and "save a copy?" (no). */
    static void issueWithKeyboard(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitUntil(() -> robot.lookup(".dialog-pane .button").match((Button b) -> "是".equals(b.getText()))
                .tryQuery().isPresent());
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> "是".equals(b.getText()))
                .queryButton());
        waitUntil(() -> robot.lookup("#passwordPromptField").tryQuery().isPresent());
        robot.clickOn("#passwordPromptField").write(PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup(".dialog-pane").match((javafx.scene.control.DialogPane p) ->
                p.getContentText() != null && p.getContentText().startsWith("报告 PDF 已保存在")).tryQuery().isPresent());
        robot.type(KeyCode.ENTER); // the notice
        waitUntil(() -> robot.lookup(".dialog-pane").match((javafx.scene.control.DialogPane p) ->
                "另存一份 PDF？".equals(p.getContentText())).tryQuery().isPresent());
        robot.type(KeyCode.ENTER); // the safe default: no copy
        waitUntil(() -> robot.lookup("#newReportButton").tryQuery().isPresent());
    }

    static JsonNode serverReports(String reportNumber) {
        return serverReports(server, reportNumber);
    }

    static JsonNode serverReports(CqsServer server, String reportNumber) {
        try (ApiClient api = new ApiClient(ApiClientConfig.of(URI.create(server.baseUrl())))) {
            api.login(new LoginRequest("lab-admin", PASSWORD));
            JsonNode list = api.get(ApiVersion.BASE_PATH + "/reports?q="
                    + URLEncoder.encode(reportNumber, StandardCharsets.UTF_8), JsonNode.class, Map.of());
            return list.isArray() ? list : list.path("items");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static int databaseCount(String reportNumber) {
        return databaseCount(server, reportNumber);
    }

    static int databaseCount(CqsServer server, String reportNumber) {
        return server.jdbi().withHandle(h -> h.createQuery("select count(*) from report where report_number = :n")
                .bind("n", reportNumber).mapTo(Integer.class).one());
    }

    void screenshot(FxRobot robot, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().getRoot().snapshot(null, null));
        BufferedImage buffered = SwingFXUtils.fromFXImage(image[0], null);
        ImageIO.write(buffered, "png", dir.resolve(name + ".png").toFile());
    }

    @Test
    void aClerkIssuesAReportAndTheServerHasItExactlyOnce(FxRobot robot) throws Exception {
        logInAndOpenReports(robot);
        String number = fillForm(robot);
        screenshot(robot, "report-form");

        issueWithKeyboard(robot);

        Label pending = node(robot, "#pendingLabel", Label.class);
        waitUntil(() -> "没有待上传的更改".equals(pending.getText()) && databaseCount(number) == 1);
        JsonNode found = serverReports(number);
        assertThat(found).hasSize(1);
        JsonNode record = found.get(0);
        assertThat(record.get("reportNumber").asText()).isEqualTo(number);
        assertThat(record.get("issuerUscc").asText()).isEqualTo(LAB_USCC);
        assertThat(record.get("representativeStrengthMpa").decimalValue()).isEqualByComparingTo("36.4");
        assertThat(record.get("conclusion").asText()).isEqualTo("QUALIFIED");
        assertThat(record.get("testerName").asText()).isEqualTo("杨主任");
        // a direct issue by the lab director, who holds every permission: recorded as one person doing every step
        assertThat(record.get("signOff").asText()).isEqualTo("SINGLE_USER");
        assertThat(record.get("reviewerName").asText()).isEqualTo("杨主任");
        assertThat(record.get("approverName").asText()).isEqualTo("杨主任");
        assertThat(record.get("projectName").asText()).contains("翔安");
        assertThat(record.get("id").asText()).isNotBlank();
        assertThat(record.get("receivedAt").asText()).isNotBlank();
        assertThat(databaseCount(number)).isEqualTo(1);
        // the signed PDF travelled with the report, passed the server's signature checks and is stored
        String pdfSha256 = record.get("pdfSha256").asText();
        assertThat(pdfSha256).matches("[0-9a-f]{64}");
        int storedBytes = server.jdbi().withHandle(h -> h.createQuery("select size_bytes from blob where key = :k")
                .bind("k", pdfSha256).mapTo(Integer.class).one());
        assertThat(storedBytes).isGreaterThan(10_000);

        @SuppressWarnings("unchecked")
        TableView<ReportRow> table = node(robot, "#table", TableView.class);
        waitUntil(() -> table.getItems().stream().anyMatch(r -> r.reportNumber().equals(number)
                && r.status() == ReportRowStatus.UPLOADED && r.recordId() != null));
        screenshot(robot, "report-list");

        // 查看 PDF / 打印: the uploaded report's signed PDF opens in the viewer, with its (single) version
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(r -> r.reportNumber().equals(number)).findFirst().orElseThrow()));
        robot.clickOn("#openPdfButton");
        waitUntil(() -> javafx.stage.Window.getWindows().stream().anyMatch(w -> w.isShowing()
                && "reportViewer".equals(w.getScene().getRoot().getId())));
        javafx.stage.Window viewer = javafx.stage.Window.getWindows().stream().filter(w -> w.isShowing()
                && "reportViewer".equals(w.getScene().getRoot().getId())).findFirst().orElseThrow();
        javafx.scene.image.ImageView page = robot.from(viewer.getScene().getRoot()).lookup("#viewerImage")
                .queryAs(javafx.scene.image.ImageView.class);
        waitUntil(() -> page.getImage() != null);
        Label versions = robot.from(viewer.getScene().getRoot()).lookup("#versionsMessage").queryAs(Label.class);
        waitUntil(() -> "只有这一个版本。".equals(versions.getText()));
        assertThat(((Stage) viewer).getTitle()).isEqualTo("报告 " + number);
        javafx.scene.image.WritableImage[] shot = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> shot[0] = viewer.getScene().getRoot().snapshot(null, null));
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("/tmp/print"));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(shot[0], null), "png",
                new java.io.File("/tmp/print/lab-viewer-uploaded.png"));
        robot.interact(() -> ((Stage) viewer).close());
    }

    @Test
    void offlineTheReportWaitsAndDrainsWhenTheServerIsBack(FxRobot robot) throws Exception {
        logInAndOpenReports(robot);
        String number = fillForm(robot);
        forwarder.refuse();

        issueWithKeyboard(robot);

        Label pending = node(robot, "#pendingLabel", Label.class);
        @SuppressWarnings("unchecked")
        TableView<ReportRow> table = node(robot, "#table", TableView.class);
        waitUntil(() -> "1 项更改待上传".equals(pending.getText()));
        waitUntil(() -> table.getItems().stream().anyMatch(r -> r.reportNumber().equals(number)
                && r.status() == ReportRowStatus.WAITING && r.statusText().equals("已签发，待上传")));
        assertThat(databaseCount(number)).isZero();
        screenshot(robot, "report-list-offline");

        forwarder.open();
        waitUntil(() -> "没有待上传的更改".equals(pending.getText()));
        assertThat(databaseCount(number)).isEqualTo(1);
        assertThat(serverReports(number)).hasSize(1);
        List<String> statuses = new ArrayList<>();
        waitUntil(() -> {
            statuses.clear();
            table.getItems().stream().filter(r -> r.reportNumber().equals(number)).forEach(r -> statuses.add(r.statusText()));
            return statuses.equals(List.of("已上传"));
        });
    }
}

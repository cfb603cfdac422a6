package cn.cqs.client.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.app.ClientApp;
import cn.cqs.client.app.StartupOptions;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.shell.ModuleRegistry;
import cn.cqs.client.viewer.VersionRow;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.app.ServerConfig;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
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
 * 打开 PDF from the regulators' search against the REAL server: the Xiamen lab uploads a report and
 * a correction of it; {@code xm-inspector} logs in, double-clicks the correction in the search and
 * the viewer shows its signed PDF (downloaded from the server) with the version history of both
 * versions (status, reason); choosing the first version opens its PDF; 打开 PDF opens one too, and
 * 打印 opens the preview, which says when this computer has no printer. Screenshots to /tmp/print/.
 */
@ExtendWith(ApplicationExtension.class)
class SupervisionPdfServerTest {
    static final String PROJECT = "翔安区保障性住房二期工程";
    static final String SERIES = "SP" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    static final Path SHOTS = Path.of("/tmp/print");
    static CqsServer server;
    static String original;
    static String correction;
    ClientApp app;

    @BeforeAll
    static void startServerAndUpload() throws Exception {
        server = CqsServer.start(ServerConfig.forTests());
        OrganisationCredential lab = ServerReports.lab(server);
        UUID project = ServerReports.project(server, PROJECT);
        Instant issued = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
        original = "2026-" + SERIES + "-000001";
        correction = "2026-" + SERIES + "-000002";
        UUID first = UUID.fromString(ServerReports.post(server, ServerReports.upload(lab,
                SupervisionScreensServerTest.report(original, project, PROJECT, "815.6", "842.3", "798.0"), issued,
                null, null)).get("id").asText());
        ServerReports.post(server, ServerReports.upload(lab, SupervisionScreensServerTest.report(correction, project,
                PROJECT, "815.6", "842.3", "800.0"), issued.plusSeconds(600), first, "第 3 块试件荷载录入有误"));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        Path profile = Files.createTempDirectory("cqs-supervision-pdf");
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

    static void shot(FxRobot robot, Window window, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> image[0] = window.getScene().getRoot().snapshot(null, null));
        BufferedImage buffered = SwingFXUtils.fromFXImage(image[0], null);
        ImageIO.write(buffered, "png", SHOTS.resolve(name + ".png").toFile());
    }

    static List<Window> viewers() {
        return Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && w.getScene().getRoot().getId() != null && w.getScene().getRoot().getId().equals("reportViewer")).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRegulatorOpensTheCorrectionsPdfAndItsVersionHistory(FxRobot robot) throws Exception {
        robot.clickOn("#usernameField").write("xm-inspector");
        robot.clickOn("#passwordField").write(SupervisionScreensServerTest.PASSWORD);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#navigation").tryQuery().isPresent());
        robot.clickOn("#nav-supervision-search");
        waitUntil(() -> robot.lookup("#reportTable").tryQuery().isPresent());
        TableView<SupervisedReport> table = robot.lookup("#reportTable").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 2);
        assertThat(robot.lookup("#openPdfButton").queryAs(Button.class).isDisabled()).as("nothing chosen yet").isTrue();
        int row = table.getItems().get(0).reportNumber().equals(correction) ? 0 : 1;
        // Enter on the chosen row opens its PDF (the list refreshes every second here, so select, then Enter)
        robot.interact(() -> {
            table.getSelectionModel().select(row);
            table.requestFocus();
        });
        robot.type(KeyCode.ENTER);

        waitUntil(() -> viewers().size() == 1);
        Window viewer = viewers().get(0);
        Node root = viewer.getScene().getRoot();
        assertThat(((Stage) viewer).getTitle()).isEqualTo("报告 " + correction);
        ImageView page = robot.from(root).lookup("#viewerImage").queryAs(ImageView.class);
        waitUntil(() -> page.getImage() != null);
        assertThat(robot.from(root).lookup("#viewerPageLabel").queryAs(Label.class).getText()).isEqualTo("第 1 / 1 页");
        ListView<VersionRow> versions = robot.from(root).lookup("#versionList").queryAs(ListView.class);
        waitUntil(() -> versions.getItems().size() == 2);
        assertThat(versions.getItems()).extracting(VersionRow::reportNumber).containsExactly(original, correction);
        assertThat(versions.getItems().get(0).statusText()).isEqualTo("已被更正版本替代");
        assertThat(versions.getItems().get(0).reason()).isEqualTo("第 3 块试件荷载录入有误");
        assertThat(versions.getItems().get(1).statusText()).isEqualTo("有效");
        assertThat(versions.getItems().get(1).current()).isTrue();
        assertThat(robot.from(root).lookup("#versionsMessage").queryAs(Label.class).getText())
                .startsWith("共 2 个版本");
        assertThat(robot.from(root).lookup("#versionNotice").queryAs(Label.class).isVisible()).isFalse();
        shot(robot, viewer, "supervision-viewer-correction");

        // the first version: its own PDF
        javafx.scene.image.Image before = page.getImage();
        robot.interact(() -> versions.getSelectionModel().select(0));
        robot.clickOn(robot.from(versions).lookup(".list-cell").nth(0).queryAs(Node.class));
        waitUntil(() -> ((Stage) viewer).getTitle().equals("报告 " + original) && page.getImage() != null
                && page.getImage() != before);
        assertThat(versions.getItems().get(0).current()).isTrue();
        Label notice = robot.from(root).lookup("#versionNotice").queryAs(Label.class);
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).startsWith("注意：此版本已被更正版本替代").contains("第 3 块试件荷载录入有误");
        shot(robot, viewer, "supervision-viewer-original");

        // 打印: the preview at 100 %; on a computer without printers it says so and does not print
        robot.clickOn(robot.from(root).lookup("#viewerPrint").queryAs(Button.class));
        waitUntil(() -> robot.lookup("#printPreview").tryQuery().isPresent());
        Label message = robot.lookup("#printMessage").queryAs(Label.class);
        waitUntil(() -> !message.getText().equals("正在查找打印机…") && !message.getText().isEmpty());
        boolean noPrinter = javax.print.PrintServiceLookup.lookupPrintServices(
                javax.print.DocFlavor.SERVICE_FORMATTED.PAGEABLE, null).length == 0;
        if (noPrinter) {
            assertThat(message.getText()).isEqualTo(Localization.get("print.noPrinter"));
            assertThat(robot.lookup("#printButton").queryAs(Button.class).isDisabled()).isTrue();
        } else {
            waitUntil(() -> message.getText().startsWith("共 1 页"));
        }
        Window preview = robot.lookup("#printPreview").query().getScene().getWindow();
        shot(robot, preview, "supervision-print-preview");
        robot.clickOn("#printCancel");
        waitUntil(() -> !preview.isShowing());

        // a double-click on the other row opens a second viewer, 打开 PDF a third
        robot.interact(() -> ((Stage) viewer).toBack());
        robot.interact(() -> {
            javafx.scene.control.TableRow<?> other = robot.lookup("#reportTable .table-row-cell")
                    .match((javafx.scene.control.TableRow<SupervisedReport> r) -> r.getItem() != null
                            && r.getItem().reportNumber().equals(original)).queryAs(javafx.scene.control.TableRow.class);
            other.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED, 5, 5, 5, 5,
                    MouseButton.PRIMARY, 2, false, false, false, false, true, false, false, true, false, true, null));
        });
        waitUntil(() -> viewers().size() == 2);
        assertThat(viewers()).extracting(w -> ((Stage) w).getTitle()).contains("报告 " + original);
        robot.interact(() -> robot.lookup("#openPdfButton").queryAs(Button.class).fire());
        waitUntil(() -> viewers().size() == 3);
        robot.interact(() -> viewers().forEach(w -> ((Stage) w).close()));
    }
}

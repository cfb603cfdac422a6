package cn.cqs.client.reports;

import static cn.cqs.client.reports.ReportsEndToEndUiTest.newReport;
import static cn.cqs.client.reports.ReportsEndToEndUiTest.node;
import static cn.cqs.client.reports.ReportsEndToEndUiTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.app.ClientApp;
import cn.cqs.client.app.StartupOptions;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.shell.ModuleRegistry;
import cn.cqs.contract.reports.TestRound;
import cn.cqs.contract.reports.cement.CementType;
import cn.cqs.contract.reports.mortar.MortarGrade;
import cn.cqs.contract.reports.rebar.RebarGrade;
import cn.cqs.contract.reports.splice.FailureLocation;
import cn.cqs.contract.reports.splice.SpliceGrade;
import cn.cqs.contract.reports.splice.SpliceKind;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.app.ServerConfig;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
 * The four new report forms through the real screens (the client against the real server, at
 * 1280×800): a rebar draft and a cement draft are typed, show the rule's conclusion live, are saved,
 * and reopened from the report list with every value in place; the mortar and splice forms compute
 * their worked examples, and the mortar report is issued and reaches the server as a MORTAR report.
 * Each form is captured to {@code /tmp/forms/<type>.png} (override with {@code -Dforms.captures=<dir>}).
 */
@ExtendWith(ApplicationExtension.class)
class ReportFormsUiTest {
    static final String PASSWORD = "Demo@2026";
    static CqsServer server;
    static TcpForwarder forwarder;

    Path profile;
    ClientApp app;
    cn.cqs.client.session.fx.SessionLifecycle sessions;
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
        profile = Files.createTempDirectory("cqs-forms-profile");
        Localization.setLanguage(AppLanguage.CHINESE);
        ClientApp.Extensions extensions = ClientApp.Extensions.withWorkspace(ModuleRegistry.standard(),
                Duration.millis(400), java.time.Duration.ofSeconds(1));
        sessions = extensions.sessions();
        app = new ClientApp(stage, new StartupOptions(Optional.of(forwarder.url()), profile), extensions);
        app.start();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            app.shutdown();
            Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide);
        });
    }

    void logInAndOpenReports(FxRobot robot) throws Exception {
        robot.clickOn("#usernameField").write("lab-admin");
        robot.clickOn("#passwordField").write(PASSWORD);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#navigation").tryQuery().isPresent());
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        robot.clickOn("#nav-reports");
        waitUntil(() -> robot.lookup("#newReportButton").tryQuery().isPresent());
    }

    /** Opens a new form of {@code typeName} and fills the shared header; returns the proposed number. */
    String newForm(FxRobot robot, String typeName, LocalDate tested) throws Exception {
        newReport(robot, typeName);
        waitUntil(() -> robot.lookup("#reportNumberField").tryQuery().isPresent()
                && !node(robot, "#reportNumberField", TextField.class).getText().isBlank());
        assertThat(node(robot, "#titleLabel", Label.class).getText()).isEqualTo(typeName);
        @SuppressWarnings("unchecked")
        ComboBox<ProjectChoice> project = node(robot, "#projectField", ComboBox.class);
        waitUntil(() -> !project.getItems().isEmpty());
        robot.interact(() -> {
            project.getSelectionModel().select(project.getItems().get(0));
            node(robot, "#samplingDateField", DatePicker.class).setValue(tested.minusDays(28));
            node(robot, "#testDateField", DatePicker.class).setValue(tested);
        });
        type(robot, "commissionNumberField", "WT-2026-00088");
        type(robot, "projectPartField", "5#楼 三层 梁板");
        type(robot, "sampleIdField", "YP-2026-0412");
        type(robot, "witnessNameField", "林建国");
        robot.type(KeyCode.TAB).write("JZ-35-2023-00412");
        robot.type(KeyCode.TAB).write("厦门某监理有限公司");
        robot.type(KeyCode.TAB).write("王磊");
        return node(robot, "#reportNumberField", TextField.class).getText();
    }

    @SuppressWarnings("unchecked")
    static void choose(FxRobot robot, String id, Object value) {
        ComboBox<Object> box = node(robot, "#" + id, ComboBox.class);
        robot.interact(() -> box.setValue(value));
    }

    /** Focuses a field as Tab would (the form scrolls it into view) and types into it. */
    static void type(FxRobot robot, String id, String text) {
        focus(robot, id).write(text);
    }

    static FxRobot focus(FxRobot robot, String id) {
        javafx.scene.Node field = node(robot, "#" + id, javafx.scene.Node.class);
        robot.interact(field::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        return robot;
    }

    static String text(FxRobot robot, String id) {
        return node(robot, "#" + id, TextField.class).getText();
    }

    static Object chosen(FxRobot robot, String id) {
        return node(robot, "#" + id, ComboBox.class).getValue();
    }

    /** Whether the node and all its ancestors are visible. */
    static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    static String conclusion(FxRobot robot) {
        return node(robot, "#conclusionValue", Label.class).getText();
    }

    void saveAndReopen(FxRobot robot, String number) throws Exception {
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        waitUntil(() -> node(robot, ".form-status", Label.class).getText().startsWith("草稿已保存"));
        focus(robot, "cancelButton").type(KeyCode.SPACE);
        @SuppressWarnings("unchecked")
        TableView<ReportRow> table = node(robot, "#table", TableView.class);
        waitUntil(() -> table.getItems().stream().anyMatch(r -> r.reportNumber().equals(number)));
        ReportRow row = table.getItems().stream().filter(r -> r.reportNumber().equals(number)).findFirst().orElseThrow();
        robot.interact(() -> {
            table.getSelectionModel().select(row);
            table.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#reportNumberField").tryQuery().isPresent()
                && number.equals(text(robot, "reportNumberField")));
    }

    void capture(FxRobot robot, String name) throws Exception {
        Path dir = Path.of(System.getProperty("forms.captures", "/tmp/forms"));
        Files.createDirectories(dir);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().getRoot().snapshot(null, null));
        BufferedImage buffered = SwingFXUtils.fromFXImage(image[0], null);
        ImageIO.write(buffered, "png", dir.resolve(name + ".png").toFile());
    }

    @Test
    void aRebarDraftAndACementDraftAreSavedAndReopenedWithTheirValues(FxRobot robot) throws Exception {
        logInAndOpenReports(robot);

        String rebar = newForm(robot, "热轧带肋钢筋检测报告", LocalDate.now());
        assertThat(chosen(robot, "standardField")).isEqualTo("GB/T 1499.2-2018");
        choose(robot, "gradeField", RebarGrade.HRB400E);
        choose(robot, "nominalDiameterMmField", 20);
        type(robot, "manufacturerField", "福建三钢闽光股份有限公司");
        type(robot, "heatNumberField", "L24-0315");
        type(robot, "batchMassTField", "58.6");
        focus(robot, "tensileSpecimens0YieldLoadKnField").write("141.5").type(KeyCode.TAB).write("190.0")
                .type(KeyCode.TAB).write("126.0").type(KeyCode.TAB).write("12.3")
                .type(KeyCode.TAB).write("144.0").type(KeyCode.TAB).write("192.5")
                .type(KeyCode.TAB).write("124.3").type(KeyCode.TAB).write("11.0");
        choose(robot, "bendSpecimens0CrackFreeField", true);
        choose(robot, "bendSpecimens1CrackFreeField", true);
        type(robot, "massSamplePiecesField", "5");
        robot.type(KeyCode.TAB).write("2500").type(KeyCode.TAB).write("6.05");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node(robot, "#massDeviationValue", Label.class).getText()).isEqualTo("-2.0%（允许 ±4.5%）");
        assertThat(conclusion(robot)).isEqualTo("合格");
        assertThat(shown(node(robot, "#tensileSpecimens3MaxLoadKnField", TextField.class))).isFalse();
        capture(robot, "rebar");
        saveAndReopen(robot, rebar);
        assertThat(chosen(robot, "gradeField")).isEqualTo(RebarGrade.HRB400E);
        assertThat(text(robot, "tensileSpecimens1GaugeLengthAfterFractureMmField")).isEqualTo("124.3");
        assertThat(text(robot, "massSampleTotalMassKgField")).isEqualTo("6.05");
        assertThat(text(robot, "witnessOrganisationField")).isEqualTo("厦门某监理有限公司");
        assertThat(conclusion(robot)).isEqualTo("合格");
        // a retest shows four rows per item
        choose(robot, "testRoundField", TestRound.RETEST);
        assertThat(shown(node(robot, "#tensileSpecimens3MaxLoadKnField", TextField.class))).isTrue();
        focus(robot, "tensileSpecimens3YieldLoadKnField"); // scrolls the four rows into view
        capture(robot, "rebar-retest");
        focus(robot, "cancelButton").type(KeyCode.SPACE);

        String cement = newForm(robot, "水泥物理力学性能检测报告", LocalDate.of(2024, 5, 31));
        assertThat(chosen(robot, "standardField")).isEqualTo("GB 175-2007"); // the edition of the test date
        choose(robot, "cementTypeField", CementType.P_O);
        choose(robot, "strengthClassField", "42.5");
        type(robot, "manufacturerField", "福建水泥股份有限公司");
        type(robot, "batchNumberField", "C24-0517");
        type(robot, "batchMassTField", "200");
        String[][] loads = {{"1.80", "3.00"}, {"1.85", "3.10"}, {"1.90", "2.60"}};
        focus(robot, "strength3dFlexuralLoadsKn0Field");
        for (String[] row : loads) {
            robot.write(row[0]).type(KeyCode.TAB).write(row[1]).type(KeyCode.TAB);
        }
        String[][] compressive = {{"35.0", "70.0"}, {"36.0", "71.0"}, {"34.5", "69.0"}, {"35.5", "70.5"},
            {"36.5", "58.0"}, {"35.0", "70.0"}};
        for (String[] row : compressive) {
            robot.write(row[0]).type(KeyCode.TAB).write(row[1]).type(KeyCode.TAB);
        }
        robot.write("150").type(KeyCode.TAB).write("210");
        choose(robot, "soundnessQualifiedField", true);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node(robot, "#compressive28dValue", Label.class).getText()).startsWith("43.8 MPa（剔除第 5 个后平均）");
        assertThat(conclusion(robot)).isEqualTo("合格");
        capture(robot, "cement");
        saveAndReopen(robot, cement);
        assertThat(chosen(robot, "cementTypeField")).isEqualTo(CementType.P_O);
        assertThat(chosen(robot, "strengthClassField")).isEqualTo("42.5");
        assertThat(text(robot, "strength28dCompressiveLoadsKn4Field")).isEqualTo("58.0");
        assertThat(text(robot, "finalSettingMinField")).isEqualTo("210");
        assertThat(conclusion(robot)).isEqualTo("合格");
        robot.interact(() -> node(robot, "#testDateField", DatePicker.class).setValue(LocalDate.of(2024, 6, 3)));
        assertThat(chosen(robot, "standardField")).isEqualTo("GB 175-2023");
        focus(robot, "cancelButton").type(KeyCode.SPACE);

        @SuppressWarnings("unchecked")
        TableView<ReportRow> table = node(robot, "#table", TableView.class);
        waitUntil(() -> table.getItems().stream().anyMatch(r -> r.reportNumber().equals(cement)
                && r.designGrade().equals("P·O 42.5") && r.representativeStrength().equals("合格")));
        assertThat(table.getItems()).anyMatch(r -> r.reportNumber().equals(rebar) && r.designGrade().equals("HRB400E Φ20"));
        capture(robot, "list");
    }

    @Test
    void theMortarAndSpliceFormsComputeTheirWorkedExamples(FxRobot robot) throws Exception {
        logInAndOpenReports(robot);

        Path p12 = server.demoCredentialsDirectory().orElseThrow().resolve(ReportsEndToEndUiTest.LAB_USCC + ".p12");
        sessions.current().orElseThrow().credentials().importFile(p12, PASSWORD.toCharArray());
        String mortar = newForm(robot, "砌筑砂浆抗压强度检测报告", LocalDate.now());
        choose(robot, "designGradeField", MortarGrade.M7_5);
        type(robot, "mortarKindField", "水泥混合砂浆");
        type(robot, "representativeQuantityM3Field", "250");
        focus(robot, "failureLoadsKn0Field").write("40.0").type(KeyCode.TAB).write("42.0").type(KeyCode.TAB)
                .write("41.0");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node(robot, "#strengthValue", Label.class).getText()).isEqualTo("11.1");
        assertThat(node(robot, "#percentValue", Label.class).getText()).isEqualTo("148%");
        assertThat(conclusion(robot)).isEqualTo("合格");
        capture(robot, "mortar");
        // issued through the real screen, signed, rendered by the mortar template and uploaded
        ReportsEndToEndUiTest.issueWithKeyboard(robot);
        waitUntil(() -> ReportsEndToEndUiTest.databaseCount(server, mortar) == 1);
        com.fasterxml.jackson.databind.JsonNode record = ReportsEndToEndUiTest.serverReports(server, mortar).get(0);
        assertThat(record.get("type").asText()).isEqualTo("MORTAR");
        assertThat(record.get("conclusion").asText()).isEqualTo("QUALIFIED");

        newForm(robot, "钢筋连接接头检测报告", LocalDate.now());
        assertThat(chosen(robot, "standardField")).isEqualTo("JGJ 107-2016");
        choose(robot, "kindField", SpliceKind.MECHANICAL);
        choose(robot, "barGradeField", RebarGrade.HRB400);
        choose(robot, "nominalDiameterMmField", 25);
        choose(robot, "spliceGradeField", SpliceGrade.I);
        type(robot, "spliceTypeField", "滚轧直螺纹套筒");
        type(robot, "lotSizeField", "500");
        String[] load = {"280.0", "295.0", "290.0"};
        FailureLocation[] where = {FailureLocation.BASE_METAL, FailureLocation.JOINT, FailureLocation.JOINT};
        for (int i = 0; i < 3; i++) {
            type(robot, "specimens" + i + "MaxLoadKnField", load[i]);
            choose(robot, "specimens" + i + "LocationField", where[i]);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node(robot, "#specimen3Value", Label.class).getText()).startsWith("591 MPa（要求 ≥594 MPa）");
        assertThat(conclusion(robot)).isEqualTo("需双倍复检");
        capture(robot, "splice");
        choose(robot, "kindField", SpliceKind.WELDED);
        assertThat(chosen(robot, "standardField")).isEqualTo("JGJ 18-2012");
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL); // errors appear next to the fields
        waitUntil(() -> !node(robot, "#specimens0FailureModeError", Label.class).getText().isEmpty());
        assertThat(node(robot, "#weldingMethodError", Label.class).getText()).isEqualTo("必填。");
        capture(robot, "splice-welded-errors");
    }
}

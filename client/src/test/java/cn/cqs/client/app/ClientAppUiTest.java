package cn.cqs.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.api.FakeCqsServer;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.settings.SettingsStore;
import cn.cqs.client.shell.Module;
import cn.cqs.client.shell.ModuleRegistry;
import cn.cqs.client.shell.OutboxStatus;
import cn.cqs.contract.auth.CurrentUser;
import cn.cqs.contract.orgs.OrganisationKind;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.orgs.Role;
import cn.cqs.contract.problem.Problem;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real login screen and main window (headless) against an in-test HTTP server: wrong
 * password, unreachable server, successful login into a navigation that shows only permitted
 * modules, language switches, connection settings and session expiry.
 */
@ExtendWith(ApplicationExtension.class)
class ClientAppUiTest {
    static final CurrentUser CLERK = new CurrentUser(UUID.randomUUID(), "clerk", "张三", Role.ORDINARY,
            Set.of(Permission.REPORTS_AUTHOR), UUID.randomUUID(), "福州市建设工程检测中心",
            OrganisationKind.TESTING_AGENCY, "350100");

    FakeCqsServer server;
    Path profile;
    ClientApp app;
    Stage stage;
    final ReadOnlyIntegerWrapper pending = new ReadOnlyIntegerWrapper(0);

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        server = new FakeCqsServer().withAuth("secret", CLERK);
        profile = Files.createTempDirectory("cqs-profile");
        Localization.setLanguage(AppLanguage.CHINESE);
        ModuleRegistry registry = ModuleRegistry.standard()
                .register(new Module("reports", "permission.REPORTS_AUTHOR", Set.of(Permission.REPORTS_AUTHOR),
                        c -> new Pane()))
                .register(new Module("approve", "permission.REPORTS_APPROVE", Set.of(Permission.REPORTS_APPROVE),
                        c -> new Pane()))
                .register(new Module(OutboxStatus.QUEUE_MODULE_ID, "uploadQueue.module", Set.of(), c -> {
                    Pane queue = new Pane();
                    queue.setId("queueScreen");
                    return queue;
                }));
        app = new ClientApp(stage, new StartupOptions(Optional.of(server.url().toString()), profile),
                new ClientApp.Extensions(registry, pending::getReadOnlyProperty, Duration.millis(300)));
        app.start();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            app.shutdown();
            Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide);
        });
        server.close();
        Localization.setLanguage(AppLanguage.CHINESE);
    }

    static <T extends Node> T node(FxRobot robot, String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void logIn(FxRobot robot, String password) {
        robot.clickOn("#usernameField").write("clerk");
        robot.clickOn("#passwordField").write(password);
        robot.type(KeyCode.ENTER);
    }

    @Test
    void wrongPasswordIsShownNextToThePasswordField(FxRobot robot) throws TimeoutException {
        assertThat(node(robot, "#serverUrlField", TextField.class).getText()).isEqualTo(server.url().toString());
        logIn(robot, "wrong");

        Label error = node(robot, "#passwordError", Label.class);
        waitUntil(error::isVisible);
        assertThat(error.getText()).isEqualTo("用户名或密码错误。");
        assertThat(node(robot, "#passwordField", TextField.class).getText()).isEmpty();
        assertThat(node(robot, "#messageLabel", Label.class).isVisible()).isFalse();
        assertThat(server.count("POST", "/api/v1/auth/login")).isEqualTo(1);
    }

    @Test
    void successfulLoginOpensTheMainWindowWithOnlyPermittedModules(FxRobot robot) throws Exception {
        logIn(robot, "secret");
        waitUntil(() -> robot.lookup("#navigation").tryQuery().isPresent());

        @SuppressWarnings("unchecked")
        ListView<Module> nav = node(robot, "#navigation", ListView.class);
        assertThat(nav.getItems()).extracting(Module::id).containsExactly("home", "reports", "upload-queue");
        assertThat(stage.getTitle()).contains("张三").contains("福州市建设工程检测中心");
        assertThat(node(robot, "#organisationLabel", Label.class).getText()).isEqualTo("福州市建设工程检测中心");
        assertThat(node(robot, "#roleLabel", Label.class).getText()).isEqualTo("普通用户");
        assertThat(node(robot, "#permissionsLabel", Label.class).getText()).isEqualTo("检测报告编制");

        StatusBar status = node(robot, ".status-bar", StatusBar.class);
        waitUntil(() -> status.getText().startsWith("已连接"));
        Label pendingLabel = node(robot, "#pendingLabel", Label.class);
        assertThat(pendingLabel.getText()).isEqualTo("没有待上传的更改");
        robot.interact(() -> pending.set(2));
        assertThat(pendingLabel.getText()).isEqualTo("2 项更改待上传");

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(nav.getSelectionModel().getSelectedItem().id()).isEqualTo("reports");

        // the pending count opens the upload queue: by mouse, and by the menu's Ctrl+U
        robot.clickOn("#pendingLabel");
        waitUntil(() -> robot.lookup("#queueScreen").tryQuery().isPresent());
        assertThat(nav.getSelectionModel().getSelectedItem().id()).isEqualTo(OutboxStatus.QUEUE_MODULE_ID);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(nav.getSelectionModel().getSelectedItem().id()).isEqualTo("reports");
        robot.press(KeyCode.CONTROL).type(KeyCode.U).release(KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#queueScreen").tryQuery().isPresent());
        assertThat(nav.getSelectionModel().getSelectedItem().id()).isEqualTo(OutboxStatus.QUEUE_MODULE_ID);

        var saved = new SettingsStore(profile).load();
        assertThat(saved.serverUrl()).isEqualTo(server.url().toString());
        assertThat(saved.lastUsername()).isEqualTo("clerk");
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.header("X-Cqs-Client-Version")).isEqualTo("1"));
    }

    @Test
    void languageSwitchOnTheLoginScreenChangesTheTextsAndIsRemembered(FxRobot robot) {
        robot.clickOn("#usernameField").write("clerk");
        assertThat(node(robot, "#loginButton", Button.class).getText()).isEqualTo("登录");

        @SuppressWarnings("unchecked")
        ComboBox<AppLanguage> languages = node(robot, "#languageChoice", ComboBox.class);
        robot.interact(() -> languages.setValue(AppLanguage.ENGLISH));

        assertThat(node(robot, "#loginButton", Button.class).getText()).isEqualTo("Log in");
        assertThat(robot.lookup("Connection settings").tryQuery()).isPresent();
        assertThat(node(robot, "#usernameField", TextField.class).getText()).isEqualTo("clerk");
        assertThat(stage.getTitle()).startsWith("Log in");
        assertThat(new SettingsStore(profile).load().language()).isEqualTo(AppLanguage.ENGLISH);

        robot.clickOn("#loginButton");
        assertThat(node(robot, "#passwordError", Label.class).getText()).isEqualTo("Enter your password.");
    }

    @Test
    void languageSwitchInTheMainWindowRebuildsIt(FxRobot robot) throws TimeoutException {
        logIn(robot, "secret");
        waitUntil(() -> robot.lookup("#navigation").tryQuery().isPresent());
        assertThat(robot.lookup("概览").tryQuery()).isPresent();

        MenuBar menuBar = node(robot, ".menu-bar", MenuBar.class);
        MenuItem english = menuBar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "language-en".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(english::fire);

        assertThat(robot.lookup("Overview").tryQuery()).isPresent();
        assertThat(robot.lookup("概览").tryQuery()).isEmpty();
        assertThat(node(robot, "#roleLabel", Label.class).getText()).isEqualTo("Ordinary user");
        assertThat(stage.getTitle()).startsWith("Construction Quality Testing Supervision - 张三");
        assertThat(robot.lookup("#navigation").queryAs(ListView.class).getItems()).hasSize(3);
    }

    @Test
    void unreachableServerIsReportedInPlainWords(FxRobot robot) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;
        robot.interact(() -> node(robot, "#serverUrlField", TextField.class).setText(url));
        logIn(robot, "secret");

        Label message = node(robot, "#messageLabel", Label.class);
        waitUntil(message::isVisible);
        assertThat(message.getText()).isEqualTo("无法连接服务器 " + url + "，请检查服务器地址和网络连接。");
        assertThat(node(robot, "#loginButton", Button.class).isDisabled()).isFalse();
    }

    @Test
    void emptyFieldsAreMarkedAndEscapeClearsTheErrors(FxRobot robot) {
        robot.interact(() -> node(robot, "#serverUrlField", TextField.class).setText("localhost:7070"));
        robot.clickOn("#loginButton");

        assertThat(node(robot, "#serverUrlError", Label.class).getText()).isEqualTo("服务器地址须以 http:// 或 https:// 开头。");
        assertThat(node(robot, "#usernameError", Label.class).getText()).isEqualTo("请输入用户名。");
        assertThat(node(robot, "#passwordError", Label.class).isVisible()).isTrue();
        assertThat(server.requests()).isEmpty();

        robot.clickOn("#usernameField").type(KeyCode.ESCAPE);
        assertThat(node(robot, "#usernameError", Label.class).isVisible()).isFalse();
        assertThat(node(robot, "#serverUrlError", Label.class).isVisible()).isFalse();
    }

    @Test
    void connectionSettingsRefuseABadProxyAndSaveAGoodOne(FxRobot robot) {
        robot.clickOn("#settingsLink");
        robot.clickOn("#proxyField").write("proxy-without-port");
        robot.clickOn("#saveButton");

        Label proxyError = node(robot, "#proxyError", Label.class);
        assertThat(proxyError.isVisible()).isTrue();
        assertThat(proxyError.getText()).isEqualTo("代理服务器须写成“主机:端口”，端口为 1 到 65535。");

        robot.interact(() -> node(robot, "#proxyField", TextField.class).setText("10.0.0.1:3128"));
        robot.clickOn("#saveButton");
        assertThat(robot.lookup("#proxyField").tryQuery()).isEmpty();
        assertThat(new SettingsStore(profile).load().proxy()).isEqualTo("10.0.0.1:3128");
    }

    @Test
    void statusBarShowsOfflineWhenTheServerStopsAnswering(FxRobot robot) throws TimeoutException {
        logIn(robot, "secret");
        waitUntil(() -> robot.lookup("#navigation").tryQuery().isPresent());
        StatusBar status = node(robot, ".status-bar", StatusBar.class);
        waitUntil(() -> status.getText().startsWith("已连接"));

        server.close();

        waitUntil(() -> status.getText().startsWith("离线"));
        assertThat(node(robot, "#connectionLabel", Label.class).getText()).isEqualTo("离线");
        assertThat(robot.lookup("#navigation").tryQuery()).isPresent();
    }

    @Test
    void expiredSessionReturnsToLogin(FxRobot robot) throws TimeoutException {
        logIn(robot, "secret");
        waitUntil(() -> robot.lookup("#navigation").tryQuery().isPresent());

        server.route("GET", "/api/v1/auth/me", (ex, rq) -> FakeCqsServer.problem(ex,
                new Problem(null, "Unauthenticated", 401, "token expired", null, "unauthenticated", null)));

        waitUntil(() -> robot.lookup("#loginButton").tryQuery().isPresent());
        assertThat(node(robot, "#messageLabel", Label.class).getText()).isEqualTo("登录已过期，请重新登录。");
        assertThat(node(robot, "#usernameField", TextField.class).getText()).isEqualTo("clerk");
    }
}

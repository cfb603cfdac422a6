package cn.cqs.client.uploadqueue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.api.ApiClient;
import cn.cqs.client.api.ApiClientConfig;
import cn.cqs.client.api.FakeCqsServer;
import cn.cqs.client.app.ClientApp;
import cn.cqs.client.app.StartupOptions;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.session.SessionWorkspace;
import cn.cqs.client.session.fx.SessionLifecycle;
import cn.cqs.client.shell.ModuleRegistry;
import cn.cqs.client.sync.Backoff;
import cn.cqs.client.sync.LocalStore;
import cn.cqs.client.sync.Outbox;
import cn.cqs.client.sync.OutboxDrainer;
import cn.cqs.client.sync.OutboxTarget;
import cn.cqs.client.sync.ProfilePaths;
import cn.cqs.client.sync.SendResult;
import cn.cqs.contract.auth.CurrentUser;
import cn.cqs.contract.orgs.OrganisationKind;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.orgs.Role;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The upload queue in the real main window: a profile whose 1,000 uploads were paused before the
 * client stopped opens paused (the status bar says so), the status bar's count opens the queue,
 * Alt+R resumes, the bar, the speed and the time left follow, and the status bar empties.
 * Screenshots go to {@code /tmp/bulk/}.
 */
@ExtendWith(ApplicationExtension.class)
class UploadQueueMainWindowTest {
    static final CurrentUser CLERK = new CurrentUser(UUID.randomUUID(), "clerk", "张三", Role.ORDINARY,
            Set.of(Permission.REPORTS_AUTHOR), UUID.randomUUID(), "厦门市建科工程检测有限公司",
            OrganisationKind.TESTING_AGENCY, "350200");
    static final int ENTRIES = 1_000;

    FakeCqsServer server;
    Path profile;
    ClientApp app;
    Stage stage;
    final AtomicInteger sent = new AtomicInteger();

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        Localization.setLanguage(AppLanguage.CHINESE);
        server = new FakeCqsServer().withAuth("secret", CLERK);
        profile = Files.createTempDirectory("cqs-upload-queue");
        // the previous session: 1,000 reports issued offline, uploading paused, then the client stopped
        URI serverUrl;
        try (ApiClient api = new ApiClient(ApiClientConfig.of(server.url()))) {
            serverUrl = api.serverUrl();
        }
        try (LocalStore store = LocalStore.open(ProfilePaths.databaseFile(profile, serverUrl, "clerk"))) {
            Outbox outbox = new Outbox(store);
            store.inTransaction(c -> {
                for (int i = 1; i <= ENTRIES; i++) {
                    outbox.enqueue("report.upload", String.format("2026-HNT-%06d", i),
                            OutboxTarget.post("/api/v1/reports"), Map.of("n", i));
                }
                return null;
            });
            try (OutboxDrainer drainer = new OutboxDrainer(outbox, e -> new SendResult.Delivered("{}"),
                    Backoff.standard())) {
                drainer.pause();
            }
        }
        ModuleRegistry registry = ModuleRegistry.standard();
        SessionLifecycle sessions = new SessionLifecycle((root, session) -> SessionWorkspace.open(root, session,
                (cursor, limit) -> {
                    throw new IOException("no change feed in this test");
                }, entry -> {
                    sent.incrementAndGet();
                    try {
                        Thread.sleep(8);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted", e);
                    }
                    return new SendResult.Delivered("{\"reportNumber\":\"" + entry.label() + "\"}");
                }, Backoff.standard()), java.time.Duration.ofMinutes(5));
        UploadQueueModule.registerIn(registry, sessions::current);
        app = new ClientApp(stage, new StartupOptions(Optional.of(server.url().toString()), profile),
                new ClientApp.Extensions(registry, sessions, javafx.util.Duration.seconds(30), sessions));
        app.start();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            app.shutdown();
            Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide);
        });
        server.close();
    }

    @Test
    void aQueuePausedBeforeTheRestartStaysPausedUntilResumed(FxRobot robot) throws Exception {
        robot.clickOn("#usernameField").write("clerk");
        robot.clickOn("#passwordField").write("secret");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#pendingLabel").tryQuery().isPresent()
                && text(robot, "#pendingLabel").equals("1000 项更改待上传（上传已暂停）"));
        Thread.sleep(500);
        assertThat(sent.get()).as("a paused queue sends nothing after the restart").isZero();

        robot.clickOn("#pendingLabel");
        waitUntil(() -> robot.lookup("#uploadQueueRoot").tryQuery().isPresent());
        waitUntil(() -> text(robot, "#uploadStateLabel").equals("已暂停，1000 项等待上传"));
        assertThat(robot.lookup("#pausedBanner").queryAs(Label.class).isVisible()).isTrue();
        assertThat(text(robot, "#waitingCount")).isEqualTo("1,000");
        screenshot("main-window-paused");

        robot.press(KeyCode.ALT).type(KeyCode.R).release(KeyCode.ALT); // 继续上传(_R)
        waitUntil(() -> sent.get() >= 300 && !text(robot, "#uploadRateLabel").equals("速度 —"));
        assertThat(text(robot, "#pendingLabel")).endsWith("项更改待上传");
        assertThat(text(robot, "#uploadTimeLeftLabel")).startsWith("预计剩余 ").doesNotContain("—");
        assertThat(robot.lookup("#pausedBanner").queryAs(Label.class).isVisible()).isFalse();
        screenshot("main-window-uploading");

        waitUntil(() -> text(robot, "#pendingLabel").equals("没有待上传的更改"));
        waitUntil(() -> text(robot, "#uploadStateLabel").equals("全部已上传"));
        assertThat(text(robot, "#doneCount")).isEqualTo("1,000");
        assertThat(sent.get()).isEqualTo(ENTRIES);
        screenshot("main-window-done");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    void screenshot(String name) throws Exception {
        Files.createDirectories(UploadQueueViewTest.SCREENSHOTS);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> image[0] = stage.getScene().getRoot().snapshot(null, null)).get();
        BufferedImage buffered = SwingFXUtils.fromFXImage(image[0], null);
        ImageIO.write(buffered, "png", UploadQueueViewTest.SCREENSHOTS.resolve(name + ".png").toFile());
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            boolean[] holds = new boolean[1];
            WaitForAsyncUtils.asyncFx(() -> holds[0] = condition.getAsBoolean()).get();
            return holds[0];
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}

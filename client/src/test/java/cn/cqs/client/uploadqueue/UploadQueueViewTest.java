package cn.cqs.client.uploadqueue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.dialogs.RecordingDialogService;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.sync.Backoff;
import cn.cqs.client.sync.DrainerState;
import cn.cqs.client.sync.LocalStore;
import cn.cqs.client.sync.Outbox;
import cn.cqs.client.sync.OutboxDrainer;
import cn.cqs.client.sync.OutboxEntry;
import cn.cqs.client.sync.OutboxTarget;
import cn.cqs.client.sync.SendResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The upload queue screen on a real outbox and drainer whose sender the test paces (one permit per
 * upload): the counts and the progress bar follow the uploads, a refused entry shows the server's
 * reason, the pause and resume buttons (pressed with the keyboard) really stop and restart the
 * drainer (the entry in flight finishes, nothing new starts), and a refused entry is sent again
 * after confirmation. Screenshots go to {@code /tmp/bulk/}.
 */
@ExtendWith(ApplicationExtension.class)
class UploadQueueViewTest {
    static final Path SCREENSHOTS = Path.of("/tmp/bulk");
    static final int ENTRIES = 30;

    final Semaphore permits = new Semaphore(0);
    final AtomicInteger sends = new AtomicInteger();
    final Set<String> refusedOnce = ConcurrentHashMap.newKeySet();
    final RecordingDialogService dialogs = new RecordingDialogService();
    LocalStore store;
    Outbox outbox;
    OutboxDrainer drainer;
    UploadQueueViewModel vm;
    Stage stage;
    Path directory;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        Localization.setLanguage(AppLanguage.CHINESE);
        directory = Files.createTempDirectory("upload-queue-view");
        store = LocalStore.open(directory.resolve("u.db"));
        outbox = new Outbox(store);
        for (int i = 1; i <= ENTRIES; i++) {
            outbox.enqueue("report.upload", String.format("2026-HNT-%06d", i), OutboxTarget.post("/api/v1/reports"),
                    Map.of("n", i));
        }
        drainer = new OutboxDrainer(outbox, this::send, new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), 0));
        vm = new UploadQueueViewModel(outbox, drainer, dialogs, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "upload-queue-test-background");
            t.setDaemon(true);
            return t;
        }), Platform::runLater, Clock.systemUTC());
        Scene scene = new Scene(UploadQueueView.create(vm), 980, 680);
        scene.getStylesheets().add(cn.cqs.client.app.ClientApp.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        vm.start();
    }

    private SendResult send(OutboxEntry entry) throws IOException {
        try {
            if (!permits.tryAcquire(20, TimeUnit.SECONDS)) {
                throw new IOException("the test released no permit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        sends.incrementAndGet();
        if (entry.label().endsWith("000005") && refusedOnce.add(entry.label())) {
            return new SendResult.Rejected(422, "报告编号 2026-HNT-000005 已被本单位使用（reportNumber: duplicate）");
        }
        return new SendResult.Delivered("{\"reportNumber\":\"" + entry.label() + "\"}");
    }

    @AfterEach
    void close() throws IOException {
        permits.release(1_000);
        drainer.close();
        store.close();
        try (var files = Files.walk(directory)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void pauseAndResumeDriveTheDrainerAndTheProgressFollowsTheCounts(FxRobot robot) throws Exception {
        drainer.start();
        permits.release(10);
        waitUntil(() -> sends.get() == 10 && text(robot, "#doneCount").equals("9"));
        // the 11th is in flight, waiting for a permit
        assertThat(text(robot, "#failedCount")).isEqualTo("1");
        assertThat(text(robot, "#waitingCount")).isEqualTo("20");
        assertThat(text(robot, "#totalCount")).isEqualTo("30");
        assertThat(text(robot, "#uploadRunLabel")).isEqualTo("本次已处理 10 / 30");
        assertThat(robot.lookup("#uploadProgressBar").queryAs(ProgressBar.class).getProgress())
                .isCloseTo(10 / 30.0, org.assertj.core.data.Offset.offset(0.001));
        assertThat(text(robot, "#uploadStateLabel")).isEqualTo("正在上传 2026-HNT-000011");
        @SuppressWarnings("unchecked")
        TableView<cn.cqs.client.sync.OutboxItem> failed = robot.lookup("#failedTable").queryAs(TableView.class);
        waitUntil(() -> failed.getItems().size() == 1);
        assertThat(failed.getItems().get(0).label()).isEqualTo("2026-HNT-000005");
        assertThat(robot.lookup(n -> n instanceof Label l && l.getText() != null
                && l.getText().contains("HTTP 422: 报告编号 2026-HNT-000005 已被本单位使用")).tryQuery()).isPresent();
        assertThat(robot.lookup("#uploadProgressBar").queryAs(ProgressBar.class).getHeight()).as("the bar is drawn")
                .isGreaterThan(10);
        screenshot("upload-queue-sending");

        // pause with the keyboard while the 11th is in flight
        Button pause = robot.lookup("#pauseButton").queryButton();
        robot.interact(pause::requestFocus);
        robot.type(KeyCode.SPACE);
        waitUntil(drainer::isPaused);
        waitUntil(() -> text(robot, "#uploadStateLabel").equals("正在暂停：当前这一份上传完成后停止"));
        permits.release(5); // the one in flight may finish; no other may start
        waitUntil(() -> drainer.progress().state() == DrainerState.PAUSED && text(robot, "#doneCount").equals("10"));
        Thread.sleep(500);
        assertThat(sends.get()).as("nothing new started while paused").isEqualTo(11);
        assertThat(outbox.counts().waiting()).isEqualTo(19);
        assertThat(robot.lookup("#pausedBanner").queryAs(Label.class).isVisible()).isTrue();
        assertThat(text(robot, "#uploadStateLabel")).isEqualTo("已暂停，19 项等待上传");
        assertThat(pause.isDisabled()).isTrue();
        Button resume = robot.lookup("#resumeButton").queryButton();
        assertThat(resume.isDisabled()).isFalse();
        assertThat(resume.isFocused()).as("the focus moved to the enabled switch").isTrue();
        screenshot("upload-queue-paused");

        // resume with the keyboard (the focus is on it)
        robot.type(KeyCode.SPACE);
        waitUntil(() -> !drainer.isPaused());
        permits.release(100);
        waitUntil(() -> text(robot, "#doneCount").equals("29") && drainer.progress().state() == DrainerState.IDLE);
        assertThat(robot.lookup("#pausedBanner").queryAs(Label.class).isVisible()).isFalse();
        assertThat(text(robot, "#uploadStateLabel")).isEqualTo("全部已上传");
        assertThat(text(robot, "#waitingCount")).isEqualTo("0");

        // the refused entry, sent again after confirmation
        robot.interact(() -> failed.getSelectionModel().select(0));
        waitUntil(() -> text(robot, "#selectedReasonLabel").equals(
                "报告上传 2026-HNT-000005 被拒绝的原因：HTTP 422: 报告编号 2026-HNT-000005 已被本单位使用（reportNumber: duplicate）"));
        screenshot("upload-queue-refused-selected");
        dialogs.answerConfirm(true);
        robot.clickOn("#retryButton");
        waitUntil(() -> text(robot, "#doneCount").equals("30") && failed.getItems().isEmpty());
        assertThat(dialogs.shown()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo("confirm");
            assertThat(d.message()).contains("2026-HNT-000005", "已被本单位使用");
        });
        assertThat(text(robot, "#failedCount")).isEqualTo("0");
        assertThat(robot.lookup("#uploadProgressBar").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        screenshot("upload-queue-done");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> image[0] = stage.getScene().getRoot().snapshot(null, null)).get();
        BufferedImage buffered = SwingFXUtils.fromFXImage(image[0], null);
        ImageIO.write(buffered, "png", SCREENSHOTS.resolve(name + ".png").toFile());
    }

    static void waitUntil(BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            WaitForAsyncUtils.waitForFxEvents();
            boolean[] holds = new boolean[1];
            WaitForAsyncUtils.asyncFx(() -> holds[0] = condition.getAsBoolean()).get();
            if (holds[0]) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(20);
        }
    }
}

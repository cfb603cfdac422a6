package cn.cqs.client.uploadqueue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.dialogs.RecordingDialogService;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.sync.Backoff;
import cn.cqs.client.sync.LocalStore;
import cn.cqs.client.sync.Outbox;
import cn.cqs.client.sync.OutboxDrainer;
import cn.cqs.client.sync.OutboxEntry;
import cn.cqs.client.sync.OutboxItem;
import cn.cqs.client.sync.OutboxState;
import cn.cqs.client.sync.OutboxTarget;
import cn.cqs.client.sync.SendResult;
import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.problem.ProblemTypes;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
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
 * 上传队列 with refused plant registrations: one the server refused with a problem document (two
 * field errors), which the queue lists with the summary and shows field by field when selected, and
 * one refused by an older client (its reason text only, no document), which still shows its text.
 * Screenshots go to {@code /work/wt/notes/outbox-shots/} (or {@code /tmp/outbox-shots/}).
 */
@ExtendWith(ApplicationExtension.class)
class UploadQueueRefusalViewTest {
    static final Path SHOTS = Files.isDirectory(Path.of("/work/wt/notes")) ? Path.of("/work/wt/notes/outbox-shots")
            : Path.of("/tmp/outbox-shots");
    static final Problem REFUSAL = new Problem(ProblemTypes.BASE + ProblemTypes.CONFLICT, "Conflict", 409,
            "Batch ERP-2026-0917 is already registered with other values", "/api/v1/plant/batches/ERP-2026-0917",
            ProblemTypes.CONFLICT, List.of(
                    new Problem.FieldError("buyer", "differs", "Registered as 中建海峡建设发展有限公司"),
                    new Problem.FieldError("volumeM3", "differs", "Registered as 86.5")));

    LocalStore store;
    Outbox outbox;
    OutboxDrainer drainer;
    UploadQueueViewModel vm;
    Stage stage;
    Path directory;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Localization.setLanguage(AppLanguage.CHINESE);
        directory = Files.createTempDirectory("upload-queue-refusal");
        store = LocalStore.open(directory.resolve("u.db"));
        outbox = new Outbox(store);
        // refused by an older client: the reason text with the fields in it, no problem document
        OutboxEntry old = outbox.enqueue("batches.mix-design", "配合比 PB-C30-01",
                new OutboxTarget("PUT", "/api/v1/plant/mix-designs/PB-C30-01"), Map.of("marking", "C30"));
        store.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate("UPDATE outbox SET state = 'FAILED_PERMANENT', attempts = 1, last_error = "
                        + "'HTTP 422: Invalid mix design: marking: Not a GB/T 14902 marking' WHERE id = '" + old.id() + "'");
            }
        });
        outbox.enqueue("batches.batch", "生产 ERP-2026-0917", new OutboxTarget("PUT", "/api/v1/plant/batches/ERP-2026-0917"),
                Map.of("buyer", "另一家公司"));
        drainer = new OutboxDrainer(outbox, this::send, new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), 0));
        vm = new UploadQueueViewModel(outbox, drainer, new RecordingDialogService(), Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "upload-queue-refusal-test");
            t.setDaemon(true);
            return t;
        }), Platform::runLater, Clock.systemUTC());
        Scene scene = new Scene(UploadQueueView.create(vm), 1100, 720);
        scene.getStylesheets().add(cn.cqs.client.app.ClientApp.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        vm.start();
    }

    private SendResult send(OutboxEntry entry) {
        return new SendResult.Rejected(REFUSAL.status(), REFUSAL.detail(), REFUSAL);
    }

    @AfterEach
    void close() throws IOException {
        drainer.close();
        store.close();
    }

    @Test
    void aRefusedRegistrationShowsItsFieldErrorsAndAnOldRefusalItsText(FxRobot robot) throws Exception {
        drainer.start();
        @SuppressWarnings("unchecked")
        TableView<OutboxItem> failed = robot.lookup("#failedTable").queryAs(TableView.class);
        UploadQueueViewTest.waitUntil(() -> failed.getItems().size() == 2);
        OutboxItem fresh = failed.getItems().stream().filter(i -> i.kind().equals("batches.batch")).findFirst().orElseThrow();
        assertThat(fresh.state()).isEqualTo(OutboxState.FAILED_PERMANENT);
        assertThat(fresh.lastError()).isEqualTo("HTTP 409: Batch ERP-2026-0917 is already registered with other values");
        assertThat(fresh.fieldErrors()).extracting(Problem.FieldError::field).containsExactly("buyer", "volumeM3");
        // the table's reason cell: the summary followed by the fields, on one line
        assertThat(robot.lookup(n -> n instanceof Label l && l.getText() != null
                && l.getText().equals(fresh.lastError() + ": buyer: Registered as 中建海峡建设发展有限公司; "
                + "volumeM3: Registered as 86.5")).tryQuery()).isPresent();

        robot.interact(() -> failed.getSelectionModel().select(fresh));
        UploadQueueViewTest.waitUntil(() -> robot.lookup("#selectedReasonLabel").queryAs(Label.class).getText().equals(
                "生产 ERP-2026-0917 被拒绝的原因：HTTP 409: Batch ERP-2026-0917 is already registered with other values"
                        + "\n· 字段 buyer：Registered as 中建海峡建设发展有限公司\n· 字段 volumeM3：Registered as 86.5"));
        shot("upload-queue-refused-fields");

        OutboxItem old = failed.getItems().stream().filter(i -> i.kind().equals("batches.mix-design")).findFirst()
                .orElseThrow();
        assertThat(old.problem()).isNull();
        robot.interact(() -> failed.getSelectionModel().select(old));
        UploadQueueViewTest.waitUntil(() -> robot.lookup("#selectedReasonLabel").queryAs(Label.class).getText()
                .endsWith("HTTP 422: Invalid mix design: marking: Not a GB/T 14902 marking"));
        shot("upload-queue-refused-old-text");
    }

    private void shot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> image[0] = stage.getScene().getRoot().snapshot(null, null)).get();
        BufferedImage buffered = SwingFXUtils.fromFXImage(image[0], null);
        ImageIO.write(buffered, "png", SHOTS.resolve(name + ".png").toFile());
    }
}

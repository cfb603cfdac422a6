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
import cn.cqs.client.sync.OutboxState;
import cn.cqs.client.sync.OutboxTarget;
import cn.cqs.client.sync.SendResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upload queue's view model on a real outbox and drainer, without a stage (inline executors). */
class UploadQueueViewModelTest {
    private static final OutboxTarget REPORTS = OutboxTarget.post("/api/v1/reports");
    private static final Backoff FAST = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), 0);

    @TempDir
    Path dir;
    RecordingDialogService dialogs = new RecordingDialogService();

    @BeforeEach
    void chinese() {
        Localization.setLanguage(AppLanguage.CHINESE);
    }

    @Test
    void countsRefusalsAndRetryOrDiscardOnlyAfterConfirmation() throws Exception {
        try (LocalStore store = LocalStore.open(dir.resolve("u.db"))) {
            Outbox outbox = new Outbox(store);
            outbox.enqueue("report.upload", "2026-HNT-000001", REPORTS, Map.of("n", 1));
            outbox.enqueue("report.upload", "2026-HNT-000002", REPORTS, Map.of("n", 2));
            outbox.enqueue("report.upload", "2026-HNT-000003", REPORTS, Map.of("n", 3));
            boolean[] accept = {false};
            try (OutboxDrainer drainer = new OutboxDrainer(outbox, e -> e.label().endsWith("1") || accept[0]
                    ? new SendResult.Delivered("{}")
                    : new SendResult.Rejected(422, "报告编号 " + e.label() + " 已被本单位使用"), FAST)) {
                UploadQueueViewModel vm = new UploadQueueViewModel(outbox, drainer, dialogs, Runnable::run,
                        Runnable::run, Clock.systemUTC());
                vm.start();
                drainer.start();
                await(() -> vm.failedProperty().get() == 2 && vm.stateProperty().get() == DrainerState.IDLE);
                assertThat(vm.totalProperty().get()).isEqualTo(3);
                assertThat(vm.doneProperty().get()).isEqualTo(1);
                assertThat(vm.waitingProperty().get()).isZero();
                await(() -> vm.failedItems().size() == 2);
                assertThat(vm.failedItems()).extracting(i -> i.lastError())
                        .containsExactly("HTTP 422: 报告编号 2026-HNT-000002 已被本单位使用",
                                "HTTP 422: 报告编号 2026-HNT-000003 已被本单位使用");
                assertThat(vm.stateTextProperty().get()).isEqualTo("全部已上传");

                // declined: nothing changes
                vm.selectedProperty().set(vm.failedItems().get(0));
                dialogs.answerConfirm(false);
                vm.retrySelected();
                assertThat(dialogs.shown()).last().satisfies(d -> assertThat(d.message())
                        .contains("报告上传 2026-HNT-000002", "已被本单位使用"));
                assertThat(outbox.counts().failedPermanent()).isEqualTo(2);

                accept[0] = true;
                dialogs.answerConfirm(true);
                vm.retrySelected();
                await(() -> vm.doneProperty().get() == 2 && vm.failedItems().size() == 1);

                vm.selectedProperty().set(vm.failedItems().get(0));
                dialogs.answerConfirm(true);
                vm.discardSelected();
                await(() -> vm.failedItems().isEmpty() && vm.dismissedProperty().get() == 1);
                assertThat(outbox.items(Set.of(OutboxState.DISMISSED), 10)).singleElement()
                        .satisfies(i -> assertThat(i.label()).isEqualTo("2026-HNT-000003"));
                assertThat(vm.selectedProperty().get()).isNull();
                vm.stop();
            }
        }
    }

    @Test
    void pauseAndResumeDriveTheDrainerAndThePausedStateIsShownAfterARestart() throws Exception {
        Path file = dir.resolve("u.db");
        try (LocalStore store = LocalStore.open(file)) {
            Outbox outbox = new Outbox(store);
            try (OutboxDrainer drainer = new OutboxDrainer(outbox, e -> new SendResult.Delivered("{}"), FAST)) {
                UploadQueueViewModel vm = new UploadQueueViewModel(outbox, drainer, dialogs, Runnable::run,
                        Runnable::run, Clock.systemUTC());
                vm.start();
                drainer.start();
                vm.pause();
                assertThat(drainer.isPaused()).isTrue();
                assertThat(vm.pausedProperty().get()).isTrue();
                outbox.enqueue("report.upload", "2026-HNT-000009", REPORTS, Map.of("n", 9));
                await(() -> vm.waitingProperty().get() == 1);
                Thread.sleep(200);
                assertThat(vm.doneProperty().get()).isZero();
                assertThat(vm.stateTextProperty().get()).isEqualTo("已暂停，1 项等待上传");
            }
        }
        try (LocalStore store = LocalStore.open(file)) {
            Outbox outbox = new Outbox(store);
            try (OutboxDrainer drainer = new OutboxDrainer(outbox, e -> new SendResult.Delivered("{}"), FAST)) {
                UploadQueueViewModel vm = new UploadQueueViewModel(outbox, drainer, dialogs, Runnable::run,
                        Runnable::run, Clock.systemUTC());
                vm.start();
                drainer.start();
                assertThat(vm.pausedProperty().get()).isTrue();
                assertThat(vm.stateTextProperty().get()).isEqualTo("已暂停，1 项等待上传");
                vm.resume();
                await(() -> vm.doneProperty().get() == 1 && vm.stateProperty().get() == DrainerState.IDLE);
                assertThat(vm.pausedProperty().get()).isFalse();
                assertThat(vm.runProgressProperty().get()).isEqualTo(1.0);
                assertThat(outbox.isPaused()).isFalse();
            }
        }
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void durationsReadNaturally() {
        assertThat(UploadQueueViewModel.formatDuration(Duration.ofSeconds(12))).isEqualTo("12 秒");
        assertThat(UploadQueueViewModel.formatDuration(Duration.ofSeconds(245))).isEqualTo("4 分 05 秒");
        assertThat(UploadQueueViewModel.formatDuration(Duration.ofSeconds(3_720))).isEqualTo("1 小时 02 分");
        Localization.setLanguage(AppLanguage.ENGLISH);
        assertThat(UploadQueueViewModel.formatDuration(Duration.ofSeconds(245))).isEqualTo("4 min 05 s");
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }
}

package cn.cqs.client.sync.fx;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.sync.Backoff;
import cn.cqs.client.sync.DrainerState;
import cn.cqs.client.sync.LocalStore;
import cn.cqs.client.sync.Outbox;
import cn.cqs.client.sync.OutboxDrainer;
import cn.cqs.client.sync.OutboxTarget;
import cn.cqs.client.sync.SendResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

class OutboxStatusFxTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void waitingCountAndProgressFollowTheOutboxOnTheFxThread() throws Exception {
        try (LocalStore store = LocalStore.open(dir.resolve("u.db"))) {
            Outbox outbox = new Outbox(store);
            outbox.enqueue("report.upload", OutboxTarget.post("/api/v1/reports"), Map.of("n", 1));
            outbox.enqueue("report.upload", OutboxTarget.post("/api/v1/reports"), Map.of("n", 2));
            CountDownLatch release = new CountDownLatch(1);
            OutboxDrainer drainer = new OutboxDrainer(outbox, entry -> {
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new SendResult.Delivered("{}");
            }, new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), 0));
            try (drainer; OutboxStatusFx status = new OutboxStatusFx(outbox, drainer)) {
                List<Boolean> onFxThread = Collections.synchronizedList(new ArrayList<>());
                status.waitingProperty().addListener((obs, old, now) -> onFxThread.add(Platform.isFxApplicationThread()));
                status.progressProperty().addListener((obs, old, now) -> onFxThread.add(Platform.isFxApplicationThread()));

                awaitFx("two waiting", () -> status.waitingProperty().get() == 2);
                drainer.start();
                awaitFx("sending the first", () -> status.stateProperty().get() == DrainerState.SENDING
                        && "report.upload".equals(status.currentKindProperty().get())
                        && status.totalProperty().get() == 2);
                release.countDown();
                awaitFx("all sent", () -> status.waitingProperty().get() == 0
                        && status.stateProperty().get() == DrainerState.IDLE);
                assertThat(onFxThread).isNotEmpty().containsOnly(true);
            }
        }
    }

    private static void awaitFx(String what, Supplier<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            CountDownLatch read = new CountDownLatch(1);
            boolean[] holds = new boolean[1];
            Platform.runLater(() -> {
                holds[0] = condition.get();
                read.countDown();
            });
            assertThat(read.await(5, TimeUnit.SECONDS)).isTrue();
            if (holds[0]) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }
}

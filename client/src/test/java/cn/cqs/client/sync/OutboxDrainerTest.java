package cn.cqs.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxDrainerTest {
    private static final Backoff FAST = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(2), 0);
    private static final OutboxTarget REPORTS = OutboxTarget.post("/api/v1/reports");

    @TempDir
    Path dir;

    /** A sender that records each call and answers with a script. */
    static final class RecordingSender implements OutboxSender {
        record Call(UUID entryId, UUID key, String payload, long nanos) {
        }

        final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        volatile Function<OutboxEntry, Object> answer = e -> new SendResult.Delivered("{\"id\":\"" + e.id() + "\"}");

        @Override
        public SendResult send(OutboxEntry entry) throws IOException {
            calls.add(new Call(entry.id(), entry.idempotencyKey(), entry.payload(), System.nanoTime()));
            Object a = answer.apply(entry);
            if (a instanceof IOException io) {
                throw io;
            }
            return (SendResult) a;
        }
    }

    @Test
    void sendsEveryEntryInCreationOrderAndKeepsTheReceipt() {
        try (LocalStore store = LocalStore.open(dir.resolve("u.db"))) {
            Outbox outbox = new Outbox(store);
            List<OutboxEntry> entries = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                entries.add(outbox.enqueue("report.upload", REPORTS, Map.of("n", i)));
            }
            RecordingSender sender = new RecordingSender();
            List<DrainProgress> progress = Collections.synchronizedList(new ArrayList<>());
            try (OutboxDrainer drainer = new OutboxDrainer(outbox, sender, FAST)) {
                drainer.addListener(new OutboxListener() {
                    @Override
                    public void progressChanged(DrainProgress p) {
                        progress.add(p);
                    }
                });
                drainer.start();
                Await.until("all sent", () -> outbox.counts().done() == 5);
                Await.until("idle", () -> drainer.progress().state() == DrainerState.IDLE);
            }
            assertThat(sender.calls).extracting(RecordingSender.Call::key)
                    .containsExactlyElementsOf(entries.stream().map(OutboxEntry::idempotencyKey).toList());
            assertThat(outbox.all()).allSatisfy(e -> {
                assertThat(e.state()).isEqualTo(OutboxState.DONE);
                assertThat(e.receipt()).contains(e.id().toString());
                assertThat(e.completedAt()).isNotNull();
            });
            assertThat(progress).filteredOn(p -> p.state() == DrainerState.SENDING)
                    .extracting(p -> p.done() + "/" + p.total())
                    .containsExactly("0/5", "1/5", "2/5", "3/5", "4/5");
            assertThat(progress).filteredOn(p -> p.state() == DrainerState.SENDING)
                    .extracting(p -> p.current().id())
                    .containsExactlyElementsOf(entries.stream().map(OutboxEntry::id).toList());
        }
    }

    @Test
    void aRetryableFailureStopsTheQueueAndRetriesWithGrowingDelaysAndTheSameKey() {
        try (LocalStore store = LocalStore.open(dir.resolve("u.db"))) {
            Outbox outbox = new Outbox(store);
            OutboxEntry first = outbox.enqueue("report.upload", REPORTS, Map.of("n", 1));
            OutboxEntry second = outbox.enqueue("report.upload", REPORTS, Map.of("n", 2));
            RecordingSender sender = new RecordingSender();
            sender.answer = e -> sender.calls.size() <= 3
                    ? (sender.calls.size() == 2 ? new SendResult.RetryLater("HTTP 503", null)
                    : new IOException("Connection refused"))
                    : new SendResult.Delivered("{}");
            try (OutboxDrainer drainer = new OutboxDrainer(outbox, sender, FAST)) {
                drainer.start();
                Await.until("waiting to retry", () -> drainer.progress().state() == DrainerState.WAITING_TO_RETRY);
                assertThat(drainer.progress().lastError()).contains("Connection refused");
                assertThat(drainer.progress().nextAttemptAt()).isNotNull();
                Await.until("both sent", () -> outbox.counts().done() == 2);
            }
            // the first entry was tried 4 times before the second was tried at all
            assertThat(sender.calls).extracting(RecordingSender.Call::entryId)
                    .containsExactly(first.id(), first.id(), first.id(), first.id(), second.id());
            assertThat(sender.calls.subList(0, 4)).extracting(RecordingSender.Call::key).containsOnly(first.idempotencyKey());
            List<Long> gapsMs = new ArrayList<>();
            for (int i = 1; i < 4; i++) {
                gapsMs.add((sender.calls.get(i).nanos() - sender.calls.get(i - 1).nanos()) / 1_000_000);
            }
            System.out.println("OutboxDrainerTest: retry gaps (ms) " + gapsMs);
            assertThat(gapsMs.get(0)).isGreaterThanOrEqualTo(49);
            assertThat(gapsMs.get(1)).isGreaterThanOrEqualTo(99);
            assertThat(gapsMs.get(2)).isGreaterThanOrEqualTo(199);
            OutboxEntry done = outbox.find(first.id()).orElseThrow();
            assertThat(done.attempts()).isEqualTo(4);
            assertThat(done.lastError()).isNull();
        }
    }

    @Test
    void theIdempotencyKeySurvivesARestartWhileTheServerIsDown() {
        Path file = dir.resolve("u.db");
        OutboxEntry entry;
        try (LocalStore store = LocalStore.open(file)) {
            Outbox outbox = new Outbox(store);
            entry = outbox.enqueue("report.upload", REPORTS, Map.of("n", 1));
            RecordingSender down = new RecordingSender();
            down.answer = e -> new IOException("No route to host");
            try (OutboxDrainer drainer = new OutboxDrainer(outbox, down, FAST)) {
                drainer.start();
                Await.until("tried twice", () -> down.calls.size() >= 2);
            }
            assertThat(down.calls).extracting(RecordingSender.Call::key).containsOnly(entry.idempotencyKey());
        }
        try (LocalStore store = LocalStore.open(file)) {
            Outbox outbox = new Outbox(store);
            assertThat(outbox.pending()).hasSize(1);
            RecordingSender up = new RecordingSender();
            try (OutboxDrainer drainer = new OutboxDrainer(outbox, up, FAST)) {
                drainer.start();
                Await.until("sent", () -> outbox.counts().done() == 1);
            }
            assertThat(up.calls).extracting(RecordingSender.Call::key).containsExactly(entry.idempotencyKey());
        }
    }

    @Test
    void aPermanentRejectionIsKeptVisibleAndDoesNotBlockTheRest() {
        try (LocalStore store = LocalStore.open(dir.resolve("u.db"))) {
            Outbox outbox = new Outbox(store);
            OutboxEntry a = outbox.enqueue("report.upload", REPORTS, Map.of("n", 1));
            OutboxEntry bad = outbox.enqueue("report.upload", REPORTS, Map.of("n", 2));
            OutboxEntry c = outbox.enqueue("report.upload", REPORTS, Map.of("n", 3));
            RecordingSender sender = new RecordingSender();
            sender.answer = e -> e.id().equals(bad.id()) && sender.calls.size() < 4
                    ? new SendResult.Rejected(422, "specimens[1].failureLoadKn: must be positive")
                    : new SendResult.Delivered("{}");
            try (OutboxDrainer drainer = new OutboxDrainer(outbox, sender, FAST)) {
                drainer.start();
                Await.until("processed", () -> outbox.counts().waiting() == 0);
                assertThat(outbox.counts()).isEqualTo(new OutboxCounts(0, 0, 2, 1, 0));
                OutboxEntry failed = outbox.failed().get(0);
                assertThat(failed.id()).isEqualTo(bad.id());
                assertThat(failed.lastError()).isEqualTo("HTTP 422: specimens[1].failureLoadKn: must be positive");
                assertThat(outbox.find(a.id()).orElseThrow().state()).isEqualTo(OutboxState.DONE);
                assertThat(outbox.find(c.id()).orElseThrow().state()).isEqualTo(OutboxState.DONE);

                // the cause was fixed on the server: the user retries, with the same key
                outbox.retry(bad.id());
                drainer.drainNow();
                Await.until("retried", () -> outbox.find(bad.id()).orElseThrow().state() == OutboxState.DONE);
            }
            assertThat(sender.calls).filteredOn(call -> call.entryId().equals(bad.id()))
                    .extracting(RecordingSender.Call::key).containsExactly(bad.idempotencyKey(), bad.idempotencyKey());
        }
    }

    @Test
    void pauseStopsAfterTheCurrentEntryAndResumeContinues() throws Exception {
        try (LocalStore store = LocalStore.open(dir.resolve("u.db"))) {
            Outbox outbox = new Outbox(store);
            for (int i = 0; i < 3; i++) {
                outbox.enqueue("report.upload", REPORTS, Map.of("n", i));
            }
            CountDownLatch inFirstSend = new CountDownLatch(1);
            CountDownLatch releaseFirst = new CountDownLatch(1);
            RecordingSender sender = new RecordingSender();
            sender.answer = e -> {
                if (sender.calls.size() == 1) {
                    inFirstSend.countDown();
                    try {
                        releaseFirst.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return new IOException("interrupted");
                    }
                }
                return new SendResult.Delivered("{}");
            };
            try (OutboxDrainer drainer = new OutboxDrainer(outbox, sender, FAST)) {
                drainer.start();
                assertThat(inFirstSend.await(5, TimeUnit.SECONDS)).isTrue();
                drainer.pause();
                releaseFirst.countDown();
                Await.until("paused", () -> drainer.progress().state() == DrainerState.PAUSED);
                Thread.sleep(150);
                assertThat(sender.calls).hasSize(1);
                assertThat(outbox.counts()).isEqualTo(new OutboxCounts(2, 0, 1, 0, 0));

                // enqueueing while paused sends nothing either
                outbox.enqueue("report.upload", REPORTS, Map.of("n", 9));
                Thread.sleep(100);
                assertThat(sender.calls).hasSize(1);

                drainer.resume();
                Await.until("all sent", () -> outbox.counts().done() == 4);
                assertThat(drainer.isPaused()).isFalse();
            }
        }
    }

    @Test
    void entriesEnqueuedWhileIdleAreSentAtOnce() {
        try (LocalStore store = LocalStore.open(dir.resolve("u.db"))) {
            Outbox outbox = new Outbox(store);
            RecordingSender sender = new RecordingSender();
            try (OutboxDrainer drainer = new OutboxDrainer(outbox, sender, FAST)) {
                drainer.start();
                Await.until("idle", () -> drainer.progress().state() == DrainerState.IDLE);
                outbox.enqueue("report.upload", REPORTS, Map.of("n", 1));
                Await.until("sent", () -> outbox.counts().done() == 1);
            }
        }
    }
}

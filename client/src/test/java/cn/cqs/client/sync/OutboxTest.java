package cn.cqs.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
    @TempDir
    Path dir;

    @Test
    void entriesKeepCreationOrderAndEachGetsItsOwnKey() {
        try (LocalStore store = LocalStore.open(dir.resolve("u.db"))) {
            Outbox outbox = new Outbox(store);
            List<OutboxCounts> seen = new ArrayList<>();
            outbox.addListener(new OutboxListener() {
                @Override
                public void countsChanged(OutboxCounts counts) {
                    seen.add(counts);
                }
            });
            OutboxEntry a = outbox.enqueue("report.upload", OutboxTarget.post("/api/v1/reports"), Map.of("n", 1));
            OutboxEntry b = outbox.enqueue("report.upload", OutboxTarget.post("/api/v1/reports"), Map.of("n", 2));

            assertThat(outbox.pending()).extracting(OutboxEntry::id).containsExactly(a.id(), b.id());
            assertThat(a.idempotencyKey()).isNotEqualTo(b.idempotencyKey());
            assertThat(a.state()).isEqualTo(OutboxState.PENDING);
            assertThat(a.payload()).isEqualTo("{\"n\":1}");
            assertThat(outbox.counts().waiting()).isEqualTo(2);
            assertThat(seen).extracting(OutboxCounts::pending).containsExactly(1, 2);
        }
    }

    @Test
    void anEntryLeftSendingByAKilledClientIsPendingAgainOnReopenWithTheSameKey() throws Exception {
        Path file = dir.resolve("u.db");
        Path pdf = Files.writeString(dir.resolve("r.pdf"), "%PDF-1.7");
        OutboxEntry entry;
        try (LocalStore store = LocalStore.open(file)) {
            Outbox outbox = new Outbox(store);
            entry = outbox.enqueue("report.upload", OutboxTarget.post("/api/v1/reports"), "{\"n\":1}", pdf);
            outbox.markSending(entry.id());
            assertThat(outbox.counts().sending()).isEqualTo(1);
        }
        try (LocalStore store = LocalStore.open(file)) {
            assertThat(store.recoveredOutboxEntries()).isEqualTo(1);
            OutboxEntry again = new Outbox(store).find(entry.id()).orElseThrow();
            assertThat(again.state()).isEqualTo(OutboxState.PENDING);
            assertThat(again.idempotencyKey()).isEqualTo(entry.idempotencyKey());
            assertThat(again.attempts()).isEqualTo(1);
            assertThat(again.attachment()).isEqualTo(pdf.toAbsolutePath());
            assertThat(again.lastError()).contains("stopped while sending");
        }
    }

    @Test
    void onlyARejectedEntryCanBeRetriedOrDismissedAndNothingIsDeleted() {
        try (LocalStore store = LocalStore.open(dir.resolve("u.db"))) {
            Outbox outbox = new Outbox(store);
            OutboxEntry e = outbox.enqueue("report.upload", OutboxTarget.post("/api/v1/reports"), Map.of("n", 1));
            assertThatThrownBy(() -> outbox.dismiss(e.id())).hasMessageContaining("is not FAILED_PERMANENT");
            outbox.markSending(e.id());
            outbox.markFailedPermanent(e.id(), "HTTP 422: project unknown");
            assertThat(outbox.failed()).extracting(OutboxEntry::lastError).containsExactly("HTTP 422: project unknown");
            outbox.dismiss(e.id());
            assertThat(outbox.find(e.id()).orElseThrow().state()).isEqualTo(OutboxState.DISMISSED);
            assertThat(outbox.all()).hasSize(1);
        }
    }

    @Test
    void badInputNamesTheField() {
        try (LocalStore store = LocalStore.open(dir.resolve("u.db"))) {
            Outbox outbox = new Outbox(store);
            OutboxTarget target = OutboxTarget.post("/api/v1/reports");
            assertThatThrownBy(() -> outbox.enqueue(" ", target, "{}", null)).hasMessageContaining("kind");
            assertThatThrownBy(() -> outbox.enqueue("k", target, "{not json", null)).hasMessageContaining("payload: not valid JSON");
            assertThatThrownBy(() -> outbox.enqueue("k", target, "{}", dir.resolve("missing.pdf"))).hasMessageContaining("attachment");
            assertThatThrownBy(() -> new OutboxTarget("GET", "/x")).hasMessageContaining("method");
            assertThatThrownBy(() -> new OutboxTarget("POST", "http://evil/x")).hasMessageContaining("path");
            assertThat(outbox.all()).isEmpty();
        }
    }

    @Test
    void httpAnswersAreClassified() {
        assertThat(SendResult.fromHttp(201, "{}", null, null, null)).isInstanceOf(SendResult.Delivered.class);
        assertThat(SendResult.fromHttp(503, "", null, null, null)).isInstanceOf(SendResult.RetryLater.class);
        assertThat(SendResult.fromHttp(429, "", "too-many-requests", "slow down", java.time.Duration.ofSeconds(3)))
                .isEqualTo(new SendResult.RetryLater("HTTP 429: slow down", java.time.Duration.ofSeconds(3)));
        assertThat(SendResult.fromHttp(401, "", "unauthenticated", "login expired", null)).isInstanceOf(SendResult.RetryLater.class);
        assertThat(SendResult.fromHttp(426, "", "client-too-old", "upgrade", null)).isInstanceOf(SendResult.RetryLater.class);
        assertThat(SendResult.fromHttp(409, "", "idempotency-request-in-progress", null, null)).isInstanceOf(SendResult.RetryLater.class);
        assertThat(SendResult.fromHttp(409, "", "edit-conflict", "changed by someone else", null))
                .isEqualTo(new SendResult.Rejected(409, "changed by someone else"));
        assertThat(SendResult.fromHttp(422, "", "validation", null, null)).isEqualTo(new SendResult.Rejected(422, "HTTP 422"));
    }

    @Test
    void backoffDoublesUpToTheMaximumAndHonoursRetryAfter() {
        Backoff b = new Backoff(java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(1), 0);
        assertThat(List.of(b.delay(1, null), b.delay(2, null), b.delay(3, null), b.delay(4, null), b.delay(5, null), b.delay(60, null)))
                .extracting(java.time.Duration::toMillis).containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
        assertThat(b.delay(1, java.time.Duration.ofMillis(700)).toMillis()).isEqualTo(700);
        assertThat(b.delay(1, java.time.Duration.ofMinutes(5)).toMillis()).isEqualTo(1000);
        Backoff jittered = new Backoff(java.time.Duration.ofMillis(1000), java.time.Duration.ofSeconds(10), 0.2);
        for (int i = 0; i < 100; i++) {
            assertThat(jittered.delay(1, null).toMillis()).isBetween(800L, 1200L);
        }
        assertThatThrownBy(() -> new Backoff(java.time.Duration.ZERO, java.time.Duration.ofSeconds(1), 0)).hasMessageContaining("initial");
    }

    @Test
    void aDeliveredEntryDropsItsDocumentsButAWaitingOneKeepsThem() {
        try (LocalStore store = LocalStore.open(dir.resolve("u.db"))) {
            Outbox outbox = new Outbox(store);
            OutboxEntry delivered = outbox.enqueue("report.upload", OutboxTarget.post("/api/v1/reports"),
                    "{\"qrToken\":\"t1\",\"pdfBase64\":\"JVBERi0xLjc=\"}", null);
            OutboxEntry waiting = outbox.enqueue("refusal.file", OutboxTarget.post("/api/v1/refusals"),
                    "{\"reason\":\"fake\",\"image\":\"iVBORw0KGgo=\"}", null);

            outbox.markSending(delivered.id());
            outbox.markDone(delivered.id(), "{\"id\":\"r1\"}");

            assertThat(outbox.find(delivered.id()).orElseThrow().payload()).isEqualTo("{\"qrToken\":\"t1\"}");
            assertThat(outbox.find(waiting.id()).orElseThrow().payload()).contains("\"image\":\"iVBORw0KGgo=\"");
            assertThat(outbox.find(delivered.id()).orElseThrow().receipt()).isEqualTo("{\"id\":\"r1\"}");
        }
    }

    @Test
    void entriesDeliveredByAnEarlierVersionAreCompactedOnce() {
        try (LocalStore store = LocalStore.open(dir.resolve("u.db"))) {
            Outbox outbox = new Outbox(store);
            OutboxEntry old = outbox.enqueue("report.upload", OutboxTarget.post("/api/v1/reports"),
                    "{\"qrToken\":\"t1\",\"pdfBase64\":\"JVBERi0xLjc=\"}", null);
            OutboxEntry pending = outbox.enqueue("report.upload", OutboxTarget.post("/api/v1/reports"),
                    "{\"qrToken\":\"t2\",\"pdfBase64\":\"JVBERi0xLjc=\"}", null);
            store.inTransaction(c -> {
                try (var ps = c.prepareStatement("UPDATE outbox SET state = 'DONE', receipt = '{}' WHERE id = ?")) {
                    ps.setString(1, old.id().toString());
                    return ps.executeUpdate();
                }
            });

            assertThat(outbox.compactDelivered()).isEqualTo(1);
            assertThat(outbox.compactDelivered()).isZero();
            assertThat(outbox.find(old.id()).orElseThrow().payload()).isEqualTo("{\"qrToken\":\"t1\"}");
            assertThat(outbox.find(pending.id()).orElseThrow().payload()).contains("pdfBase64");
        }
    }
}

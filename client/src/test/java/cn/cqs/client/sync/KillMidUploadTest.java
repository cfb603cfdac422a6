package cn.cqs.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client killed while the server is answering its upload, then restarted, leaves each upload
 * applied on the server exactly once: the entry is re-sent with the same idempotency key and the
 * server answers the stored result instead of applying it again.
 */
class KillMidUploadTest {
    @TempDir
    Path dir;

    @Test
    void killedMidRequestAndRestartedEachUploadIsAppliedExactlyOnce() throws Exception {
        Path file = dir.resolve("profile/clerk.db");
        Path childLog = dir.resolve("child.log");
        try (IdempotentTestServer server = new IdempotentTestServer()) {
            server.responseDelayMs = 30_000; // applied, but the answer never reaches the client
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    KillMidUploadChild.class.getName(), file.toString(), server.baseUri().toString(), "3")
                    .redirectErrorStream(true).redirectOutput(childLog.toFile()).start();
            try {
                assertThat(server.firstApplied.await(20, TimeUnit.SECONDS))
                        .as("the child's first upload reached the server; child output:%n%s", readQuietly(childLog))
                        .isTrue();
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
            List<String> enqueuedKeys = Files.readAllLines(childLog).stream()
                    .filter(l -> l.startsWith("ENQUEUED ")).map(l -> l.substring("ENQUEUED ".length())).toList();
            assertThat(enqueuedKeys).hasSize(3);
            assertThat(server.appliedPayloads()).hasSize(1);

            server.responseDelayMs = 0;
            try (LocalStore store = LocalStore.open(file)) {
                assertThat(store.recoveredOutboxEntries()).isEqualTo(1);
                Outbox outbox = new Outbox(store);
                assertThat(outbox.pending()).extracting(e -> e.idempotencyKey().toString())
                        .containsExactlyElementsOf(enqueuedKeys);
                try (OutboxDrainer drainer = new OutboxDrainer(outbox, new JdkHttpOutboxSender(server.baseUri()),
                        new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 0))) {
                    drainer.start();
                    Await.until("all uploads done", () -> outbox.counts().done() == 3);
                }
                assertThat(outbox.all()).allSatisfy(e -> assertThat(e.receipt()).contains("\"version\":1"));
            }

            assertThat(server.appliedPayloads()).containsExactlyInAnyOrder(
                    "{\"reportNumber\":\"R-0\"}", "{\"reportNumber\":\"R-1\"}", "{\"reportNumber\":\"R-2\"}");
            // the first key was sent twice (killed, then replayed) but applied once
            assertThat(server.requestsPerKey()).containsEntry(enqueuedKeys.get(0), 2)
                    .containsEntry(enqueuedKeys.get(1), 1).containsEntry(enqueuedKeys.get(2), 1);
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}

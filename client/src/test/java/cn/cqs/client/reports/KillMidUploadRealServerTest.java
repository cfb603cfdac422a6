package cn.cqs.client.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.api.ApiClient;
import cn.cqs.client.api.ApiClientConfig;
import cn.cqs.client.api.UserSession;
import cn.cqs.client.session.SessionWorkspace;
import cn.cqs.client.sync.Backoff;
import cn.cqs.client.sync.OutboxState;
import cn.cqs.contract.auth.LoginRequest;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.app.ServerConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client killed while the real server's answer to its report upload is held back, then
 * restarted on the same profile, leaves the report on the server exactly once: the child JVM's
 * upload reached the server (applied), the child died before hearing; the restarted client finds
 * the entry back in PENDING and sends it again with the same idempotency key, and the server
 * answers the stored receipt instead of creating a second report.
 */
class KillMidUploadRealServerTest {
    @TempDir
    Path dir;

    @Test
    void killedWhileTheAnswerIsHeldTheReportEndsUpOnTheServerExactlyOnce() throws Exception {
        String number = LocalDate.now().getYear() + "-KILL-000001";
        Path root = dir.resolve("profiles");
        Path log = dir.resolve("child.log");
        try (CqsServer server = CqsServer.start(ServerConfig.forTests());
             TcpForwarder forwarder = new TcpForwarder(server.port())) {
            Path p12 = server.demoCredentialsDirectory().orElseThrow().resolve(ReportsEndToEndUiTest.LAB_USCC + ".p12");
            forwarder.holdResponses(false);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // login and the project list pass; the upload's answer is held once the child enqueued
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    KillMidUploadReportChild.class.getName(), root.toString(), forwarder.url(), number, p12.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!Files.readString(log).contains("ENQUEUED ") && System.nanoTime() < deadline) {
                    forwarder.holdResponses(false);
                    Thread.sleep(20);
                }
                // the drainer starts right after ENQUEUED: hold every answer from now on
                forwarder.holdResponses(true);
                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (ReportsEndToEndUiTest.databaseCount(server, number) == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(ReportsEndToEndUiTest.databaseCount(server, number))
                        .as("the child's upload reached the server; child output:%n%s", Files.readString(log)).isEqualTo(1);
                assertThat(forwarder.responseHeld.await(10, TimeUnit.SECONDS)).isTrue();
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
            forwarder.holdResponses(false);

            ApiClient api = new ApiClient(ApiClientConfig.of(URI.create(forwarder.url())));
            var login = api.login(new LoginRequest("lab-admin", "Demo@2026"));
            try (SessionWorkspace workspace = SessionWorkspace.open(root, new UserSession(api, login.user(),
                    login.expiresAt()), new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 0))) {
                assertThat(workspace.store().recoveredOutboxEntries()).isEqualTo(1);
                workspace.drainer().start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (workspace.outbox().counts().done() < 1 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(workspace.outbox().all()).singleElement().satisfies(e -> {
                    assertThat(e.state()).isEqualTo(OutboxState.DONE);
                    assertThat(e.attempts()).isEqualTo(2);
                    assertThat(e.receipt()).contains(number);
                });
            }
            api.close();
            assertThat(ReportsEndToEndUiTest.databaseCount(server, number)).isEqualTo(1);
            assertThat(ReportsEndToEndUiTest.serverReports(server, number)).hasSize(1);
        }
    }
}

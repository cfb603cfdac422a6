package cn.cqs.client.reports;

import cn.cqs.client.api.ApiClient;
import cn.cqs.client.api.ApiClientConfig;
import cn.cqs.client.api.UserSession;
import cn.cqs.client.session.SessionWorkspace;
import cn.cqs.client.sync.Backoff;
import cn.cqs.client.sync.DrainerState;
import cn.cqs.client.sync.OutboxCounts;
import cn.cqs.client.sync.OutboxDrainer;
import cn.cqs.contract.auth.LoginRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The child JVM of {@link BulkUploadRealServerTest}: a client that logs in as the lab director,
 * opens the profile's workspace and starts its drainer (as the application does after login), and
 * takes {@code pause} and {@code resume} lines on standard input, as the upload queue's buttons
 * do. Prints {@code STARTED ...}, {@code COUNTS ...} every 100 ms, {@code PAUSED ...} once the
 * drainer has stopped, {@code RESUMED}; it runs until it is killed. Args: profiles root, server URL.
 */
public final class BulkUploadChild {
    private BulkUploadChild() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        URI url = URI.create(args[1]);
        ApiClient api = new ApiClient(ApiClientConfig.of(url));
        var login = api.login(new LoginRequest("lab-admin", "Demo@2026"));
        UserSession session = new UserSession(api, api.me(), login.expiresAt());
        SessionWorkspace workspace = SessionWorkspace.open(root, session,
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 0));
        OutboxDrainer drainer = workspace.drainer();
        say("STARTED paused=" + drainer.isPaused() + " state=" + drainer.progress().state() + " recovered="
                + workspace.store().recoveredOutboxEntries() + " " + counts(workspace.outbox().counts()));
        drainer.start();
        Thread reporter = new Thread(() -> {
            while (true) {
                say("COUNTS " + counts(workspace.outbox().counts()) + " state=" + drainer.progress().state());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "counts-reporter");
        reporter.setDaemon(true);
        reporter.start();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            switch (line.strip()) {
                case "pause" -> {
                    drainer.pause();
                    while (drainer.progress().state() != DrainerState.PAUSED) {
                        Thread.sleep(10);
                    }
                    say("PAUSED " + counts(workspace.outbox().counts()));
                }
                case "resume" -> {
                    drainer.resume();
                    say("RESUMED");
                }
                default -> say("UNKNOWN " + line);
            }
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    static String counts(OutboxCounts c) {
        return "done=" + c.done() + " waiting=" + c.waiting() + " failed=" + c.failedPermanent();
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}

package cn.cqs.client.sync;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The client process {@link KillMidUploadTest} starts and kills: opens the profile database,
 * enqueues report uploads and starts draining them to the given server, then waits to be killed.
 * Arguments: database file, server base URL, number of reports.
 */
public final class KillMidUploadChild {
    private KillMidUploadChild() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        URI server = URI.create(args[1]);
        int count = Integer.parseInt(args[2]);
        LocalStore store = LocalStore.open(file);
        Outbox outbox = new Outbox(store);
        for (int i = 0; i < count; i++) {
            OutboxEntry e = outbox.enqueue("report.upload", OutboxTarget.post("/api/v1/reports"),
                    Map.of("reportNumber", "R-" + i));
            System.out.println("ENQUEUED " + e.idempotencyKey());
        }
        OutboxDrainer drainer = new OutboxDrainer(outbox, new JdkHttpOutboxSender(server),
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 0));
        drainer.start();
        System.out.println("DRAINING");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

package cn.cqs.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox with many entries (批量上传): every statement of the drain path is answered from an
 * index (no rescan of the table per entry), the per-state counts stay right through every
 * transition, 2,000 entries drain in order exactly once, and pausing stops new sends, survives a
 * restart, and resumes where it stopped.
 */
class OutboxBulkTest {
    private static final Backoff FAST = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), 0);
    private static final OutboxTarget REPORTS = OutboxTarget.post("/api/v1/reports");

    @TempDir
    Path dir;

    @Test
    void everyStatementOfTheDrainPathUsesAnIndex() {
        try (LocalStore store = LocalStore.open(dir.resolve("u.db"))) {
            Outbox outbox = new Outbox(store);
            for (int i = 0; i < 50; i++) {
                outbox.enqueue("report.upload", REPORTS, Map.of("n", i));
            }
            store.read(c -> {
                try (var st = c.createStatement()) {
                    st.execute("ANALYZE");
                }
                return null;
            });
            for (String sql : List.of(Outbox.SQL_NEXT_PENDING, Outbox.SQL_MARK_SENDING, Outbox.SQL_BY_ID,
                    Outbox.SQL_MARK_DONE)) {
                List<String> plan = plan(store, sql);
                assertThat(plan).as(sql).isNotEmpty().allSatisfy(step -> {
                    assertThat(step).as(sql).doesNotMatch("(?i).*\\bSCAN outbox\\b(?!_).*")
                            .doesNotContain("TEMP B-TREE");
                });
                assertThat(plan).as(sql).anyMatch(step -> step.contains("USING") && step.contains("INDEX"));
            }
            // the counts come from the small table the triggers keep (one row per state), not from outbox
            assertThat(plan(store, Outbox.SQL_COUNTS)).allSatisfy(step -> assertThat(step).contains("outbox_state_count"));
        }
    }

    private static List<String> plan(LocalStore store, String sql) {
        return store.read(c -> {
            List<String> steps = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
                for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                    ps.setString(i, "x");
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        steps.add(rs.getString("detail"));
                    }
                }
            }
            return steps;
        });
    }

    @Test
    void theTriggerKeptCountsFollowEveryTransition() {
        try (LocalStore store = LocalStore.open(dir.resolve("u.db"))) {
            Outbox outbox = new Outbox(store);
            OutboxEntry a = outbox.enqueue("report.upload", "2026-HNT-000001", REPORTS, Map.of("n", 1));
            OutboxEntry b = outbox.enqueue("report.upload", "2026-HNT-000002", REPORTS, Map.of("n", 2));
            outbox.enqueue("report.upload", REPORTS, Map.of("n", 3));
            assertThat(outbox.counts()).isEqualTo(new OutboxCounts(3, 0, 0, 0, 0));
            assertThat(outbox.claimNext()).get().extracting(OutboxEntry::id).isEqualTo(a.id());
            assertThat(outbox.counts()).isEqualTo(new OutboxCounts(2, 1, 0, 0, 0));
            outbox.markDone(a.id(), "{}");
            assertThat(outbox.claimNext()).get().satisfies(e -> {
                assertThat(e.id()).isEqualTo(b.id());
                assertThat(e.label()).isEqualTo("2026-HNT-000002");
                assertThat(e.attempts()).isEqualTo(1);
            });
            outbox.markFailedPermanent(b.id(), "HTTP 422: reportNumber: already used");
            assertThat(outbox.counts()).isEqualTo(new OutboxCounts(1, 0, 1, 1, 0));
            outbox.retry(b.id());
            assertThat(outbox.counts()).isEqualTo(new OutboxCounts(2, 0, 1, 0, 0));
            outbox.claimNext();
            outbox.markFailedPermanent(b.id(), "HTTP 422: again");
            outbox.dismiss(b.id());
            assertThat(outbox.counts()).isEqualTo(new OutboxCounts(1, 0, 1, 0, 1));
            // the same as counting the table
            Map<String, Integer> counted = store.read(c -> {
                Map<String, Integer> m = new java.util.HashMap<>();
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT state, count(*) FROM outbox GROUP BY state")) {
                    while (rs.next()) {
                        m.put(rs.getString(1), rs.getInt(2));
                    }
                }
                return m;
            });
            assertThat(counted).isEqualTo(Map.of("PENDING", 1, "DONE", 1, "DISMISSED", 1));
            assertThat(outbox.items(Set.of(OutboxState.DISMISSED), 10)).singleElement().satisfies(item -> {
                assertThat(item.label()).isEqualTo("2026-HNT-000002");
                assertThat(item.lastError()).isEqualTo("HTTP 422: again");
                assertThat(item.attempts()).isEqualTo(2);
            });
        }
    }

    @Test
    void twoThousandEntriesDrainInOrderEachSentOnce() {
        int n = 2_000;
        try (LocalStore store = LocalStore.open(dir.resolve("u.db"))) {
            Outbox outbox = new Outbox(store);
            List<UUID> keys = new ArrayList<>();
            store.inTransaction(c -> {
                for (int i = 0; i < n; i++) {
                    keys.add(outbox.enqueue("report.upload", "R" + i, REPORTS, Map.of("n", i)).idempotencyKey());
                }
                return null;
            });
            List<UUID> sent = Collections.synchronizedList(new ArrayList<>());
            long start = System.nanoTime();
            try (OutboxDrainer drainer = new OutboxDrainer(outbox, e -> {
                sent.add(e.idempotencyKey());
                return new SendResult.Delivered("{}");
            }, FAST)) {
                drainer.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (outbox.counts().done() < n && System.nanoTime() < deadline) {
                    sleep(20);
                }
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("OutboxBulkTest: drained %d entries in %d ms (%.2f ms each, local database only)%n",
                    n, ms, (double) ms / n);
            assertThat(outbox.counts()).isEqualTo(new OutboxCounts(0, 0, n, 0, 0));
            assertThat(sent).containsExactlyElementsOf(keys);
        }
    }

    @Test
    void pauseLetsTheEntryInFlightFinishStartsNothingNewAndStaysPausedAfterARestart() throws Exception {
        Path file = dir.resolve("u.db");
        List<UUID> sent = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        int n = 20;
        try (LocalStore store = LocalStore.open(file)) {
            Outbox outbox = new Outbox(store);
            for (int i = 0; i < n; i++) {
                outbox.enqueue("report.upload", REPORTS, Map.of("n", i));
            }
            try (OutboxDrainer drainer = new OutboxDrainer(outbox, e -> {
                sent.add(e.id());
                if (sent.size() == 3) {
                    inFlight.countDown();
                    try {
                        assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw new java.io.IOException("interrupted", interrupted);
                    }
                }
                return new SendResult.Delivered("{}");
            }, FAST)) {
                drainer.start();
                assertThat(inFlight.await(10, TimeUnit.SECONDS)).isTrue();
                drainer.pause(); // while the third is being sent
                assertThat(drainer.isPaused()).isTrue();
                release.countDown();
                Await.until("paused", () -> drainer.progress().state() == DrainerState.PAUSED);
                // the one in flight finished; nothing new started
                assertThat(outbox.counts()).isEqualTo(new OutboxCounts(n - 3, 0, 3, 0, 0));
                drainer.drainNow(); // the connection came back: still paused
                sleep(300);
                assertThat(sent).hasSize(3);
                assertThat(drainer.progress().state()).isEqualTo(DrainerState.PAUSED);
                assertThat(drainer.progress().total()).isEqualTo(n);
                outbox.enqueue("report.upload", REPORTS, Map.of("n", n));
                sleep(200);
                assertThat(sent).hasSize(3);
            }
        }
        // restart: a new store, outbox and drainer on the same file
        try (LocalStore store = LocalStore.open(file)) {
            Outbox outbox = new Outbox(store);
            assertThat(outbox.isPaused()).isTrue();
            try (OutboxDrainer drainer = new OutboxDrainer(outbox, e -> {
                sent.add(e.id());
                return new SendResult.Delivered("{}");
            }, FAST)) {
                assertThat(drainer.isPaused()).isTrue();
                assertThat(drainer.progress().state()).isEqualTo(DrainerState.PAUSED);
                assertThat(drainer.progress().total()).isEqualTo(n + 1 - 3);
                drainer.start();
                sleep(300);
                assertThat(sent).hasSize(3);
                drainer.resume();
                Await.until("all sent", () -> outbox.counts().done() == n + 1);
                assertThat(outbox.isPaused()).isFalse();
            }
            assertThat(sent).hasSize(n + 1).doesNotHaveDuplicates();
            assertThat(new HashSet<>(sent)).isEqualTo(new HashSet<>(outbox.all().stream().map(OutboxEntry::id).toList()));
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

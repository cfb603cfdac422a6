package cn.cqs.client.batches;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.sync.LocalStore;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A schema 8 cache whose desk recorded, offline, the tickets that complete a batch's planned volume (still
 * in the outbox, the server's copy without a moment) upgrades to 9 and the list's next tick works the
 * moment out: the end notification's hour is tracked (DUE, 待告知) without waiting for another ticket of
 * the batch or the server's copy.
 */
class PlantCacheSchema9UpgradeTest {

    @Test
    void ticketsRecordedOfflineBeforeTheUpgradeStartTheEndHourAfterIt() throws Exception {
        Path db = Files.createTempDirectory("plant-v8").resolve("p.db");
        Instant now = Instant.parse("2026-11-24T06:00:00Z");
        Instant departed = now.minus(Duration.ofMinutes(20));
        try (LocalStore store = LocalStore.open(db)) {
            PlantCache cache = new PlantCache(store, Clock.fixed(now, PlantFixture.CHINA), PlantFixture.CHINA);
            cache.upsertBatches(List.of(PlantCacheTest.plannedBatch("ERP-V8", now.minus(Duration.ofHours(3)),
                    now.minus(Duration.ofHours(2)))));
            store.inTransaction(c -> {
                cache.saveTicket(c, "ERP-V8", "ERP-V8-01", "闽A·D3516", new BigDecimal("12"), departed.minusSeconds(600),
                        "工地北门", null);
                cache.saveTicket(c, "ERP-V8", "ERP-V8-02", "闽A·D3517", new BigDecimal("12"), departed, "工地北门", null);
                return null;
            });
            assertThat(cache.batch("ERP-V8").orElseThrow().dispatchedAt()).as("schema 9 works it out").isEqualTo(departed);
        }
        // the same data as a schema 8 client left it: no moment worked out here, no dispatched_here
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("UPDATE plant_batch SET dispatched_at = NULL");
            for (String index : List.of("plant_batch_unstarted", "plant_batch_unnotified", "plant_batch_flagged_now")) {
                st.execute("DROP INDEX " + index);
            }
            st.execute("ALTER TABLE plant_batch DROP COLUMN dispatched_here");
            st.execute("CREATE INDEX plant_batch_open ON plant_batch (day DESC, planned_start DESC, batch_id)"
                    + " WHERE start_state IN ('DUE', 'MISSING') OR end_state IN ('DUE', 'MISSING')");
            st.execute("CREATE INDEX plant_batch_not_started ON plant_batch (day DESC, planned_start DESC, batch_id)"
                    + " WHERE start_state = 'NOT_DUE'");
            st.execute("CREATE INDEX plant_batch_flagged ON plant_batch (day DESC, planned_start DESC, batch_id)"
                    + " WHERE start_state IN ('LATE', 'DUE', 'MISSING') OR end_state IN ('LATE', 'DUE', 'MISSING')");
            st.execute("PRAGMA user_version = 8");
        }
        try (LocalStore store = LocalStore.open(db)) {
            assertThat(store.schemaVersion()).isEqualTo(9);
            PlantCache cache = new PlantCache(store, Clock.fixed(now, PlantFixture.CHINA), PlantFixture.CHINA);
            cache.recheckLocalDispatches(); // what the batch list's tick does
            BatchRow row = cache.batch("ERP-V8").orElseThrow();
            assertThat(row.dispatchedAt()).as("the tickets recorded here cover the 24 m³ planned").isEqualTo(departed);
            assertThat(cache.openNotifications(now, now.minus(Duration.ofDays(2)))).extracting(BatchRow::batchId)
                    .contains("ERP-V8");
        }
    }
}

package cn.cqs.client.batches;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.session.SessionWorkspace;
import cn.cqs.client.sync.LocalStore;
import cn.cqs.client.sync.Outbox;
import cn.cqs.client.sync.OutboxTarget;
import cn.cqs.client.sync.Replica;
import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.NotificationDeadline;
import cn.cqs.contract.batches.NotificationState;
import cn.cqs.contract.batches.ProductionBatch;
import cn.cqs.contract.json.Json;
import cn.cqs.contract.sync.Change;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The plant's local tables (schema 7): a version-6 profile keeps its outbox through the migration,
 * the change feed fills the batch table (newer versions only; tombstones remove), and every list
 * filter finds exactly the batches the contract's rule and the data say — checked against a plain
 * scan of 3,000 generated batches — from the indexes the query plans name.
 */
class PlantCacheTest {

    @Test
    void aVersion6ProfileKeepsItsOutboxAndGainsThePlantTables() throws Exception {
        Path dir = Files.createTempDirectory("plant-migrate");
        Path db = dir.resolve("p.db");
        try (LocalStore store = LocalStore.open(db)) {
            new Outbox(store).enqueue("report.upload", OutboxTarget.post("/api/v1/reports"), Map.of("n", 1));
        }
        // make it look like a version-6 client's file: no plant tables, user_version 6
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            for (String t : List.of("plant_batch_search", "plant_ticket", "plant_batch", "plant_mix_design",
                    "plant_material_lot")) {
                st.execute("DROP TABLE " + t);
            }
            st.execute("PRAGMA user_version = 6");
        }
        try (LocalStore store = LocalStore.open(db)) {
            assertThat(store.schemaVersion()).isEqualTo(7).isEqualTo(LocalStore.SCHEMA_VERSION);
            assertThat(new Outbox(store).pending()).hasSize(1);
            assertThat(new PlantCache(store, java.time.Clock.systemUTC(), PlantFixture.CHINA).batchCount()).isZero();
        }
    }

    @Test
    void theFeedFillsTheBatchTableAndTheFiltersMatchAPlainScan() throws Exception {
        Path dir = Files.createTempDirectory("plant-cache");
        Instant now = Instant.parse("2026-11-24T06:00:00Z");
        try (LocalStore store = LocalStore.open(dir.resolve("p.db"))) {
            PlantCache cache = new PlantCache(store, java.time.Clock.fixed(now, PlantFixture.CHINA), PlantFixture.CHINA);
            Replica replica = new Replica(store, SessionWorkspace.indexers());
            replica.addSink(PlantCache.BATCH_ENTITY, cache.batchSink());
            List<ProductionBatch> all = SampleBatches.generate(3_000, now, PlantFixture.CHINA, 11);
            var mapper = Json.newMapper();
            for (ProductionBatch b : all) {
                replica.apply(Change.upsert(PlantCache.BATCH_ENTITY, b.id(), b.version(), now, mapper.valueToTree(b)));
            }
            assertThat(cache.batchCount()).isEqualTo(3_000);
            // an older copy changes nothing; a tombstone removes
            ProductionBatch first = all.get(0);
            replica.apply(Change.upsert(PlantCache.BATCH_ENTITY, first.id(), first.version(), now,
                    mapper.valueToTree(first)));
            replica.apply(Change.tombstone(PlantCache.BATCH_ENTITY, all.get(1).id(), all.get(1).version() + 1, now));
            assertThat(cache.batchCount()).isEqualTo(2_999);
            List<ProductionBatch> live = all.stream().filter(b -> !b.id().equals(all.get(1).id())).toList();

            Instant cutoff = now.minus(NotificationDeadline.WINDOW);
            LocalDate today = LocalDate.ofInstant(now, PlantFixture.CHINA);
            check(cache, live, BatchFilter.ALL, b -> true, cutoff);
            check(cache, live, BatchFilter.ALL.withText("中建海峡"), b -> b.buyer().contains("中建海峡"), cutoff);
            check(cache, live, BatchFilter.ALL.withText("梁板柱"), b -> b.pourLocation().contains("梁板柱"), cutoff);
            check(cache, live, BatchFilter.ALL.withText(first.serialNumber().substring(9)),
                    b -> b.serialNumber().contains(first.serialNumber().substring(9)), cutoff);
            check(cache, live, BatchFilter.ALL.withText("ab"), b -> false, cutoff);
            check(cache, live, BatchFilter.ALL.withNotice(NoticeFilter.LATE),
                    b -> b.startNotification() == NotificationState.LATE || b.endNotification() == NotificationState.LATE,
                    cutoff);
            check(cache, live, BatchFilter.ALL.withNotice(NoticeFilter.MISSING),
                    b -> b.startNotification() == NotificationState.MISSING
                            || b.endNotification() == NotificationState.MISSING, cutoff);
            check(cache, live, BatchFilter.ALL.withNotice(NoticeFilter.NOT_STARTED),
                    b -> b.startNotification() == NotificationState.NOT_DUE, cutoff);
            check(cache, live, BatchFilter.ALL.withDosing(DosingState.OUT_OF_TOLERANCE),
                    b -> b.dosingState() == DosingState.OUT_OF_TOLERANCE, cutoff);
            check(cache, live, BatchFilter.ALL.withMarking(SampleBatches.MARKINGS[0])
                    .withDays(today.minusDays(6), today), b -> b.marking().equals(SampleBatches.MARKINGS[0])
                    && !LocalDate.ofInstant(b.registeredAt(), PlantFixture.CHINA).isBefore(today.minusDays(6)), cutoff);

            assertThat(String.join(" ", cache.plan(BatchFilter.ALL.withNotice(NoticeFilter.LATE), cutoff)))
                    .contains("plant_batch_late");
            assertThat(String.join(" ", cache.plan(BatchFilter.ALL.withText("中建海峡"), cutoff)))
                    .contains("plant_batch_search");
            assertThat(String.join(" ", cache.plan(BatchFilter.ALL, cutoff))).contains("plant_batch_by_day");
        }
    }

    private static void check(PlantCache cache, List<ProductionBatch> live, BatchFilter filter,
                              Predicate<ProductionBatch> expected, Instant cutoff) {
        BatchPage page = cache.query(filter, cutoff);
        List<BatchRow> rows = cache.rows(page.keys());
        assertThat(rows.stream().map(BatchRow::batchId).collect(Collectors.toSet())).as(filter.toString())
                .isEqualTo(live.stream().filter(expected).map(ProductionBatch::batchId).collect(Collectors.toSet()));
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i - 1).day()).as("newest day first").isAfterOrEqualTo(rows.get(i).day());
        }
    }
}

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The plant's local tables (schema 7, 8, 9): a version-6 profile keeps its outbox through the migration, a
 * version-7 cache gains the batches' dispatch moment when the feed sends them again and then turns an
 * end due and missing as the clock runs,
 * the change feed fills the batch table (newer versions only; tombstones remove), and every list
 * filter finds exactly the batches the contract's rule and the data say — checked against a plain
 * scan of 3,000 generated batches — from the indexes the query plans name. The notification filters
 * judge with the query's clock, not the states stored at the last sync: a planned start passing
 * offline is due, then missing, without a sync.
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
            st.execute("ALTER TABLE outbox DROP COLUMN problem");
            st.execute("PRAGMA user_version = 6");
        }
        try (LocalStore store = LocalStore.open(db)) {
            assertThat(store.schemaVersion()).isEqualTo(9).isEqualTo(LocalStore.SCHEMA_VERSION);
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
            List<ProductionBatch> all = new java.util.ArrayList<>(SampleBatches.generate(2_999, now, PlantFixture.CHINA, 11));
            // and one whose trucks carried the planned volume 20 minutes ago, its end notification not made yet
            all.add(dispatchedBatch("ERP-DISPATCHED", now, now.minus(Duration.ofMinutes(20))));
            // and a few planned for later today and tomorrow (not started: their start is not due yet)
            all.add(plannedBatch("ERP-LATER", now, now.plus(Duration.ofHours(2))));
            all.add(plannedBatch("ERP-TOMORROW", now, now.plus(Duration.ofHours(26))));
            var mapper = Json.newMapper();
            for (ProductionBatch b : all) {
                replica.apply(Change.upsert(PlantCache.BATCH_ENTITY, b.id(), b.version(), now, mapper.valueToTree(b)));
            }
            assertThat(cache.batchCount()).isEqualTo(3_002);
            // an older copy changes nothing; a tombstone removes
            ProductionBatch first = all.get(0);
            replica.apply(Change.upsert(PlantCache.BATCH_ENTITY, first.id(), first.version(), now,
                    mapper.valueToTree(first)));
            replica.apply(Change.tombstone(PlantCache.BATCH_ENTITY, all.get(1).id(), all.get(1).version() + 1, now));
            assertThat(cache.batchCount()).isEqualTo(3_001);
            List<ProductionBatch> live = all.stream().filter(b -> !b.id().equals(all.get(1).id())).toList();

            LocalDate today = LocalDate.ofInstant(now, PlantFixture.CHINA);
            check(cache, live, BatchFilter.ALL, b -> true, now);
            check(cache, live, BatchFilter.ALL.withText("中建海峡"), b -> b.buyer().contains("中建海峡"), now);
            check(cache, live, BatchFilter.ALL.withText("梁板柱"), b -> b.pourLocation().contains("梁板柱"), now);
            check(cache, live, BatchFilter.ALL.withText(first.serialNumber().substring(9)),
                    b -> b.serialNumber().contains(first.serialNumber().substring(9)), now);
            check(cache, live, BatchFilter.ALL.withText("ab"), b -> false, now);
            check(cache, live, BatchFilter.ALL.withNotice(NoticeFilter.LATE),
                    b -> b.startNotification() == NotificationState.LATE || b.endNotification() == NotificationState.LATE,
                    now);
            check(cache, live, BatchFilter.ALL.withNotice(NoticeFilter.MISSING),
                    b -> b.startNotification() == NotificationState.MISSING
                            || b.endNotification() == NotificationState.MISSING, now);
            check(cache, live, BatchFilter.ALL.withNotice(NoticeFilter.DUE),
                    b -> b.startNotification() == NotificationState.DUE || b.endNotification() == NotificationState.DUE,
                    now);
            assertThat(live).as("an end is due from its tickets").anyMatch(b -> b.dispatchedAt() != null
                    && b.endNotification() == NotificationState.DUE);
            assertThat(live).as("ends missing from their tickets").anyMatch(b -> b.dispatchedAt() != null
                    && b.endNotification() == NotificationState.MISSING);
            check(cache, live, BatchFilter.ALL.withNotice(NoticeFilter.NOT_STARTED),
                    b -> b.startNotification() == NotificationState.NOT_DUE, now);
            assertThat(live).as("starts not due, due from the plan and missing from it")
                    .anyMatch(b -> b.startNotification() == NotificationState.NOT_DUE)
                    .anyMatch(b -> b.startedAt() == null && b.startNotification() == NotificationState.DUE)
                    .anyMatch(b -> b.startedAt() == null && b.startNotification() == NotificationState.MISSING);
            check(cache, live, BatchFilter.ALL.withNotice(NoticeFilter.LATE_OR_MISSING),
                    b -> b.startNotification() == NotificationState.LATE || b.endNotification() == NotificationState.LATE
                            || b.startNotification() == NotificationState.MISSING
                            || b.endNotification() == NotificationState.MISSING, now);
            check(cache, live, BatchFilter.ALL.withDosing(DosingState.OUT_OF_TOLERANCE),
                    b -> b.dosingState() == DosingState.OUT_OF_TOLERANCE, now);
            check(cache, live, BatchFilter.ALL.withMarking(SampleBatches.MARKINGS[0])
                    .withDays(today.minusDays(6), today), b -> b.marking().equals(SampleBatches.MARKINGS[0])
                    && !LocalDate.ofInstant(b.registeredAt(), PlantFixture.CHINA).isBefore(today.minusDays(6)), now);

            // the late ones, or those and the few not notified (both partial indexes in list order)
            assertThat(String.join(" ", cache.plan(BatchFilter.ALL.withNotice(NoticeFilter.LATE), now)))
                    .containsAnyOf("plant_batch_late", "plant_batch_flagged_now").doesNotContain("TEMP B-TREE");
            assertThat(String.join(" ", cache.plan(BatchFilter.ALL.withText("中建海峡"), now)))
                    .contains("plant_batch_search");
            assertThat(String.join(" ", cache.plan(BatchFilter.ALL, now))).contains("plant_batch_by_day");
            // the clock-judged filters read only the candidates (not notified; and late) in list order: no sort
            for (NoticeFilter n : List.of(NoticeFilter.DUE, NoticeFilter.MISSING, NoticeFilter.NOT_STARTED)) {
                assertThat(String.join(" ", cache.plan(BatchFilter.ALL.withNotice(n), now))).as(n.name())
                        .containsAnyOf("plant_batch_unnotified", "plant_batch_flagged_now").doesNotContain("TEMP B-TREE");
            }
            assertThat(String.join(" ", cache.plan(BatchFilter.ALL.withNotice(NoticeFilter.LATE_OR_MISSING), now)))
                    .contains("plant_batch_flagged_now").doesNotContain("TEMP B-TREE");
        }
    }

    private static void check(PlantCache cache, List<ProductionBatch> live, BatchFilter filter,
                              Predicate<ProductionBatch> expected, Instant now) {
        BatchPage page = cache.query(filter, now);
        List<BatchRow> rows = cache.rows(page.keys());
        assertThat(rows.stream().map(BatchRow::batchId).collect(Collectors.toSet())).as(filter.toString())
                .isEqualTo(live.stream().filter(expected).map(ProductionBatch::batchId).collect(Collectors.toSet()));
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i - 1).day()).as("newest day first").isAfterOrEqualTo(rows.get(i).day());
        }
    }

    @Test
    void aVersion7CacheGainsTheDispatchMomentAndTheEndTurnsMissingWithoutASync() throws Exception {
        Path db = Files.createTempDirectory("plant-v7").resolve("p.db");
        Instant now = Instant.parse("2026-11-24T06:00:00Z");
        Instant dispatched = now.minus(Duration.ofMinutes(20));
        ProductionBatch b = dispatchedBatch("ERP-D", now, dispatched);
        var mapper = Json.newMapper();
        try (LocalStore store = LocalStore.open(db)) {
            PlantCache cache = new PlantCache(store, Clock.fixed(now, PlantFixture.CHINA), PlantFixture.CHINA);
            Replica replica = new Replica(store, SessionWorkspace.indexers());
            replica.addSink(PlantCache.BATCH_ENTITY, cache.batchSink());
            // a version-7 client cached it from a server that did not send the moment
            var old = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.valueToTree(b);
            old.remove("dispatchedAt");
            replica.apply(Change.upsert(PlantCache.BATCH_ENTITY, b.id(), b.version(), now, old));
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            // undo step 9 (its column and index; the indexes it drops were there before it)
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
            // and step 8
            st.execute("DROP INDEX plant_batch_dispatched_open");
            st.execute("ALTER TABLE plant_batch DROP COLUMN dispatched_at");
            st.execute("ALTER TABLE outbox DROP COLUMN problem");
            st.execute("PRAGMA user_version = 7");
        }
        try (LocalStore store = LocalStore.open(db)) {
            assertThat(store.schemaVersion()).isEqualTo(9);
            PlantCache cache = new PlantCache(store, Clock.fixed(now, PlantFixture.CHINA), PlantFixture.CHINA);
            BatchRow before = cache.batch("ERP-D").orElseThrow();
            assertThat(before.dispatchedAt()).as("kept, without the moment").isNull();
            assertThat(before.endState()).isEqualTo(NotificationState.DUE);
            // without the moment the server's last verdict stands, whatever the clock says
            assertThat(keys(cache, NoticeFilter.DUE, now.plus(Duration.ofHours(5)))).containsExactly(before.key());

            // the feed sends it again (the migration cleared the replica's copies and the cursors): same version
            Replica replica = new Replica(store, SessionWorkspace.indexers());
            replica.addSink(PlantCache.BATCH_ENTITY, cache.batchSink());
            assertThat(replica.apply(Change.upsert(PlantCache.BATCH_ENTITY, b.id(), b.version(), now,
                    mapper.valueToTree(b)))).isTrue();
            BatchRow row = cache.batch("ERP-D").orElseThrow();
            assertThat(row.dispatchedAt()).isEqualTo(dispatched);
            assertThat(row.key()).isEqualTo(before.key());

            // the filters follow the clock from the moment, by the contract's edge (exactly 1 hour is still due)
            Instant atHour = dispatched.plus(NotificationDeadline.WINDOW);
            for (Instant t : List.of(now, atHour)) {
                assertThat(keys(cache, NoticeFilter.DUE, t)).as("due at %s", t).containsExactly(row.key());
                assertThat(keys(cache, NoticeFilter.MISSING, t)).as("not missing at %s", t).isEmpty();
            }
            Instant after = atHour.plusMillis(1);
            assertThat(keys(cache, NoticeFilter.DUE, after)).isEmpty();
            assertThat(keys(cache, NoticeFilter.MISSING, after)).containsExactly(row.key());
            assertThat(keys(cache, NoticeFilter.LATE_OR_MISSING, after)).containsExactly(row.key());
            assertThat(NotificationDeadline.endState(null, null, row.dispatchedAt(), after))
                    .isEqualTo(NotificationState.MISSING);
            // the 待告知 watch finds it from the moment
            assertThat(cache.openNotifications(now, now.minus(Duration.ofDays(2)))).extracting(BatchRow::batchId)
                    .contains("ERP-D");
        }
    }

    @Test
    void aPlannedStartPassingOfflineIsDueInTheListAndIn待告知WithoutASync() throws Exception {
        Path db = Files.createTempDirectory("plant-planned").resolve("p.db");
        Instant synced = Instant.parse("2026-11-24T01:00:00Z");
        Instant planned = synced.plus(Duration.ofMinutes(30));
        TestClock clock = new TestClock(synced, PlantFixture.CHINA);
        try (LocalStore store = LocalStore.open(db)) {
            PlantCache cache = new PlantCache(store, clock, PlantFixture.CHINA);
            // the last sync, before the planned start: the server judged the start NOT_DUE
            cache.upsertBatches(List.of(plannedBatch("ERP-PLAN", synced, planned),
                    // and one synced after its planned start: the server judged it DUE
                    plannedBatch("ERP-LATE-SYNC", synced, synced.minus(Duration.ofMinutes(10)))));
            long key = cache.batch("ERP-PLAN").orElseThrow().key();
            long other = cache.batch("ERP-LATE-SYNC").orElseThrow().key();
            assertThat(cache.batch("ERP-PLAN").orElseThrow().startState()).isEqualTo(NotificationState.NOT_DUE);
            assertThat(cache.batch("ERP-LATE-SYNC").orElseThrow().startState()).isEqualTo(NotificationState.DUE);
            assertThat(keys(cache, NoticeFilter.NOT_STARTED, synced)).containsExactly(key);
            assertThat(keys(cache, NoticeFilter.DUE, synced)).containsExactly(other);
            NotificationWatch watch = new NotificationWatch(cache, new Outbox(store, clock));
            assertThat(watch.due(synced)).extracting(DueNotice::batchId).containsExactly("ERP-LATE-SYNC");

            // offline, the clock runs past the planned start: no sync, the stored state is still NOT_DUE
            for (Instant t : List.of(planned, planned.plus(Duration.ofMinutes(20)), planned.plus(NotificationDeadline.WINDOW))) {
                clock.set(t);
                assertThat(NotificationDeadline.startState(planned, null, null, t)).isEqualTo(NotificationState.DUE);
                assertThat(keys(cache, NoticeFilter.DUE, t)).as("due at %s", t).contains(key);
                assertThat(keys(cache, NoticeFilter.NOT_STARTED, t)).as("no longer not started at %s", t).isEmpty();
                assertThat(keys(cache, NoticeFilter.MISSING, t)).as("not yet missing at %s", t).doesNotContain(key);
                assertThat(watch.due(t)).extracting(DueNotice::batchId).contains("ERP-PLAN");
            }
            assertThat(cache.batch("ERP-PLAN").orElseThrow().startState()).as("nothing was written")
                    .isEqualTo(NotificationState.NOT_DUE);
            // a millisecond after the hour: missing, in both filters that flag it
            Instant after = planned.plus(NotificationDeadline.WINDOW).plusMillis(1);
            assertThat(NotificationDeadline.startState(planned, null, null, after)).isEqualTo(NotificationState.MISSING);
            assertThat(keys(cache, NoticeFilter.DUE, after)).doesNotContain(key);
            assertThat(keys(cache, NoticeFilter.MISSING, after)).contains(key);
            assertThat(keys(cache, NoticeFilter.LATE_OR_MISSING, after)).contains(key);
        }
    }

    private static List<Long> keys(PlantCache cache, NoticeFilter notice, Instant now) {
        return java.util.Arrays.stream(cache.query(BatchFilter.ALL.withNotice(notice), now).keys()).boxed().toList();
    }

    /** A registered batch planned to start at {@code planned}, nothing notified, no tickets. */
    static ProductionBatch plannedBatch(String batchId, Instant now, Instant planned) {
        return new ProductionBatch(java.util.UUID.nameUUIDFromBytes(batchId.getBytes()), "20261124-776049653-0"
                + Math.abs(batchId.hashCode() % 100_000), "https://cqs.example.cn/v/B1.y", java.util.UUID.randomUUID(),
                "厦门华信预拌混凝土有限公司", SampleBatches.USCC, batchId, java.util.UUID.randomUUID(), "工程", "350203",
                "中建海峡建设发展有限公司", "5#楼 剪力墙", SampleBatches.MARKINGS[1], new java.math.BigDecimal("24"), "PB-C30",
                List.of("L-1"), planned, null, now.minus(Duration.ofHours(1)), null, null,
                NotificationDeadline.startState(planned, null, null, now), null, null, NotificationState.NOT_DUE, null,
                null, DosingState.NO_DATA, 1);
    }

    /** A batch whose start was notified and whose trucks carried its planned volume at {@code dispatched}. */
    static ProductionBatch dispatchedBatch(String batchId, Instant now, Instant dispatched) {
        Instant planned = dispatched.minus(Duration.ofHours(3));
        return new ProductionBatch(java.util.UUID.nameUUIDFromBytes(batchId.getBytes()), "20261124-776049653-000777",
                "https://cqs.example.cn/v/B1.x", java.util.UUID.randomUUID(), "厦门华信预拌混凝土有限公司",
                SampleBatches.USCC, batchId, java.util.UUID.randomUUID(), "工程", "350203", "中建海峡建设发展有限公司",
                "3#楼 梁板柱", SampleBatches.MARKINGS[0], new java.math.BigDecimal("36"), "PB-C30", List.of("L-1"),
                planned, null, planned.minus(Duration.ofHours(2)), planned, planned.plusSeconds(300),
                NotificationState.ON_TIME, null, null, NotificationDeadline.endState(null, null, dispatched, now),
                dispatched, null, DosingState.NO_DATA, 4);
    }
}

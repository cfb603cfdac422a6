package cn.cqs.server.batches.supervision;

import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.NotificationState;
import cn.cqs.contract.batches.ProductionBatch;
import cn.cqs.contract.batches.supervision.DosingSeriesPoint;
import cn.cqs.contract.batches.supervision.PlantDosingOverview;
import cn.cqs.contract.batches.supervision.PlantDosingRow;
import cn.cqs.contract.batches.supervision.SeriesBucket;
import cn.cqs.contract.supervision.StatisticsPeriod;
import cn.cqs.contract.time.UploadDeadline;
import cn.cqs.server.batches.BatchStore;
import cn.cqs.server.db.Sql;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The regulators' plant figures as the server computed them before they were counted in SQL: every
 * batch of the period loaded as a {@link ProductionBatch} (notification states from
 * {@link BatchStore#row}, the contract's rule in Java) and counted here. Kept in the tests only, as the
 * reference {@link PlantDosingService#overview} must agree with, and for the benchmark's "before".
 */
public final class PlantFiguresInJava {
    private static final String WHERE = """
             where b.region_code in (select code from region_subtree(:region))
               and coalesce(b.started_at, b.planned_start) >= :start
               and coalesce(b.started_at, b.planned_start) < :end
            """;
    private final Jdbi jdbi;
    private final BatchStore store;
    private final Clock clock;

    public PlantFiguresInJava(Jdbi jdbi, BatchStore store, Clock clock) {
        this.jdbi = jdbi;
        this.store = store;
        this.clock = clock;
    }

    /** The overview of {@code period} for a regulator of {@code regionCode}. */
    public PlantDosingOverview overview(String regionCode, StatisticsPeriod period) {
        return jdbi.withHandle(h -> overview(h, regionCode, period));
    }

    /** The same on {@code h} (e.g. inside the benchmark's transaction). */
    public PlantDosingOverview overview(Handle h, String regionCode, StatisticsPeriod period) {
        Instant now = clock.instant();
        List<ProductionBatch> batches = h.createQuery(BatchStore.SELECT + WHERE)
                .bind("region", regionCode).bind("start", Sql.ts(period.start()))
                .bind("end", Sql.ts(period.endExclusive()))
                .map((rs, c) -> store.row(rs, now)).list();
        SeriesBucket bucket = SeriesBucket.forPeriodDays(period.days());
        LocalDate today = LocalDate.now(clock.withZone(UploadDeadline.REPORT_ZONE));
        Map<UUID, List<ProductionBatch>> byPlant = new LinkedHashMap<>();
        for (ProductionBatch b : batches) {
            byPlant.computeIfAbsent(b.plantId(), k -> new ArrayList<>()).add(b);
        }
        List<PlantDosingRow> rows = new ArrayList<>();
        for (List<ProductionBatch> plantBatches : byPlant.values()) {
            ProductionBatch first = plantBatches.get(0);
            rows.add(row(first.plantId(), first.plantName(), first.plantUscc(), plantBatches, period, bucket, today));
        }
        rows.sort(Comparator.comparingLong(PlantDosingRow::outOfTolerance).reversed()
                .thenComparing(Comparator.comparingLong(PlantDosingRow::missingData).reversed())
                .thenComparing(PlantDosingRow::plantName)
                .thenComparing(PlantDosingRow::plantId));
        PlantDosingRow total = row(null, null, null, batches, period, bucket, today);
        return new PlantDosingOverview(period.from(), period.to(), bucket, rows, total);
    }

    static LocalDate productionDay(ProductionBatch b) {
        Instant at = b.startedAt() != null ? b.startedAt() : b.plannedStart();
        return LocalDate.ofInstant(at, UploadDeadline.REPORT_ZONE);
    }

    static boolean missingData(ProductionBatch b, LocalDate today) {
        if (b.dosingState() != DosingState.NO_DATA) {
            return false;
        }
        return b.endedAt() != null || b.endNotification() == NotificationState.DUE
                || b.endNotification() == NotificationState.MISSING || productionDay(b).isBefore(today);
    }

    private static PlantDosingRow row(UUID plantId, String name, String uscc, List<ProductionBatch> batches,
                                      StatisticsPeriod period, SeriesBucket bucket, LocalDate today) {
        Counts all = new Counts();
        Map<LocalDate, Counts> points = new LinkedHashMap<>();
        for (LocalDate d = bucket.startOf(period.from()); !d.isAfter(period.to()); d = bucket.next(d)) {
            points.put(d, new Counts());
        }
        long late = 0;
        long missingNotifications = 0;
        for (ProductionBatch b : batches) {
            all.add(b, today);
            points.get(bucket.startOf(productionDay(b))).add(b, today);
            for (NotificationState s : List.of(b.startNotification(), b.endNotification())) {
                if (s == NotificationState.LATE) {
                    late++;
                } else if (s == NotificationState.MISSING) {
                    missingNotifications++;
                }
            }
        }
        List<DosingSeriesPoint> series = points.entrySet().stream()
                .map(e -> new DosingSeriesPoint(e.getKey(), e.getValue().batches, e.getValue().within,
                        e.getValue().out, e.getValue().missing))
                .toList();
        return new PlantDosingRow(plantId, name, uscc, all.batches, all.withData, all.within, all.out, all.missing,
                late, missingNotifications, series);
    }

    private static final class Counts {
        long batches;
        long withData;
        long within;
        long out;
        long missing;

        void add(ProductionBatch b, LocalDate today) {
            batches++;
            switch (b.dosingState()) {
                case WITHIN_TOLERANCE -> {
                    withData++;
                    within++;
                }
                case OUT_OF_TOLERANCE -> {
                    withData++;
                    out++;
                }
                case NO_DATA -> {
                    if (missingData(b, today)) {
                        missing++;
                    }
                }
            }
        }
    }
}

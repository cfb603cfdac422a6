package cn.cqs.server.batches.supervision;

import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.ProductionBatch;
import cn.cqs.contract.batches.NotificationState;
import cn.cqs.contract.batches.supervision.DosingSeriesPoint;
import cn.cqs.contract.batches.supervision.PlantDosingOverview;
import cn.cqs.contract.batches.supervision.PlantDosingRow;
import cn.cqs.contract.batches.supervision.SeriesBucket;
import cn.cqs.contract.batches.supervision.SupervisedBatch;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.supervision.StatisticsPeriod;
import cn.cqs.contract.time.UploadDeadline;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.batches.BatchStore;
import cn.cqs.server.db.Sql;
import cn.cqs.server.http.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * 搅拌站投料监管 for regulators holding {@link Permission#BATCHES_SUPERVISE}: per plant, the batches
 * produced in a period for projects in the caller's jurisdiction, what their dosing checks found,
 * how their start/end notifications stand, and a per-day or per-week series; and the drill-down to
 * one plant's batches. A batch belongs to the day production started (China time), or to its
 * planned start day while no start is known. The notification states are the batch's own, as
 * {@link BatchStore} computes them for every reader of a batch (one rule, the contract's
 * NotificationDeadline, applied in one place).
 */
public final class PlantDosingService {
    private static final String WHERE = """
             where b.region_code in (select code from region_subtree(:region))
               and coalesce(b.started_at, b.planned_start) >= :start
               and coalesce(b.started_at, b.planned_start) < :end
            """;
    private final Jdbi jdbi;
    private final BatchStore store;
    private final Clock clock;

    public PlantDosingService(Jdbi jdbi, BatchStore store, Clock clock) {
        this.jdbi = jdbi;
        this.store = store;
        this.clock = clock;
    }

    /** The per-plant figures of the period. */
    public PlantDosingOverview overview(Principal p, StatisticsPeriod period) {
        requireSupervisor(p);
        Instant now = clock.instant();
        List<ProductionBatch> batches = jdbi.withHandle(h -> h.createQuery(BatchStore.SELECT + WHERE)
                .bind("region", p.organisationRegionCode()).bind("start", Sql.ts(period.start()))
                .bind("end", Sql.ts(period.endExclusive()))
                .map((rs, c) -> store.row(rs, now)).list());
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
                .thenComparing(PlantDosingRow::plantName));
        PlantDosingRow total = row(null, null, null, batches, period, bucket, today);
        return new PlantDosingOverview(period.from(), period.to(), bucket, rows, total);
    }

    /**
     * One plant's batches of the period in the jurisdiction, optionally only those in {@code state}; 404
     * when {@code plantId} is no ready-mix plant.
     */
    public List<SupervisedBatch> batches(Principal p, UUID plantId, StatisticsPeriod period, DosingState state) {
        boolean plant = jdbi.withHandle(h -> h.createQuery(
                        "select exists (select 1 from organisation where id = :id and kind = 'READY_MIX_PLANT')")
                .bind("id", plantId).mapTo(Boolean.class).one());
        if (!plant) {
            throw ApiException.notFound("Plant");
        }
        requireSupervisor(p);
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createQuery(BatchStore.SELECT + WHERE + " and b.organisation_id = :plant"
                        + " and (cast(:state as text) is null or b.dosing_state = :state)"
                        + " order by coalesce(b.started_at, b.planned_start), b.serial_number")
                .bind("region", p.organisationRegionCode()).bind("start", Sql.ts(period.start()))
                .bind("end", Sql.ts(period.endExclusive())).bind("plant", plantId)
                .bind("state", state == null ? null : state.name())
                .map((rs, c) -> store.row(rs, now)).list())
                .stream()
                .map(b -> new SupervisedBatch(b.id(), b.serialNumber(), b.batchId(), b.projectId(), b.projectName(),
                        b.pourLocation(), b.marking(), b.volumeM3(), productionDay(b), b.dosingState(),
                        b.startNotification(), b.endNotification()))
                .toList();
    }

    private static void requireSupervisor(Principal p) {
        p.require(Permission.BATCHES_SUPERVISE);
        if (!p.isRegulator()) {
            throw ApiException.forbidden("Ready-mix supervision is for regulators only");
        }
    }

    /** The day (China time) production started, or was planned to while no start is known. */
    static LocalDate productionDay(ProductionBatch b) {
        Instant at = b.startedAt() != null ? b.startedAt() : b.plannedStart();
        return LocalDate.ofInstant(at, UploadDeadline.REPORT_ZONE);
    }

    /**
     * Whether production is over without any dosing records (缺投料数据): no records, and the batch
     * ended, or its trucks already carried the planned volume (its end notification is due or
     * missing), or it was produced before today.
     */
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

    /** Counters of one plant or one series point. */
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

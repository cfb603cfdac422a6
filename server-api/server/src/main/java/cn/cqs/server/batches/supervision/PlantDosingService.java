package cn.cqs.server.batches.supervision;

import cn.cqs.contract.batches.DosingState;
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
import cn.cqs.server.db.Sql;
import cn.cqs.server.http.ApiException;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * planned start day while no start is known.
 */
public final class PlantDosingService {
    private static final String SELECT = """
            select b.id, b.serial_number, b.plant_batch_id, b.organisation_id, o.name as plant_name, o.uscc as plant_uscc,
                   b.project_id, p.name as project_name, b.pour_location, b.marking, b.volume_m3, b.dosing_state,
                   b.planned_start, b.started_at, b.start_notified_at, b.ended_at, b.end_notified_at,
                   (coalesce(b.started_at, b.planned_start) at time zone 'Asia/Shanghai')::date as production_day
              from production_batch b
              join organisation o on o.id = b.organisation_id
              join project p on p.id = b.project_id
             where b.region_code in (select code from region_subtree(:region))
               and coalesce(b.started_at, b.planned_start) >= :start
               and coalesce(b.started_at, b.planned_start) < :end
            """;
    private final Jdbi jdbi;
    private final Clock clock;

    public PlantDosingService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The per-plant figures of the period. */
    public PlantDosingOverview overview(Principal p, StatisticsPeriod period) {
        requireSupervisor(p);
        List<BatchTimes> batches = jdbi.withHandle(h -> h.createQuery(SELECT)
                .bind("region", p.organisationRegionCode()).bind("start", Sql.ts(period.start()))
                .bind("end", Sql.ts(period.endExclusive()))
                .map((rs, c) -> times(rs)).list());
        SeriesBucket bucket = SeriesBucket.forPeriodDays(period.days());
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(UploadDeadline.REPORT_ZONE));
        Map<UUID, List<BatchTimes>> byPlant = new LinkedHashMap<>();
        for (BatchTimes b : batches) {
            byPlant.computeIfAbsent(b.plantId(), k -> new ArrayList<>()).add(b);
        }
        List<PlantDosingRow> rows = new ArrayList<>();
        for (List<BatchTimes> plantBatches : byPlant.values()) {
            BatchTimes first = plantBatches.get(0);
            rows.add(row(first.plantId(), first.plantName(), first.plantUscc(), plantBatches, period, bucket, now, today));
        }
        rows.sort(Comparator.comparingLong(PlantDosingRow::outOfTolerance).reversed()
                .thenComparing(Comparator.comparingLong(PlantDosingRow::missingData).reversed())
                .thenComparing(PlantDosingRow::plantName));
        PlantDosingRow total = row(null, null, null, batches, period, bucket, now, today);
        return new PlantDosingOverview(period.from(), period.to(), bucket, rows, total);
    }

    /** One plant's batches of the period in the jurisdiction, optionally only those in {@code state}. */
    public List<SupervisedBatch> batches(Principal p, UUID plantId, StatisticsPeriod period, DosingState state) {
        requireSupervisor(p);
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createQuery(SELECT + " and b.organisation_id = :plant"
                        + " and (cast(:state as text) is null or b.dosing_state = :state)"
                        + " order by coalesce(b.started_at, b.planned_start), b.serial_number")
                .bind("region", p.organisationRegionCode()).bind("start", Sql.ts(period.start()))
                .bind("end", Sql.ts(period.endExclusive())).bind("plant", plantId)
                .bind("state", state == null ? null : state.name())
                .map((rs, c) -> times(rs)).list())
                .stream()
                .map(b -> new SupervisedBatch(b.id(), b.serialNumber(), b.batchId(), b.projectId(), b.projectName(),
                        b.pourLocation(), b.marking(), b.volumeM3(), b.productionDay(), b.dosingState(),
                        b.startState(now), b.endState(now)))
                .toList();
    }

    private static void requireSupervisor(Principal p) {
        p.require(Permission.BATCHES_SUPERVISE);
        if (!p.isRegulator()) {
            throw ApiException.forbidden("Ready-mix supervision is for regulators only");
        }
    }

    private static PlantDosingRow row(UUID plantId, String name, String uscc, List<BatchTimes> batches,
                                      StatisticsPeriod period, SeriesBucket bucket, Instant now, LocalDate today) {
        Counts all = new Counts();
        Map<LocalDate, Counts> points = new LinkedHashMap<>();
        for (LocalDate d = bucket.startOf(period.from()); !d.isAfter(period.to()); d = bucket.next(d)) {
            points.put(d, new Counts());
        }
        long late = 0;
        long missingNotifications = 0;
        for (BatchTimes b : batches) {
            all.add(b, today);
            points.get(bucket.startOf(b.productionDay())).add(b, today);
            for (NotificationState s : List.of(b.startState(now), b.endState(now))) {
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

        void add(BatchTimes b, LocalDate today) {
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
                    if (b.missingData(today)) {
                        missing++;
                    }
                }
            }
        }
    }

    private static BatchTimes times(ResultSet rs) throws SQLException {
        return new BatchTimes(Sql.uuid(rs, "id"), rs.getString("serial_number"), rs.getString("plant_batch_id"),
                Sql.uuid(rs, "organisation_id"), rs.getString("plant_name"), rs.getString("plant_uscc"),
                Sql.uuid(rs, "project_id"), rs.getString("project_name"), rs.getString("pour_location"),
                rs.getString("marking"), rs.getBigDecimal("volume_m3"), rs.getObject("production_day", LocalDate.class),
                DosingState.valueOf(rs.getString("dosing_state")), Sql.instant(rs, "planned_start"),
                Sql.instant(rs, "started_at"), Sql.instant(rs, "start_notified_at"), Sql.instant(rs, "ended_at"),
                Sql.instant(rs, "end_notified_at"));
    }
}

package cn.cqs.server.batches.supervision;

import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.ProductionBatch;
import cn.cqs.contract.batches.supervision.DosingSeriesPoint;
import cn.cqs.contract.batches.supervision.PlantDosingOverview;
import cn.cqs.contract.batches.supervision.PlantDosingRow;
import cn.cqs.contract.batches.supervision.SeriesBucket;
import cn.cqs.contract.batches.supervision.SupervisedBatch;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.supervision.StatisticsPeriod;
import cn.cqs.contract.time.UploadDeadline;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.batches.BatchRules;
import cn.cqs.server.batches.BatchStore;
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
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * 搅拌站投料监管 for regulators holding {@link Permission#BATCHES_SUPERVISE}: per plant, the batches
 * produced in a period for projects in the caller's jurisdiction, what their dosing checks found,
 * how their start/end notifications stand, and a per-day or per-week series; and the drill-down to
 * one plant's batches. A batch belongs to the day production started (China time), or to its
 * planned start day while no start is known. The figures are counted by the database (one query,
 * grouped by plant and day or week), so a province's year of batches never travels to the server;
 * the notification states are the batch's own: the same rule text ({@link BatchRules}, the
 * contract's NotificationDeadline) that {@link BatchStore} applies to every batch a reader sees.
 */
public final class PlantDosingService {
    private static final String WHERE = """
             where b.region_code in (select code from region_subtree(:region))
               and coalesce(b.started_at, b.planned_start) >= :start
               and coalesce(b.started_at, b.planned_start) < :end
            """;
    /**
     * The figures per plant and day or week (China time, {@code :zone}; {@code :unit} day or week, ISO
     * weeks from Monday): the notification states are {@link BatchRules}' SQL text (the contract's
     * NotificationDeadline as every batch shows it, checked against Java by BatchRulesSqlTest);
     * "missing data" (缺投料数据) is no records once production is over: ended, the trucks carried the
     * planned volume (the end notification DUE or MISSING), or produced before {@code :today}.
     */
    static final String FIGURES = """
            select a.*, o.name as plant_name, o.uscc as plant_uscc
              from (select s.plant_id, s.bucket, count(*) as batches,
                           count(*) filter (where s.dosing_state <> 'NO_DATA') as with_data,
                           count(*) filter (where s.dosing_state = 'WITHIN_TOLERANCE') as within_tolerance,
                           count(*) filter (where s.dosing_state = 'OUT_OF_TOLERANCE') as out_of_tolerance,
                           count(*) filter (where s.dosing_state = 'NO_DATA'
                                              and (s.ended_at is not null or s.end_state in ('DUE', 'MISSING')
                                                   or s.production_day < :today)) as missing_data,
                           count(*) filter (where s.start_state = 'LATE')
                             + count(*) filter (where s.end_state = 'LATE') as late_notifications,
                           count(*) filter (where s.start_state = 'MISSING')
                             + count(*) filter (where s.end_state = 'MISSING') as missing_notifications
                      from (select d.*, cast(date_trunc(cast(:unit as text), cast(d.production_day as timestamp)) as date) as bucket
                              from (select b.organisation_id as plant_id, b.dosing_state, b.ended_at,
                                           cast(coalesce(b.started_at, b.planned_start) at time zone cast(:zone as text) as date)
                                               as production_day,
                                           """ + BatchRules.START_STATE_SQL + """
                                            as start_state,
                                           """ + BatchRules.END_STATE_SQL + """
                                            as end_state
                                      from production_batch b
                                     where b.region_code = any(cast(:regions as char(6)[]))
                                       and coalesce(b.started_at, b.planned_start) >= :start
                                       and coalesce(b.started_at, b.planned_start) < :end) d) s
                     group by s.plant_id, s.bucket) a
              join organisation o on o.id = a.plant_id""";
    private final Jdbi jdbi;
    private final BatchStore store;
    private final Clock clock;

    public PlantDosingService(Jdbi jdbi, BatchStore store, Clock clock) {
        this.jdbi = jdbi;
        this.store = store;
        this.clock = clock;
    }

    /**
     * The per-plant figures of the period, counted by the database: one row per plant and day or week
     * ({@link #FIGURES}), summed here into the plants' rows, the series and the jurisdiction's total.
     */
    public PlantDosingOverview overview(Principal p, StatisticsPeriod period) {
        requireSupervisor(p);
        Instant now = clock.instant();
        SeriesBucket bucket = SeriesBucket.forPeriodDays(period.days());
        List<BucketFigures> parts = jdbi.inTransaction(h -> {
            planFigures(h);
            return figures(h, "", p.organisationRegionCode(), period, now)
                .map((rs, c) -> new BucketFigures(Sql.uuid(rs, "plant_id"), rs.getString("plant_name"),
                        rs.getString("plant_uscc"), rs.getObject("bucket", LocalDate.class), Counts.of(rs)))
                .list();
        });
        Figures total = new Figures(null, null, null, period, bucket);
        Map<UUID, Figures> byPlant = new LinkedHashMap<>();
        for (BucketFigures part : parts) {
            byPlant.computeIfAbsent(part.plantId(), id -> new Figures(id, part.plantName(), part.plantUscc(), period, bucket))
                    .add(part);
            total.add(part);
        }
        List<PlantDosingRow> rows = new ArrayList<>(byPlant.values().stream().map(Figures::row).toList());
        rows.sort(Comparator.comparingLong(PlantDosingRow::outOfTolerance).reversed()
                .thenComparing(Comparator.comparingLong(PlantDosingRow::missingData).reversed())
                .thenComparing(PlantDosingRow::plantName)
                .thenComparing(PlantDosingRow::plantId));
        return new PlantDosingOverview(period.from(), period.to(), bucket, rows, total.row());
    }

    /**
     * Settings of the transaction that counts the figures: planned for its values, and memory enough to
     * hash or sort the groups (plants × days or weeks) without spilling to disk.
     */
    static void planFigures(Handle h) {
        Sql.planForTheseValues(h);
        h.execute("set local work_mem = '32MB'");
    }

    /**
     * The {@link #FIGURES} statement for a regulator of {@code regionCode} (its jurisdiction read first
     * as its list of region codes, so the planner knows how much of the table it covers) at {@code now},
     * its text after {@code prefix} (e.g. an EXPLAIN).
     */
    static Query figures(Handle h, String prefix, String regionCode, StatisticsPeriod period, Instant now) {
        SeriesBucket bucket = SeriesBucket.forPeriodDays(period.days());
        List<String> regions = h.createQuery("select code from region_subtree(:region)").bind("region", regionCode)
                .mapTo(String.class).list();
        return h.createQuery(prefix + FIGURES)
                .bindArray("regions", String.class, regions).bind("start", Sql.ts(period.start()))
                .bind("end", Sql.ts(period.endExclusive())).bind("zone", UploadDeadline.REPORT_ZONE.getId())
                .bind("unit", bucket == SeriesBucket.DAY ? "day" : "week")
                .bind("today", LocalDate.ofInstant(now, UploadDeadline.REPORT_ZONE))
                .bind("now", Sql.ts(now)).bind("windowSeconds", BatchRules.windowSeconds());
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

    /** The counts of one plant in one day or week, as {@link #FIGURES} answers them. */
    private record BucketFigures(UUID plantId, String plantName, String plantUscc, LocalDate bucket, Counts counts) {
    }

    /** Counters of one plant, one series point or the jurisdiction. */
    private static final class Counts {
        long batches;
        long withData;
        long within;
        long out;
        long missing;
        long lateNotifications;
        long missingNotifications;

        static Counts of(ResultSet rs) throws SQLException {
            Counts c = new Counts();
            c.batches = rs.getLong("batches");
            c.withData = rs.getLong("with_data");
            c.within = rs.getLong("within_tolerance");
            c.out = rs.getLong("out_of_tolerance");
            c.missing = rs.getLong("missing_data");
            c.lateNotifications = rs.getLong("late_notifications");
            c.missingNotifications = rs.getLong("missing_notifications");
            return c;
        }

        void add(Counts o) {
            batches += o.batches;
            withData += o.withData;
            within += o.within;
            out += o.out;
            missing += o.missing;
            lateNotifications += o.lateNotifications;
            missingNotifications += o.missingNotifications;
        }
    }

    /** The sums of one plant (or of all, with a null plant) and its series, every day or week of the period. */
    private static final class Figures {
        private final UUID plantId;
        private final String name;
        private final String uscc;
        private final Counts all = new Counts();
        private final Map<LocalDate, Counts> points = new LinkedHashMap<>();

        Figures(UUID plantId, String name, String uscc, StatisticsPeriod period, SeriesBucket bucket) {
            this.plantId = plantId;
            this.name = name;
            this.uscc = uscc;
            for (LocalDate d = bucket.startOf(period.from()); !d.isAfter(period.to()); d = bucket.next(d)) {
                points.put(d, new Counts());
            }
        }

        void add(BucketFigures part) {
            Counts point = points.get(part.bucket());
            if (point == null) {
                throw new IllegalStateException("the database put batches of plant " + part.plantId() + " in the bucket "
                        + part.bucket() + ", which is not one of the period's " + points.keySet());
            }
            point.add(part.counts());
            all.add(part.counts());
        }

        PlantDosingRow row() {
            List<DosingSeriesPoint> series = points.entrySet().stream()
                    .map(e -> new DosingSeriesPoint(e.getKey(), e.getValue().batches, e.getValue().within,
                            e.getValue().out, e.getValue().missing))
                    .toList();
            return new PlantDosingRow(plantId, name, uscc, all.batches, all.withData, all.within, all.out, all.missing,
                    all.lateNotifications, all.missingNotifications, series);
        }
    }
}

package cn.cqs.contract.batches.supervision;

import java.util.List;
import java.util.UUID;

/**
 * One ready-mix plant's figures in a period (搅拌站投料监管): its batches for projects in the
 * regulator's jurisdiction produced in the period.
 *
 * @param batches              batches produced in the period (by start, else planned start, China time)
 * @param withData             batches with dosing records (投料数据)
 * @param withinTolerance      batches whose records are within every per-plate and cumulative tolerance
 * @param outOfTolerance       batches with a deviation out of tolerance or a material missing
 * @param missingData          batches without records whose production is over (ended, the trucks
 *                             carried the planned volume, or produced before the day asked)
 * @param lateNotifications    start and end notifications the batches show as LATE (开盘/完成告知
 *                             more than 1 hour after the event), counted per notification
 * @param missingNotifications notifications the batches show as MISSING (not sent 1 hour after
 *                             they fell due)
 * @param series               per day or week, see {@link PlantDosingOverview#bucket()}
 */
public record PlantDosingRow(UUID plantId, String plantName, String plantUscc, long batches, long withData,
                             long withinTolerance, long outOfTolerance, long missingData, long lateNotifications,
                             long missingNotifications, List<DosingSeriesPoint> series) {
    public PlantDosingRow {
        series = List.copyOf(series);
    }
}

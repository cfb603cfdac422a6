package cn.cqs.contract.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/supervision/report-statistics} (报告统计): the reports of the
 * caller's jurisdiction issued in the period, grouped as asked, with totals.
 *
 * <p>Counted are the reports that are current or withdrawn; a version superseded by a correction
 * is not counted again (its correction is).
 *
 * @param from   first issue day of the period (China time)
 * @param to     last issue day of the period (China time)
 * @param rows   one row per lab, type, or lab and type that has reports in the period: by lab
 *               most reports first, by type in the order of {@code ReportType}
 * @param totals the sums over all rows
 */
public record ReportStatistics(LocalDate from, LocalDate to, StatisticsGrouping groupBy,
                               List<ReportStatisticsRow> rows, ReportStatisticsRow totals) {
    public ReportStatistics {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }
}

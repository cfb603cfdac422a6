package cn.cqs.contract.supervision;

import cn.cqs.contract.reports.ReportType;
import java.math.BigDecimal;

/**
 * One row of the report statistics: the reports of one lab, one type, or one lab and type in the
 * period (or all of them, as the totals row, where {@code lab} and {@code type} are null).
 *
 * @param lab                    the lab, or null when not grouped by lab (and in the totals)
 * @param type                   the report type, or null when not grouped by type (and in the totals)
 * @param reports                reports counted (报告数)
 * @param unqualified            of them, with a conclusion that is not qualified (不合格数), see
 *                               {@link ReportConformity}
 * @param unqualifiedRatePercent {@code unqualified / reports} in percent ({@link ReportRates}),
 *                               null when {@code reports} is 0
 * @param late                   of them, uploaded more than 24 hours after issue (逾期上传数)
 * @param lateRatePercent        {@code late / reports} in percent, null when {@code reports} is 0
 */
public record ReportStatisticsRow(StatisticsLab lab, ReportType type, long reports, long unqualified,
                                  BigDecimal unqualifiedRatePercent, long late, BigDecimal lateRatePercent) {

    /** A row with its rates computed from the counts. */
    public static ReportStatisticsRow of(StatisticsLab lab, ReportType type, long reports, long unqualified,
                                         long late) {
        return new ReportStatisticsRow(lab, type, reports, unqualified, ReportRates.percent(unqualified, reports),
                late, ReportRates.percent(late, reports));
    }

    /** The totals of {@code rows} (whose counts do not overlap), with rates over the sums. */
    public static ReportStatisticsRow totalOf(Iterable<ReportStatisticsRow> rows) {
        long reports = 0;
        long unqualified = 0;
        long late = 0;
        for (ReportStatisticsRow r : rows) {
            reports += r.reports;
            unqualified += r.unqualified;
            late += r.late;
        }
        return of(null, null, reports, unqualified, late);
    }
}

package cn.cqs.client.supervision;

import cn.cqs.contract.supervision.ReportStatistics;
import cn.cqs.contract.supervision.StatisticsGrouping;
import cn.cqs.contract.supervision.StatisticsPeriod;

/** Where the statistics screen gets its numbers: the server's endpoint (tests substitute it). */
@FunctionalInterface
public interface ReportStatisticsSource {
    /**
     * The statistics of the caller's jurisdiction for {@code period}, grouped as asked. Blocks; call
     * off the JavaFX thread.
     *
     * @throws cn.cqs.client.api.ApiException when the server refuses or cannot be reached
     */
    ReportStatistics fetch(StatisticsPeriod period, StatisticsGrouping grouping);
}

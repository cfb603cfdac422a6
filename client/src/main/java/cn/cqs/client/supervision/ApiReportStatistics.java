package cn.cqs.client.supervision;

import cn.cqs.client.api.ApiClient;
import cn.cqs.contract.supervision.ReportStatistics;
import cn.cqs.contract.supervision.StatisticsGrouping;
import cn.cqs.contract.supervision.StatisticsPeriod;
import cn.cqs.contract.supervision.SupervisionApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/** {@link ReportStatisticsSource} over {@code GET /api/v1/supervision/report-statistics}. */
public final class ApiReportStatistics implements ReportStatisticsSource {
    private final ApiClient api;

    public ApiReportStatistics(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    public ReportStatistics fetch(StatisticsPeriod period, StatisticsGrouping grouping) {
        String path = SupervisionApi.REPORT_STATISTICS + "?from=" + period.from() + "&to=" + period.to()
                + "&groupBy=" + URLEncoder.encode(grouping.parameter(), StandardCharsets.UTF_8);
        return api.get(path, ReportStatistics.class, Map.of());
    }
}

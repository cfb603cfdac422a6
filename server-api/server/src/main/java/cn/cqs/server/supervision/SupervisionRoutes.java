package cn.cqs.server.supervision;

import cn.cqs.contract.supervision.SupervisionApi;
import cn.cqs.server.auth.Authenticator;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Clock;

/** Routes of {@code /api/v1/supervision}: the regulators' report statistics. */
public final class SupervisionRoutes {
    private final ReportStatisticsService statistics;
    private final Authenticator authenticator;
    private final Clock clock;

    public SupervisionRoutes(ReportStatisticsService statistics, Authenticator authenticator, Clock clock) {
        this.statistics = statistics;
        this.authenticator = authenticator;
        this.clock = clock;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(SupervisionApi.REPORT_STATISTICS, ctx -> ctx.json(statistics.statistics(authenticator.require(ctx),
                StatisticsQuery.from(ctx, clock))));
    }
}

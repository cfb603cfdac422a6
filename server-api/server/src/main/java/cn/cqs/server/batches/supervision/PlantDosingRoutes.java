package cn.cqs.server.batches.supervision;

import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.supervision.StatisticsPeriod;
import cn.cqs.server.auth.Authenticator;
import cn.cqs.server.http.Ids;
import cn.cqs.server.http.QueryParams;
import cn.cqs.server.http.Validation;
import cn.cqs.server.supervision.StatisticsQuery;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Clock;
import java.util.UUID;

/**
 * Routes of 搅拌站投料监管: {@code GET /api/v1/supervision/plants/dosing?from&to} (per-plant
 * figures) and {@code GET /api/v1/supervision/plants/{plantId}/batches?from&to&dosingState} (the
 * drill-down). The period reads like the report statistics' (China-time days, both or neither, at
 * most 366 days; neither = the last 30 days).
 */
public final class PlantDosingRoutes {
    /** Per-plant figures. */
    public static final String OVERVIEW = ApiVersion.BASE_PATH + "/supervision/plants/dosing";
    /** One plant's batches. */
    public static final String PLANT_BATCHES = ApiVersion.BASE_PATH + "/supervision/plants/{plantId}/batches";
    private final PlantDosingService service;
    private final Authenticator authenticator;
    private final Clock clock;

    public PlantDosingRoutes(PlantDosingService service, Authenticator authenticator, Clock clock) {
        this.service = service;
        this.authenticator = authenticator;
        this.clock = clock;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(OVERVIEW, ctx -> ctx.json(service.overview(authenticator.require(ctx), period(ctx))));
        routes.get(PLANT_BATCHES, ctx -> {
            var p = authenticator.require(ctx);
            UUID plantId = Ids.pathId(ctx, "plantId", "Plant");
            StatisticsPeriod period = period(ctx);
            Validation v = new Validation();
            DosingState state = new QueryParams(ctx, v).enumValue("dosingState", DosingState.class);
            v.throwIfInvalid();
            ctx.json(service.batches(p, plantId, period, state));
        });
    }

    private StatisticsPeriod period(Context ctx) {
        return StatisticsQuery.of(ctx.queryParam("from"), ctx.queryParam("to"), null, clock).period();
    }
}

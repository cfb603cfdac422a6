package cn.cqs.server.batches.trace;

import cn.cqs.contract.ApiVersion;
import cn.cqs.server.auth.Authenticator;
import cn.cqs.server.http.Ids;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * Routes of the trace (质量追溯): {@code GET /api/v1/batches/{serialNumber}/trace}, and
 * {@code PUT}/{@code DELETE /api/v1/batches/{serialNumber}/cube-reports/{reportId}} (试块来源:
 * the specimens of the report were taken from the batch), with
 * {@code GET /api/v1/batches/{serialNumber}/cube-report-candidates} (the reports the plant may link). PUT answers 201 when it created the link
 * and 200 when the link was there already; DELETE answers 204 either way.
 */
public final class TraceRoutes {
    /** The trace of a batch. */
    public static final String TRACE = ApiVersion.BASE_PATH + "/batches/{serialNumber}/trace";
    /** One cube-report link of a batch. */
    public static final String CUBE_REPORT = ApiVersion.BASE_PATH + "/batches/{serialNumber}/cube-reports/{reportId}";
    /** The cube reports the batch's plant may link to it. */
    public static final String CANDIDATES = ApiVersion.BASE_PATH + "/batches/{serialNumber}/cube-report-candidates";
    private final TraceService trace;
    private final Authenticator authenticator;

    public TraceRoutes(TraceService trace, Authenticator authenticator) {
        this.trace = trace;
        this.authenticator = authenticator;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(TRACE, ctx -> ctx.json(trace.trace(authenticator.require(ctx), ctx.pathParam("serialNumber"))));
        routes.get(CANDIDATES, ctx -> ctx.json(trace.candidates(authenticator.require(ctx),
                ctx.pathParam("serialNumber"))));
        routes.put(CUBE_REPORT, ctx -> {
            TraceService.LinkResult result = trace.link(authenticator.require(ctx), ctx.pathParam("serialNumber"),
                    Ids.pathId(ctx, "reportId", "Report"));
            ctx.status(result.created() ? 201 : 200).json(result.report());
        });
        routes.delete(CUBE_REPORT, ctx -> {
            trace.unlink(authenticator.require(ctx), ctx.pathParam("serialNumber"), Ids.pathId(ctx, "reportId", "Report"));
            ctx.status(204);
        });
    }
}

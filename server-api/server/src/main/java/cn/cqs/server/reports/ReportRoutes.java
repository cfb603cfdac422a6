package cn.cqs.server.reports;

import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.reports.ReportRecord;
import cn.cqs.contract.reports.ReportUpload;
import cn.cqs.server.auth.Authenticator;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.http.Etags;
import cn.cqs.server.http.Ids;
import cn.cqs.server.http.JsonBodies;
import cn.cqs.server.idempotency.IdempotencyStore;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;

/**
 * Routes of {@code /api/v1/reports}. The upload accepts an {@code Idempotency-Key}: a replay
 * answers the first response and creates nothing.
 */
public final class ReportRoutes {
    private final ReportService reports;
    private final IdempotencyStore idempotency;
    private final Authenticator authenticator;
    private final JsonBodies json;

    public ReportRoutes(ReportService reports, IdempotencyStore idempotency, Authenticator authenticator,
                        JsonBodies json) {
        this.reports = reports;
        this.idempotency = idempotency;
        this.authenticator = authenticator;
        this.json = json;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        String base = ApiVersion.BASE_PATH + "/reports";
        routes.post(base, ctx -> {
            Principal p = authenticator.require(ctx);
            byte[] raw = json.rawJson(ctx);
            ReportUpload upload = json.parse(raw, ReportUpload.class);
            IdempotencyStore.StoredResponse response = idempotency.run(p, ctx.header(IdempotencyStore.HEADER), "POST",
                    base, raw, h -> {
                        ReportRecord record = reports.upload(h, p, upload);
                        return new IdempotencyStore.StoredResponse(201, Map.of("ETag", Etags.of(record.version()),
                                "Location", base + "/" + record.id()), json.write(record), false);
                    });
            response.headers().forEach(ctx::header);
            if (response.replayed()) {
                ctx.header(IdempotencyStore.REPLAYED_HEADER, "true");
            }
            ctx.status(response.status()).contentType("application/json").result(response.body());
        });
        routes.get(base, ctx -> {
            Principal p = authenticator.require(ctx);
            ctx.json(reports.list(p, ReportQuery.from(ctx)));
        });
        routes.get(base + "/{id}", ctx -> {
            ReportRecord record = reports.get(authenticator.require(ctx), Ids.pathId(ctx, "id", "Report"));
            Etags.set(ctx, record.version());
            ctx.json(record);
        });
    }
}

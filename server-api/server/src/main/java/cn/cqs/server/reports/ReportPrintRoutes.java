package cn.cqs.server.reports;

import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.reports.ReportPrint;
import cn.cqs.contract.reports.ReportPrintRequest;
import cn.cqs.server.auth.Authenticator;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.http.Ids;
import cn.cqs.server.http.JsonBodies;
import cn.cqs.server.idempotency.IdempotencyStore;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;
import java.util.UUID;

/**
 * Routes of {@code /api/v1/reports/{id}/prints} (打印记录): {@code POST} records one print (with an
 * {@code Idempotency-Key}, so the client's outbox may send it again without a second record),
 * {@code GET} lists the report's prints. Scoped like the report ({@link ReportPrintService}).
 */
public final class ReportPrintRoutes {
    private final ReportPrintService prints;
    private final IdempotencyStore idempotency;
    private final Authenticator authenticator;
    private final JsonBodies json;

    public ReportPrintRoutes(ReportPrintService prints, IdempotencyStore idempotency, Authenticator authenticator,
                             JsonBodies json) {
        this.prints = prints;
        this.idempotency = idempotency;
        this.authenticator = authenticator;
        this.json = json;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        String template = ApiVersion.BASE_PATH + "/reports/{id}/prints";
        routes.post(template, ctx -> {
            Principal p = authenticator.require(ctx);
            UUID id = Ids.pathId(ctx, "id", "Report");
            byte[] raw = json.rawJson(ctx);
            ReportPrintRequest request = json.parse(raw, ReportPrintRequest.class);
            String path = ApiVersion.BASE_PATH + "/reports/" + id + "/prints";
            IdempotencyStore.StoredResponse response = idempotency.run(p, ctx.header(IdempotencyStore.HEADER), "POST",
                    path, raw, h -> {
                        ReportPrint print = prints.record(h, p, id, request);
                        return new IdempotencyStore.StoredResponse(201, Map.of("Location", path + "/" + print.id()),
                                json.write(print), false);
                    });
            response.headers().forEach(ctx::header);
            if (response.replayed()) {
                ctx.header(IdempotencyStore.REPLAYED_HEADER, "true");
            }
            ctx.status(response.status()).contentType("application/json").result(response.body());
        });
        routes.get(template, ctx -> {
            Principal p = authenticator.require(ctx);
            ctx.json(prints.list(p, Ids.pathId(ctx, "id", "Report")));
        });
    }
}

package cn.cqs.server.batches.evaluation;

import cn.cqs.contract.ApiVersion;
import cn.cqs.server.auth.Authenticator;
import cn.cqs.server.http.Ids;
import io.javalin.router.JavalinDefaultRoutingApi;

/** {@code GET /api/v1/projects/{projectId}/strength-evaluation}: 检验批强度评定 (GB/T 50107). */
public final class StrengthEvaluationRoutes {
    /** The route's path template. */
    public static final String PATH = ApiVersion.BASE_PATH + "/projects/{projectId}/strength-evaluation";
    private final StrengthEvaluationService service;
    private final Authenticator authenticator;

    public StrengthEvaluationRoutes(StrengthEvaluationService service, Authenticator authenticator) {
        this.service = service;
        this.authenticator = authenticator;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(PATH, ctx -> {
            var p = authenticator.require(ctx);
            var projectId = Ids.pathId(ctx, "projectId", "Project");
            ctx.json(service.evaluate(p, projectId, () -> LotQuery.from(ctx)));
        });
    }
}

package cn.cqs.server.verify;

import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.verify.VerificationEntry;
import cn.cqs.contract.verify.VerificationRecordRequest;
import cn.cqs.server.auth.Authenticator;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.http.JsonBodies;
import cn.cqs.server.idempotency.IdempotencyStore;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * Routes of {@code /api/v1/verifications}: a desk records a verification (201 with the entry the
 * server stored; a retry with the same {@code Idempotency-Key} returns the entry stored first) and lists the entries its caller may see.
 */
public final class VerificationLogRoutes {
    private final VerificationLogService log;
    private final Authenticator authenticator;
    private final JsonBodies json;

    public VerificationLogRoutes(VerificationLogService log, Authenticator authenticator, JsonBodies json) {
        this.log = log;
        this.authenticator = authenticator;
        this.json = json;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        String base = ApiVersion.BASE_PATH + "/verifications";
        routes.post(base, ctx -> {
            Principal p = authenticator.require(ctx);
            VerificationEntry entry = log.record(p, json.read(ctx, VerificationRecordRequest.class),
                    ctx.header(IdempotencyStore.HEADER));
            ctx.status(201).json(entry);
        });
        routes.get(base, ctx -> {
            Principal p = authenticator.require(ctx);
            ctx.json(log.list(p, VerificationQuery.from(ctx)));
        });
    }
}

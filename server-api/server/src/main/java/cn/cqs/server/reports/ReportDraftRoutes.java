package cn.cqs.server.reports;

import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.reports.ReportDraft;
import cn.cqs.contract.reports.ReportDraftRequest;
import cn.cqs.server.auth.Authenticator;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.http.Etags;
import cn.cqs.server.http.Ids;
import cn.cqs.server.http.JsonBodies;
import cn.cqs.server.idempotency.IdempotencyStore;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;
import java.util.UUID;

/**
 * Routes of {@code /api/v1/report-drafts}: create (with {@code Idempotency-Key}), list, read, edit,
 * review and approve a lab's report drafts. Every change sends the version read in
 * {@code If-Match}; every answer carries the draft's version as its {@code ETag}.
 */
public final class ReportDraftRoutes {
    private final ReportDraftService drafts;
    private final IdempotencyStore idempotency;
    private final Authenticator authenticator;
    private final JsonBodies json;

    public ReportDraftRoutes(ReportDraftService drafts, IdempotencyStore idempotency, Authenticator authenticator,
                             JsonBodies json) {
        this.drafts = drafts;
        this.idempotency = idempotency;
        this.authenticator = authenticator;
        this.json = json;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        String base = ApiVersion.BASE_PATH + "/report-drafts";
        routes.post(base, ctx -> {
            Principal p = authenticator.require(ctx);
            byte[] raw = json.rawJson(ctx);
            ReportDraftRequest request = json.parse(raw, ReportDraftRequest.class);
            IdempotencyStore.StoredResponse response = idempotency.run(p, ctx.header(IdempotencyStore.HEADER), "POST",
                    base, raw, h -> {
                        ReportDraft draft = drafts.create(h, p, request);
                        return new IdempotencyStore.StoredResponse(201, Map.of("ETag", Etags.of(draft.version()),
                                "Location", base + "/" + draft.id()), json.write(draft), false);
                    });
            response.headers().forEach(ctx::header);
            if (response.replayed()) {
                ctx.header(IdempotencyStore.REPLAYED_HEADER, "true");
            }
            ctx.status(response.status()).contentType("application/json").result(response.body());
        });
        routes.get(base, ctx -> ctx.json(drafts.list(authenticator.require(ctx))));
        routes.get(base + "/{id}", ctx -> answer(ctx, drafts.get(authenticator.require(ctx), id(ctx))));
        routes.put(base + "/{id}", ctx -> {
            Principal p = authenticator.require(ctx);
            UUID id = id(ctx);
            answer(ctx, drafts.update(p, id, () -> Etags.requireIfMatch(ctx), json.read(ctx, ReportDraftRequest.class)));
        });
        routes.post(base + "/{id}/review", ctx -> {
            Principal p = authenticator.require(ctx);
            UUID id = id(ctx);
            answer(ctx, drafts.review(p, id, () -> Etags.requireIfMatch(ctx)));
        });
        routes.post(base + "/{id}/approve", ctx -> {
            Principal p = authenticator.require(ctx);
            UUID id = id(ctx);
            answer(ctx, drafts.approve(p, id, () -> Etags.requireIfMatch(ctx)));
        });
    }

    private static UUID id(Context ctx) {
        return Ids.pathId(ctx, "id", "Report draft");
    }

    private static void answer(Context ctx, ReportDraft draft) {
        Etags.set(ctx, draft.version());
        ctx.json(draft);
    }
}

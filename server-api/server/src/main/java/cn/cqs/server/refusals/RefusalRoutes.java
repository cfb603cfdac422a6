package cn.cqs.server.refusals;

import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.refusals.Refusal;
import cn.cqs.contract.refusals.RefusalCloseRequest;
import cn.cqs.contract.refusals.RefusalRequest;
import cn.cqs.contract.refusals.RefusalTakeRequest;
import cn.cqs.server.auth.Authenticator;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.blobs.Blob;
import cn.cqs.server.http.Etags;
import cn.cqs.server.http.Ids;
import cn.cqs.server.http.JsonBodies;
import cn.cqs.server.idempotency.IdempotencyStore;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;
import java.util.UUID;

/**
 * Routes of {@code /api/v1/refusals} (拒收举报). Filing accepts an {@code Idempotency-Key} and a
 * body of up to {@link #MAX_FILE_BODY_BYTES} (the scan image travels as Base64); take and close
 * read the body first (400/422), then find the report (404), check the caller (403) and only then
 * ask for {@code If-Match} (428/412). Every answer about one report carries its version as ETag.
 */
public final class RefusalRoutes {
    /** Largest filing body: the image ({@link RefusalRequest#MAX_IMAGE_BYTES}) as Base64 plus the fields. */
    public static final long MAX_FILE_BODY_BYTES = (RefusalRequest.MAX_IMAGE_BYTES + 2L) / 3 * 4 + 64 * 1024;
    private final RefusalService refusals;
    private final IdempotencyStore idempotency;
    private final Authenticator authenticator;
    private final JsonBodies json;

    public RefusalRoutes(RefusalService refusals, IdempotencyStore idempotency, Authenticator authenticator,
                         JsonBodies json) {
        this.refusals = refusals;
        this.idempotency = idempotency;
        this.authenticator = authenticator;
        this.json = json;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        String base = ApiVersion.BASE_PATH + "/refusals";
        routes.post(base, ctx -> {
            Principal p = authenticator.require(ctx);
            byte[] raw = json.rawJson(ctx, Math.max(MAX_FILE_BODY_BYTES, json.maxBytes()));
            RefusalRequest request = json.parse(raw, RefusalRequest.class);
            IdempotencyStore.StoredResponse response = idempotency.run(p, ctx.header(IdempotencyStore.HEADER), "POST",
                    base, raw, h -> {
                        Refusal refusal = refusals.file(h, p, request);
                        return new IdempotencyStore.StoredResponse(201, Map.of("ETag", Etags.of(refusal.version()),
                                "Location", base + "/" + refusal.id()), json.write(refusal), false);
                    });
            response.headers().forEach(ctx::header);
            if (response.replayed()) {
                ctx.header(IdempotencyStore.REPLAYED_HEADER, "true");
            }
            ctx.status(response.status()).contentType("application/json").result(response.body());
        });
        routes.get(base, ctx -> ctx.json(refusals.list(authenticator.require(ctx), RefusalQuery.from(ctx))));
        routes.get(base + "/{id}", ctx -> answer(ctx, refusals.get(authenticator.require(ctx), id(ctx))));
        routes.get(base + "/{id}/image", ctx -> {
            Blob image = refusals.image(authenticator.require(ctx), id(ctx));
            ctx.header("ETag", "\"" + image.key() + "\"");
            ctx.header("Cache-Control", "private, no-cache");
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.contentType(image.mediaType()).result(image.content());
        });
        routes.post(base + "/{id}/take", ctx -> {
            Principal p = authenticator.require(ctx);
            UUID id = id(ctx);
            RefusalTakeRequest request = json.read(ctx, RefusalTakeRequest.class);
            answer(ctx, refusals.take(p, id, request, () -> Etags.requireIfMatch(ctx)));
        });
        routes.post(base + "/{id}/close", ctx -> {
            Principal p = authenticator.require(ctx);
            UUID id = id(ctx);
            RefusalCloseRequest request = json.read(ctx, RefusalCloseRequest.class);
            answer(ctx, refusals.close(p, id, request, () -> Etags.requireIfMatch(ctx)));
        });
    }

    private static UUID id(Context ctx) {
        return Ids.pathId(ctx, "id", "Refusal report");
    }

    private static void answer(Context ctx, Refusal refusal) {
        Etags.set(ctx, refusal.version());
        ctx.json(refusal);
    }
}

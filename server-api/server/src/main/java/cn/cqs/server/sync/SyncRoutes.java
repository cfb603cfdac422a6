package cn.cqs.server.sync;

import cn.cqs.contract.sync.SyncApi;
import cn.cqs.server.auth.Authenticator;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.http.ApiException;
import io.javalin.router.JavalinDefaultRoutingApi;

/** {@code GET /api/v1/sync/changes?since=&limit=}: see {@link SyncService} and {@link SyncApi}. */
public final class SyncRoutes {
    private final SyncService sync;
    private final Authenticator authenticator;

    public SyncRoutes(SyncService sync, Authenticator authenticator) {
        this.sync = sync;
        this.authenticator = authenticator;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(SyncApi.CHANGES_PATH, ctx -> {
            Principal p = authenticator.require(ctx);
            long since = ChangeCursor.parse(ctx.queryParam(SyncApi.PARAM_SINCE));
            int limit = limit(ctx.queryParam(SyncApi.PARAM_LIMIT));
            ctx.json(sync.changes(p, since, limit));
        });
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return SyncApi.DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.validation(SyncApi.PARAM_LIMIT, "not_a_number",
                    "limit must be a whole number, was '" + value + "'");
        }
        if (limit < 1 || limit > SyncApi.MAX_LIMIT) {
            throw ApiException.validation(SyncApi.PARAM_LIMIT, "range", "limit must be between 1 and " + SyncApi.MAX_LIMIT);
        }
        return limit;
    }
}

package cn.cqs.server.auth;

import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.auth.CreateApiKeyRequest;
import cn.cqs.contract.auth.LoginRequest;
import cn.cqs.server.http.ApiException;
import cn.cqs.server.http.Ids;
import cn.cqs.server.http.JsonBodies;
import io.javalin.router.JavalinDefaultRoutingApi;

/** Routes of {@code /api/v1/auth}: login, current user, logout, API keys. */
public final class AuthRoutes {
    private final AuthService auth;
    private final ApiKeyService apiKeys;
    private final Authenticator authenticator;
    private final JsonBodies json;

    public AuthRoutes(AuthService auth, ApiKeyService apiKeys, Authenticator authenticator, JsonBodies json) {
        this.auth = auth;
        this.apiKeys = apiKeys;
        this.authenticator = authenticator;
        this.json = json;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        String base = ApiVersion.BASE_PATH + "/auth";
        routes.post(base + "/login", ctx -> ctx.json(auth.login(json.read(ctx, LoginRequest.class))));
        routes.get(base + "/me", ctx -> {
            Principal p = authenticator.require(ctx);
            if (p.userId() == null) {
                throw ApiException.notFound("A user behind this API key");
            }
            ctx.json(auth.currentUser(p.userId()).orElseThrow(() -> ApiException.notFound("User")));
        });
        routes.post(base + "/logout", ctx -> {
            authenticator.require(ctx);
            String token = authenticator.bearerToken(ctx);
            if (token == null) {
                throw ApiException.forbidden("Only a login token can be logged out; revoke an API key instead");
            }
            auth.logout(token);
            ctx.status(204);
        });
        routes.get(base + "/api-keys", ctx -> ctx.json(apiKeys.list(authenticator.require(ctx))));
        routes.post(base + "/api-keys", ctx -> {
            Principal p = authenticator.require(ctx);
            p.requireAdministrator();
            ctx.status(201).json(apiKeys.create(p, json.read(ctx, CreateApiKeyRequest.class)));
        });
        routes.delete(base + "/api-keys/{id}", ctx -> {
            Principal p = authenticator.require(ctx);
            apiKeys.revoke(p, Ids.pathId(ctx, "id", "API key"));
            ctx.status(204);
        });
    }
}

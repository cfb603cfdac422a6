package cn.cqs.server.orgs;

import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.orgs.CreateOrganisationRequest;
import cn.cqs.contract.orgs.CreateUserRequest;
import cn.cqs.contract.orgs.UpdateUserRequest;
import cn.cqs.contract.orgs.User;
import cn.cqs.server.auth.Authenticator;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.http.Etags;
import cn.cqs.server.http.Ids;
import cn.cqs.server.http.JsonBodies;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.UUID;

/** Routes for regions, organisations and users. */
public final class OrganisationRoutes {
    private final Regions regions;
    private final OrganisationService organisations;
    private final UserService users;
    private final Authenticator authenticator;
    private final JsonBodies json;

    public OrganisationRoutes(Regions regions, OrganisationService organisations, UserService users,
                              Authenticator authenticator, JsonBodies json) {
        this.regions = regions;
        this.organisations = organisations;
        this.users = users;
        this.authenticator = authenticator;
        this.json = json;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        String base = ApiVersion.BASE_PATH;
        routes.get(base + "/regions", ctx -> {
            authenticator.require(ctx);
            ctx.json(regions.all());
        });
        routes.get(base + "/organisations", ctx -> ctx.json(organisations.visible(authenticator.require(ctx))));
        routes.post(base + "/organisations", ctx -> {
            Principal p = authenticator.require(ctx);
            var created = organisations.create(p, json.read(ctx, CreateOrganisationRequest.class));
            Etags.set(ctx, created.organisation().version());
            ctx.status(201).json(created);
        });
        routes.get(base + "/organisations/{id}", ctx -> {
            Principal p = authenticator.require(ctx);
            var org = organisations.get(p, Ids.pathId(ctx, "id", "Organisation"));
            Etags.set(ctx, org.version());
            ctx.json(org);
        });
        routes.get(base + "/organisations/{id}/users", ctx -> {
            Principal p = authenticator.require(ctx);
            ctx.json(users.list(p, Ids.pathId(ctx, "id", "Organisation")));
        });
        routes.post(base + "/organisations/{id}/users", ctx -> {
            Principal p = authenticator.require(ctx);
            UUID org = Ids.pathId(ctx, "id", "Organisation");
            User user = users.create(p, org, json.read(ctx, CreateUserRequest.class));
            Etags.set(ctx, user.version());
            ctx.status(201).json(user);
        });
        routes.get(base + "/users/{id}", ctx -> {
            Principal p = authenticator.require(ctx);
            User user = users.get(p, Ids.pathId(ctx, "id", "User"));
            Etags.set(ctx, user.version());
            ctx.json(user);
        });
        routes.put(base + "/users/{id}", ctx -> {
            Principal p = authenticator.require(ctx);
            UUID id = Ids.pathId(ctx, "id", "User");
            users.get(p, id);
            long version = Etags.requireIfMatch(ctx);
            User user = users.update(p, id, version, json.read(ctx, UpdateUserRequest.class));
            Etags.set(ctx, user.version());
            ctx.json(user);
        });
    }
}

package cn.cqs.server.projects;

import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.projects.Project;
import cn.cqs.contract.projects.ProjectLinkRequest;
import cn.cqs.contract.projects.ProjectRequest;
import cn.cqs.server.auth.Authenticator;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.http.Etags;
import cn.cqs.server.http.Ids;
import cn.cqs.server.http.JsonBodies;
import cn.cqs.server.idempotency.IdempotencyStore;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;
import java.util.UUID;

/** Routes of {@code /api/v1/projects}. POST accepts an {@code Idempotency-Key}. */
public final class ProjectRoutes {
    private final ProjectService projects;
    private final IdempotencyStore idempotency;
    private final Authenticator authenticator;
    private final JsonBodies json;

    public ProjectRoutes(ProjectService projects, IdempotencyStore idempotency, Authenticator authenticator,
                         JsonBodies json) {
        this.projects = projects;
        this.idempotency = idempotency;
        this.authenticator = authenticator;
        this.json = json;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        String base = ApiVersion.BASE_PATH + "/projects";
        routes.get(base, ctx -> ctx.json(projects.list(authenticator.require(ctx))));
        routes.post(base, ctx -> {
            Principal p = authenticator.require(ctx);
            byte[] raw = json.rawJson(ctx);
            ProjectRequest request = json.parse(raw, ProjectRequest.class);
            IdempotencyStore.StoredResponse response = idempotency.run(p, ctx.header(IdempotencyStore.HEADER), "POST",
                    base, raw, h -> {
                        Project project = projects.create(h, p, request);
                        return new IdempotencyStore.StoredResponse(201, Map.of("ETag", Etags.of(project.version()),
                                "Location", base + "/" + project.id()), json.write(project), false);
                    });
            response.headers().forEach(ctx::header);
            if (response.replayed()) {
                ctx.header(IdempotencyStore.REPLAYED_HEADER, "true");
            }
            ctx.status(response.status()).contentType("application/json").result(response.body());
        });
        routes.get(base + "/{id}", ctx -> {
            Project project = projects.get(authenticator.require(ctx), Ids.pathId(ctx, "id", "Project"));
            Etags.set(ctx, project.version());
            ctx.json(project);
        });
        routes.put(base + "/{id}", ctx -> {
            Principal p = authenticator.require(ctx);
            UUID id = Ids.pathId(ctx, "id", "Project");
            projects.get(p, id);
            long version = Etags.requireIfMatch(ctx);
            Project project = projects.update(p, id, version, json.read(ctx, ProjectRequest.class));
            Etags.set(ctx, project.version());
            ctx.json(project);
        });
        routes.post(base + "/{id}/organisations", ctx -> {
            Principal p = authenticator.require(ctx);
            UUID id = Ids.pathId(ctx, "id", "Project");
            projects.get(p, id);
            ctx.json(projects.link(p, id, json.read(ctx, ProjectLinkRequest.class)));
        });
    }
}

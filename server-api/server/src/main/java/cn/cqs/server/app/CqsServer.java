package cn.cqs.server.app;

import cn.cqs.contract.json.Json;
import cn.cqs.server.audit.AuditLog;
import cn.cqs.server.audit.AuditRoutes;
import cn.cqs.server.auth.ApiKeyService;
import cn.cqs.server.auth.AuthRoutes;
import cn.cqs.server.auth.AuthService;
import cn.cqs.server.auth.Authenticator;
import cn.cqs.server.auth.DatabaseIdentityResolver;
import cn.cqs.server.auth.LoginThrottle;
import cn.cqs.server.auth.PasswordHasher;
import cn.cqs.server.db.Database;
import cn.cqs.server.demo.DemoSeed;
import cn.cqs.server.http.ClientVersionCheck;
import cn.cqs.server.http.JsonBodies;
import cn.cqs.server.http.ProblemHandler;
import cn.cqs.server.idempotency.IdempotencyStore;
import cn.cqs.server.orgs.OrganisationRoutes;
import cn.cqs.server.orgs.OrganisationService;
import cn.cqs.server.orgs.Regions;
import cn.cqs.server.orgs.UserService;
import cn.cqs.server.projects.ProjectRoutes;
import cn.cqs.server.projects.ProjectService;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.router.ParsedEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST server: Javalin on Jetty over one PostgreSQL. Stateless apart from the database, so
 * several instances can share one database behind a load balancer.
 */
public final class CqsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CqsServer.class);
    /** Where the hand-written OpenAPI document lives in the contract module. */
    public static final String OPENAPI_RESOURCE = "/cn/cqs/contract/openapi.json";
    private final Javalin javalin;
    private final Database database;
    private final String host;

    private CqsServer(Javalin javalin, Database database, String host) {
        this.javalin = javalin;
        this.database = database;
        this.host = host;
    }

    public static CqsServer start(ServerConfig config) {
        Database database = Database.open(config.jdbcUrl(), config.dbUser(), config.dbPassword(), config.dataDir());
        try {
            return start(config, database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static CqsServer start(ServerConfig config, Database database) {
        Clock clock = Clock.systemUTC();
        ObjectMapper mapper = Json.newMapper();
        Jdbi jdbi = database.jdbi();
        JsonBodies json = new JsonBodies(mapper, config.maxJsonBodyBytes());
        PasswordHasher hasher = new PasswordHasher();
        AuditLog audit = new AuditLog(mapper);
        AuthService auth = new AuthService(jdbi, hasher, new LoginThrottle(jdbi, clock), clock, config.tokenLifetime());
        ApiKeyService apiKeys = new ApiKeyService(jdbi, audit, clock);
        Authenticator authenticator = new Authenticator(new DatabaseIdentityResolver(auth, apiKeys));
        Regions regions = new Regions(jdbi);
        OrganisationService organisations = new OrganisationService(jdbi, regions, audit, clock);
        UserService users = new UserService(jdbi, organisations, hasher, audit, clock);
        ProjectService projects = new ProjectService(jdbi, regions, organisations, audit, clock);
        IdempotencyStore idempotency = new IdempotencyStore(jdbi, mapper, clock);
        if (config.demo()) {
            new DemoSeed(jdbi, hasher, clock).seedIfEmpty();
        }
        byte[] openApi = openApiDocument();

        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jsonMapper(new JavalinJackson(mapper, false));
            cfg.http.maxRequestSize = config.maxJsonBodyBytes();
            cfg.http.prefer405over404 = true;
            cfg.router.ignoreTrailingSlashes = true;
            cfg.jetty.host = config.bindHost();
            cfg.jetty.port = config.port();
            new ProblemHandler(json).install(cfg);
            cfg.routes.before(ClientVersionCheck::check);
            cfg.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            new AuthRoutes(auth, apiKeys, authenticator, json).register(cfg.routes);
            new OrganisationRoutes(regions, organisations, users, authenticator, json).register(cfg.routes);
            new ProjectRoutes(projects, idempotency, authenticator, json).register(cfg.routes);
            new AuditRoutes(audit, jdbi, authenticator).register(cfg.routes);
        });
        app.start();
        CqsServer server = new CqsServer(app, database, config.bindHost());
        LOG.info("CQS server listening on {}", server.baseUrl());
        return server;
    }

    static byte[] openApiDocument() {
        try (InputStream in = CqsServer.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("OpenAPI document " + OPENAPI_RESOURCE + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the OpenAPI document", e);
        }
    }

    public int port() {
        return javalin.port();
    }

    /** e.g. {@code http://127.0.0.1:41234}, without a trailing slash. */
    public String baseUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        if (h.equals("0.0.0.0")) {
            h = "127.0.0.1";
        }
        return "http://" + h + ":" + port();
    }

    /** The (method, path) of every HTTP endpoint registered, for the OpenAPI parity test. */
    public List<String> registeredRoutes() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map((ParsedEndpoint e) -> e.endpoint.method.name() + " " + e.endpoint.path)
                .sorted().toList();
    }

    /** The server's database, for tests and administration tools in this module. */
    public Jdbi jdbi() {
        return database.jdbi();
    }

    @Override
    public void close() {
        try {
            javalin.stop();
        } finally {
            database.close();
        }
    }
}

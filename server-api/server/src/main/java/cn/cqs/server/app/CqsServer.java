package cn.cqs.server.app;

import cn.cqs.contract.orgs.Permission;
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
import cn.cqs.server.http.ClientAddresses;
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
import cn.cqs.server.demo.DemoPki;
import cn.cqs.server.demo.DemoReadyMix;
import cn.cqs.server.batches.BatchRoutes;
import cn.cqs.server.batches.BatchService;
import cn.cqs.server.batches.BatchStore;
import cn.cqs.server.batches.MaterialLotService;
import cn.cqs.server.batches.MixDesignService;
import cn.cqs.server.pki.PlatformSigner;
import cn.cqs.server.pki.DatabaseTrustRegistry;
import cn.cqs.server.pki.PkiRoutes;
import cn.cqs.server.pki.PkiService;
import cn.cqs.server.pki.PlatformTrust;
import cn.cqs.server.reports.ReportDraftRoutes;
import cn.cqs.server.reports.ReportDraftService;
import cn.cqs.server.reports.ReportDraftStore;
import cn.cqs.server.reports.ReportPrintRoutes;
import cn.cqs.server.reports.ReportPrintService;
import cn.cqs.server.reports.ReportRoutes;
import cn.cqs.server.reports.ReportService;
import cn.cqs.server.reports.ReportStore;
import cn.cqs.server.supervision.ReportStatisticsService;
import cn.cqs.server.supervision.SupervisionRoutes;
import cn.cqs.server.reports.pdf.ReportPdfs;
import cn.cqs.server.reports.pdf.SignedPdfValidator;
import cn.cqs.server.blobs.DatabaseBlobStore;
import cn.cqs.server.sync.SyncRoutes;
import cn.cqs.server.sync.SyncService;
import cn.cqs.server.verify.VerifyRateLimiter;
import cn.cqs.server.verify.VerifyRoutes;
import cn.cqs.server.verify.VerifyService;
import cn.cqs.server.verify.VerificationLogRoutes;
import cn.cqs.server.verify.VerificationLogService;
import cn.cqs.server.refusals.RefusalRoutes;
import cn.cqs.server.refusals.RefusalService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
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
    private final Path demoCredentials;
    private final boolean temporaryDemoCredentials;
    private final String configuredPublicBaseUrl;

    private CqsServer(Javalin javalin, Database database, String host, Path demoCredentials,
                      boolean temporaryDemoCredentials, String configuredPublicBaseUrl) {
        this.javalin = javalin;
        this.database = database;
        this.host = host;
        this.demoCredentials = demoCredentials;
        this.temporaryDemoCredentials = temporaryDemoCredentials;
        this.configuredPublicBaseUrl = configuredPublicBaseUrl;
    }

    public static CqsServer start(ServerConfig config) {
        return start(config, Clock.systemUTC());
    }

    /**
     * Starts with {@code clock} as the server's clock (every time the server records or judges by:
     * receipt times, deadlines, tokens); tests move it to check time rules.
     */
    public static CqsServer start(ServerConfig config, Clock clock) {
        // the data directory holds the embedded database in postgres/ and, in demo mode, demo-pki/
        Path embeddedData = config.dataDir() == null ? null : config.dataDir().resolve("postgres");
        Database database = Database.open(config.jdbcUrl(), config.dbUser(), config.dbPassword(), embeddedData);
        try {
            return start(config, database, clock);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static CqsServer start(ServerConfig config, Database database, Clock clock) {
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
        List<X509Certificate> trustedCas = new ArrayList<>();
        if (config.caCertificateFile() != null) {
            trustedCas.addAll(PlatformTrust.readPemFile(config.caCertificateFile()));
        }
        Path demoCredentials = null;
        boolean temporaryDemo = false;
        DemoPki demoPki = null;
        cn.cqs.contract.pki.CertificateAuthority demoCa = null;
        if (config.demo()) {
            new DemoSeed(jdbi, hasher, clock).seedIfEmpty();
            try {
                if (config.dataDir() != null) {
                    demoCredentials = config.dataDir().resolve("demo-pki");
                } else {
                    demoCredentials = Files.createTempDirectory("cqs-demo-pki");
                    temporaryDemo = true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a directory for the demo PKI", e);
            }
            demoPki = new DemoPki(demoCredentials, jdbi, clock);
            demoCa = demoPki.ensure();
            trustedCas.add(demoCa.certificate());
        }
        if (trustedCas.isEmpty()) {
            LOG.warn("No platform CA configured (CQS_CA_CERT): no QR token or organisation certificate will verify");
        }
        PlatformTrust platform = new PlatformTrust(trustedCas);
        DatabaseTrustRegistry trust = new DatabaseTrustRegistry(jdbi, platform, clock);
        PlatformSigner platformSigner;
        if (config.platformKeyFile() != null) {
            platformSigner = PlatformSigner.of(PlatformSigner.load(config.platformKeyFile(),
                    config.platformKeyPassword().toCharArray(), config.platformUscc()), jdbi, trust, clock);
        } else if (demoPki != null) {
            platformSigner = PlatformSigner.of(demoPki.platformCredential(demoCa, config.platformUscc()), jdbi, trust,
                    clock);
        } else {
            LOG.warn("No platform signing key configured (CQS_PLATFORM_KEY): batch registration answers 503");
            platformSigner = PlatformSigner.none();
        }
        PkiService pki = new PkiService(jdbi, platform, trust, organisations, regions, audit, clock,
                platformSigner.identity().map(cn.cqs.contract.pki.OrganisationIdentity::uscc).orElse(null));
        ReportStore reportStore = new ReportStore(mapper);
        DatabaseBlobStore blobs = new DatabaseBlobStore(jdbi, clock);
        ReportPdfs reportPdfs = new ReportPdfs(new SignedPdfValidator(trust), blobs);
        ReportDraftService reportDrafts = new ReportDraftService(jdbi, new ReportDraftStore(mapper), audit, clock, mapper);
        ReportService reports = new ReportService(jdbi, reportStore, projects, organisations, trust, audit, clock,
                reportPdfs, reportDrafts);
        AtomicReference<String> publicBaseUrl = new AtomicReference<>(config.publicBaseUrl());
        BatchStore batchStore = new BatchStore(publicBaseUrl::get);
        VerifyService verify = new VerifyService(trust, reports,
                new cn.cqs.server.batches.BatchVerification(jdbi, batchStore, platformSigner, clock));
        VerificationLogService verificationLog = new VerificationLogService(jdbi, verify, clock);
        RefusalService refusals = new RefusalService(jdbi, verify, blobs, audit, clock);
        SyncService sync = new SyncService(jdbi, reportStore, mapper, new cn.cqs.server.batches.BatchFeed(batchStore), clock);
        cn.cqs.server.batches.ReportTokenVerifier reportTokens = scanned -> {
            VerifyService.Assessment a = verify.assessScanned(scanned);
            return new cn.cqs.server.batches.ReportTokenVerifier.Verdict(a.response(), a.record());
        };
        MaterialLotService materialLots = new MaterialLotService(jdbi, audit, clock, reportTokens);
        MixDesignService mixDesigns = new MixDesignService(jdbi, audit, clock, reportTokens);
        BatchService batches = new BatchService(jdbi, batchStore, projects, platformSigner, audit, clock);
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
            new PkiRoutes(pki, authenticator, json, publicBaseUrl::get).register(cfg.routes);
            new ReportRoutes(reports, idempotency, authenticator, json).register(cfg.routes);
            new cn.cqs.server.reports.ReportByNumberRoutes(jdbi, reportStore, authenticator).register(cfg.routes);
            new ReportDraftRoutes(reportDrafts, idempotency, authenticator, json).register(cfg.routes);
            new ReportPrintRoutes(new ReportPrintService(jdbi, audit, clock), idempotency, authenticator, json)
                    .register(cfg.routes);
            new VerifyRoutes(verify, new VerifyRateLimiter(config.verifyRateLimits(),
                    new ClientAddresses(config.trustedProxies()),
                    ctx -> authenticator.identify(ctx).filter(p -> p.has(Permission.VERIFY)).isPresent()))
                    .register(cfg.routes);
            new VerificationLogRoutes(verificationLog, authenticator, json).register(cfg.routes);
            new RefusalRoutes(refusals, idempotency, authenticator, json).register(cfg.routes);
            new SyncRoutes(sync, authenticator).register(cfg.routes);
            new BatchRoutes(materialLots, mixDesigns, batches, authenticator, json).register(cfg.routes);
            new SupervisionRoutes(new ReportStatisticsService(jdbi), authenticator, clock).register(cfg.routes);
            // ready-mix dosing checks, trace, strength evaluation and the regulators' plant figures (issue 5)
            new cn.cqs.server.batches.dosing.DosingRoutes(new cn.cqs.server.batches.dosing.DosingService(jdbi, mapper,
                    audit, clock), authenticator, json).register(cfg.routes);
            new cn.cqs.server.batches.trace.TraceRoutes(new cn.cqs.server.batches.trace.TraceService(jdbi, audit, clock),
                    authenticator).register(cfg.routes);
            new cn.cqs.server.batches.supervision.PlantDosingRoutes(
                    new cn.cqs.server.batches.supervision.PlantDosingService(jdbi, batchStore, clock), authenticator, clock)
                    .register(cfg.routes);
            new cn.cqs.server.batches.evaluation.StrengthEvaluationRoutes(
                    new cn.cqs.server.batches.evaluation.StrengthEvaluationService(jdbi), authenticator).register(cfg.routes);
        });
        app.start();
        CqsServer server = new CqsServer(app, database, config.bindHost(), demoCredentials, temporaryDemo,
                config.publicBaseUrl());
        publicBaseUrl.set(server.publicBaseUrl());
        if (config.demo()) {
            // after start-up: the batches' QR texts need the server's public URL
            new DemoReadyMix(jdbi, batchStore, projects, platformSigner, audit, clock, reportTokens).seedIfEmpty();
        }
        LOG.info("CQS server listening on {}", server.baseUrl());
        LOG.info("Public verification limits per client address: {} (CQS_VERIFY_RATE, CQS_VERIFY_PDF_RATE); "
                + "trusted proxies: {} (CQS_TRUSTED_PROXIES)", config.verifyRateLimits().describe(),
                config.trustedProxies().describe());
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

    /**
     * The base URL of QR verification links ({@code <base>/v/<token>}): {@code CQS_PUBLIC_URL} when
     * configured, else this server's own URL.
     */
    public String publicBaseUrl() {
        String configured = configuredPublicBaseUrl;
        if (configured == null || configured.isBlank()) {
            return baseUrl();
        }
        return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    /**
     * In demo mode, the directory holding the demo PKI: {@code platform-ca.p12}, {@code platform-ca.pem}
     * and one {@code <USCC>.p12} per demo enterprise (key + chain, password
     * {@link cn.cqs.server.demo.DemoAccounts#PASSWORD}), for the client to import. It is
     * {@code <dataDir>/demo-pki} (a temporary directory, removed on close, when there is no data
     * directory). Empty when the server is not in demo mode.
     */
    public Optional<Path> demoCredentialsDirectory() {
        return Optional.ofNullable(demoCredentials);
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
            try {
                database.close();
            } finally {
                if (temporaryDemoCredentials) {
                    deleteTree(demoCredentials);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove the temporary demo PKI directory {}", root, e);
        }
    }
}

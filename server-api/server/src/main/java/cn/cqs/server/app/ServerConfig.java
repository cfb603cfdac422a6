package cn.cqs.server.app;

import cn.cqs.server.http.RateBudget;
import cn.cqs.server.http.TrustedProxies;
import cn.cqs.server.verify.VerifyRateLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Everything the server needs to start. Build one with {@link #fromEnvironment()} (deployment),
 * {@link #forTests()} or the {@code with...} methods.
 *
 * @param port               TCP port; 0 picks a free one
 * @param bindHost           interface to listen on (default {@code 127.0.0.1})
 * @param jdbcUrl            PostgreSQL JDBC URL; null starts an embedded PostgreSQL in {@code <dataDir>/postgres}
 * @param dbUser             database user (ignored for the embedded database)
 * @param dbPassword         database password (ignored for the embedded database)
 * @param dataDir            the server's data directory: the embedded PostgreSQL in {@code postgres/}, the demo PKI in {@code demo-pki/}; null = fresh temporary ones
 * @param demo               seed demo organisations, users and projects into an empty database
 * @param tokenLifetime      how long a login token is valid
 * @param maxJsonBodyBytes   largest JSON request body accepted (413 above it)
 * @param publicBaseUrl      base URL printed in QR verification links; null = the server's own URL
 * @param caCertificateFile  PEM file with the platform CA certificate(s) the server trusts for
 *                           organisation certificates and QR tokens ({@code CQS_CA_CERT}); required
 *                           for a real deployment. In demo mode the demo CA (kept in
 *                           {@code <dataDir>/demo-pki/}) is trusted as well; null = the demo CA only
 * @param platformKeyFile    PKCS#12 file with the platform's own signing key and certificate (issued by
 *                           the platform CA), which signs what the platform assigns, such as batch
 *                           serial numbers' QR tokens ({@code CQS_PLATFORM_KEY}); null in demo mode
 *                           generates one next to the demo CA; null otherwise leaves batch registration
 *                           unavailable (503)
 * @param platformKeyPassword the password of {@code platformKeyFile} ({@code CQS_PLATFORM_KEY_PASSWORD})
 * @param platformUscc       the platform's own unified social credit code, for the demo signing
 *                           certificate ({@code CQS_PLATFORM_USCC}, default {@value #DEFAULT_PLATFORM_USCC});
 *                           with {@code CQS_PLATFORM_KEY} it must match the certificate's
 */
public record ServerConfig(int port, String bindHost, String jdbcUrl, String dbUser, String dbPassword,
                           Path dataDir, boolean demo, Duration tokenLifetime, long maxJsonBodyBytes,
                           String publicBaseUrl, Path caCertificateFile, Path platformKeyFile,
                           String platformKeyPassword, String platformUscc, VerifyRateLimits verifyRateLimits,
                           TrustedProxies trustedProxies) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(8);
    public static final long DEFAULT_MAX_JSON_BODY = 2L * 1024 * 1024;
    /** The demo platform's unified social credit code (a well-formed code with a valid check digit). */
    public static final String DEFAULT_PLATFORM_USCC = "113500000035000191";

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("tokenLifetime must be positive, was " + tokenLifetime);
        }
        if (platformUscc == null || platformUscc.isBlank()) {
            platformUscc = DEFAULT_PLATFORM_USCC;
        }
        cn.cqs.contract.orgs.Uscc.Check uscc = cn.cqs.contract.orgs.Uscc.check(platformUscc);
        if (!uscc.acceptable()) {
            throw new IllegalArgumentException("CQS_PLATFORM_USCC: " + uscc.message());
        }
        platformUscc = uscc.code();
        if (platformKeyFile != null && platformKeyPassword == null) {
            throw new IllegalArgumentException("CQS_PLATFORM_KEY is set but CQS_PLATFORM_KEY_PASSWORD is not");
        }
        if (verifyRateLimits == null) {
            verifyRateLimits = VerifyRateLimits.DEFAULTS;
        }
        if (trustedProxies == null) {
            trustedProxies = TrustedProxies.none();
        }
        if (maxJsonBodyBytes < 1024) {
            throw new IllegalArgumentException("maxJsonBodyBytes must be at least 1024, was " + maxJsonBodyBytes);
        }
    }

    /**
     * Random port, embedded database in a temporary directory, demo data on, no trusted proxy, and the
     * verification routes limited {@link VerifyRateLimits#GENEROUS generously}: every test request
     * passes through the limiter, but no test suite (nor benchmark) calling them from its one loopback
     * address reaches the limit. Tests of the limits set their own with {@link #withVerifyRateLimits}.
     */
    public static ServerConfig forTests() {
        return new ServerConfig(0, DEFAULT_BIND, null, null, null, null, true, DEFAULT_TOKEN_LIFETIME,
                DEFAULT_MAX_JSON_BODY, null, null, null, null, null, VerifyRateLimits.GENEROUS, TrustedProxies.none());
    }

    /**
     * Reads {@code CQS_PORT}, {@code CQS_BIND}, {@code CQS_DB_URL}, {@code CQS_DB_USER},
     * {@code CQS_DB_PASSWORD}, {@code CQS_DEMO}, {@code CQS_PUBLIC_URL}, {@code CQS_DATA_DIR},
     * {@code CQS_TOKEN_HOURS}, {@code CQS_CA_CERT} (path of the platform CA certificate PEM file),
     * {@code CQS_PLATFORM_KEY}, {@code CQS_PLATFORM_KEY_PASSWORD}, {@code CQS_PLATFORM_USCC},
     * {@code CQS_VERIFY_RATE} and {@code CQS_VERIFY_PDF_RATE} ({@code BURST,INTERVAL} such as {@code 60,1s},
     * or {@code off}; see {@link RateBudget}) and {@code CQS_TRUSTED_PROXIES} (comma-separated addresses
     * or CIDR ranges) from system properties (same names) or else environment variables.
     */
    public static ServerConfig fromEnvironment() {
        return fromSource(name -> {
            String v = System.getProperty(name);
            return v != null ? v : System.getenv(name);
        });
    }

    static ServerConfig fromSource(Function<String, String> source) {
        Function<String, String> get = name -> {
            String v = source.apply(name);
            return v == null || v.isBlank() ? null : v.trim();
        };
        int port = parseInt("CQS_PORT", get.apply("CQS_PORT"), DEFAULT_PORT);
        String bind = Objects.requireNonNullElse(get.apply("CQS_BIND"), DEFAULT_BIND);
        String dataDir = get.apply("CQS_DATA_DIR");
        Path data = dataDir != null ? Path.of(dataDir)
                : Path.of(System.getProperty("user.home"), ".cqs-server", "pgdata");
        String demo = get.apply("CQS_DEMO");
        boolean demoOn = demo != null && parseBoolean("CQS_DEMO", demo);
        String caCert = get.apply("CQS_CA_CERT");
        String platformKey = get.apply("CQS_PLATFORM_KEY");
        int hours = parseInt("CQS_TOKEN_HOURS", get.apply("CQS_TOKEN_HOURS"), (int) DEFAULT_TOKEN_LIFETIME.toHours());
        return new ServerConfig(port, bind, get.apply("CQS_DB_URL"), get.apply("CQS_DB_USER"),
                get.apply("CQS_DB_PASSWORD"), data, demoOn, Duration.ofHours(hours), DEFAULT_MAX_JSON_BODY,
                get.apply("CQS_PUBLIC_URL"), caCert == null ? null : Path.of(caCert),
                platformKey == null ? null : Path.of(platformKey), get.apply("CQS_PLATFORM_KEY_PASSWORD"),
                get.apply("CQS_PLATFORM_USCC"), verifyRateLimits(get),
                TrustedProxies.parse("CQS_TRUSTED_PROXIES", get.apply("CQS_TRUSTED_PROXIES")));
    }

    private static VerifyRateLimits verifyRateLimits(Function<String, String> get) {
        String verdicts = get.apply("CQS_VERIFY_RATE");
        String pdfs = get.apply("CQS_VERIFY_PDF_RATE");
        return new VerifyRateLimits(
                verdicts == null ? VerifyRateLimits.DEFAULTS.verdicts()
                        : RateBudget.parse("CQS_VERIFY_RATE", verdicts).orElse(null),
                pdfs == null ? VerifyRateLimits.DEFAULTS.pdfs()
                        : RateBudget.parse("CQS_VERIFY_PDF_RATE", pdfs).orElse(null));
    }

    private static int parseInt(String name, String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'", e);
        }
    }

    private static boolean parseBoolean(String name, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, was '" + value + "'");
        };
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(newPort, bindHost, jdbcUrl, dbUser, dbPassword, dataDir, demo, tokenLifetime,
                maxJsonBodyBytes, publicBaseUrl, caCertificateFile, platformKeyFile, platformKeyPassword, platformUscc,
                verifyRateLimits, trustedProxies);
    }

    public ServerConfig withDatabase(String url, String user, String password) {
        return new ServerConfig(port, bindHost, url, user, password, dataDir, demo, tokenLifetime,
                maxJsonBodyBytes, publicBaseUrl, caCertificateFile, platformKeyFile, platformKeyPassword, platformUscc,
                verifyRateLimits, trustedProxies);
    }

    public ServerConfig withDemo(boolean on) {
        return new ServerConfig(port, bindHost, jdbcUrl, dbUser, dbPassword, dataDir, on, tokenLifetime,
                maxJsonBodyBytes, publicBaseUrl, caCertificateFile, platformKeyFile, platformKeyPassword, platformUscc,
                verifyRateLimits, trustedProxies);
    }

    public ServerConfig withTokenLifetime(Duration lifetime) {
        return new ServerConfig(port, bindHost, jdbcUrl, dbUser, dbPassword, dataDir, demo, lifetime,
                maxJsonBodyBytes, publicBaseUrl, caCertificateFile, platformKeyFile, platformKeyPassword, platformUscc,
                verifyRateLimits, trustedProxies);
    }

    public ServerConfig withMaxJsonBodyBytes(long bytes) {
        return new ServerConfig(port, bindHost, jdbcUrl, dbUser, dbPassword, dataDir, demo, tokenLifetime,
                bytes, publicBaseUrl, caCertificateFile, platformKeyFile, platformKeyPassword, platformUscc,
                verifyRateLimits, trustedProxies);
    }

    public ServerConfig withPublicBaseUrl(String url) {
        return new ServerConfig(port, bindHost, jdbcUrl, dbUser, dbPassword, dataDir, demo, tokenLifetime,
                maxJsonBodyBytes, url, caCertificateFile, platformKeyFile, platformKeyPassword, platformUscc,
                verifyRateLimits, trustedProxies);
    }

    public ServerConfig withDataDir(Path dir) {
        return new ServerConfig(port, bindHost, jdbcUrl, dbUser, dbPassword, dir, demo, tokenLifetime,
                maxJsonBodyBytes, publicBaseUrl, caCertificateFile, platformKeyFile, platformKeyPassword, platformUscc,
                verifyRateLimits, trustedProxies);
    }

    public ServerConfig withCaCertificateFile(Path file) {
        return new ServerConfig(port, bindHost, jdbcUrl, dbUser, dbPassword, dataDir, demo, tokenLifetime,
                maxJsonBodyBytes, publicBaseUrl, file, platformKeyFile, platformKeyPassword, platformUscc,
                verifyRateLimits, trustedProxies);
    }

    public ServerConfig withPlatformKey(Path file, String password) {
        return new ServerConfig(port, bindHost, jdbcUrl, dbUser, dbPassword, dataDir, demo, tokenLifetime,
                maxJsonBodyBytes, publicBaseUrl, caCertificateFile, file, password, platformUscc, verifyRateLimits,
                trustedProxies);
    }

    public ServerConfig withVerifyRateLimits(VerifyRateLimits limits) {
        return new ServerConfig(port, bindHost, jdbcUrl, dbUser, dbPassword, dataDir, demo, tokenLifetime,
                maxJsonBodyBytes, publicBaseUrl, caCertificateFile, platformKeyFile, platformKeyPassword, platformUscc,
                limits, trustedProxies);
    }

    public ServerConfig withTrustedProxies(TrustedProxies proxies) {
        return new ServerConfig(port, bindHost, jdbcUrl, dbUser, dbPassword, dataDir, demo, tokenLifetime,
                maxJsonBodyBytes, publicBaseUrl, caCertificateFile, platformKeyFile, platformKeyPassword, platformUscc,
                verifyRateLimits, proxies);
    }

    /** For logs: the configuration without the database password. */
    public Map<String, Object> describe() {
        return Map.of("port", port, "bind", bindHost, "database", jdbcUrl == null ? "embedded" : jdbcUrl,
                "demo", demo, "tokenLifetime", tokenLifetime.toString(),
                "caCertificateFile", caCertificateFile == null ? "none" : caCertificateFile.toString(),
                "platformKeyFile", platformKeyFile == null ? "none" : platformKeyFile.toString(),
                "platformUscc", platformUscc, "verifyRateLimits", verifyRateLimits.describe(),
                "trustedProxies", trustedProxies.describe());
    }
}

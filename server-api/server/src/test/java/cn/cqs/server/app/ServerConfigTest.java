package cn.cqs.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.server.http.RateBudget;
import cn.cqs.server.verify.VerifyRateLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    @Test
    void defaultsWithoutAnySetting() {
        ServerConfig c = ServerConfig.fromSource(name -> null);
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.bindHost()).isEqualTo("127.0.0.1");
        assertThat(c.jdbcUrl()).isNull();
        assertThat(c.demo()).isFalse();
        assertThat(c.dataDir().endsWith(Path.of(".cqs-server", "pgdata"))).isTrue();
        assertThat(c.tokenLifetime()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void readsEveryVariable() {
        Map<String, String> env = Map.of("CQS_PORT", "9090", "CQS_BIND", "0.0.0.0", "CQS_DB_URL", "jdbc:postgresql://db/cqs",
                "CQS_DB_USER", "cqs", "CQS_DB_PASSWORD", "secret", "CQS_DEMO", "true", "CQS_PUBLIC_URL",
                "https://cqs.example.cn", "CQS_DATA_DIR", "/tmp/cqs-data", "CQS_TOKEN_HOURS", "2");
        ServerConfig c = ServerConfig.fromSource(env::get);
        assertThat(c.port()).isEqualTo(9090);
        assertThat(c.bindHost()).isEqualTo("0.0.0.0");
        assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://db/cqs");
        assertThat(c.dbUser()).isEqualTo("cqs");
        assertThat(c.dbPassword()).isEqualTo("secret");
        assertThat(c.demo()).isTrue();
        assertThat(c.publicBaseUrl()).isEqualTo("https://cqs.example.cn");
        assertThat(c.dataDir()).isEqualTo(Path.of("/tmp/cqs-data"));
        assertThat(c.tokenLifetime()).isEqualTo(Duration.ofHours(2));
        assertThat(c.describe().toString()).doesNotContain("secret");
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> ServerConfig.fromSource(Map.of("CQS_PORT", "eighty")::get))
                .hasMessageContaining("CQS_PORT");
        assertThatThrownBy(() -> ServerConfig.fromSource(Map.of("CQS_DEMO", "maybe")::get))
                .hasMessageContaining("CQS_DEMO");
    }

    @Test
    void theSettingsAreReadAndChecked() {
        ServerConfig c = ServerConfig.fromSource(Map.of("CQS_PLATFORM_KEY", "/etc/cqs/platform.p12",
                "CQS_PLATFORM_KEY_PASSWORD", "s3cret", "CQS_PLATFORM_USCC", "113500000035000191")::get);
        assertThat(c.platformKeyFile()).isEqualTo(Path.of("/etc/cqs/platform.p12"));
        assertThat(c.platformKeyPassword()).isEqualTo("s3cret");
        assertThat(c.platformUscc()).isEqualTo("113500000035000191");
        assertThat(c.describe().toString()).doesNotContain("s3cret");
        assertThat(ServerConfig.fromSource(name -> null).platformUscc()).isEqualTo(ServerConfig.DEFAULT_PLATFORM_USCC);
        assertThatThrownBy(() -> ServerConfig.fromSource(Map.of("CQS_PLATFORM_KEY", "/etc/cqs/platform.p12")::get))
                .hasMessageContaining("CQS_PLATFORM_KEY_PASSWORD");
        assertThatThrownBy(() -> ServerConfig.fromSource(Map.of("CQS_PLATFORM_USCC", "12345")::get))
                .hasMessageContaining("CQS_PLATFORM_USCC");
    }

    @Test
    void verificationLimitsDefaultToTheProvinceBudgetsAndTrustNoProxy() {
        ServerConfig c = ServerConfig.fromSource(name -> null);
        assertThat(c.verifyRateLimits()).isEqualTo(VerifyRateLimits.DEFAULTS);
        assertThat(c.verifyRateLimits().verdicts()).isEqualTo(new RateBudget(60, Duration.ofSeconds(1)));
        assertThat(c.verifyRateLimits().pdfs()).isEqualTo(new RateBudget(10, Duration.ofSeconds(6)));
        assertThat(c.trustedProxies().isEmpty()).isTrue();
        assertThat(c.describe().get("verifyRateLimits")).isEqualTo("verdicts 60,1s; pdfs 10,6s");
    }

    @Test
    void verificationLimitsAndTrustedProxiesAreRead() {
        ServerConfig c = ServerConfig.fromSource(Map.of("CQS_VERIFY_RATE", "120,500ms", "CQS_VERIFY_PDF_RATE", "off",
                "CQS_TRUSTED_PROXIES", "10.0.0.5, 10.1.0.0/16")::get);
        assertThat(c.verifyRateLimits().verdicts()).isEqualTo(new RateBudget(120, Duration.ofMillis(500)));
        assertThat(c.verifyRateLimits().pdfs()).isNull();
        assertThat(c.trustedProxies().describe()).isEqualTo("10.0.0.5,10.1.0.0/16");
        ServerConfig off = ServerConfig.fromSource(Map.of("CQS_VERIFY_RATE", "off", "CQS_VERIFY_PDF_RATE", "off")::get);
        assertThat(off.verifyRateLimits()).isEqualTo(VerifyRateLimits.OFF);
    }

    @Test
    void badVerificationLimitsFailAtStartNamingTheVariable() {
        assertThatThrownBy(() -> ServerConfig.fromSource(Map.of("CQS_VERIFY_RATE", "60 per second")::get))
                .hasMessageContaining("CQS_VERIFY_RATE").hasMessageContaining("BURST,INTERVAL");
        assertThatThrownBy(() -> ServerConfig.fromSource(Map.of("CQS_VERIFY_PDF_RATE", "0,6s")::get))
                .hasMessageContaining("CQS_VERIFY_PDF_RATE");
        assertThatThrownBy(() -> ServerConfig.fromSource(Map.of("CQS_TRUSTED_PROXIES", "nginx")::get))
                .hasMessageContaining("CQS_TRUSTED_PROXIES");
    }

    @Test
    void testsRunThroughTheLimiterWithABudgetNoSuiteReaches() {
        ServerConfig c = ServerConfig.forTests();
        assertThat(c.verifyRateLimits()).isEqualTo(VerifyRateLimits.GENEROUS);
        assertThat(c.verifyRateLimits().verdicts().burst()).isEqualTo(RateBudget.MAX_BURST);
        assertThat(c.trustedProxies().isEmpty()).isTrue();
        assertThat(c.withVerifyRateLimits(VerifyRateLimits.OFF).verifyRateLimits()).isEqualTo(VerifyRateLimits.OFF);
        assertThat(c.withPort(9000).verifyRateLimits()).isEqualTo(VerifyRateLimits.GENEROUS);
    }
}

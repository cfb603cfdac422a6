package cn.cqs.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}

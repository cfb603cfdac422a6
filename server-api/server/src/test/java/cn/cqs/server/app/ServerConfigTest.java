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
}

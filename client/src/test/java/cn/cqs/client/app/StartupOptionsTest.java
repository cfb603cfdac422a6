package cn.cqs.client.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StartupOptionsTest {
    static Properties props(String... kv) {
        Properties p = new Properties();
        p.setProperty("user.home", "/home/clerk");
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void defaultsToTheHomeProfileAndNoServer() {
        StartupOptions o = StartupOptions.parse(List.of(), props());
        assertThat(o.serverUrl()).isEmpty();
        assertThat(o.profileDir()).isEqualTo(Path.of("/home/clerk/.cqs-client"));
    }

    @Test
    void commandLineWinsOverSystemProperties() {
        StartupOptions o = StartupOptions.parse(List.of("--server=https://10.0.0.5:8443", "--profile-dir=/tmp/p"),
                props("cqs.server", "http://other", "cqs.profileDir", "/tmp/q"));
        assertThat(o.serverUrl()).contains("https://10.0.0.5:8443");
        assertThat(o.profileDir()).isEqualTo(Path.of("/tmp/p"));
    }

    @Test
    void systemPropertiesAreUsedWithoutArguments() {
        StartupOptions o = StartupOptions.parse(List.of(), props("cqs.server", "http://localhost:7070"));
        assertThat(o.serverUrl()).contains("http://localhost:7070");
    }

    @Test
    void unknownOrEmptyOptionsAreRefusedByName() {
        assertThatThrownBy(() -> StartupOptions.parse(List.of("--sever=x"), props())).hasMessageContaining("--sever=x");
        assertThatThrownBy(() -> StartupOptions.parse(List.of("--server="), props())).hasMessageContaining("--server=");
    }
}

package cn.cqs.client.settings;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.api.ProxyAddress;
import cn.cqs.client.api.ServerUrl;
import cn.cqs.client.dialogs.RecordingDialogService;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    static final String PEM = """
            -----BEGIN CERTIFICATE-----
            MIIBejCCASCgAwIBAgIBATAKBggqhkjOPQQDAjAeMRwwGgYDVQQDDBNDUVMgVGVz
            dCBQcml2YXRlIENBMB4XDTI0MDEwMTAwMDAwMFoXDTM0MDEwMTAwMDAwMFowHjEc
            MBoGA1UEAwwTQ1FTIFRlc3QgUHJpdmF0ZSBDQTBZMBMGByqGSM49AgEGCCqGSM49
            AwEHA0IABHXz
            -----END CERTIFICATE-----
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void chinese() {
        Localization.setLanguage(AppLanguage.CHINESE);
    }

    @Test
    void firstStartHasDefaults() {
        assertThat(new SettingsStore(dir.resolve("profile")).load()).isEqualTo(ClientSettings.defaults());
    }

    @Test
    void savedSettingsComeBackIncludingChineseText() throws IOException {
        SettingsStore store = new SettingsStore(dir.resolve("profile"));
        ClientSettings settings = new ClientSettings("https://220.160.52.164:20082", "张三",
                AppLanguage.ENGLISH, "/etc/cqs/根证书.pem", "proxy.example.cn:3128");
        store.save(settings);

        assertThat(store.load()).isEqualTo(settings);
        assertThat(Files.readString(store.file(), StandardCharsets.UTF_8)).contains("ui.language=en");
        try (var files = Files.list(store.profileDir())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(SettingsStore.FILE_NAME);
        }
    }

    @Test
    void theVerifyPlaceIsRememberedAndKeptByTheOtherChanges() {
        SettingsStore store = new SettingsStore(dir.resolve("profile"));
        store.save(ClientSettings.defaults().withVerifyPlace(" 3号楼工地门卫 "));

        ClientSettings loaded = store.load();
        assertThat(loaded.verifyPlace()).isEqualTo("3号楼工地门卫");
        assertThat(loaded.withLanguage(AppLanguage.ENGLISH).withProxy("p:1").verifyPlace()).isEqualTo("3号楼工地门卫");
    }

    @Test
    void unknownLanguageFallsBackToChinese() throws IOException {
        Files.writeString(dir.resolve(SettingsStore.FILE_NAME), "ui.language=fr\nserver.url=http://x\n");
        ClientSettings loaded = new SettingsStore(dir).load();
        assertThat(loaded.language()).isEqualTo(AppLanguage.CHINESE);
        assertThat(loaded.serverUrl()).isEqualTo("http://x");
    }

    @Test
    void serverUrlsAreNormalisedOrRefusedWithAReason() {
        assertThat(ServerUrl.parse(" https://220.160.52.164:20082/ ")).isEqualTo(URI.create("https://220.160.52.164:20082"));
        assertThat(ServerUrl.parse("HTTP://LocalHost:7070")).isEqualTo(URI.create("http://LocalHost:7070"));
        assertThat(ConnectionSettingsValidator.serverUrlError("")).contains("error.serverUrl.empty");
        assertThat(ConnectionSettingsValidator.serverUrlError("ftp://host")).contains("error.serverUrl.scheme");
        assertThat(ConnectionSettingsValidator.serverUrlError("220.160.52.164:20082")).contains("error.serverUrl.scheme");
        assertThat(ConnectionSettingsValidator.serverUrlError("http://")).contains("error.serverUrl.malformed");
        assertThat(ConnectionSettingsValidator.serverUrlError("http://host/a?b=c")).contains("error.serverUrl.malformed");
        assertThat(ConnectionSettingsValidator.serverUrlError("http://a b")).contains("error.serverUrl.malformed");
    }

    @Test
    void proxiesAreHostColonPort() {
        assertThat(ProxyAddress.parse("Proxy.example.cn:3128")).isEqualTo(new ProxyAddress("proxy.example.cn", 3128));
        assertThat(ConnectionSettingsValidator.proxyError("")).isEmpty();
        assertThat(ConnectionSettingsValidator.proxyError("proxy")).contains("error.proxy.invalid");
        assertThat(ConnectionSettingsValidator.proxyError("proxy:0")).contains("error.proxy.invalid");
        assertThat(ConnectionSettingsValidator.proxyError("proxy:65536")).contains("error.proxy.invalid");
        assertThat(ConnectionSettingsValidator.proxyError(":80")).contains("error.proxy.invalid");
        assertThat(ConnectionSettingsValidator.proxyError("proxy:http")).contains("error.proxy.invalid");
        Assertions.assertThatThrownBy(() -> ProxyAddress.parse("proxy:99999")).hasMessageContaining("65535");
    }

    @Test
    void caCertificateMustBeAReadablePemCertificate() throws IOException {
        assertThat(ConnectionSettingsValidator.caCertificateError("")).isEmpty();
        assertThat(ConnectionSettingsValidator.caCertificateError(dir.resolve("none.pem").toString()))
                .contains("error.caCertificate.missing");
        Path broken = Files.writeString(dir.resolve("broken.pem"), PEM);
        assertThat(ConnectionSettingsValidator.caCertificateError(broken.toString())).contains("error.caCertificate.invalid");
    }

    @Test
    void settingsScreenShowsFieldErrorsAndSavesOnlyValidValues() {
        SettingsStore store = new SettingsStore(dir);
        RecordingDialogService dialogs = new RecordingDialogService();
        ConnectionSettingsViewModel vm = new ConnectionSettingsViewModel(store, dialogs);
        vm.caCertificatePathProperty().set(dir.resolve("missing.pem").toString());
        vm.proxyProperty().set("proxy:abc");

        assertThat(vm.save()).isFalse();
        assertThat(vm.caCertificateErrorProperty().get()).isEqualTo("找不到该证书文件，或文件不可读。");
        assertThat(vm.proxyErrorProperty().get()).isEqualTo("代理服务器须写成“主机:端口”，端口为 1 到 65535。");
        assertThat(store.load()).isEqualTo(ClientSettings.defaults());

        vm.caCertificatePathProperty().set("");
        vm.proxyProperty().set("10.0.0.1:8080");
        assertThat(vm.save()).isTrue();
        assertThat(vm.caCertificateErrorProperty().get()).isEmpty();
        assertThat(vm.proxyErrorProperty().get()).isEmpty();
        assertThat(store.load().proxy()).isEqualTo("10.0.0.1:8080");
    }

    @Test
    void browsingPutsTheChosenFileIntoTheField() {
        RecordingDialogService dialogs = new RecordingDialogService().answerFile(dir.resolve("ca.pem"));
        ConnectionSettingsViewModel vm = new ConnectionSettingsViewModel(new SettingsStore(dir), dialogs);
        vm.browseCaCertificate();
        assertThat(vm.caCertificatePathProperty().get()).isEqualTo(dir.resolve("ca.pem").toString());
        assertThat(dialogs.shown()).extracting(RecordingDialogService.Shown::kind).containsExactly("open");
    }

    @Test
    void validatorReportsEveryBadField() {
        Map<ConnectionSettingsValidator.Field, String> errors = new ConnectionSettingsValidator()
                .validate("gopher://x", dir.resolve("x.pem").toString(), "nope");
        assertThat(errors).containsOnlyKeys(ConnectionSettingsValidator.Field.values());
    }
}

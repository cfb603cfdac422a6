package cn.cqs.server.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.contract.pki.CertificateAuthority;
import cn.cqs.contract.pki.KeyId;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.pki.OrganisationIdentity;
import cn.cqs.contract.pki.PemCertificates;
import cn.cqs.contract.pki.Pkcs12Keystores;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.app.ServerConfig;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's own signing credential from configuration ({@code CQS_PLATFORM_KEY},
 * {@code CQS_PLATFORM_KEY_PASSWORD}, {@code CQS_PLATFORM_USCC}): read from the settings, checked
 * (password, code, chain to a trusted CA) and used to sign the batches' QR tokens.
 */
class PlatformKeyTest {
    private static final String USCC = "113500000035000191";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static CertificateAuthority ca(String name) {
        return CertificateAuthority.createPlatformCa(name, "福建省住房和城乡建设厅", NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(365)));
    }

    private static Path credentialFile(Path dir, CertificateAuthority ca, String uscc) throws Exception {
        OrganisationCredential credential = ca.issueOrganisationCredential(new OrganisationIdentity("监管平台", uscc),
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(300)));
        Path file = dir.resolve(uscc + "-platform.p12");
        Pkcs12Keystores.save(credential, file, "s3cret".toCharArray());
        return file;
    }

    @Test
    void aWrongPasswordOrCodeIsRefusedNamingTheSetting(@TempDir Path dir) throws Exception {
        Path file = credentialFile(dir, ca("Test CA"), USCC);
        assertThatThrownBy(() -> PlatformSigner.load(file, "wrong".toCharArray(), USCC))
                .hasMessageContaining("CQS_PLATFORM_KEY_PASSWORD");
        assertThatThrownBy(() -> PlatformSigner.load(file, "s3cret".toCharArray(), "91350200776049653A"))
                .hasMessageContaining("CQS_PLATFORM_USCC");
        assertThat(PlatformSigner.load(file, "s3cret".toCharArray(), USCC).identity().uscc()).isEqualTo(USCC);
    }

    @Test
    void aKeyFromAnUntrustedCaStopsTheServer(@TempDir Path dir) throws Exception {
        Path file = credentialFile(dir, ca("Stranger CA"), USCC);
        assertThatThrownBy(() -> TestServers.start(ServerConfig.forTests().withPlatformKey(file, "s3cret")))
                .hasMessageContaining("platform signing certificate");
    }

    @Test
    void theConfiguredKeySignsTheBatches(@TempDir Path dir) throws Exception {
        CertificateAuthority ca = ca("Province CA");
        Path caPem = dir.resolve("ca.pem");
        Files.writeString(caPem, PemCertificates.toPem(ca.certificate()), StandardCharsets.US_ASCII);
        Path file = credentialFile(dir, ca, USCC);
        String keyId = KeyId.of(Pkcs12Keystores.load(file, "s3cret".toCharArray()).certificate()).hex();
        try (CqsServer server = TestServers.start(ServerConfig.forTests().withCaCertificateFile(caPem)
                .withPlatformKey(file, "s3cret"))) {
            Http http = new Http(server);
            String token = http.login("plant-admin");
            JsonNode demo = http.get("/api/v1/batches?q=SC-DEMO-001", token).json().get(0);
            QrToken qr = QrToken.fromScannedText(demo.get("qrText").asText());
            assertThat(qr.issuerId()).isEqualTo(USCC);
            assertThat(qr.keyId().hex()).isEqualTo(keyId);
            String bare = demo.get("qrText").asText().substring(demo.get("qrText").asText().indexOf("/v/") + 3);
            assertThat(http.get("/api/v1/verify/" + bare, null).json().get("outcome").asText()).isEqualTo("GENUINE_IN_SYSTEM");
            // the platform's certificate is in the trust bundle clients cache
            assertThat(http.get("/api/v1/pki/trust", null).json().get("issuers").findValuesAsText("keyId")).contains(keyId);
        }
    }
}

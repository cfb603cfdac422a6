package cn.cqs.client.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.client.api.ApiClient;
import cn.cqs.contract.pki.CertificateAuthority;
import cn.cqs.contract.pki.KeyId;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.pki.OrganisationIdentity;
import cn.cqs.contract.pki.PemCertificates;
import cn.cqs.contract.pki.TrustBundle;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificate cache: conditional refresh, kept in a file, usable offline, damage contained. */
class TrustCacheTest {
    static final Instant NOW = Instant.parse("2025-06-30T02:00:00Z");
    static final CertificateAuthority CA = CertificateAuthority.createPlatformCa("Test CA", "测试平台",
            NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(100)));
    static final OrganisationCredential LAB = CA.issueOrganisationCredential(
            new OrganisationIdentity("厦门市建科工程检测有限公司", "91350200776049653A"), NOW.minus(Duration.ofDays(1)),
            NOW.plus(Duration.ofDays(100)));

    @TempDir Path dir;
    final List<String> etagsSent = new ArrayList<>();

    static TrustBundle bundle(boolean revoked) {
        return new TrustBundle("http://127.0.0.1:8080", PemCertificates.toPem(CA.certificate()), List.of(
                new TrustBundle.Issuer(LAB.keyId().hex(), "91350200776049653A", "厦门市建科工程检测有限公司",
                        PemCertificates.toPem(LAB.certificate()), NOW, NOW, revoked, revoked ? NOW : null)));
    }

    TrustBundleSource answering(ApiClient.Conditional<TrustBundle> answer) {
        return etag -> {
            etagsSent.add(etag);
            return answer;
        };
    }

    @Test
    void aFetchedBundleIsKeptInTheFileAndUsableAfterReopening() {
        Path file = TrustCache.fileFor(dir, URI.create("http://127.0.0.1:8080"));
        assertThat(file).isEqualTo(dir.resolve("127.0.0.1_8080").resolve("trust-bundle.json"));
        TrustCache cache = TrustCache.open(file, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(cache.hasBundle()).isFalse();
        assertThat(cache.lastRefreshed()).isEmpty();
        assertThat(cache.registry().trustedCas()).isEmpty();

        assertThat(cache.refresh(answering(new ApiClient.Conditional<>(false, bundle(false), "\"abc\""))))
                .isEqualTo(TrustCache.RefreshResult.UPDATED);
        assertThat(etagsSent).containsExactly((String) null);
        assertThat(cache.lastRefreshed()).contains(NOW);

        TrustCache reopened = TrustCache.open(file, Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));
        assertThat(reopened.hasBundle()).isTrue();
        assertThat(reopened.lastRefreshed()).contains(NOW);
        assertThat(reopened.registry().trustedCas()).containsExactly(CA.certificate());
        assertThat(reopened.registry().issuerCertificate(LAB.keyId())).contains(LAB.certificate());
        assertThat(reopened.registry().isRevoked(LAB.keyId())).isFalse();

        // the next refresh is conditional; a 304 keeps the bundle and moves the refresh time
        assertThat(reopened.refresh(answering(new ApiClient.Conditional<>(true, null, "\"abc\""))))
                .isEqualTo(TrustCache.RefreshResult.UNCHANGED);
        assertThat(etagsSent).containsExactly(null, "\"abc\"");
        assertThat(reopened.lastRefreshed()).contains(NOW.plusSeconds(60));
        assertThat(TrustCache.open(file, Clock.systemUTC()).lastRefreshed()).contains(NOW.plusSeconds(60));
    }

    @Test
    void aRevocationInANewBundleTakesEffect() {
        TrustCache cache = TrustCache.open(dir.resolve("t.json"), Clock.fixed(NOW, ZoneOffset.UTC));
        cache.refresh(answering(new ApiClient.Conditional<>(false, bundle(false), "\"1\"")));
        cache.refresh(answering(new ApiClient.Conditional<>(false, bundle(true), "\"2\"")));
        assertThat(cache.registry().isRevoked(KeyId.of(LAB.certificate()))).isTrue();
    }

    @Test
    void aDamagedBundleFromTheServerLeavesTheCacheAsItWas() {
        TrustCache cache = TrustCache.open(dir.resolve("t.json"), Clock.fixed(NOW, ZoneOffset.UTC));
        cache.refresh(answering(new ApiClient.Conditional<>(false, bundle(false), "\"1\"")));
        TrustBundle damaged = new TrustBundle("http://x", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
                List.of());

        assertThatThrownBy(() -> cache.refresh(answering(new ApiClient.Conditional<>(false, damaged, "\"2\""))))
                .isInstanceOf(TrustCacheException.class).hasMessageContaining("damaged");
        assertThat(cache.registry().issuerCertificate(LAB.keyId())).isPresent();
        assertThat(TrustCache.open(dir.resolve("t.json"), Clock.systemUTC()).registry().issuerCertificate(LAB.keyId()))
                .isPresent();
    }

    @Test
    void aDamagedCacheFileStartsEmptyAndSaysWhy() throws IOException {
        Path file = dir.resolve("t.json");
        Files.writeString(file, "{ not json");
        TrustCache cache = TrustCache.open(file, Clock.systemUTC());
        assertThat(cache.hasBundle()).isFalse();
        assertThat(cache.loadProblem()).hasValueSatisfying(p -> assertThat(p).contains(file.toString()));

        cache.refresh(answering(new ApiClient.Conditional<>(false, bundle(false), null)));
        assertThat(TrustCache.open(file, Clock.systemUTC()).loadProblem()).isEmpty();
    }

    @Test
    void notModifiedWithoutACachedBundleIsAnError() {
        TrustCache cache = TrustCache.open(dir.resolve("t.json"), Clock.systemUTC());
        assertThatThrownBy(() -> cache.refresh(answering(new ApiClient.Conditional<>(true, null, null))))
                .isInstanceOf(TrustCacheException.class).hasMessageContaining("304");
    }
}

package cn.cqs.contract.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.contract.pki.IssuerCertification.Reason;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IssuerCertificationTest {
    private static CertificateAuthority ca;
    private static OrganisationCredential lab;
    private static InMemoryTrustRegistry registry;

    @BeforeAll
    static void setUp() {
        ca = TestPki.platformCa();
        lab = ca.issueOrganisationCredential(TestPki.LAB, TestPki.ORG_FROM, TestPki.ORG_TO);
        registry = new InMemoryTrustRegistry().trustCa(ca.certificate());
        registry.addIssuer(lab.certificate());
    }

    private static Reason check(X509Certificate certificate, Instant at) {
        return IssuerCertification.check(registry, certificate, at).reason();
    }

    @Test
    void certifiedWithinValidity() {
        IssuerCertification.Result result = IssuerCertification.check(registry, lab.certificate(), TestPki.NOW);
        assertThat(result.certified()).isTrue();
        assertThat(result.message()).contains("Platform CA");
    }

    @Test
    void notValidBeforeOrAfterItsValidity() {
        assertThat(check(lab.certificate(), TestPki.ORG_FROM.minusSeconds(1))).isEqualTo(Reason.NOT_VALID_AT_TIME);
        assertThat(check(lab.certificate(), TestPki.ORG_TO.plusSeconds(1))).isEqualTo(Reason.NOT_VALID_AT_TIME);
        assertThat(check(lab.certificate(), TestPki.ORG_TO)).isEqualTo(Reason.CERTIFIED);
    }

    @Test
    void rogueCaAndSelfSignedAreNotCertified() {
        CertificateAuthority rogue = CertificateAuthority.createPlatformCa("Platform CA", "福建省住房和城乡建设厅",
                TestPki.CA_FROM, TestPki.CA_TO);
        OrganisationCredential forged = rogue.issueOrganisationCredential(TestPki.LAB, TestPki.ORG_FROM, TestPki.ORG_TO);
        // same issuer name as the real CA, but the signature does not verify with the real CA key
        assertThat(check(forged.certificate(), TestPki.NOW)).isEqualTo(Reason.NOT_ISSUED_BY_TRUSTED_CA);
        assertThat(check(rogue.certificate(), TestPki.NOW)).isEqualTo(Reason.NOT_END_ENTITY);
        assertThat(check(ca.certificate(), TestPki.NOW)).isEqualTo(Reason.NOT_END_ENTITY);
    }

    @Test
    void revokedIsNotCertified() {
        OrganisationCredential other = ca.issueOrganisationCredential(TestPki.OTHER_LAB, TestPki.ORG_FROM, TestPki.ORG_TO);
        InMemoryTrustRegistry own = new InMemoryTrustRegistry().trustCa(ca.certificate());
        KeyId id = own.addIssuer(other.certificate());
        assertThat(IssuerCertification.check(own, other.certificate(), TestPki.NOW).certified()).isTrue();
        own.revoke(id);
        assertThat(IssuerCertification.check(own, other.certificate(), TestPki.NOW).reason()).isEqualTo(Reason.REVOKED);
    }

    @Test
    void caExpiredAtTheTimeIsNotCertified() {
        Instant from = TestPki.NOW.minus(30, ChronoUnit.DAYS);
        CertificateAuthority shortCa = CertificateAuthority.createPlatformCa("Short CA", "Operator", from,
                TestPki.NOW.minus(1, ChronoUnit.DAYS));
        OrganisationCredential org = shortCa.issueOrganisationCredential(TestPki.LAB, from, TestPki.ORG_TO);
        InMemoryTrustRegistry own = new InMemoryTrustRegistry().trustCa(shortCa.certificate());
        assertThat(IssuerCertification.check(own, org.certificate(), TestPki.NOW).reason())
                .isEqualTo(Reason.CA_NOT_VALID_AT_TIME);
        assertThat(IssuerCertification.check(own, org.certificate(), from.plusSeconds(60)).reason())
                .isEqualTo(Reason.CERTIFIED);
    }

    @Test
    void emptyTrustStoreCertifiesNothing() {
        InMemoryTrustRegistry empty = new InMemoryTrustRegistry();
        assertThat(IssuerCertification.check(empty, lab.certificate(), TestPki.NOW).reason())
                .isEqualTo(Reason.NOT_ISSUED_BY_TRUSTED_CA);
    }

    @Test
    void trustAnchorsMustBeSelfSignedCas() {
        assertThatThrownBy(() -> new InMemoryTrustRegistry().trustCa(lab.certificate()))
                .hasMessageContaining("not a CA certificate");
        KeyPair keys = EcKeys.generateP256();
        X509Certificate subCaLike = ca.issueOrganisationCertificate(keys.getPublic(), TestPki.OTHER_LAB,
                TestPki.ORG_FROM, TestPki.ORG_TO);
        assertThatThrownBy(() -> new InMemoryTrustRegistry().trustCa(subCaLike)).isInstanceOf(IllegalArgumentException.class);
    }
}

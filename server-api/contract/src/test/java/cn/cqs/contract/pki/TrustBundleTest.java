package cn.cqs.contract.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.contract.json.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.cert.CertificateException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustBundleTest {
    private static final CertificateAuthority CA = TestPki.platformCa();

    private static TrustBundle.Issuer entry(OrganisationCredential c, boolean revoked) {
        return new TrustBundle.Issuer(c.keyId().hex(), c.identity().uscc(), c.identity().name(),
                PemCertificates.toPem(c.certificate()), c.certificate().getNotBefore().toInstant(),
                c.certificate().getNotAfter().toInstant(), revoked, revoked ? TestPki.NOW : null);
    }

    @Test
    void loadsCasIssuersAndRevocationsIntoARegistry() throws Exception {
        OrganisationCredential lab = CA.issueOrganisationCredential(TestPki.LAB, TestPki.ORG_FROM, TestPki.ORG_TO);
        OrganisationCredential other = CA.issueOrganisationCredential(TestPki.OTHER_LAB, TestPki.ORG_FROM, TestPki.ORG_TO);
        TrustBundle bundle = new TrustBundle("https://cqs.example.cn", PemCertificates.toPem(CA.certificate()),
                List.of(entry(lab, false), entry(other, true)));

        ObjectMapper mapper = Json.newMapper();
        TrustBundle back = mapper.readValue(mapper.writeValueAsString(bundle), TrustBundle.class);
        InMemoryTrustRegistry registry = back.toTrustRegistry();

        assertThat(registry.trustedCas()).containsExactly(CA.certificate());
        assertThat(registry.issuerCertificate(lab.keyId())).contains(lab.certificate());
        assertThat(registry.isRevoked(lab.keyId())).isFalse();
        assertThat(registry.isRevoked(other.keyId())).isTrue();
        assertThat(IssuerCertification.check(registry, lab.certificate(), TestPki.NOW).certified()).isTrue();
        assertThat(IssuerCertification.check(registry, other.certificate(), TestPki.NOW).reason())
                .isEqualTo(IssuerCertification.Reason.REVOKED);
    }

    @Test
    void refusesAKeyIdThatDoesNotMatchItsCertificate() {
        OrganisationCredential lab = CA.issueOrganisationCredential(TestPki.LAB, TestPki.ORG_FROM, TestPki.ORG_TO);
        TrustBundle.Issuer good = entry(lab, false);
        TrustBundle.Issuer lying = new TrustBundle.Issuer("0011223344556677", good.uscc(), good.organisationName(),
                good.certificatePem(), good.notBefore(), good.notAfter(), false, null);
        TrustBundle bundle = new TrustBundle("https://cqs.example.cn", PemCertificates.toPem(CA.certificate()), List.of(lying));
        assertThatThrownBy(bundle::toTrustRegistry).isInstanceOf(CertificateException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void refusesAnEndEntityCertificateAsATrustAnchor() {
        OrganisationCredential lab = CA.issueOrganisationCredential(TestPki.LAB, TestPki.ORG_FROM, TestPki.ORG_TO);
        TrustBundle bundle = new TrustBundle("https://cqs.example.cn", PemCertificates.toPem(lab.certificate()), List.of());
        assertThatThrownBy(bundle::toTrustRegistry).isInstanceOf(CertificateException.class)
                .hasMessageContaining("caCertificatesPem");
    }
}

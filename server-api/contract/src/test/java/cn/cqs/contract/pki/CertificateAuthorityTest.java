package cn.cqs.contract.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Instant;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {
    private static CertificateAuthority ca;
    private static OrganisationCredential lab;

    @BeforeAll
    static void setUp() {
        ca = TestPki.platformCa();
        lab = ca.issueOrganisationCredential(TestPki.LAB, TestPki.ORG_FROM, TestPki.ORG_TO);
    }

    @Test
    void platformCaIsASelfSignedP256CaCertificate() throws Exception {
        X509Certificate cert = ca.certificate();
        cert.verify(cert.getPublicKey());
        assertThat(cert.getVersion()).isEqualTo(3);
        assertThat(cert.getBasicConstraints()).isEqualTo(0);
        boolean[] usage = cert.getKeyUsage();
        assertThat(usage[5]).as("keyCertSign").isTrue();
        assertThat(usage[6]).as("cRLSign").isTrue();
        assertThat(usage[0]).as("digitalSignature").isFalse();
        assertThat(cert.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
        assertThat(EcKeys.isP256(cert.getPublicKey())).isTrue();
        assertThat(cert.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(cert.getSubjectX500Principal().getName()).contains("CN=Platform CA", "C=CN");
        assertThat(cert.getNotBefore().toInstant()).isEqualTo(TestPki.CA_FROM);
        assertThat(cert.getNotAfter().toInstant()).isEqualTo(TestPki.CA_TO);
    }

    @Test
    void organisationCertificateIsAnEndEntitySignedByTheCa() throws Exception {
        X509Certificate cert = lab.certificate();
        cert.verify(ca.certificate().getPublicKey());
        assertThat(cert.getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        boolean[] usage = cert.getKeyUsage();
        assertThat(usage[0]).as("digitalSignature").isTrue();
        assertThat(usage[1]).as("nonRepudiation").isTrue();
        assertThat(usage[5]).as("keyCertSign").isFalse();
        assertThat(EcKeys.isP256(cert.getPublicKey())).isTrue();
        assertThat(cert.getNotBefore().toInstant()).isEqualTo(TestPki.ORG_FROM);
        assertThat(cert.getNotAfter().toInstant()).isEqualTo(TestPki.ORG_TO);
        assertThat(lab.chain()).containsExactly(cert, ca.certificate());
    }

    @Test
    void subjectCarriesTheOrganisationNameAndUscc() {
        assertThat(lab.identity()).isEqualTo(TestPki.LAB);
        X500Name subject = X500Name.getInstance(lab.certificate().getSubjectX500Principal().getEncoded());
        assertThat(subject.toString()).contains("SERIALNUMBER=91350200776049653A", "O=福建省建筑工程质量检测中心有限公司");
    }

    @Test
    void serialNumbersDiffer() {
        OrganisationCredential second = ca.issueOrganisationCredential(TestPki.LAB, TestPki.ORG_FROM, TestPki.ORG_TO);
        assertThat(second.certificate().getSerialNumber()).isNotEqualTo(lab.certificate().getSerialNumber());
        assertThat(second.keyId()).isNotEqualTo(lab.keyId());
    }

    @Test
    void rejectsBadInput() {
        Instant t = TestPki.NOW;
        assertThatThrownBy(() -> ca.issueOrganisationCredential(TestPki.LAB, t, t))
                .hasMessageContaining("notAfter");
        assertThatThrownBy(() -> new OrganisationIdentity(" ", "91350200776049653A")).hasMessageContaining("name");
        assertThatThrownBy(() -> new OrganisationIdentity("X", "9135020077604965")).hasMessageContaining("uscc");
        assertThatThrownBy(() -> new CertificateAuthority(lab.privateKey(), lab.certificate()))
                .hasMessageContaining("not a CA certificate");
        assertThatThrownBy(() -> CertificateAuthority.createPlatformCa("", "O", t, t.plusSeconds(1)))
                .hasMessageContaining("commonName");
    }
}

package cn.cqs.contract.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemAndPkcs12Test {
    private static CertificateAuthority ca;
    private static OrganisationCredential lab;

    @BeforeAll
    static void setUp() {
        ca = TestPki.platformCa();
        lab = ca.issueOrganisationCredential(TestPki.LAB, TestPki.ORG_FROM, TestPki.ORG_TO);
    }

    @Test
    void pemRoundTripKeepsOrderAndBytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chain.pem");
        PemCertificates.write(file, lab.chain());
        String text = Files.readString(file);
        assertThat(text).startsWith("-----BEGIN CERTIFICATE-----");
        List<X509Certificate> read = PemCertificates.read(file);
        assertThat(read).containsExactlyElementsOf(lab.chain());
        assertThat(PemCertificates.fromPem(PemCertificates.toPem(ca.certificate()))).containsExactly(ca.certificate());
    }

    @Test
    void pemRejectsGarbageAndNonCertificates() {
        assertThatThrownBy(() -> PemCertificates.fromPem("hello")).isInstanceOf(CertificateException.class)
                .hasMessageContaining("no certificate");
        assertThatThrownBy(() -> PemCertificates.fromPem(
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))
                .isInstanceOf(CertificateException.class);
        String keyPem = "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(lab.certificate().getPublicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        assertThatThrownBy(() -> PemCertificates.fromPem(keyPem)).isInstanceOf(CertificateException.class)
                .hasMessageContaining("CERTIFICATE blocks only");
    }

    @Test
    void pkcs12RoundTrip(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lab.p12");
        char[] password = "correct horse battery staple".toCharArray();
        Pkcs12Keystores.save(lab, file, password);
        OrganisationCredential loaded = Pkcs12Keystores.load(file, password);
        assertThat(loaded.privateKey().getEncoded()).isEqualTo(lab.privateKey().getEncoded());
        assertThat(loaded.chain()).containsExactlyElementsOf(lab.chain());
        assertThat(loaded.keyId()).isEqualTo(lab.keyId());
        assertThat(loaded.identity()).isEqualTo(TestPki.LAB);
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void pkcs12WrongPasswordOrGarbageIsATypedError() {
        byte[] p12 = Pkcs12Keystores.toBytes(lab, "secret".toCharArray());
        assertThatThrownBy(() -> Pkcs12Keystores.fromBytes(p12, "wrong".toCharArray()))
                .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("PKCS#12");
        assertThatThrownBy(() -> Pkcs12Keystores.fromBytes(new byte[] {1, 2, 3}, "secret".toCharArray()))
                .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("PKCS#12");
        assertThatThrownBy(() -> Pkcs12Keystores.toBytes(lab, new char[0])).hasMessageContaining("password");
        assertThatThrownBy(() -> Pkcs12Keystores.toBytes(lab, "密码".toCharArray()))
                .hasMessageContaining("printable ASCII");
    }

    @Test
    void caCredentialCanBeKeptInPkcs12Too() throws Exception {
        OrganisationCredential caKeystore = new OrganisationCredential(ca.privateKey(), List.of(ca.certificate()));
        byte[] p12 = Pkcs12Keystores.toBytes(caKeystore, "ca".toCharArray());
        OrganisationCredential back = Pkcs12Keystores.fromBytes(p12, "ca".toCharArray());
        CertificateAuthority reloaded = new CertificateAuthority(back.privateKey(), back.certificate());
        X509Certificate issued = reloaded.issueOrganisationCertificate(lab.certificate().getPublicKey(),
                TestPki.OTHER_LAB, TestPki.ORG_FROM, TestPki.ORG_TO);
        issued.verify(ca.certificate().getPublicKey());
    }
}

package cn.cqs.contract.qr;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.pki.CertificateAuthority;
import cn.cqs.contract.pki.EcKeys;
import cn.cqs.contract.pki.InMemoryTrustRegistry;
import cn.cqs.contract.pki.KeyId;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.pki.Pkcs12Keystores;
import cn.cqs.contract.pki.TestPki;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenVerifierTest {
    private static final String BASE_URL = "https://220.160.52.164:20082";
    private static CertificateAuthority ca;
    private static OrganisationCredential lab;
    private static OrganisationCredential otherLab;
    private static InMemoryTrustRegistry registry;
    private static TokenVerifier verifier;
    private static KeyFields fields;
    private static QrToken token;

    @BeforeAll
    static void setUp() {
        ca = TestPki.platformCa();
        lab = ca.issueOrganisationCredential(TestPki.LAB, TestPki.ORG_FROM, TestPki.ORG_TO);
        otherLab = ca.issueOrganisationCredential(TestPki.OTHER_LAB, TestPki.ORG_FROM, TestPki.ORG_TO);
        registry = new InMemoryTrustRegistry().trustCa(ca.certificate());
        registry.addIssuer(lab.certificate());
        registry.addIssuer(otherLab.certificate());
        verifier = new TokenVerifier(registry);
        fields = reportFields("合格");
        token = TokenSigner.of(lab).sign(TokenKind.REPORT, "JC2024-HNT-000123", fields, TestPki.NOW.plusMillis(700));
    }

    private static KeyFields reportFields(String conclusion) {
        return KeyFields.builder()
                .add("reportNumber", "JC2024-HNT-000123")
                .add("strength", new BigDecimal("32.5"))
                .add("conclusion", conclusion)
                .add("testDate", LocalDate.of(2025, 5, 30))
                .build();
    }

    @Test
    void genuineTokenIsValidWithItsIssuer() {
        Verification result = verifier.verify(token.toUrl(BASE_URL));
        assertThat(result.outcome()).isEqualTo(VerificationOutcome.VALID);
        assertThat(result.token()).contains(token);
        assertThat(result.issuer()).contains(TestPki.LAB);
        assertThat(result.issuerSubject()).hasValueSatisfying(s -> assertThat(s).contains("91350200776049653A"));
        assertThat(result.keyId()).contains(lab.keyId());
        assertThat(token.issuedAt()).isEqualTo(TestPki.NOW);
        assertThat(token.issuerId()).isEqualTo("91350200776049653A");
        assertThat(verifier.verify(token.encode()).isValid()).isTrue();
    }

    @Test
    void digestCheckComparesRecomputedKeyFields() {
        Verification result = verifier.verify(token);
        assertThat(result.checkDigest(reportFields("合格"))).isEqualTo(VerificationOutcome.VALID);
        assertThat(result.checkDigest(reportFields("不合格"))).isEqualTo(VerificationOutcome.DIGEST_MISMATCH);
        Verification unknown = new TokenVerifier(new InMemoryTrustRegistry().trustCa(ca.certificate())).verify(token);
        assertThat(unknown.checkDigest(fields)).isEqualTo(VerificationOutcome.ISSUER_UNKNOWN);
    }

    @Test
    void everySingleBitFlipOfTheBinaryTokenIsRejected() {
        byte[] bytes = token.toBytes();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        for (int bit = 0; bit < bytes.length * 8; bit++) {
            byte[] flipped = bytes.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            Verification result = verifier.verify(b64.encodeToString(flipped));
            assertThat(result.outcome()).as("bit %d", bit).isIn(VerificationOutcome.MALFORMED,
                    VerificationOutcome.SIGNATURE_INVALID, VerificationOutcome.ISSUER_UNKNOWN);
            assertThat(result.token()).isEmpty();
        }
    }

    @Test
    void everySingleBitFlipOfTheTextIsRejected() {
        String text = token.encode();
        for (int i = 0; i < text.length(); i++) {
            for (int bit = 0; bit < 8; bit++) {
                char flipped = (char) (text.charAt(i) ^ (1 << bit));
                String changed = text.substring(0, i) + flipped + text.substring(i + 1);
                assertThat(verifier.verify(changed).outcome()).as("char %d bit %d", i, bit)
                        .isNotEqualTo(VerificationOutcome.VALID);
            }
        }
    }

    @Test
    void tokenFromARogueCaIsNotCertified() {
        CertificateAuthority rogue = CertificateAuthority.createPlatformCa("Platform CA", "福建省住房和城乡建设厅",
                TestPki.CA_FROM, TestPki.CA_TO);
        OrganisationCredential forged = rogue.issueOrganisationCredential(TestPki.LAB, TestPki.ORG_FROM, TestPki.ORG_TO);
        InMemoryTrustRegistry own = registryWith(forged.certificate());
        QrToken forgedToken = TokenSigner.of(forged).sign(TokenKind.REPORT, "JC2024-HNT-000123", fields, TestPki.NOW);
        Verification result = new TokenVerifier(own).verify(forgedToken.encode());
        assertThat(result.outcome()).isEqualTo(VerificationOutcome.ISSUER_NOT_CERTIFIED);
        assertThat(result.message()).contains("not issued by a trusted CA");
        assertThat(result.token()).isEmpty();
    }

    @Test
    void selfSignedIssuerIsNotCertified() throws Exception {
        KeyPair keys = EcKeys.generateP256();
        X500Name subject = TestPki.LAB.toX500Name();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.TEN,
                java.util.Date.from(TestPki.ORG_FROM), java.util.Date.from(TestPki.ORG_TO), subject, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        X509Certificate selfSigned = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        QrToken selfToken = new TokenSigner(TestPki.LAB.uscc(), keys.getPrivate(), KeyId.of(selfSigned))
                .sign(TokenKind.REPORT, "JC2024-HNT-000123", fields, TestPki.NOW);
        Verification result = new TokenVerifier(registryWith(selfSigned)).verify(selfToken);
        assertThat(result.outcome()).isEqualTo(VerificationOutcome.ISSUER_NOT_CERTIFIED);
    }

    @Test
    void unknownKeyIdIsIssuerUnknown() {
        OrganisationCredential unregistered = ca.issueOrganisationCredential(TestPki.LAB, TestPki.ORG_FROM, TestPki.ORG_TO);
        QrToken t = TokenSigner.of(unregistered).sign(TokenKind.REPORT, "JC2024-HNT-000123", fields, TestPki.NOW);
        Verification result = verifier.verify(t.toUrl(BASE_URL));
        assertThat(result.outcome()).isEqualTo(VerificationOutcome.ISSUER_UNKNOWN);
        assertThat(result.keyId()).contains(unregistered.keyId());
        assertThat(result.token()).isEmpty();
    }

    @Test
    void keyIdSwappedToAnotherKnownIssuerIsSignatureInvalid() throws Exception {
        byte[] bytes = token.toBytes();
        int keyIdOffset = bytes.length - 64 - 8;
        System.arraycopy(otherLab.keyId().bytes(), 0, bytes, keyIdOffset, 8);
        String swapped = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThat(QrToken.decode(swapped).keyId()).isEqualTo(otherLab.keyId());
        assertThat(verifier.verify(swapped).outcome()).isEqualTo(VerificationOutcome.SIGNATURE_INVALID);
    }

    @Test
    void tokenNamingAnotherIssuerThanItsCertificateIsNotCertified() {
        // the lab signs with its own key and key id but claims to be the other lab
        QrToken impersonating = new TokenSigner(TestPki.OTHER_LAB.uscc(), lab.privateKey(), lab.keyId())
                .sign(TokenKind.REPORT, "GZ-0001", fields, TestPki.NOW);
        Verification result = verifier.verify(impersonating);
        assertThat(result.outcome()).isEqualTo(VerificationOutcome.ISSUER_NOT_CERTIFIED);
        assertThat(result.message()).contains(TestPki.OTHER_LAB.uscc(), TestPki.LAB.uscc());
    }

    @Test
    void revokedKeyIdIsNotCertifiedButOtherKeysStillVerify() {
        OrganisationCredential old = ca.issueOrganisationCredential(TestPki.LAB, TestPki.ORG_FROM, TestPki.ORG_TO);
        OrganisationCredential rotated = ca.issueOrganisationCredential(TestPki.LAB, TestPki.NOW, TestPki.ORG_TO);
        InMemoryTrustRegistry own = registryWith(old.certificate());
        own.addIssuer(rotated.certificate());
        TokenVerifier v = new TokenVerifier(own);
        QrToken oldToken = TokenSigner.of(old).sign(TokenKind.REPORT, "A-1", fields, TestPki.NOW.minusSeconds(3600));
        QrToken newToken = TokenSigner.of(rotated).sign(TokenKind.REPORT, "A-2", fields, TestPki.NOW.plusSeconds(60));
        assertThat(old.keyId()).isNotEqualTo(rotated.keyId());
        assertThat(v.verify(oldToken).outcome()).isEqualTo(VerificationOutcome.VALID);
        own.revoke(old.keyId());
        Verification result = v.verify(oldToken);
        assertThat(result.outcome()).isEqualTo(VerificationOutcome.ISSUER_NOT_CERTIFIED);
        assertThat(result.message()).contains("revoked");
        assertThat(v.verify(newToken).outcome()).isEqualTo(VerificationOutcome.VALID);
    }

    @Test
    void certificateExpiredBeforeTheIssueTimeIsNotCertified() {
        Instant from = TestPki.NOW.minus(60, ChronoUnit.DAYS);
        Instant to = TestPki.NOW.minus(30, ChronoUnit.DAYS);
        OrganisationCredential expired = ca.issueOrganisationCredential(TestPki.LAB, from, to);
        TokenVerifier v = new TokenVerifier(registryWith(expired.certificate()));
        QrToken late = TokenSigner.of(expired).sign(TokenKind.REPORT, "A-1", fields, TestPki.NOW);
        assertThat(v.verify(late).outcome()).isEqualTo(VerificationOutcome.ISSUER_NOT_CERTIFIED);
        // a token issued while the certificate was valid stays verifiable after it expires
        QrToken inTime = TokenSigner.of(expired).sign(TokenKind.REPORT, "A-0", fields, to.minusSeconds(1));
        assertThat(v.verify(inTime).outcome()).isEqualTo(VerificationOutcome.VALID);
    }

    @Test
    void malformedInputs() {
        String text = token.encode();
        for (String input : List.of("", "   ", "garbage", text.substring(0, text.length() - 4), text + "AAAA",
                "https://weixin.qq.com/r/abc", "https://example.com/report/" + text, "https://x/v/", "\u0000")) {
            Verification result = verifier.verify(input);
            assertThat(result.outcome()).as(input).isEqualTo(VerificationOutcome.MALFORMED);
            assertThat(result.keyId()).isEmpty();
            assertThat(result.message()).isNotBlank();
        }
        assertThat(verifier.verify((String) null).outcome()).isEqualTo(VerificationOutcome.MALFORMED);
    }

    @Test
    void highSVariantOfAValidSignatureIsRejected() throws Exception {
        byte[] bytes = token.toBytes();
        int sOffset = bytes.length - 32;
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(bytes, sOffset, bytes.length));
        byte[] high = EcKeys.P256_ORDER.subtract(s).toByteArray();
        byte[] padded = new byte[32];
        System.arraycopy(high, Math.max(0, high.length - 32), padded, Math.max(0, 32 - high.length), Math.min(32, high.length));
        System.arraycopy(padded, 0, bytes, sOffset, 32);
        String malleated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThat(verifier.verify(malleated).outcome()).isEqualTo(VerificationOutcome.SIGNATURE_INVALID);
    }

    @Test
    void pkcs12RoundTripThenSignAndVerify(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lab.p12");
        Pkcs12Keystores.save(lab, file, "lab-password".toCharArray());
        OrganisationCredential loaded = Pkcs12Keystores.load(file, "lab-password".toCharArray());
        QrToken signed = TokenSigner.of(loaded).sign(TokenKind.PILE_TEST, "ZJ-2025-0042", fields, TestPki.NOW);
        Verification result = verifier.verify(signed.toUrl(BASE_URL));
        assertThat(result.outcome()).isEqualTo(VerificationOutcome.VALID);
        assertThat(result.token().orElseThrow().kind()).isEqualTo(TokenKind.PILE_TEST);
    }

    @Test
    void signaturesAreLowSAndFresh() {
        TokenSigner signer = TokenSigner.of(lab);
        QrToken a = signer.sign(TokenKind.BATCH, "SN-1", fields, TestPki.NOW);
        QrToken b = signer.sign(TokenKind.BATCH, "SN-1", fields, TestPki.NOW);
        assertThat(a.signature()).isNotEqualTo(b.signature());
        for (int i = 0; i < 32; i++) {
            QrToken t = signer.sign(TokenKind.BATCH, "SN-" + i, fields, TestPki.NOW);
            assertThat(EcdsaP1363.isCanonical(t.signature())).isTrue();
            assertThat(verifier.verify(t).isValid()).isTrue();
        }
    }

    private static InMemoryTrustRegistry registryWith(X509Certificate issuer) {
        InMemoryTrustRegistry own = new InMemoryTrustRegistry().trustCa(ca.certificate());
        own.addIssuer(issuer);
        return own;
    }

}

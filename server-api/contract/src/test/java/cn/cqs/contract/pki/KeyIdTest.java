package cn.cqs.contract.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyIdTest {

    @Test
    void isTheFirstEightBytesOfSha256OfTheDer() {
        // SHA-256("abc") = ba7816bf8f01cfea 414140de5dae2223 ... (FIPS 180-2 test vector)
        assertThat(KeyId.ofDer("abc".getBytes(StandardCharsets.US_ASCII)).hex()).isEqualTo("ba7816bf8f01cfea");
    }

    @Test
    void ofCertificateHashesItsDerEncoding() throws Exception {
        CertificateAuthority ca = TestPki.platformCa();
        var credential = ca.issueOrganisationCredential(TestPki.LAB, TestPki.ORG_FROM, TestPki.ORG_TO);
        byte[] der = credential.certificate().getEncoded();
        byte[] expected = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(der), 8);
        assertThat(credential.keyId().bytes()).isEqualTo(expected);
        assertThat(KeyId.of(credential.certificate())).isEqualTo(KeyId.of(expected));
        assertThat(KeyId.of(ca.certificate())).isNotEqualTo(credential.keyId());
    }

    @Test
    void hexRoundTripAndValueEquality() {
        KeyId id = KeyId.fromHex("00FF10203040A0B0");
        assertThat(id.hex()).isEqualTo("00ff10203040a0b0");
        assertThat(id).isEqualTo(KeyId.of(HexFormat.of().parseHex("00ff10203040a0b0")))
                .hasSameHashCodeAs(KeyId.fromHex("00ff10203040a0b0"));
    }

    @Test
    void rejectsWrongLengths() {
        assertThatThrownBy(() -> KeyId.of(new byte[7])).hasMessageContaining("keyId");
        assertThatThrownBy(() -> KeyId.fromHex("abc")).hasMessageContaining("16 hexadecimal");
        assertThatThrownBy(() -> KeyId.fromHex("zz00000000000000")).hasMessageContaining("not hexadecimal");
    }

    @Test
    void bytesAreDefensivelyCopied() {
        byte[] raw = new byte[8];
        KeyId id = KeyId.of(raw);
        raw[0] = 1;
        id.bytes()[1] = 1;
        assertThat(id.hex()).isEqualTo("0000000000000000");
    }
}

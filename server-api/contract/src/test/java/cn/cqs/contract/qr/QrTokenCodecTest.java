package cn.cqs.contract.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.cqs.contract.pki.KeyId;
import cn.cqs.contract.qr.MalformedTokenException.Reason;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The encoding alone (no keys): field layout, strict decoding, URL handling. */
class QrTokenCodecTest {
    private static final KeyFieldsDigest DIGEST = KeyFields.builder().add("reportNumber", "R").build().digest();
    private static final byte[] SIGNATURE = new byte[64];

    static {
        Arrays.fill(SIGNATURE, (byte) 0x5A);
    }

    private static QrToken token(String issuer, String number) {
        return new QrToken(1, TokenKind.REPORT, issuer, number, DIGEST, Instant.parse("2025-06-01T08:00:00Z"),
                KeyId.fromHex("0102030405060708"), SIGNATURE);
    }

    private static Reason reasonOf(String text) {
        MalformedTokenException e = catchThrowableOfType(MalformedTokenException.class,
                () -> QrToken.fromScannedText(text));
        assertThat(e).as("rejects %s", text).isNotNull();
        return e.reason();
    }

    @Test
    void roundTripsEveryField() throws Exception {
        QrToken token = token("91350200776049653A", "JC2024-HNT-000123");
        QrToken back = QrToken.decode(token.encode());
        assertThat(back).isEqualTo(token);
        assertThat(back.issuerId()).isEqualTo("91350200776049653A");
        assertThat(back.documentNumber()).isEqualTo("JC2024-HNT-000123");
        assertThat(back.digest()).isEqualTo(DIGEST);
        assertThat(back.issuedAt()).isEqualTo(Instant.parse("2025-06-01T08:00:00Z"));
        assertThat(back.keyId().hex()).isEqualTo("0102030405060708");
        assertThat(back.signature()).isEqualTo(SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350200776049653A", "91350100M0001TGQXM", "000000000000000000", "YYYYYYYYYYYYYYYYYY",
        "123502001549897397"})
    void packsAnyWellFormedUscc(String uscc) throws Exception {
        assertThat(QrToken.decode(token(uscc, "N").encode()).issuerId()).isEqualTo(uscc);
    }

    @Test
    void layoutIsAsDocumented() {
        QrToken token = token("91350200776049653A", "闽建检(2024)第1号");
        byte[] bytes = token.toBytes();
        int l = "闽建检(2024)第1号".getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertThat(bytes).hasSize(107 + l);
        assertThat(bytes[0]).isEqualTo((byte) 1);
        assertThat(bytes[1]).isEqualTo((byte) TokenKind.REPORT.code());
        assertThat(bytes[14] & 0xFF).isEqualTo(l);
        assertThat(Arrays.copyOfRange(bytes, 15 + l, 31 + l)).isEqualTo(DIGEST.bytes());
        long seconds = ((bytes[31 + l] & 0xFFL) << 24) | ((bytes[32 + l] & 0xFF) << 16) | ((bytes[33 + l] & 0xFF) << 8)
                | (bytes[34 + l] & 0xFF);
        assertThat(seconds).isEqualTo(Instant.parse("2025-06-01T08:00:00Z").getEpochSecond());
        assertThat(Arrays.copyOfRange(bytes, 35 + l, 43 + l)).isEqualTo(KeyId.fromHex("0102030405060708").bytes());
        assertThat(Arrays.copyOfRange(bytes, 43 + l, 107 + l)).isEqualTo(SIGNATURE);
        byte[] signed = token.signingInput();
        assertThat(new String(signed, 0, 16, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("cn.cqs.qr-token\0");
        assertThat(Arrays.copyOfRange(signed, 16, signed.length)).isEqualTo(Arrays.copyOf(bytes, 43 + l));
    }

    @Test
    void urlFormAndScannedText() throws Exception {
        QrToken token = token("91350200776049653A", "JC2024-HNT-000123");
        String url = token.toUrl("https://220.160.52.164:20082");
        assertThat(url).isEqualTo("https://220.160.52.164:20082/v/" + token.encode());
        assertThat(token.toUrl("https://220.160.52.164:20082/")).isEqualTo(url);
        assertThat(QrToken.fromScannedText(url)).isEqualTo(token);
        assertThat(QrToken.fromScannedText("  " + url + "\r\n")).isEqualTo(token);
        assertThat(QrToken.fromScannedText("HTTPS://ZLJD.EXAMPLE.GOV.CN/v/" + token.encode())).isEqualTo(token);
        assertThat(QrToken.fromScannedText("http://localhost:8080/cqs/app/v/" + token.encode())).isEqualTo(token);
        assertThat(QrToken.fromScannedText(token.encode())).isEqualTo(token);
        assertThat(token.toUrl("https://host.example/cqs")).isEqualTo("https://host.example/cqs/v/" + token.encode());
        assertThatThrownBy(() -> token.toUrl("ftp://x")).hasMessageContaining("verifyBaseUrl");
        assertThatThrownBy(() -> token.toUrl("https://x/?a=1")).hasMessageContaining("verifyBaseUrl");
    }

    @Test
    void rejectsEmptyGarbageAndForeignUrls() {
        assertThat(reasonOf(null)).isEqualTo(Reason.EMPTY);
        assertThat(reasonOf("")).isEqualTo(Reason.EMPTY);
        assertThat(reasonOf("   ")).isEqualTo(Reason.EMPTY);
        assertThat(reasonOf("hello world")).isEqualTo(Reason.NOT_A_TOKEN);
        assertThat(reasonOf("检测报告")).isEqualTo(Reason.NOT_A_TOKEN);
        assertThat(reasonOf("https://weixin.qq.com/r/abcdef")).isEqualTo(Reason.NOT_A_TOKEN);
        assertThat(reasonOf("https://example.com/v/" + token("91350200776049653A", "N").encode() + "?x=1"))
                .isEqualTo(Reason.NOT_A_TOKEN);
        assertThat(reasonOf("https://example.com/v/hello")).isIn(Reason.BAD_BASE64, Reason.UNSUPPORTED_VERSION,
                Reason.WRONG_LENGTH);
        assertThat(reasonOf("WIFI:S:net;T:WPA;P:pw;;")).isEqualTo(Reason.NOT_A_TOKEN);
        assertThat(reasonOf("A".repeat(5000))).isEqualTo(Reason.WRONG_LENGTH);
    }

    @Test
    void rejectsTruncatedExtendedAndTrailingBytes() {
        byte[] bytes = token("91350200776049653A", "JC2024-HNT-000123").toBytes();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        for (int length = 0; length < bytes.length; length++) {
            String truncated = b64.encodeToString(Arrays.copyOf(bytes, length));
            assertThat(reasonOf(truncated)).as("length %d", length).isIn(Reason.EMPTY, Reason.WRONG_LENGTH);
        }
        byte[] extended = Arrays.copyOf(bytes, bytes.length + 1);
        assertThat(reasonOf(b64.encodeToString(extended))).isEqualTo(Reason.WRONG_LENGTH);
        String text = b64.encodeToString(bytes);
        assertThat(reasonOf(text + "A")).isEqualTo(Reason.WRONG_LENGTH);
        assertThat(reasonOf(text + "AA")).isEqualTo(Reason.WRONG_LENGTH);
        assertThat(reasonOf(text + "AAA")).isEqualTo(Reason.BAD_BASE64);
        assertThat(reasonOf(text + "=")).isEqualTo(Reason.NOT_A_TOKEN);
    }

    @Test
    void rejectsNonCanonicalBase64() {
        String text = token("91350200776049653A", "JC2024-HNT-000123").encode();
        // 124 bytes = 166 characters with 4 unused bits in the last character: setting them must not pass
        assertThat(text.length() * 6 % 8).isNotZero();
        char last = text.charAt(text.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char sibling = alphabet.charAt(alphabet.indexOf(last) ^ 1);
        assertThat(reasonOf(text.substring(0, text.length() - 1) + sibling)).isEqualTo(Reason.BAD_BASE64);
    }

    @Test
    void rejectsUnknownVersionKindAndBadFields() {
        byte[] bytes = token("91350200776049653A", "JC2024-HNT-000123").toBytes();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        byte[] v2 = bytes.clone();
        v2[0] = 2;
        assertThat(reasonOf(b64.encodeToString(v2))).isEqualTo(Reason.UNSUPPORTED_VERSION);
        byte[] kind = bytes.clone();
        kind[1] = 99;
        assertThat(reasonOf(b64.encodeToString(kind))).isEqualTo(Reason.UNKNOWN_KIND);
        byte[] issuer = bytes.clone();
        Arrays.fill(issuer, 2, 14, (byte) 0xFF);
        assertThat(reasonOf(b64.encodeToString(issuer))).isEqualTo(Reason.BAD_FIELD);
        byte[] number = bytes.clone();
        number[15] = (byte) 0xC3;
        assertThat(reasonOf(b64.encodeToString(number))).isEqualTo(Reason.BAD_FIELD);
        byte[] control = bytes.clone();
        control[15] = 0x07;
        assertThat(reasonOf(b64.encodeToString(control))).isEqualTo(Reason.BAD_FIELD);
        byte[] zeroLength = bytes.clone();
        zeroLength[14] = 0;
        assertThat(reasonOf(b64.encodeToString(zeroLength))).isEqualTo(Reason.WRONG_LENGTH);
    }

    @Test
    void constructorNamesTheBadField() {
        assertThatThrownBy(() -> token("91350200776049653", "N")).hasMessageContaining("issuerId");
        assertThatThrownBy(() -> token("91350200776049653A", " ")).hasMessageContaining("documentNumber");
        assertThatThrownBy(() -> token("91350200776049653A", "x".repeat(65))).hasMessageContaining("at most 64");
        assertThatThrownBy(() -> new QrToken(1, TokenKind.BATCH, "91350200776049653A", "N", DIGEST,
                Instant.parse("2025-06-01T08:00:00.5Z"), KeyId.fromHex("0102030405060708"), SIGNATURE))
                .hasMessageContaining("issuedAt");
        assertThatThrownBy(() -> new QrToken(1, TokenKind.BATCH, "91350200776049653A", "N", DIGEST,
                Instant.ofEpochSecond(1L << 32), KeyId.fromHex("0102030405060708"), SIGNATURE))
                .hasMessageContaining("issuedAt");
        assertThatThrownBy(() -> new QrToken(2, TokenKind.BATCH, "91350200776049653A", "N", DIGEST,
                Instant.EPOCH, KeyId.fromHex("0102030405060708"), SIGNATURE)).hasMessageContaining("formatVersion");
    }

    @Test
    void kindCodesAreStable() {
        assertThat(TokenKind.REPORT.code()).isEqualTo(1);
        assertThat(TokenKind.BATCH.code()).isEqualTo(2);
        assertThat(TokenKind.PILE_TEST.code()).isEqualTo(3);
        assertThat(TokenKind.fromCode(0)).isEmpty();
        for (TokenKind kind : TokenKind.values()) {
            assertThat(TokenKind.fromCode(kind.code())).contains(kind);
        }
    }
}

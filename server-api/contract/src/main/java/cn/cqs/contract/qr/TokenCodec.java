package cn.cqs.contract.qr;

import cn.cqs.contract.pki.KeyId;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The binary and text forms of a {@link QrToken}, format version 1 (see docs/qr-token.md):
 * <pre>
 * offset  size  field
 * 0       1     format version (0x01)
 * 1       1     kind code
 * 2       12    issuer id: USCC packed base-31
 * 14      1     L = document number length in bytes (1-64)
 * 15      L     document number, UTF-8
 * 15+L    16    key-fields digest
 * 31+L    4     issue time, seconds since 1970-01-01T00:00Z, unsigned big-endian
 * 35+L    8     key id
 * 43+L    64    signature r || s
 * total   107+L
 * </pre>
 */
final class TokenCodec {
    static final int FIXED_LENGTH = 1 + 1 + IssuerIdCodec.PACKED_LENGTH + 1 + KeyFieldsDigest.LENGTH + 4
            + KeyId.LENGTH + QrToken.SIGNATURE_LENGTH;
    static final int MIN_LENGTH = FIXED_LENGTH + 1;
    static final int MAX_LENGTH = FIXED_LENGTH + QrToken.MAX_DOCUMENT_NUMBER_BYTES;
    /** Longest base64url text a token can have. */
    static final int MAX_TEXT_LENGTH = (MAX_LENGTH * 4 + 2) / 3;

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern TOKEN_URL = Pattern.compile(
            "(?i:https?)://[^/?#\\s]+(?:/[^/?#\\s]+)*?/v/([A-Za-z0-9_-]+)");
    private static final Pattern BASE_URL = Pattern.compile("(?i:https?)://[^/?#\\s]+(?:/[^/?#\\s]+)*");

    private TokenCodec() {
    }

    static byte[] unsignedBytes(int formatVersion, TokenKind kind, String issuerId, String documentNumber,
                                KeyFieldsDigest digest, Instant issuedAt, KeyId keyId) {
        byte[] number = documentNumber.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(FIXED_LENGTH + number.length);
        out.write(formatVersion);
        out.write(kind.code());
        out.writeBytes(IssuerIdCodec.pack(issuerId));
        out.write(number.length);
        out.writeBytes(number);
        out.writeBytes(digest.bytes());
        long seconds = issuedAt.getEpochSecond();
        out.write((int) (seconds >>> 24));
        out.write((int) (seconds >>> 16));
        out.write((int) (seconds >>> 8));
        out.write((int) seconds);
        out.writeBytes(keyId.bytes());
        return out.toByteArray();
    }

    static byte[] toBytes(QrToken token) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(unsignedBytes(token.formatVersion(), token.kind(), token.issuerId(), token.documentNumber(),
                token.digest(), token.issuedAt(), token.keyId()));
        out.writeBytes(token.signature());
        return out.toByteArray();
    }

    static String encode(QrToken token) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(toBytes(token));
    }

    static String toUrl(String verifyBaseUrl, String token) {
        if (verifyBaseUrl == null) {
            throw new IllegalArgumentException("verifyBaseUrl: is required");
        }
        String base = verifyBaseUrl.strip();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (!BASE_URL.matcher(base).matches()) {
            throw new IllegalArgumentException("verifyBaseUrl: must be http(s)://host[:port][/path] without query "
                    + "or fragment, got '" + verifyBaseUrl + "'");
        }
        return base + QrToken.URL_PATH + token;
    }

    static QrToken fromScannedText(String text) throws MalformedTokenException {
        if (text == null || text.isBlank()) {
            throw new MalformedTokenException(MalformedTokenException.Reason.EMPTY, "Nothing was scanned");
        }
        String trimmed = text.strip();
        Matcher url = TOKEN_URL.matcher(trimmed);
        if (url.matches()) {
            return decode(url.group(1));
        }
        if (trimmed.toLowerCase(Locale.ROOT).contains("://")) {
            throw new MalformedTokenException(MalformedTokenException.Reason.NOT_A_TOKEN,
                    "This URL is not a verification link of this system: " + abbreviate(trimmed));
        }
        return decode(trimmed);
    }

    static QrToken decode(String text) throws MalformedTokenException {
        if (text == null || text.isEmpty()) {
            throw new MalformedTokenException(MalformedTokenException.Reason.EMPTY, "The token is empty");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new MalformedTokenException(MalformedTokenException.Reason.WRONG_LENGTH,
                    "The token is too long: " + text.length() + " characters, at most " + MAX_TEXT_LENGTH);
        }
        if (!BASE64URL.matcher(text).matches()) {
            throw new MalformedTokenException(MalformedTokenException.Reason.NOT_A_TOKEN,
                    "Not a token of this system: " + abbreviate(text));
        }
        if (text.length() % 4 == 1) {
            throw new MalformedTokenException(MalformedTokenException.Reason.BAD_BASE64,
                    "The token's base64url text has an impossible length " + text.length());
        }
        byte[] bytes = Base64.getUrlDecoder().decode(text);
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(text)) {
            throw new MalformedTokenException(MalformedTokenException.Reason.BAD_BASE64,
                    "The token's base64url text is not canonical (unused bits are set)");
        }
        return fromBytes(bytes);
    }

    static QrToken fromBytes(byte[] bytes) throws MalformedTokenException {
        if (bytes.length < 1) {
            throw new MalformedTokenException(MalformedTokenException.Reason.WRONG_LENGTH, "The token is empty");
        }
        int version = bytes[0] & 0xFF;
        if (version != QrToken.FORMAT_VERSION) {
            throw new MalformedTokenException(MalformedTokenException.Reason.UNSUPPORTED_VERSION,
                    "Token format version " + version + " is not supported (this build reads version "
                            + QrToken.FORMAT_VERSION + ")");
        }
        if (bytes.length < MIN_LENGTH || bytes.length > MAX_LENGTH) {
            throw new MalformedTokenException(MalformedTokenException.Reason.WRONG_LENGTH,
                    "A token has " + MIN_LENGTH + " to " + MAX_LENGTH + " bytes, this one " + bytes.length);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.get();
        int kindCode = in.get() & 0xFF;
        TokenKind kind = TokenKind.fromCode(kindCode).orElseThrow(() -> new MalformedTokenException(
                MalformedTokenException.Reason.UNKNOWN_KIND, "Unknown token kind " + kindCode));
        byte[] packedIssuer = new byte[IssuerIdCodec.PACKED_LENGTH];
        in.get(packedIssuer);
        String issuerId = IssuerIdCodec.unpack(packedIssuer);
        if (issuerId == null) {
            throw new MalformedTokenException(MalformedTokenException.Reason.BAD_FIELD,
                    "issuerId: not a packed unified social credit code");
        }
        int numberLength = in.get() & 0xFF;
        if (bytes.length != FIXED_LENGTH + numberLength) {
            throw new MalformedTokenException(MalformedTokenException.Reason.WRONG_LENGTH,
                    "With a " + numberLength + "-byte document number the token has " + (FIXED_LENGTH + numberLength)
                            + " bytes, this one " + bytes.length);
        }
        byte[] number = new byte[numberLength];
        in.get(number);
        String documentNumber;
        try {
            documentNumber = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(number)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedTokenException(MalformedTokenException.Reason.BAD_FIELD,
                    "documentNumber: not valid UTF-8");
        }
        byte[] digest = new byte[KeyFieldsDigest.LENGTH];
        in.get(digest);
        long seconds = in.getInt() & 0xFFFF_FFFFL;
        byte[] keyId = new byte[KeyId.LENGTH];
        in.get(keyId);
        byte[] signature = new byte[QrToken.SIGNATURE_LENGTH];
        in.get(signature);
        try {
            return new QrToken(version, kind, issuerId, documentNumber, KeyFieldsDigest.of(digest),
                    Instant.ofEpochSecond(seconds), KeyId.of(keyId), signature);
        } catch (IllegalArgumentException e) {
            throw new MalformedTokenException(MalformedTokenException.Reason.BAD_FIELD, e.getMessage());
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}

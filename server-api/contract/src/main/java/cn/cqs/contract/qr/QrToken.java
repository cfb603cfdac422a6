package cn.cqs.contract.qr;

import cn.cqs.contract.orgs.Uscc;
import cn.cqs.contract.pki.KeyId;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * 二维码令牌 (QR token): the compact signed statement a QR code carries. "Issuer {@code issuerId}
 * issued {@code kind} number {@code documentNumber} whose key fields hash to {@code digest}, at
 * {@code issuedAt}, signed with the key of certificate {@code keyId}."
 *
 * <p>The binary form (format version 1) and the URL form are specified in docs/qr-token.md. Create
 * tokens with {@link TokenSigner}; read scanned ones with {@link #fromScannedText(String)} and check
 * them with {@link TokenVerifier} before using any field.
 *
 * @param formatVersion  the format version, {@value #FORMAT_VERSION}
 * @param kind           what the token vouches for
 * @param issuerId       the signing organisation's unified social credit code (18 characters)
 * @param documentNumber the issuer's own number for the document (e.g. the report number), 1-64 bytes of UTF-8
 * @param digest         the digest of the document's key fields
 * @param issuedAt       when it was signed, whole seconds, 1970-01-01 to 2106-02-07
 * @param keyId          the key id of the signer's certificate
 * @param signature      the 64-byte P1363 (r || s) ECDSA P-256 signature over {@link #signingInput()}
 */
public record QrToken(int formatVersion, TokenKind kind, String issuerId, String documentNumber,
                      KeyFieldsDigest digest, Instant issuedAt, KeyId keyId, byte[] signature) {

    /** The format version this build writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** Most UTF-8 bytes a document number may have. */
    public static final int MAX_DOCUMENT_NUMBER_BYTES = 64;
    /** Length of the signature in bytes. */
    public static final int SIGNATURE_LENGTH = 64;
    /** The largest issue time the 32-bit field holds (2106-02-07T06:28:15Z). */
    public static final long MAX_ISSUED_AT = 0xFFFF_FFFFL;
    /** Path segment between the verify base URL and the token. */
    public static final String URL_PATH = "/v/";

    static final byte[] SIGNING_DOMAIN = "cn.cqs.qr-token\0".getBytes(StandardCharsets.US_ASCII);

    /**
     * @throws IllegalArgumentException naming the field when a value is outside the format
     */
    public QrToken {
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("formatVersion: only " + FORMAT_VERSION + " is supported, got " + formatVersion);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(keyId, "keyId");
        issuerId = checkIssuerId(issuerId);
        checkDocumentNumber(documentNumber);
        checkIssuedAt(issuedAt);
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("signature: must be " + SIGNATURE_LENGTH + " bytes");
        }
        signature = signature.clone();
    }

    /** A copy of the signature bytes. */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /**
     * The bytes the signature covers: the ASCII domain tag {@code "cn.cqs.qr-token"} and a zero
     * byte, then the token's encoding up to and including the key id.
     */
    public byte[] signingInput() {
        return signingInput(formatVersion, kind, issuerId, documentNumber, digest, issuedAt, keyId);
    }

    /** The token as unpadded base64url text (the part after {@code /v/}). */
    public String encode() {
        return TokenCodec.encode(this);
    }

    /** The binary encoding (before base64url). */
    public byte[] toBytes() {
        return TokenCodec.toBytes(this);
    }

    /**
     * The QR payload: {@code <verifyBaseUrl>/v/<token>}.
     *
     * @param verifyBaseUrl the server's public base URL, {@code http(s)://host[:port][/path]}, e.g.
     *                      {@code https://220.160.52.164:20082}; a trailing slash is dropped
     * @throws IllegalArgumentException when the base URL is not of that form
     */
    public String toUrl(String verifyBaseUrl) {
        return TokenCodec.toUrl(verifyBaseUrl, encode());
    }

    /**
     * Decodes a bare token, strictly: anything that is not exactly a version-1 token gives a
     * {@link MalformedTokenException}, never an unchecked exception.
     */
    public static QrToken decode(String token) throws MalformedTokenException {
        return TokenCodec.decode(token);
    }

    /**
     * Reads what a scanner returned: either a URL {@code http(s)://<any host>[/path]/v/<token>}
     * (scheme and host in any case) or a bare token; surrounding white space is ignored.
     */
    public static QrToken fromScannedText(String text) throws MalformedTokenException {
        return TokenCodec.fromScannedText(text);
    }

    static byte[] signingInput(int formatVersion, TokenKind kind, String issuerId, String documentNumber,
                               KeyFieldsDigest digest, Instant issuedAt, KeyId keyId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNING_DOMAIN);
        out.writeBytes(TokenCodec.unsignedBytes(formatVersion, kind, issuerId, documentNumber, digest, issuedAt, keyId));
        return out.toByteArray();
    }

    static String checkIssuerId(String issuerId) {
        Uscc.Check check = Uscc.check(issuerId);
        if (!check.acceptable()) {
            throw new IllegalArgumentException("issuerId: " + check.message());
        }
        return check.code();
    }

    static void checkDocumentNumber(String documentNumber) {
        if (documentNumber == null || documentNumber.isBlank()) {
            throw new IllegalArgumentException("documentNumber: is required");
        }
        if (!documentNumber.equals(documentNumber.strip())) {
            throw new IllegalArgumentException("documentNumber: must not start or end with white space");
        }
        int bytes = documentNumber.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_DOCUMENT_NUMBER_BYTES) {
            throw new IllegalArgumentException("documentNumber: at most " + MAX_DOCUMENT_NUMBER_BYTES
                    + " bytes of UTF-8, got " + bytes);
        }
        for (int i = 0; i < documentNumber.length(); i++) {
            char c = documentNumber.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c) && !validSurrogate(documentNumber, i)) {
                throw new IllegalArgumentException("documentNumber: control or broken character at position " + (i + 1));
            }
        }
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    static void checkIssuedAt(Instant issuedAt) {
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (issuedAt.getNano() != 0) {
            throw new IllegalArgumentException("issuedAt: must be whole seconds, got " + issuedAt);
        }
        if (issuedAt.getEpochSecond() < 0 || issuedAt.getEpochSecond() > MAX_ISSUED_AT) {
            throw new IllegalArgumentException("issuedAt: must be between 1970-01-01 and 2106-02-07, got " + issuedAt);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QrToken t && formatVersion == t.formatVersion && kind == t.kind
                && issuerId.equals(t.issuerId) && documentNumber.equals(t.documentNumber)
                && digest.equals(t.digest) && issuedAt.equals(t.issuedAt) && keyId.equals(t.keyId)
                && Arrays.equals(signature, t.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(formatVersion, kind, issuerId, documentNumber, digest, issuedAt, keyId)
                * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "QrToken[v" + formatVersion + " " + kind + " issuer=" + issuerId + " document=" + documentNumber
                + " digest=" + digest + " issuedAt=" + issuedAt + " keyId=" + keyId
                + " signature=" + HexFormat.of().formatHex(signature) + "]";
    }
}

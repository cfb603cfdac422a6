package cn.cqs.contract.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * 密钥标识 (key id): the first 8 bytes of the SHA-256 of a certificate's DER encoding, as in the EU
 * digital COVID certificate ("kid").
 *
 * <p>Every certificate has its own key id, so a rotated key (a new certificate) gets a new id while
 * tokens signed under the old one stay verifiable as long as the old certificate is known and not
 * revoked. Immutable; compares by value.
 */
public final class KeyId {
    /** Length of a key id in bytes. */
    public static final int LENGTH = 8;

    private final byte[] bytes;

    private KeyId(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * A key id from its 8 bytes.
     *
     * @throws IllegalArgumentException when {@code bytes} is null or not 8 bytes long
     */
    public static KeyId of(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("keyId: must be " + LENGTH + " bytes, got "
                    + (bytes == null ? "null" : bytes.length + " bytes"));
        }
        return new KeyId(bytes.clone());
    }

    /**
     * A key id from 16 hexadecimal digits (either case).
     *
     * @throws IllegalArgumentException when {@code hex} is not 16 hexadecimal digits
     */
    public static KeyId fromHex(String hex) {
        if (hex == null || hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("keyId: must be " + 2 * LENGTH + " hexadecimal digits");
        }
        try {
            return new KeyId(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("keyId: not hexadecimal: " + hex, e);
        }
    }

    /** The key id of a certificate: SHA-256 over its DER encoding, first 8 bytes. */
    public static KeyId of(X509Certificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        try {
            return ofDer(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate: cannot be DER-encoded", e);
        }
    }

    /** The key id of a DER-encoded certificate. */
    public static KeyId ofDer(byte[] certificateDer) {
        Objects.requireNonNull(certificateDer, "certificateDer");
        return new KeyId(Arrays.copyOf(sha256(certificateDer), LENGTH));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** A copy of the 8 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The 16 lower-case hexadecimal digits, e.g. for logs, file names and REST paths. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}

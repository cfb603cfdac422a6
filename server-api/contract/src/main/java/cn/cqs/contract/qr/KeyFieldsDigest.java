package cn.cqs.contract.qr;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * 关键字段摘要: the 16-byte digest of a document's key fields ({@link KeyFields#digest()}), as
 * carried in a {@link QrToken}. Immutable; compares by value in constant time.
 */
public final class KeyFieldsDigest {
    /** Length in bytes: SHA-256 truncated to 128 bits (see docs/qr-token.md for why). */
    public static final int LENGTH = 16;

    private final byte[] bytes;

    private KeyFieldsDigest(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * @throws IllegalArgumentException when {@code bytes} is null or not 16 bytes long
     */
    public static KeyFieldsDigest of(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("digest: must be " + LENGTH + " bytes, got "
                    + (bytes == null ? "null" : bytes.length + " bytes"));
        }
        return new KeyFieldsDigest(bytes.clone());
    }

    /** A copy of the 16 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** 32 lower-case hexadecimal digits. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyFieldsDigest other && MessageDigest.isEqual(bytes, other.bytes);
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

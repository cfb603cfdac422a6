package cn.cqs.contract.qr;

import java.math.BigInteger;

/**
 * Packs an 18-character unified social credit code into 12 bytes: each character is a base-31 digit
 * (its index in {@code 0123456789ABCDEFGHJKLMNPQRTUWXY}), the code is read as a base-31 number
 * (first character most significant) and written as a 96-bit unsigned big-endian integer.
 * 31^18 < 2^90, so any value of 31^18 or more is not a code.
 */
final class IssuerIdCodec {
    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int CODE_LENGTH = 18;
    static final int PACKED_LENGTH = 12;
    private static final BigInteger BASE = BigInteger.valueOf(31);
    private static final BigInteger LIMIT = BASE.pow(CODE_LENGTH);

    private IssuerIdCodec() {
    }

    static byte[] pack(String code) {
        BigInteger value = BigInteger.ZERO;
        for (int i = 0; i < CODE_LENGTH; i++) {
            int digit = CHARSET.indexOf(code.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("issuerId: character '" + code.charAt(i) + "' is not allowed");
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] raw = value.toByteArray();
        byte[] packed = new byte[PACKED_LENGTH];
        int copy = Math.min(raw.length, PACKED_LENGTH);
        System.arraycopy(raw, raw.length - copy, packed, PACKED_LENGTH - copy, copy);
        return packed;
    }

    /** The code, or null when the 12 bytes are not a packed code. */
    static String unpack(byte[] packed) {
        BigInteger value = new BigInteger(1, packed);
        if (value.compareTo(LIMIT) >= 0) {
            return null;
        }
        char[] code = new char[CODE_LENGTH];
        for (int i = CODE_LENGTH - 1; i >= 0; i--) {
            BigInteger[] qr = value.divideAndRemainder(BASE);
            code[i] = CHARSET.charAt(qr[1].intValue());
            value = qr[0];
        }
        return new String(code);
    }
}

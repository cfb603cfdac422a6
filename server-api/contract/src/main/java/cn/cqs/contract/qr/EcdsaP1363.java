package cn.cqs.contract.qr;

import cn.cqs.contract.pki.EcKeys;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Helpers for 64-byte P1363 (r || s) P-256 signatures. Signatures are normalised to "low S"
 * (s at most n/2): ECDSA signatures are otherwise malleable, since (r, n - s) verifies too, and a
 * token must have exactly one valid encoding.
 */
final class EcdsaP1363 {
    static final String ALGORITHM = "SHA256withECDSAinP1363Format";
    private static final int HALF = 32;
    private static final BigInteger HALF_ORDER = EcKeys.P256_ORDER.shiftRight(1);

    private EcdsaP1363() {
    }

    /** The same signature with s replaced by n - s when s is above n/2. */
    static byte[] toLowS(byte[] signature) {
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, HALF, 2 * HALF));
        if (s.compareTo(HALF_ORDER) <= 0) {
            return signature.clone();
        }
        byte[] result = Arrays.copyOf(signature, 2 * HALF);
        byte[] low = EcKeys.P256_ORDER.subtract(s).toByteArray();
        Arrays.fill(result, HALF, 2 * HALF, (byte) 0);
        int copy = Math.min(low.length, HALF);
        System.arraycopy(low, low.length - copy, result, 2 * HALF - copy, copy);
        return result;
    }

    /** Whether r and s are in [1, n-1] and s is at most n/2. */
    static boolean isCanonical(byte[] signature) {
        if (signature.length != 2 * HALF) {
            return false;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, HALF));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, HALF, 2 * HALF));
        return r.signum() > 0 && r.compareTo(EcKeys.P256_ORDER) < 0
                && s.signum() > 0 && s.compareTo(HALF_ORDER) <= 0;
    }
}

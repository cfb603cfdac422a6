package cn.cqs.contract.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;

/**
 * ECDSA P-256 (secp256r1, prime256v1) keys: the only key type of this system's PKI, for the
 * platform CA and for every organisation.
 */
public final class EcKeys {
    /** The JCA name of the curve. */
    public static final String CURVE = "secp256r1";
    /** The order n of P-256's base point; signatures have r, s in [1, n-1]. */
    public static final BigInteger P256_ORDER = new BigInteger(
            "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private EcKeys() {
    }

    /** A fresh P-256 key pair from a strong random source. */
    public static KeyPair generateP256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(CURVE), new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime cannot generate P-256 keys", e);
        }
    }

    /** Whether {@code key} is an EC public key on P-256. */
    public static boolean isP256(PublicKey key) {
        if (!(key instanceof ECPublicKey ec)) {
            return false;
        }
        ECParameterSpec params = ec.getParams();
        return params.getOrder().equals(P256_ORDER) && params.getCofactor() == 1
                && params.getCurve().getField().getFieldSize() == 256;
    }
}

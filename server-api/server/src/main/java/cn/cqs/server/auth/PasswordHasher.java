package cn.cqs.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt (BouncyCastle {@link OpenBSDBCrypt}, cost {@value #COST}). Passwords are never stored or
 * logged in clear. bcrypt reads at most 72 bytes, so longer passwords are refused by validation.
 */
public final class PasswordHasher {
    public static final int COST = 10;
    public static final int MAX_BYTES = 72;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Compared against when the user name is unknown, so both cases take the same time. */
    private final String dummyHash;

    public PasswordHasher() {
        this.dummyHash = hash("not-a-real-password-" + RANDOM.nextLong());
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", password.toCharArray(), salt, COST);
    }

    /** @param storedHash null when the user does not exist: still spends the time of a check */
    public boolean matches(String password, String storedHash) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            OpenBSDBCrypt.checkPassword(dummyHash, "x".toCharArray());
            return false;
        }
        if (storedHash == null) {
            OpenBSDBCrypt.checkPassword(dummyHash, password.toCharArray());
            return false;
        }
        return OpenBSDBCrypt.checkPassword(storedHash, password.toCharArray());
    }
}

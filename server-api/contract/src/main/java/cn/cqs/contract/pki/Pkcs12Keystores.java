package cn.cqs.contract.pki;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.crypto.spec.PBEParameterSpec;

/**
 * Password-protected PKCS#12 files (.p12) holding one organisation's private key and certificate
 * chain: how a lab's client keeps the key it signs reports with offline, and how the platform
 * operator keeps the CA key.
 *
 * <p>The key entry is protected with PBES2 (PBKDF2-HmacSHA256, AES-256-CBC) and the file carries
 * an integrity MAC. Passwords are printable ASCII: Java's PBES2 key derivation refuses anything else.
 */
public final class Pkcs12Keystores {
    /** The alias of the single key entry. */
    public static final String ALIAS = "organisation";
    private static final String KEY_PROTECTION = "PBEWithHmacSHA256AndAES_256";
    private static final int ITERATIONS = 10_000;

    private Pkcs12Keystores() {
    }

    /** The credential as PKCS#12 bytes protected by {@code password}. */
    public static byte[] toBytes(OrganisationCredential credential, char[] password) {
        Objects.requireNonNull(credential, "credential");
        requirePassword(password);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password,
                    KEY_PROTECTION, new PBEParameterSpec(salt, ITERATIONS));
            store.setEntry(ALIAS, new KeyStore.PrivateKeyEntry(credential.privateKey(),
                    credential.chain().toArray(new Certificate[0])), protection);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build a PKCS#12 keystore", e);
        }
    }

    /**
     * Reads the credential back.
     *
     * @throws GeneralSecurityException when the password is wrong, the data is not PKCS#12 or it
     *     holds no private key with an X.509 chain (the message says which)
     */
    public static OrganisationCredential fromBytes(byte[] p12, char[] password) throws GeneralSecurityException {
        Objects.requireNonNull(p12, "p12");
        requirePassword(password);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(new ByteArrayInputStream(p12), password);
        } catch (IOException e) {
            throw new GeneralSecurityException("PKCS#12: cannot open the keystore (wrong password or not a "
                    + "PKCS#12 file): " + e.getMessage(), e);
        }
        List<String> keyAliases = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                keyAliases.add(alias);
            }
        }
        if (keyAliases.size() != 1) {
            throw new GeneralSecurityException("PKCS#12: expected exactly one private key entry, found "
                    + keyAliases.size());
        }
        String alias = keyAliases.get(0);
        Key key = store.getKey(alias, password);
        if (!(key instanceof PrivateKey privateKey)) {
            throw new GeneralSecurityException("PKCS#12: entry '" + alias + "' is not a private key");
        }
        Certificate[] chain = store.getCertificateChain(alias);
        if (chain == null || chain.length == 0) {
            throw new GeneralSecurityException("PKCS#12: entry '" + alias + "' has no certificate chain");
        }
        List<X509Certificate> x509 = new ArrayList<>();
        for (Certificate certificate : chain) {
            if (!(certificate instanceof X509Certificate c)) {
                throw new GeneralSecurityException("PKCS#12: the chain holds a non-X.509 certificate");
            }
            x509.add(c);
        }
        try {
            return new OrganisationCredential(privateKey, x509);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("PKCS#12: " + e.getMessage(), e);
        }
    }

    /** Saves the credential to {@code file} (written to a temporary file, then moved into place). */
    public static void save(OrganisationCredential credential, Path file, char[] password) throws IOException {
        Objects.requireNonNull(file, "file");
        byte[] bytes = toBytes(credential, password);
        Path absolute = file.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, bytes);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Loads a credential from a .p12 file. */
    public static OrganisationCredential load(Path file, char[] password) throws IOException, GeneralSecurityException {
        return fromBytes(Files.readAllBytes(file), password);
    }

    private static void requirePassword(char[] password) {
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("password: a non-empty keystore password is required");
        }
        for (char c : password) {
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("password: only printable ASCII characters are allowed "
                        + "(PKCS#12 password-based encryption in Java and OpenSSL interoperates only with those)");
            }
        }
    }
}

package cn.cqs.client.credentials;

import java.util.Optional;

/**
 * What a credential password may contain: printable ASCII only (space to tilde), because Java's
 * PBES2 key derivation for PKCS#12 refuses anything else (see
 * {@link cn.cqs.contract.pki.Pkcs12Keystores}). Chinese characters or full-width punctuation in a
 * password are therefore refused before the file is even read, with a message saying why.
 */
public final class CredentialPasswords {
    private CredentialPasswords() {
    }

    /**
     * @return empty when {@code password} is acceptable, else the localisation key of the reason
     *         ({@code credentials.error.passwordRequired} or {@code credentials.error.passwordNotAscii})
     */
    public static Optional<String> check(char[] password) {
        if (password == null || password.length == 0) {
            return Optional.of("credentials.error.passwordRequired");
        }
        for (char c : password) {
            if (c < 0x20 || c > 0x7e) {
                return Optional.of("credentials.error.passwordNotAscii");
            }
        }
        return Optional.empty();
    }
}

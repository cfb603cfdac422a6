package cn.cqs.client.credentials;

import java.nio.file.Path;
import java.time.Instant;

/**
 * What the user sees of an installed signing credential (签章证书): whose it is, its key id and
 * when it is valid. Read from the certificate kept beside the PKCS#12 file, so it is shown without
 * asking for the password.
 *
 * @param subject          the certificate subject (X.500 name)
 * @param organisationName the organisation named in the certificate
 * @param uscc             the organisation's unified social credit code from the certificate
 * @param keyId            the key id (16 hex digits) the QR tokens will carry
 * @param notBefore        start of validity
 * @param notAfter         end of validity
 * @param file             the PKCS#12 file in the profile directory
 */
public record CredentialInfo(String subject, String organisationName, String uscc, String keyId,
                             Instant notBefore, Instant notAfter, Path file) {

    /** Whether the certificate is valid at {@code now}. */
    public boolean validAt(Instant now) {
        return !now.isBefore(notBefore) && !now.isAfter(notAfter);
    }
}

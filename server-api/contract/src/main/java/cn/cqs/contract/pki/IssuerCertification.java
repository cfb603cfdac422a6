package cn.cqs.contract.pki;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Set;

/**
 * 签发者认证检查 (issuer certification check): does an issuer certificate lead to a trusted CA, at
 * a given time? Plain JCA, no network: revocation is by the registry's own list of key ids.
 *
 * <p>An issuer certificate is certified at time {@code t} when all of these hold:
 * <ol>
 *   <li>its key id is not revoked;</li>
 *   <li>it is valid at {@code t};</li>
 *   <li>it is an end entity (no basicConstraints cA) with keyUsage digitalSignature, a P-256 key and
 *       no critical extension other than basicConstraints and keyUsage;</li>
 *   <li>a trusted CA whose subject is its issuer name verifies its signature, and that CA is
 *       itself valid at {@code t}.</li>
 * </ol>
 */
public final class IssuerCertification {
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final int DIGITAL_SIGNATURE = 0;

    private IssuerCertification() {
    }

    /** Why an issuer certificate is or is not certified. */
    public enum Reason {
        /** Certified. */
        CERTIFIED,
        /** The key id is on the revocation list. */
        REVOKED,
        /** The certificate was not yet valid or had expired at the time in question. */
        NOT_VALID_AT_TIME,
        /** A CA certificate, not an end entity. */
        NOT_END_ENTITY,
        /** keyUsage is missing or lacks digitalSignature. */
        KEY_USAGE,
        /** Not a P-256 key. */
        KEY_TYPE,
        /** A critical extension this system does not understand. */
        UNKNOWN_CRITICAL_EXTENSION,
        /** No trusted CA signed it (self-signed, a rogue CA, or a damaged signature). */
        NOT_ISSUED_BY_TRUSTED_CA,
        /** Issued by a trusted CA, but that CA was not valid at the time in question. */
        CA_NOT_VALID_AT_TIME
    }

    /**
     * The outcome of a check.
     *
     * @param reason  {@link Reason#CERTIFIED} or why not
     * @param message the reason in plain words (English), naming the certificate
     */
    public record Result(Reason reason, String message) {
        public boolean certified() {
            return reason == Reason.CERTIFIED;
        }
    }

    /** Checks {@code issuer} against {@code registry} at time {@code at}. */
    public static Result check(TrustRegistry registry, X509Certificate issuer, Instant at) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(at, "at");
        String who = issuer.getSubjectX500Principal().getName();
        Date when = Date.from(at);
        if (registry.isRevoked(KeyId.of(issuer))) {
            return new Result(Reason.REVOKED, "The certificate of " + who + " has been revoked");
        }
        try {
            issuer.checkValidity(when);
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return new Result(Reason.NOT_VALID_AT_TIME, "The certificate of " + who + " was not valid at " + at
                    + " (valid " + issuer.getNotBefore().toInstant() + " to " + issuer.getNotAfter().toInstant() + ")");
        }
        if (issuer.getBasicConstraints() >= 0) {
            return new Result(Reason.NOT_END_ENTITY, "The certificate of " + who + " is a CA certificate, not an issuer's");
        }
        boolean[] keyUsage = issuer.getKeyUsage();
        if (keyUsage == null || keyUsage.length <= DIGITAL_SIGNATURE || !keyUsage[DIGITAL_SIGNATURE]) {
            return new Result(Reason.KEY_USAGE, "The certificate of " + who + " does not allow digital signatures");
        }
        if (!EcKeys.isP256(issuer.getPublicKey())) {
            return new Result(Reason.KEY_TYPE, "The certificate of " + who + " does not hold a P-256 key");
        }
        Set<String> critical = issuer.getCriticalExtensionOIDs();
        if (critical != null) {
            for (String oid : critical) {
                if (!BASIC_CONSTRAINTS.equals(oid) && !KEY_USAGE.equals(oid)) {
                    return new Result(Reason.UNKNOWN_CRITICAL_EXTENSION,
                            "The certificate of " + who + " has an unknown critical extension " + oid);
                }
            }
        }
        X509Certificate signingCa = null;
        for (X509Certificate ca : registry.trustedCas()) {
            if (ca.getSubjectX500Principal().equals(issuer.getIssuerX500Principal()) && signedBy(issuer, ca)) {
                signingCa = ca;
                try {
                    ca.checkValidity(when);
                    return new Result(Reason.CERTIFIED, "Certified by " + ca.getSubjectX500Principal().getName());
                } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                    // another trusted CA with the same name (a re-issued CA certificate) may still be valid
                    continue;
                }
            }
        }
        if (signingCa != null) {
            return new Result(Reason.CA_NOT_VALID_AT_TIME, "The CA " + signingCa.getSubjectX500Principal().getName()
                    + " that issued the certificate of " + who + " was not valid at " + at);
        }
        return new Result(Reason.NOT_ISSUED_BY_TRUSTED_CA,
                "The certificate of " + who + " was not issued by a trusted CA (issuer "
                        + issuer.getIssuerX500Principal().getName() + ")");
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate ca) {
        try {
            certificate.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            // a wrong signature, or a key this runtime cannot use: either way, not signed by this CA
            return false;
        }
    }
}

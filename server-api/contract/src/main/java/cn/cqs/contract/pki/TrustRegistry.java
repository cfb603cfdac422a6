package cn.cqs.contract.pki;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;

/**
 * 信任库 (trust registry): what a verifier knows about the PKI. The trusted CA certificates (in
 * practice the platform CA, possibly an old and a new one during a CA rollover), the issuer
 * certificates it has seen, looked up by {@link KeyId}, and the key ids that have been revoked.
 *
 * <p>The server keeps this in its database; the client caches a copy so the verify desk works
 * offline. Being listed as a known issuer means nothing by itself: {@link IssuerCertification}
 * decides whether an issuer certificate leads to a trusted CA.
 */
public interface TrustRegistry {

    /** The trust anchors (self-signed CA certificates). */
    Collection<X509Certificate> trustedCas();

    /** The issuer certificate with this key id, if known. */
    Optional<X509Certificate> issuerCertificate(KeyId keyId);

    /** Whether the certificate with this key id has been revoked (all its signatures are void). */
    boolean isRevoked(KeyId keyId);
}

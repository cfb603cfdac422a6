package cn.cqs.contract.pki;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * 信任包 (trust bundle): what {@code GET /api/v1/pki/trust} publishes, without authentication, so
 * any client can verify QR tokens offline: the platform CA certificates the server trusts and every
 * issuer certificate it has registered, with revocations. Clients cache it (the response carries an
 * {@code ETag}; send it back in {@code If-None-Match} to get a 304 when nothing changed) and load it
 * into a registry with {@link #toTrustRegistry()}.
 *
 * @param verifyBaseUrl     the base URL of verification links: a QR code's payload is
 *                          {@code <verifyBaseUrl>/v/<token>} ({@code QrToken.toUrl})
 * @param caCertificatesPem the trusted platform CA certificates as concatenated PEM blocks
 * @param issuers           every registered organisation certificate, revoked ones included
 * @param platformUscc      the platform's own unified social credit code: the only issuer whose batch
 *                          tokens (kind BATCH, 生产流水号) count; null when the server has no platform key
 */
public record TrustBundle(String verifyBaseUrl, String caCertificatesPem, List<Issuer> issuers, String platformUscc) {

    /** A bundle without a platform signing key (no batch token verifies as the platform's). */
    public TrustBundle(String verifyBaseUrl, String caCertificatesPem, List<Issuer> issuers) {
        this(verifyBaseUrl, caCertificatesPem, issuers, null);
    }

    public TrustBundle {
        Objects.requireNonNull(caCertificatesPem, "caCertificatesPem");
        issuers = issuers == null ? List.of() : List.copyOf(issuers);
    }

    /**
     * One organisation certificate.
     *
     * @param keyId            the certificate's key id, 16 lower-case hex digits
     * @param uscc             the organisation's unified social credit code (from the certificate subject)
     * @param organisationName the organisation's name
     * @param certificatePem   the certificate as one PEM block
     * @param notBefore        start of validity
     * @param notAfter         end of validity
     * @param revoked          whether the key has been revoked: every token under it is void
     * @param revokedAt        when it was revoked, or null
     */
    public record Issuer(String keyId, String uscc, String organisationName, String certificatePem,
                         Instant notBefore, Instant notAfter, boolean revoked, Instant revokedAt) {
    }

    /**
     * A registry holding this bundle: the CAs as trust anchors, every issuer certificate, and the
     * revoked key ids. Registration is no trust decision: {@link IssuerCertification} still checks
     * every issuer certificate against the CAs.
     *
     * @throws CertificateException when a PEM block is damaged, or a listed key id does not match its certificate
     */
    public InMemoryTrustRegistry toTrustRegistry() throws CertificateException {
        InMemoryTrustRegistry registry = new InMemoryTrustRegistry();
        for (X509Certificate ca : PemCertificates.fromPem(caCertificatesPem)) {
            try {
                registry.trustCa(ca);
            } catch (IllegalArgumentException e) {
                throw new CertificateException("caCertificatesPem: " + e.getMessage(), e);
            }
        }
        for (Issuer issuer : issuers) {
            X509Certificate certificate = PemCertificates.fromPem(issuer.certificatePem()).get(0);
            KeyId keyId = registry.addIssuer(certificate);
            if (!keyId.hex().equalsIgnoreCase(issuer.keyId())) {
                throw new CertificateException("issuers: key id " + issuer.keyId() + " does not match its certificate ("
                        + keyId.hex() + ")");
            }
            if (issuer.revoked()) {
                registry.revoke(keyId);
            }
        }
        return registry;
    }
}

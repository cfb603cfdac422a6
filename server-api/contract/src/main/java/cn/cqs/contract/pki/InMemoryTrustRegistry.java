package cn.cqs.contract.pki;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A thread-safe {@link TrustRegistry} in memory: used as the client's offline cache (filled from the
 * server's published PEM files) and in tests. Certificates can be added and key ids revoked at any
 * time; a revocation cannot be undone.
 */
public final class InMemoryTrustRegistry implements TrustRegistry {
    private final List<X509Certificate> trustedCas = new CopyOnWriteArrayList<>();
    private final Map<KeyId, X509Certificate> issuers = new ConcurrentHashMap<>();
    private final Set<KeyId> revoked = ConcurrentHashMap.newKeySet();

    /**
     * Adds a trust anchor.
     *
     * @throws IllegalArgumentException when the certificate is not a self-signed CA certificate
     */
    public InMemoryTrustRegistry trustCa(X509Certificate caCertificate) {
        Objects.requireNonNull(caCertificate, "caCertificate");
        if (caCertificate.getBasicConstraints() < 0) {
            throw new IllegalArgumentException("caCertificate: not a CA certificate (basicConstraints cA is not set): "
                    + caCertificate.getSubjectX500Principal());
        }
        if (!caCertificate.getSubjectX500Principal().equals(caCertificate.getIssuerX500Principal())) {
            throw new IllegalArgumentException("caCertificate: a trust anchor must be self-signed: "
                    + caCertificate.getSubjectX500Principal());
        }
        if (!trustedCas.contains(caCertificate)) {
            trustedCas.add(caCertificate);
        }
        return this;
    }

    /**
     * Records an issuer certificate under its key id. No trust decision is made here.
     *
     * @return the certificate's key id
     */
    public KeyId addIssuer(X509Certificate issuerCertificate) {
        Objects.requireNonNull(issuerCertificate, "issuerCertificate");
        KeyId keyId = KeyId.of(issuerCertificate);
        issuers.put(keyId, issuerCertificate);
        return keyId;
    }

    /** Revokes a key id: every token signed under it stops verifying. */
    public InMemoryTrustRegistry revoke(KeyId keyId) {
        revoked.add(Objects.requireNonNull(keyId, "keyId"));
        return this;
    }

    @Override
    public Collection<X509Certificate> trustedCas() {
        return List.copyOf(trustedCas);
    }

    @Override
    public Optional<X509Certificate> issuerCertificate(KeyId keyId) {
        return Optional.ofNullable(issuers.get(Objects.requireNonNull(keyId, "keyId")));
    }

    @Override
    public boolean isRevoked(KeyId keyId) {
        return revoked.contains(Objects.requireNonNull(keyId, "keyId"));
    }
}

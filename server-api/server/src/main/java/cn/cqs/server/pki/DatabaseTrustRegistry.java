package cn.cqs.server.pki;

import cn.cqs.contract.pki.KeyId;
import cn.cqs.contract.pki.PemCertificates;
import cn.cqs.contract.pki.TrustRegistry;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * 服务器信任库: the server's {@link TrustRegistry}. Trust anchors are the platform CA certificates
 * from configuration ({@link PlatformTrust}); issuer certificates and revocations come from the
 * {@code organisation_certificate} table, cached for a few seconds. This instance drops its cache
 * at once after its own changes; other instances behind the same database see them within
 * {@link #TTL}.
 */
public final class DatabaseTrustRegistry implements TrustRegistry {
    /** How long a snapshot of the certificate table is used. */
    public static final Duration TTL = Duration.ofSeconds(10);
    private final Jdbi jdbi;
    private final PlatformTrust platform;
    private final Clock clock;
    private volatile Snapshot snapshot;

    private record Snapshot(Instant loadedAt, Map<KeyId, X509Certificate> issuers, Set<KeyId> revoked) {
    }

    public DatabaseTrustRegistry(Jdbi jdbi, PlatformTrust platform, Clock clock) {
        this.jdbi = jdbi;
        this.platform = platform;
        this.clock = clock;
    }

    @Override
    public Collection<X509Certificate> trustedCas() {
        return platform.caCertificates();
    }

    @Override
    public Optional<X509Certificate> issuerCertificate(KeyId keyId) {
        return Optional.ofNullable(current().issuers().get(keyId));
    }

    @Override
    public boolean isRevoked(KeyId keyId) {
        return current().revoked().contains(keyId);
    }

    /** Forgets the cached snapshot; the next lookup reads the table again. */
    public void invalidate() {
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s == null || s.loadedAt().plus(TTL).isBefore(now)) {
            s = load(now);
            snapshot = s;
        }
        return s;
    }

    private Snapshot load(Instant now) {
        List<CertificateStore.StoredCertificate> rows = jdbi.withHandle(CertificateStore::all);
        Map<KeyId, X509Certificate> issuers = new HashMap<>();
        Set<KeyId> revoked = new HashSet<>();
        for (CertificateStore.StoredCertificate row : rows) {
            X509Certificate certificate;
            try {
                certificate = PemCertificates.fromPem(row.certificatePem()).get(0);
            } catch (CertificateException e) {
                throw new IllegalStateException("organisation_certificate " + row.keyId() + " holds a damaged PEM", e);
            }
            KeyId keyId = KeyId.of(certificate);
            issuers.put(keyId, certificate);
            if (row.revoked()) {
                revoked.add(keyId);
            }
        }
        return new Snapshot(now, Map.copyOf(issuers), Set.copyOf(revoked));
    }
}

package cn.cqs.server.pki;

import cn.cqs.contract.pki.KeyId;
import cn.cqs.contract.pki.OrganisationIdentity;
import cn.cqs.contract.pki.PemCertificates;
import cn.cqs.contract.pki.TrustBundle;
import cn.cqs.server.db.Sql;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.jdbi.v3.core.Handle;

/**
 * The {@code organisation_certificate} table (机构证书): every organisation signing certificate
 * the platform registered, revoked ones included (old tokens must stay checkable). No checks here:
 * {@link PkiService} validates before it stores.
 */
public final class CertificateStore {
    private CertificateStore() {
    }

    /** One stored certificate. */
    public record StoredCertificate(String keyId, UUID organisationId, String uscc, String organisationName,
                                    String certificatePem, Instant notBefore, Instant notAfter,
                                    Instant registeredAt, Instant revokedAt, String revocationReason) {
        public boolean revoked() {
            return revokedAt != null;
        }

        /** The public view, as the trust bundle lists it. */
        public TrustBundle.Issuer toIssuer() {
            return new TrustBundle.Issuer(keyId, uscc, organisationName, certificatePem, notBefore, notAfter,
                    revoked(), revokedAt);
        }
    }

    /** Stores a certificate for an organisation (key id, USCC and validity read from the certificate). */
    public static StoredCertificate insert(Handle h, UUID organisationId, X509Certificate certificate, Instant now) {
        OrganisationIdentity identity = OrganisationIdentity.fromX500Name(
                X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()));
        StoredCertificate stored = new StoredCertificate(KeyId.of(certificate).hex(), organisationId, identity.uscc(),
                identity.name(), PemCertificates.toPem(certificate), certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(), now, null, null);
        h.createUpdate("""
                        insert into organisation_certificate (key_id, organisation_id, uscc, organisation_name, certificate_pem,
                                                              not_before, not_after, registered_at)
                        values (:keyId, :org, :uscc, :name, :pem, :from, :to, :now)""")
                .bind("keyId", stored.keyId()).bind("org", organisationId).bind("uscc", stored.uscc())
                .bind("name", stored.organisationName()).bind("pem", stored.certificatePem())
                .bind("from", Sql.ts(stored.notBefore())).bind("to", Sql.ts(stored.notAfter()))
                .bind("now", Sql.ts(now)).execute();
        return stored;
    }

    /**
     * Registers the platform's own signing certificate (no organisation row: organisation_id is null),
     * unless it is registered already.
     */
    public static void insertPlatformIfAbsent(Handle h, X509Certificate certificate, Instant now) {
        OrganisationIdentity identity = OrganisationIdentity.fromX500Name(
                X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()));
        h.createUpdate("""
                        insert into organisation_certificate (key_id, organisation_id, uscc, organisation_name, certificate_pem,
                                                              not_before, not_after, registered_at)
                        values (:keyId, null, :uscc, :name, :pem, :from, :to, :now)
                        on conflict (key_id) do nothing""")
                .bind("keyId", KeyId.of(certificate).hex()).bind("uscc", identity.uscc()).bind("name", identity.name())
                .bind("pem", PemCertificates.toPem(certificate))
                .bind("from", Sql.ts(certificate.getNotBefore().toInstant()))
                .bind("to", Sql.ts(certificate.getNotAfter().toInstant())).bind("now", Sql.ts(now)).execute();
    }

    public static Optional<StoredCertificate> find(Handle h, String keyId) {
        return h.createQuery("select * from organisation_certificate where key_id = :k").bind("k", keyId)
                .map((rs, c) -> row(rs)).findOne();
    }

    public static List<StoredCertificate> all(Handle h) {
        return h.createQuery("select * from organisation_certificate order by registered_at, key_id")
                .map((rs, c) -> row(rs)).list();
    }

    public static List<StoredCertificate> ofOrganisation(Handle h, UUID organisationId) {
        return h.createQuery("select * from organisation_certificate where organisation_id = :o order by registered_at")
                .bind("o", organisationId).map((rs, c) -> row(rs)).list();
    }

    /** Marks a certificate revoked; returns false when it already was. */
    public static boolean revoke(Handle h, String keyId, Instant at, String reason) {
        return h.createUpdate("""
                        update organisation_certificate set revoked_at = :at, revocation_reason = :reason
                         where key_id = :k and revoked_at is null""")
                .bind("at", Sql.ts(at)).bind("reason", reason).bind("k", keyId).execute() > 0;
    }

    private static StoredCertificate row(ResultSet rs) throws SQLException {
        return new StoredCertificate(rs.getString("key_id"), Sql.uuid(rs, "organisation_id"), rs.getString("uscc"),
                rs.getString("organisation_name"), rs.getString("certificate_pem"), Sql.instant(rs, "not_before"),
                Sql.instant(rs, "not_after"), Sql.instant(rs, "registered_at"), Sql.instant(rs, "revoked_at"),
                rs.getString("revocation_reason"));
    }
}

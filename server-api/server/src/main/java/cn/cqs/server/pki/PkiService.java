package cn.cqs.server.pki;

import cn.cqs.contract.orgs.Organisation;
import cn.cqs.contract.orgs.RegionLevel;
import cn.cqs.contract.pki.CertificateRegistration;
import cn.cqs.contract.pki.CertificateRevocation;
import cn.cqs.contract.pki.IssuerCertification;
import cn.cqs.contract.pki.KeyId;
import cn.cqs.contract.pki.OrganisationIdentity;
import cn.cqs.contract.pki.PemCertificates;
import cn.cqs.contract.pki.TrustBundle;
import cn.cqs.contract.problem.ProblemTypes;
import cn.cqs.server.audit.AuditLog;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.http.ApiException;
import cn.cqs.server.http.Validation;
import cn.cqs.server.orgs.OrganisationService;
import cn.cqs.server.orgs.Regions;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.jdbi.v3.core.Jdbi;

/**
 * The platform's PKI on the server: publishes the trust bundle, registers organisation
 * certificates the platform CA issued, and revokes them. Every change is audited and takes effect
 * for verification at once on this instance (see {@link DatabaseTrustRegistry}).
 */
public final class PkiService {
    private final Jdbi jdbi;
    private final PlatformTrust platform;
    private final DatabaseTrustRegistry registry;
    private final OrganisationService organisations;
    private final Regions regions;
    private final AuditLog audit;
    private final Clock clock;
    private final String platformUscc;

    public PkiService(Jdbi jdbi, PlatformTrust platform, DatabaseTrustRegistry registry,
                      OrganisationService organisations, Regions regions, AuditLog audit, Clock clock) {
        this(jdbi, platform, registry, organisations, regions, audit, clock, null);
    }

    /**
     * @param platformUscc the platform's own USCC (its signing key signs batch tokens), published in the
     *                     trust bundle so desks can tell the platform's batch tokens offline; null when
     *                     the server has no platform key
     */
    public PkiService(Jdbi jdbi, PlatformTrust platform, DatabaseTrustRegistry registry,
                      OrganisationService organisations, Regions regions, AuditLog audit, Clock clock,
                      String platformUscc) {
        this.platformUscc = platformUscc;
        this.jdbi = jdbi;
        this.platform = platform;
        this.registry = registry;
        this.organisations = organisations;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Everything a verifier needs offline: the CA certificates, every issuer certificate, the platform's USCC. */
    public TrustBundle trustBundle(String verifyBaseUrl) {
        List<TrustBundle.Issuer> issuers = jdbi.withHandle(CertificateStore::all).stream()
                .map(CertificateStore.StoredCertificate::toIssuer).toList();
        return new TrustBundle(verifyBaseUrl, platform.toPem(), issuers, platformUscc);
    }

    /** The trust registry verification uses. */
    public DatabaseTrustRegistry registry() {
        return registry;
    }

    /**
     * Registers a certificate for organisation {@code organisationId}: only that organisation's
     * administrator may; the certificate must be certified by a trusted CA now and name the
     * organisation's USCC.
     */
    public TrustBundle.Issuer register(Principal p, UUID organisationId, CertificateRegistration request) {
        Organisation org = organisations.get(p, organisationId);
        if (!org.id().equals(p.organisationId()) || !p.isAdministrator()) {
            throw ApiException.forbidden("Only an administrator of the organisation registers its certificates");
        }
        X509Certificate certificate = parseSingle(request.certificatePem());
        Instant now = clock.instant();
        IssuerCertification.Result certified = IssuerCertification.check(registry, certificate, now);
        if (!certified.certified()) {
            throw ApiException.validation("certificatePem", certified.reason().name().toLowerCase(Locale.ROOT),
                    certified.message());
        }
        OrganisationIdentity identity;
        try {
            identity = OrganisationIdentity.fromX500Name(
                    X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("certificatePem", "no_organisation",
                    "The certificate does not name an organisation: " + e.getMessage());
        }
        if (org.uscc() == null || !org.uscc().equals(identity.uscc())) {
            throw ApiException.validation("certificatePem", "uscc_mismatch", "The certificate is for USCC "
                    + identity.uscc() + ", not for this organisation's code " + org.uscc());
        }
        String keyId = KeyId.of(certificate).hex();
        TrustBundle.Issuer issuer = jdbi.inTransaction(h -> {
            if (CertificateStore.find(h, keyId).isPresent()) {
                throw new ApiException(409, ProblemTypes.CONFLICT, "This certificate (key id " + keyId
                        + ") is already registered");
            }
            CertificateStore.StoredCertificate stored = CertificateStore.insert(h, org.id(), certificate, now);
            audit.record(h, p, now, "certificate.register", "organisation_certificate", keyId, null, null,
                    stored.toIssuer());
            return stored.toIssuer();
        });
        registry.invalidate();
        return issuer;
    }

    /**
     * Revokes a certificate of organisation {@code organisationId}: that organisation's
     * administrator or the province regulator's administrator may. Revoking twice is harmless.
     */
    public TrustBundle.Issuer revoke(Principal p, UUID organisationId, String keyIdText, CertificateRevocation request) {
        Organisation org = organisations.get(p, organisationId);
        String keyId = normaliseKeyId(keyIdText);
        CertificateStore.StoredCertificate existing = jdbi.withHandle(h -> CertificateStore.find(h, keyId))
                .filter(c -> c.organisationId().equals(org.id()))
                .orElseThrow(() -> ApiException.notFound("Certificate"));
        boolean ownAdmin = org.id().equals(p.organisationId()) && p.isAdministrator();
        if (!ownAdmin && !isProvinceAdministrator(p)) {
            throw ApiException.forbidden("Only the organisation's administrator or the province's administrator "
                    + "may revoke its certificates");
        }
        new Validation().text("reason", request.reason(), CertificateRevocation.MAX_REASON).throwIfInvalid();
        if (existing.revoked()) {
            return existing.toIssuer();
        }
        Instant now = clock.instant();
        TrustBundle.Issuer after = jdbi.inTransaction(h -> {
            if (!CertificateStore.revoke(h, keyId, now, request.reason().strip())) {
                return CertificateStore.find(h, keyId).orElseThrow().toIssuer();
            }
            CertificateStore.StoredCertificate revoked = CertificateStore.find(h, keyId).orElseThrow();
            audit.record(h, p, now, "certificate.revoke", "organisation_certificate", keyId, null,
                    existing.toIssuer(), Map.of("certificate", revoked.toIssuer(), "reason", revoked.revocationReason()));
            return revoked.toIssuer();
        });
        registry.invalidate();
        return after;
    }

    private boolean isProvinceAdministrator(Principal p) {
        if (!p.isRegulator() || !p.isAdministrator()) {
            return false;
        }
        return jdbi.withHandle(h -> regions.find(h, p.organisationRegionCode()))
                .map(r -> r.level() == RegionLevel.PROVINCE).orElse(false);
    }

    /** A key id in a path: 16 hex digits, else nothing can have it (404). */
    static String normaliseKeyId(String text) {
        try {
            return KeyId.fromHex(text).hex();
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Certificate");
        }
    }

    private static X509Certificate parseSingle(String pem) {
        if (pem == null || pem.isBlank()) {
            throw ApiException.validation("certificatePem", "required", "certificatePem is required");
        }
        List<X509Certificate> certificates;
        try {
            certificates = PemCertificates.fromPem(pem);
        } catch (CertificateException e) {
            throw ApiException.validation("certificatePem", "malformed", "Not a PEM certificate: " + e.getMessage());
        }
        if (certificates.size() != 1) {
            throw ApiException.validation("certificatePem", "malformed",
                    "Send exactly one certificate (the organisation's), found " + certificates.size());
        }
        return certificates.get(0);
    }
}

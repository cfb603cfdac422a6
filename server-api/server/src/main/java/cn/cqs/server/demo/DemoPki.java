package cn.cqs.server.demo;

import cn.cqs.contract.pki.CertificateAuthority;
import cn.cqs.contract.pki.KeyId;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.pki.OrganisationIdentity;
import cn.cqs.contract.pki.PemCertificates;
import cn.cqs.contract.pki.Pkcs12Keystores;
import cn.cqs.server.pki.CertificateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 演示证书体系 (the demo PKI): a platform CA and one signing credential per demo enterprise, kept
 * in a directory so a restarted demo server keeps the same CA and keys:
 * <pre>
 * demo-pki/
 *   platform-ca.p12      the demo CA's key and certificate (password {@link DemoAccounts#PASSWORD})
 *   platform-ca.pem      the demo CA certificate, to trust it elsewhere (e.g. pdfsig's NSS database)
 *   &lt;USCC&gt;.p12           each enterprise's key + chain (organisation certificate, CA), same password
 * </pre>
 * The enterprises' certificates are registered in the database; a credential whose certificate is
 * missing from the database, revoked or from another CA is issued afresh. The demo password is for
 * demonstrations only: a real deployment configures its CA with {@code CQS_CA_CERT} and never runs this.
 */
public final class DemoPki {
    private static final Logger LOG = LoggerFactory.getLogger(DemoPki.class);
    public static final String CA_FILE = "platform-ca.p12";
    public static final String CA_PEM_FILE = "platform-ca.pem";
    /** The platform's own signing credential (it signs batch serial numbers' QR tokens). */
    public static final String PLATFORM_SIGNING_FILE = "platform-signing.p12";
    /** The demo platform's name in its signing certificate. */
    public static final String PLATFORM_NAME = "福建省建设工程质量检测监管平台（演示）";
    /** Organisation certificates are valid from this long before they are issued, so back-dated demo tokens verify. */
    static final Duration BACKDATE = Duration.ofDays(30);
    private final Path directory;
    private final Jdbi jdbi;
    private final Clock clock;

    public DemoPki(Path directory, Jdbi jdbi, Clock clock) {
        this.directory = directory;
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The credential file of an enterprise. */
    public static Path credentialFile(Path directory, String uscc) {
        return directory.resolve(uscc + ".p12");
    }

    /** Loads or creates the CA, then makes sure every demo enterprise has a registered credential. */
    public CertificateAuthority ensure() {
        try {
            Files.createDirectories(directory);
            CertificateAuthority ca = loadOrCreateCa();
            for (DemoAccounts.Org org : DemoAccounts.Org.values()) {
                if (org.uscc != null) {
                    ensureCredential(ca, org);
                }
            }
            return ca;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the demo PKI to " + directory, e);
        }
    }

    /**
     * The platform's own signing credential for {@code platformUscc}, issued by the demo CA and kept in
     * {@value #PLATFORM_SIGNING_FILE}; issued afresh when the file is missing, unreadable, from another
     * CA, for another code or revoked. The caller registers its certificate
     * ({@link cn.cqs.server.pki.PlatformSigner#of}).
     */
    public OrganisationCredential platformCredential(CertificateAuthority ca, String platformUscc) {
        Path file = directory.resolve(PLATFORM_SIGNING_FILE);
        try {
            if (Files.exists(file)) {
                try {
                    OrganisationCredential stored = Pkcs12Keystores.load(file, password());
                    stored.certificate().verify(ca.certificate().getPublicKey());
                    String keyId = KeyId.of(stored.certificate()).hex();
                    boolean revoked = jdbi.withHandle(h -> CertificateStore.find(h, keyId))
                            .map(CertificateStore.StoredCertificate::revoked).orElse(false);
                    if (stored.identity().uscc().equals(platformUscc) && !revoked) {
                        return stored;
                    }
                } catch (GeneralSecurityException e) {
                    LOG.warn("Demo platform signing credential {} is unusable ({}); issuing a new one", file, e.getMessage());
                }
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            OrganisationCredential credential = ca.issueOrganisationCredential(
                    new OrganisationIdentity(PLATFORM_NAME, platformUscc), now.minus(BACKDATE),
                    now.plus(Duration.ofDays(1825)));
            Pkcs12Keystores.save(credential, file, password());
            LOG.info("Demo platform signing credential ({}) written to {}", platformUscc, file);
            return credential;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the demo platform credential to " + file, e);
        }
    }

    private CertificateAuthority loadOrCreateCa() throws IOException {
        Path file = directory.resolve(CA_FILE);
        if (Files.exists(file)) {
            try {
                OrganisationCredential stored = Pkcs12Keystores.load(file, password());
                return new CertificateAuthority(stored.privateKey(), stored.certificate());
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalStateException("The demo CA file " + file + " cannot be read with the demo password; "
                        + "delete the demo data directory to start afresh", e);
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        CertificateAuthority ca = CertificateAuthority.createPlatformCa("CQS Demo Platform CA",
                "福建省住房和城乡建设厅（演示）", now.minus(Duration.ofDays(365)), now.plus(Duration.ofDays(3650)));
        Pkcs12Keystores.save(new OrganisationCredential(ca.privateKey(), List.of(ca.certificate())), file, password());
        Files.writeString(directory.resolve(CA_PEM_FILE), PemCertificates.toPem(ca.certificate()), StandardCharsets.US_ASCII);
        LOG.info("Demo platform CA created in {}", directory);
        return ca;
    }

    private void ensureCredential(CertificateAuthority ca, DemoAccounts.Org org) throws IOException {
        Optional<UUID> orgId = jdbi.withHandle(h -> h.createQuery("select id from organisation where uscc = :u")
                .bind("u", org.uscc).mapTo(UUID.class).findOne());
        if (orgId.isEmpty()) {
            return;
        }
        Path file = credentialFile(directory, org.uscc);
        if (Files.exists(file) && usable(ca, file, orgId.get())) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        OrganisationCredential credential = ca.issueOrganisationCredential(
                new OrganisationIdentity(org.displayName, org.uscc), now.minus(BACKDATE), now.plus(Duration.ofDays(1825)));
        jdbi.useTransaction(h -> CertificateStore.insert(h, orgId.get(), credential.certificate(), now));
        Pkcs12Keystores.save(credential, file, password());
        LOG.info("Demo signing credential for {} ({}) written to {}", org.displayName, org.uscc, file);
    }

    private boolean usable(CertificateAuthority ca, Path file, UUID orgId) throws IOException {
        OrganisationCredential credential;
        try {
            credential = Pkcs12Keystores.load(file, password());
        } catch (GeneralSecurityException e) {
            LOG.warn("Demo credential {} is unreadable ({}); issuing a new one", file, e.getMessage());
            return false;
        }
        try {
            credential.certificate().verify(ca.certificate().getPublicKey());
        } catch (GeneralSecurityException e) {
            return false;
        }
        String keyId = KeyId.of(credential.certificate()).hex();
        return jdbi.withHandle(h -> CertificateStore.find(h, keyId))
                .filter(c -> c.organisationId().equals(orgId) && !c.revoked()).isPresent();
    }

    private static char[] password() {
        return DemoAccounts.PASSWORD.toCharArray();
    }
}

package cn.cqs.server.pki;

import cn.cqs.contract.pki.IssuerCertification;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.pki.OrganisationIdentity;
import cn.cqs.contract.pki.Pkcs12Keystores;
import cn.cqs.contract.qr.TokenSigner;
import cn.cqs.server.http.ApiException;
import cn.cqs.contract.problem.ProblemTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * 平台签名证书: the platform's own signing credential (an ECDSA P-256 key and its certificate issued
 * by the platform CA), which signs what the platform assigns: the QR tokens of batch serial numbers
 * (R8). Its certificate is registered in the trust registry like an organisation's, so clients'
 * cached trust bundles and the public verification accept the tokens. Production loads it from
 * {@code CQS_PLATFORM_KEY}; the demo generates one next to the demo CA.
 */
public final class PlatformSigner {
    private final OrganisationCredential credential;
    private final TokenSigner signer;

    private PlatformSigner(OrganisationCredential credential) {
        this.credential = credential;
        this.signer = credential == null ? null : TokenSigner.of(credential);
    }

    /** No signing credential configured: batch registration answers 503. */
    public static PlatformSigner none() {
        return new PlatformSigner(null);
    }

    /**
     * Uses {@code credential}: registers its certificate and checks it chains to a trusted platform CA.
     *
     * @throws IllegalStateException when the certificate is not certified by the platform CA
     */
    public static PlatformSigner of(OrganisationCredential credential, Jdbi jdbi, DatabaseTrustRegistry trust,
                                    Clock clock) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> CertificateStore.insertPlatformIfAbsent(h, credential.certificate(), now));
        trust.invalidate();
        IssuerCertification.Result result = IssuerCertification.check(trust, credential.certificate(), now);
        if (!result.certified()) {
            throw new IllegalStateException("The platform signing certificate is not usable: " + result.message());
        }
        return new PlatformSigner(credential);
    }

    /**
     * Loads the PKCS#12 file of {@code CQS_PLATFORM_KEY}.
     *
     * @param expectedUscc the configured platform code; the certificate must be for it
     */
    public static OrganisationCredential load(Path file, char[] password, String expectedUscc) {
        OrganisationCredential credential;
        try {
            credential = Pkcs12Keystores.load(file, password);
        } catch (IOException e) {
            throw new UncheckedIOException("CQS_PLATFORM_KEY: cannot read " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("CQS_PLATFORM_KEY: " + file + " cannot be opened with "
                    + "CQS_PLATFORM_KEY_PASSWORD: " + e.getMessage(), e);
        }
        OrganisationIdentity identity = credential.identity();
        if (expectedUscc != null && !identity.uscc().equals(expectedUscc)) {
            throw new IllegalArgumentException("CQS_PLATFORM_KEY: the certificate is for " + identity.uscc()
                    + " but CQS_PLATFORM_USCC is " + expectedUscc);
        }
        return credential;
    }

    /** The signer, or a 503 problem when the platform has no signing credential. */
    public TokenSigner require() {
        if (signer == null) {
            throw new ApiException(503, ProblemTypes.SERVICE_UNAVAILABLE, "The platform's signing credential is not "
                    + "configured (CQS_PLATFORM_KEY), so no serial number can be assigned; ask the platform operator");
        }
        return signer;
    }

    /** The platform's identity, when it has a credential. */
    public Optional<OrganisationIdentity> identity() {
        return Optional.ofNullable(credential).map(OrganisationCredential::identity);
    }
}

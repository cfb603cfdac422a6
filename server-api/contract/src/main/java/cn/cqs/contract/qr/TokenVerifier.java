package cn.cqs.contract.qr;

import cn.cqs.contract.pki.IssuerCertification;
import cn.cqs.contract.pki.OrganisationIdentity;
import cn.cqs.contract.pki.TrustRegistry;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * 令牌核验 (token verifier): decides whether a scanned QR token is genuine, offline, against a
 * {@link TrustRegistry}. Used by the server's verification page and by the client's verify desk.
 *
 * <p>Steps, in this order (the first failure decides):
 * <ol>
 *   <li>decode strictly: otherwise {@link VerificationOutcome#MALFORMED};</li>
 *   <li>find the issuer certificate by key id: otherwise {@link VerificationOutcome#ISSUER_UNKNOWN};</li>
 *   <li>verify the signature with that certificate's public key (canonical low-S P1363 over
 *       {@link QrToken#signingInput()}): otherwise {@link VerificationOutcome#SIGNATURE_INVALID}.
 *       Nothing in the token is used before this step succeeds;</li>
 *   <li>check the certificate against the trusted CAs at the token's (now authenticated) issue
 *       time, and that it is the certificate of the organisation the token names: otherwise
 *       {@link VerificationOutcome#ISSUER_NOT_CERTIFIED}.</li>
 * </ol>
 * Thread-safe if the registry is.
 */
public final class TokenVerifier {
    private final TrustRegistry registry;

    public TokenVerifier(TrustRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Verifies what a scanner returned (a verification URL or a bare token). */
    public Verification verify(String scannedText) {
        QrToken token;
        try {
            token = QrToken.fromScannedText(scannedText);
        } catch (MalformedTokenException e) {
            return Verification.rejected(VerificationOutcome.MALFORMED, e.getMessage(), null);
        }
        return verify(token);
    }

    /** Verifies a decoded token. */
    public Verification verify(QrToken token) {
        Objects.requireNonNull(token, "token");
        Optional<X509Certificate> found = registry.issuerCertificate(token.keyId());
        if (found.isEmpty()) {
            return Verification.rejected(VerificationOutcome.ISSUER_UNKNOWN,
                    "No issuer certificate with key id " + token.keyId() + " is known", token.keyId());
        }
        X509Certificate certificate = found.get();
        if (!signatureValid(token, certificate)) {
            return Verification.rejected(VerificationOutcome.SIGNATURE_INVALID,
                    "The signature does not match: the code is forged or altered", token.keyId());
        }
        IssuerCertification.Result certification = IssuerCertification.check(registry, certificate, token.issuedAt());
        if (!certification.certified()) {
            return Verification.rejected(VerificationOutcome.ISSUER_NOT_CERTIFIED, certification.message(),
                    token.keyId());
        }
        OrganisationIdentity issuer;
        try {
            issuer = OrganisationIdentity.fromX500Name(
                    X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()));
        } catch (IllegalArgumentException e) {
            return Verification.rejected(VerificationOutcome.ISSUER_NOT_CERTIFIED,
                    "The issuer certificate does not name an organisation: " + e.getMessage(), token.keyId());
        }
        if (!issuer.uscc().equals(token.issuerId())) {
            return Verification.rejected(VerificationOutcome.ISSUER_NOT_CERTIFIED,
                    "The token names issuer " + token.issuerId() + " but was signed with the certificate of "
                            + issuer.uscc(), token.keyId());
        }
        return Verification.valid(token, certificate, issuer);
    }

    private static boolean signatureValid(QrToken token, X509Certificate certificate) {
        byte[] signature = token.signature();
        if (!EcdsaP1363.isCanonical(signature)) {
            return false;
        }
        try {
            Signature ecdsa = Signature.getInstance(EcdsaP1363.ALGORITHM);
            ecdsa.initVerify(certificate.getPublicKey());
            ecdsa.update(token.signingInput());
            return ecdsa.verify(signature);
        } catch (GeneralSecurityException e) {
            // a key this algorithm cannot use, or an unparsable signature: no valid signature either way
            return false;
        }
    }
}

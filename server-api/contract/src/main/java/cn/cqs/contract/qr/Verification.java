package cn.cqs.contract.qr;

import cn.cqs.contract.pki.KeyId;
import cn.cqs.contract.pki.OrganisationIdentity;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import java.util.Optional;

/**
 * The result of {@link TokenVerifier#verify}: the outcome, a plain-words message (English) and,
 * only when the outcome is {@link VerificationOutcome#VALID}, the token and its issuer.
 *
 * <p>For any other outcome the token's content is untrusted and not exposed; only the key id (when
 * the text decoded) is, so a client can fetch an unknown issuer certificate and retry.
 */
public final class Verification {
    private final VerificationOutcome outcome;
    private final String message;
    private final KeyId keyId;
    private final QrToken token;
    private final X509Certificate issuerCertificate;
    private final OrganisationIdentity issuer;

    private Verification(VerificationOutcome outcome, String message, KeyId keyId, QrToken token,
                         X509Certificate issuerCertificate, OrganisationIdentity issuer) {
        this.outcome = outcome;
        this.message = message;
        this.keyId = keyId;
        this.token = token;
        this.issuerCertificate = issuerCertificate;
        this.issuer = issuer;
    }

    static Verification valid(QrToken token, X509Certificate issuerCertificate, OrganisationIdentity issuer) {
        return new Verification(VerificationOutcome.VALID, "Genuine: signed by " + issuer.name() + " ("
                + issuer.uscc() + ")", token.keyId(), token, issuerCertificate, issuer);
    }

    static Verification rejected(VerificationOutcome outcome, String message, KeyId keyId) {
        if (outcome == VerificationOutcome.VALID) {
            throw new IllegalArgumentException("outcome: a rejection cannot be VALID");
        }
        return new Verification(outcome, Objects.requireNonNull(message, "message"), keyId, null, null, null);
    }

    public VerificationOutcome outcome() {
        return outcome;
    }

    public boolean isValid() {
        return outcome == VerificationOutcome.VALID;
    }

    /** Why, in plain words (English). */
    public String message() {
        return message;
    }

    /** The token's key id, when the text decoded as a token (whatever the outcome). */
    public Optional<KeyId> keyId() {
        return Optional.ofNullable(keyId);
    }

    /** The verified token; present only when VALID. */
    public Optional<QrToken> token() {
        return Optional.ofNullable(token);
    }

    /**
     * The issuer certificate's subject in RFC 2253 form with the serialNumber attribute by name, e.g.
     * {@code SERIALNUMBER=91350200776049653A,CN=...,O=...,C=CN}; present only when VALID.
     */
    public Optional<String> issuerSubject() {
        return Optional.ofNullable(issuerCertificate).map(c -> c.getSubjectX500Principal()
                .getName(X500Principal.RFC2253, Map.of("2.5.4.5", "SERIALNUMBER")));
    }

    /** The issuer certificate; present only when VALID. */
    public Optional<X509Certificate> issuerCertificate() {
        return Optional.ofNullable(issuerCertificate);
    }

    /** The issuing organisation (name and USCC from its certificate); present only when VALID. */
    public Optional<OrganisationIdentity> issuer() {
        return Optional.ofNullable(issuer);
    }

    /**
     * Compares the verified token's digest with a record's recomputed key fields: VALID when they
     * match, DIGEST_MISMATCH when not, and this verification's own outcome when it was not VALID
     * (an unverified token's digest means nothing).
     */
    public VerificationOutcome checkDigest(KeyFields recomputed) {
        Objects.requireNonNull(recomputed, "recomputed");
        if (!isValid()) {
            return outcome;
        }
        return MessageDigest.isEqual(token.digest().bytes(), recomputed.digest().bytes())
                ? VerificationOutcome.VALID : VerificationOutcome.DIGEST_MISMATCH;
    }

    @Override
    public String toString() {
        return "Verification[" + outcome + ": " + message + "]";
    }
}

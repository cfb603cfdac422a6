package cn.cqs.contract.qr;

import cn.cqs.contract.pki.KeyId;
import cn.cqs.contract.pki.OrganisationCredential;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * 令牌签发 (token signer): signs QR tokens with an organisation's P-256 key, offline. A lab's
 * client builds one from the lab's PKCS#12 credential; the server builds one from the platform's
 * signing credential for what the platform assigns (batch serial numbers).
 *
 * <p>Signatures are {@code SHA256withECDSAinP1363Format} (native JCA), normalised to low S.
 * Thread-safe.
 */
public final class TokenSigner {
    private final String issuerId;
    private final PrivateKey privateKey;
    private final KeyId keyId;

    /**
     * @param issuerId   the signing organisation's unified social credit code
     * @param privateKey its P-256 private key
     * @param keyId      the key id of the certificate for that key
     */
    public TokenSigner(String issuerId, PrivateKey privateKey, KeyId keyId) {
        this.issuerId = QrToken.checkIssuerId(issuerId);
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        if (!"EC".equals(privateKey.getAlgorithm())) {
            throw new IllegalArgumentException("privateKey: must be an EC P-256 key, got " + privateKey.getAlgorithm());
        }
    }

    /** A signer for the organisation, key and key id of {@code credential}. */
    public static TokenSigner of(OrganisationCredential credential) {
        Objects.requireNonNull(credential, "credential");
        return new TokenSigner(credential.identity().uscc(), credential.privateKey(), credential.keyId());
    }

    /** The issuer id this signer writes into its tokens. */
    public String issuerId() {
        return issuerId;
    }

    /** The key id this signer writes into its tokens. */
    public KeyId keyId() {
        return keyId;
    }

    /**
     * Signs a token.
     *
     * @param kind           what the token vouches for
     * @param documentNumber the issuer's number for the document
     * @param keyFields      the document's key fields (their digest goes into the token)
     * @param issuedAt       the issue time; truncated to whole seconds
     */
    public QrToken sign(TokenKind kind, String documentNumber, KeyFields keyFields, Instant issuedAt) {
        Objects.requireNonNull(keyFields, "keyFields");
        return sign(kind, documentNumber, keyFields.digest(), issuedAt);
    }

    /** Signs a token for an already computed key-fields digest. */
    public QrToken sign(TokenKind kind, String documentNumber, KeyFieldsDigest digest, Instant issuedAt) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Instant seconds = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        QrToken.checkDocumentNumber(documentNumber);
        QrToken.checkIssuedAt(seconds);
        byte[] input = QrToken.signingInput(QrToken.FORMAT_VERSION, kind, issuerId, documentNumber, digest,
                seconds, keyId);
        byte[] signature;
        try {
            Signature ecdsa = Signature.getInstance(EcdsaP1363.ALGORITHM);
            ecdsa.initSign(privateKey);
            ecdsa.update(input);
            signature = EcdsaP1363.toLowS(ecdsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign the QR token with " + EcdsaP1363.ALGORITHM
                    + " (is the key a P-256 key?)", e);
        }
        return new QrToken(QrToken.FORMAT_VERSION, kind, issuerId, documentNumber, digest, seconds, keyId, signature);
    }
}

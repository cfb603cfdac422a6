package cn.cqs.client.verify;

import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.qr.TokenKind;
import cn.cqs.contract.qr.Verification;
import java.time.Instant;

/**
 * 纸面声明 (the paper's claims): what a verified QR token says, with the issuer's name and USCC
 * taken from its certificate. Built only from a token whose signature and chain verified.
 */
public record PaperClaims(TokenKind kind, String issuerName, String issuerUscc, String documentNumber,
                          Instant issuedAt, String keyId) {

    /**
     * @throws IllegalArgumentException when the verification is not VALID (its content is untrusted)
     */
    public static PaperClaims of(Verification verification) {
        if (!verification.isValid()) {
            throw new IllegalArgumentException("verification: only a VALID token's claims can be shown, was "
                    + verification.outcome());
        }
        QrToken token = verification.token().orElseThrow();
        var issuer = verification.issuer().orElseThrow();
        return new PaperClaims(token.kind(), issuer.name(), issuer.uscc(), token.documentNumber(), token.issuedAt(),
                token.keyId().hex());
    }
}

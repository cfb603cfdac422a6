package cn.cqs.contract.pki;

/**
 * {@code POST /api/v1/organisations/{id}/certificates/{keyId}/revoke}: revokes an organisation's
 * signing key (lost, stolen, or the organisation struck off). Irreversible: every token signed
 * under the key then verifies as not certified, older ones included (docs/qr-token.md section 7).
 *
 * @param reason why, in plain words (kept in the audit log), 1-500 characters
 */
public record CertificateRevocation(String reason) {
    /** Longest reason accepted. */
    public static final int MAX_REASON = 500;
}

package cn.cqs.contract.qr;

/** The verdict on a scanned QR token (扫码核验结果). */
public enum VerificationOutcome {
    /** 真实: signed by a certified issuer; the content can be trusted. */
    VALID,
    /** 非本系统二维码: not a token of this system (or of an unknown format version). */
    MALFORMED,
    /** 签发者未知: no certificate with the token's key id is known (refresh the certificate cache, then retry). */
    ISSUER_UNKNOWN,
    /**
     * 签发者未获认证: the certificate does not lead to the platform CA, was not valid at the issue
     * time, is revoked, or is not the certificate of the issuer the token names.
     */
    ISSUER_NOT_CERTIFIED,
    /** 签名无效: the signature does not match: forged or altered. */
    SIGNATURE_INVALID,
    /** 内容不符: a genuine token, but the record's key fields do not hash to the token's digest. */
    DIGEST_MISMATCH
}

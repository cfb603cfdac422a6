package cn.cqs.contract.verify;

/**
 * What verifying a scanned QR code concludes, in the order a verifier decides it. The client's
 * verify screen and the server's verification page say the same thing for the same outcome.
 */
public enum VerifyOutcome {
    /** 真实有效：签名有效，系统中有此记录且内容一致. Genuine and in the system, content matching. */
    GENUINE_IN_SYSTEM,
    /** 真实，但尚未上传：签名有效，系统中暂无此记录. Genuine, but not (yet) uploaded. */
    GENUINE_NOT_UPLOADED,
    /** 签名无效或内容被篡改. The signature does not verify: altered or forged. */
    SIGNATURE_INVALID,
    /** 签发单位未知. The key that signed it is not known to the platform. */
    ISSUER_UNKNOWN,
    /** 签发单位未经平台认证（证书无效、过期或已吊销）. Not certified by the platform CA. */
    ISSUER_NOT_CERTIFIED,
    /** 与系统记录不一致. Signed correctly, but the record's key fields no longer match the token. */
    DIGEST_MISMATCH,
    /** 不是本系统的二维码. Not a code of this system. */
    NOT_A_SYSTEM_CODE,
    /** 签名有效，但无法连接服务器，状态未知. Signature valid, server unreachable: status unknown. */
    SERVER_UNREACHABLE
}

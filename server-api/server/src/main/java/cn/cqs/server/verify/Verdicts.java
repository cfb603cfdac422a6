package cn.cqs.server.verify;

import cn.cqs.contract.verify.VerifyOutcome;

/**
 * The plain words for each verification outcome, Chinese first, then English: one place, so the
 * JSON answer and the HTML page say the same thing.
 */
public final class Verdicts {
    private Verdicts() {
    }

    public static String chinese(VerifyOutcome outcome) {
        return switch (outcome) {
            case GENUINE_IN_SYSTEM -> "真实有效：签名有效，系统中有此报告且内容一致。";
            case GENUINE_NOT_UPLOADED -> "签名真实，但该报告尚未上传到监管平台。";
            case SIGNATURE_INVALID -> "签名无效：二维码被伪造或篡改。";
            case ISSUER_UNKNOWN -> "签发单位未知：平台未登记该签名密钥。";
            case ISSUER_NOT_CERTIFIED -> "签发单位未经平台认证（证书无效、过期或已吊销）。";
            case DIGEST_MISMATCH -> "与系统记录不一致：报告关键内容与二维码不符。";
            case NOT_A_SYSTEM_CODE -> "不是本系统的二维码。";
            case SERVER_UNREACHABLE -> "签名有效，但无法连接服务器，状态未知。";
        };
    }

    public static String english(VerifyOutcome outcome) {
        return switch (outcome) {
            case GENUINE_IN_SYSTEM -> "Genuine: the signature is valid and the report is in the system with matching content.";
            case GENUINE_NOT_UPLOADED -> "Genuine signature, but the report has not been uploaded (yet).";
            case SIGNATURE_INVALID -> "Invalid signature: the code is forged or altered.";
            case ISSUER_UNKNOWN -> "Unknown issuer: the signing key is not registered with the platform.";
            case ISSUER_NOT_CERTIFIED -> "Issuer not certified by the platform (certificate invalid, expired or revoked).";
            case DIGEST_MISMATCH -> "Does not match the record: the report's key fields differ from the code.";
            case NOT_A_SYSTEM_CODE -> "Not a code of this system.";
            case SERVER_UNREACHABLE -> "Signature valid, but the server is unreachable: status unknown.";
        };
    }

    /** The Chinese words for a batch token's verdict (生产流水号); the report's words where they fit both. */
    public static String batchChinese(VerifyOutcome outcome) {
        return switch (outcome) {
            case GENUINE_IN_SYSTEM -> "真实有效：流水号由平台签发，系统中有此生产批次且关键内容一致。";
            case GENUINE_NOT_UPLOADED -> "流水号签名真实，但系统中查无此生产批次（平台在登记时签发，不应出现）。";
            case ISSUER_NOT_CERTIFIED -> "不是平台签发的流水号：生产流水号只由监管平台签发。";
            case DIGEST_MISMATCH -> "与系统记录不一致：生产批次关键内容与二维码不符。";
            default -> chinese(outcome);
        };
    }

    /** The English words for a batch token's verdict. */
    public static String batchEnglish(VerifyOutcome outcome) {
        return switch (outcome) {
            case GENUINE_IN_SYSTEM -> "Genuine: the platform signed the serial number and the batch is in the system with "
                    + "matching key fields.";
            case GENUINE_NOT_UPLOADED -> "Genuine signature, but no such production batch is in the system (the platform "
                    + "signs on registration, so this should not happen).";
            case ISSUER_NOT_CERTIFIED -> "Not a serial number of the platform: only the supervision platform signs them.";
            case DIGEST_MISMATCH -> "Does not match the record: the batch's key fields differ from the code.";
            default -> english(outcome);
        };
    }

    /** A batch token's verdict, Chinese, then English. */
    public static String batchMessage(VerifyOutcome outcome) {
        return batchChinese(outcome) + " " + batchEnglish(outcome);
    }

    /** Chinese, then English. */
    public static String message(VerifyOutcome outcome) {
        return chinese(outcome) + " " + english(outcome);
    }

    /** The page colour of a verdict: green genuine, amber not yet uploaded, grey foreign, red otherwise. */
    static String colour(VerifyOutcome outcome) {
        return switch (outcome) {
            case GENUINE_IN_SYSTEM -> "#1b7f3b";
            case GENUINE_NOT_UPLOADED, SERVER_UNREACHABLE -> "#b26a00";
            case NOT_A_SYSTEM_CODE -> "#5f6368";
            default -> "#c62828";
        };
    }
}

package cn.cqs.contract.qr;

import java.util.Optional;

/**
 * What a QR token vouches for. Each kind has a fixed one-byte code in the token; codes are never
 * reused or renumbered. To add a kind, append a constant with the next free code: older verifiers
 * then report such tokens as malformed (not theirs) until they are updated.
 */
public enum TokenKind {
    /** 检测报告: a lab's test report; the document number is the report number (报告编号). */
    REPORT(1),
    /** 生产批次: a ready-mix batch; the platform signs it, the document number is the serial number (生产流水号). */
    BATCH(2),
    /** 基桩检测: a registered pile test; the document number is the agency's or platform's number for it. */
    PILE_TEST(3);

    private final int code;

    TokenKind(int code) {
        this.code = code;
    }

    /** The byte that stands for this kind in the token (1-255). */
    public int code() {
        return code;
    }

    /** The kind with this code, if any. */
    public static Optional<TokenKind> fromCode(int code) {
        for (TokenKind kind : values()) {
            if (kind.code == code) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}

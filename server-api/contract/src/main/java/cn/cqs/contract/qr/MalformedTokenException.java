package cn.cqs.contract.qr;

import java.util.Objects;

/**
 * 非本系统二维码: the text is not a QR token of this system (or of a version this build does not
 * know). Thrown by {@link QrToken#decode(String)} and {@link QrToken#fromScannedText(String)};
 * checked, so callers must decide what to show.
 */
public final class MalformedTokenException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the text was rejected. */
    public enum Reason {
        /** Nothing scanned (null, empty or blank). */
        EMPTY,
        /** Text that is neither a bare token nor a URL ending in {@code /v/<token>}. */
        NOT_A_TOKEN,
        /** Not canonical unpadded base64url. */
        BAD_BASE64,
        /** A format version this build does not know. */
        UNSUPPORTED_VERSION,
        /** A kind code this build does not know. */
        UNKNOWN_KIND,
        /** Too short, too long, or bytes after the signature. */
        WRONG_LENGTH,
        /** A field holds a value the format does not allow (named in the message). */
        BAD_FIELD
    }

    private final Reason reason;

    public MalformedTokenException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}

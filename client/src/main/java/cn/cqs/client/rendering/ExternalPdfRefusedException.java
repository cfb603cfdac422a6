package cn.cqs.client.rendering;

import cn.cqs.contract.problem.Problem;
import java.util.Objects;

/**
 * A PDF produced elsewhere (外部PDF) cannot be stamped with the QR code: it is unreadable, protected
 * by a password, signed already, too large, or its page has no room for the code. Carries the
 * field and a stable reason code ({@link #error()}), so the client shows a localised message
 * ({@code reports.external.error.<code>}), and an English message with the details.
 */
public final class ExternalPdfRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The field every refusal names: the external PDF file. */
    public static final String FIELD = "externalPdf";

    /** The stable reason codes. */
    public static final String EMPTY = "empty";
    public static final String TOO_LARGE = "too_large";
    public static final String UNREADABLE = "unreadable";
    public static final String ENCRYPTED = "encrypted";
    public static final String SIGNED = "already_signed";
    public static final String PAGE_TOO_SMALL = "page_too_small";

    private final transient Problem.FieldError error;

    public ExternalPdfRefusedException(String code, String message) {
        this(code, message, null);
    }

    public ExternalPdfRefusedException(String code, String message, Throwable cause) {
        super(FIELD + ": " + message, cause);
        this.error = new Problem.FieldError(FIELD, Objects.requireNonNull(code, "code"), message);
    }

    /** The field ({@link #FIELD}), the reason code and the English message. */
    public Problem.FieldError error() {
        return error;
    }

    /** The reason code, e.g. {@link #ENCRYPTED}. */
    public String code() {
        return error.code();
    }
}

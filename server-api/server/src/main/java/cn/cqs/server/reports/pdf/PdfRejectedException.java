package cn.cqs.server.reports.pdf;

/**
 * An uploaded report PDF is not acceptable; {@link #code()} says why in a word (the problem's
 * {@code errors[].code} for field {@code pdf}), the message in plain words.
 */
public final class PdfRejectedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;

    public PdfRejectedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public PdfRejectedException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** e.g. {@code unsigned}, {@code signature_invalid}, {@code signer_mismatch}. */
    public String code() {
        return code;
    }
}

package cn.cqs.client.print;

/**
 * A print that did not happen, with the reason the preview shows (localised from {@link #reason()})
 * and the technical detail.
 */
public final class PrintRefusedException extends Exception {
    /** Why nothing was printed. */
    public enum Reason {
        /** No printer is installed on this computer. */
        NO_PRINTER,
        /** The chosen printer is no longer installed. */
        PRINTER_NOT_FOUND,
        /** A page is larger than the paper at 100 %; it is never shrunk. */
        PAGE_TOO_LARGE,
        /** The PDF cannot be read. */
        UNREADABLE_PDF,
        /** The printing system refused the job. */
        PRINTER_ERROR
    }

    private final Reason reason;

    public PrintRefusedException(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public PrintRefusedException(Reason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

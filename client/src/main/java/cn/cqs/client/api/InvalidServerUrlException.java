package cn.cqs.client.api;

/** A server address the client cannot use; {@link #reason()} says why. */
public final class InvalidServerUrlException extends IllegalArgumentException {
    /** Why a server address was refused. */
    public enum Reason {
        /** nothing was entered */
        EMPTY,
        /** not a URL at all, or it carries a query, fragment or user info */
        MALFORMED,
        /** not http:// or https:// */
        SCHEME,
        /** no host name or IP address */
        NO_HOST
    }

    private final Reason reason;

    public InvalidServerUrlException(Reason reason, String text) {
        super("server URL '" + text + "' is not usable: " + reason.name().toLowerCase(java.util.Locale.ROOT));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

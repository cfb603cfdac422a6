package cn.cqs.client.credentials;

import java.util.Arrays;

/**
 * A signing credential could not be imported or unlocked. Carries a localisation key
 * ({@code credentials.error.*}) and its arguments, so the screen shows the reason in the user's
 * language; {@link #getMessage()} is the English text for logs.
 */
public final class CredentialException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final transient Object[] args;

    public CredentialException(String messageKey, String englishMessage, Throwable cause, Object... args) {
        super(englishMessage, cause);
        this.messageKey = messageKey;
        this.args = args == null ? new Object[0] : args.clone();
    }

    /** The localisation key of the reason, e.g. {@code credentials.error.wrongPassword}. */
    public String messageKey() {
        return messageKey;
    }

    /** The arguments for the key's placeholders. */
    public Object[] args() {
        return args.clone();
    }

    @Override
    public String toString() {
        return "CredentialException[" + messageKey + " " + Arrays.toString(args) + "]: " + getMessage();
    }
}

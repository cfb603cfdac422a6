package cn.cqs.client.sync;

/** The local database could not be opened, read or written; the message says which file and why. */
public class LocalStoreException extends RuntimeException {
    public LocalStoreException(String message) {
        super(message);
    }

    public LocalStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

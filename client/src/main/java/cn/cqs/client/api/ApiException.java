package cn.cqs.client.api;

/** Base of every failure of a call to the CQS server, so callers can catch them together. */
public abstract class ApiException extends RuntimeException {
    protected ApiException(String message, Throwable cause) {
        super(message, cause);
    }
}

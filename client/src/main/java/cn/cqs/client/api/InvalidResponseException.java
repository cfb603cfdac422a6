package cn.cqs.client.api;

/** The server answered 2xx but the body is not the JSON the contract promises. */
public final class InvalidResponseException extends ApiException {
    public InvalidResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}

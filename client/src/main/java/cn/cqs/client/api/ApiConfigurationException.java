package cn.cqs.client.api;

/** The client cannot be set up as configured, e.g. the CA certificate file cannot be read. */
public final class ApiConfigurationException extends ApiException {
    public ApiConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}

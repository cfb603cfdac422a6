package cn.cqs.contract.auth;

/**
 * The answer to creating an API key: {@code secret} is shown this once and never again (the
 * server keeps only its SHA-256). Machine clients send it as header {@link #HEADER}.
 */
public record ApiKeyCreated(ApiKey apiKey, String secret) {
    public static final String HEADER = "X-Api-Key";
}

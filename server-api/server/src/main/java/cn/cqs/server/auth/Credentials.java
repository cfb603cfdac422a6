package cn.cqs.server.auth;

/**
 * What a request presented to prove who it is: a bearer token ({@code Authorization: Bearer}) or
 * an API key ({@code X-Api-Key}). Either may be null.
 */
public record Credentials(String bearerToken, String apiKey) {
    public boolean isEmpty() {
        return bearerToken == null && apiKey == null;
    }
}

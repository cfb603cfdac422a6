package cn.cqs.server.auth;

import java.util.Optional;

/** Resolves password-login bearer tokens and API keys, both checked against the database. */
public final class DatabaseIdentityResolver implements IdentityResolver {
    private final AuthService auth;
    private final ApiKeyService apiKeys;

    public DatabaseIdentityResolver(AuthService auth, ApiKeyService apiKeys) {
        this.auth = auth;
        this.apiKeys = apiKeys;
    }

    @Override
    public Optional<Principal> resolve(Credentials credentials) {
        if (credentials.bearerToken() != null) {
            return auth.resolveToken(credentials.bearerToken());
        }
        if (credentials.apiKey() != null) {
            return apiKeys.resolve(credentials.apiKey());
        }
        return Optional.empty();
    }
}

package cn.cqs.server.auth;

import java.util.Optional;

/**
 * Turns presented credentials into a {@link Principal}. The one seam for identity: password-login
 * tokens and API keys now, an OpenID Connect resolver (the province's real-name platform) later.
 */
public interface IdentityResolver {
    /**
     * @return the principal, or empty when these credentials are not ones this resolver knows or
     * they are invalid, expired or revoked
     */
    Optional<Principal> resolve(Credentials credentials);
}

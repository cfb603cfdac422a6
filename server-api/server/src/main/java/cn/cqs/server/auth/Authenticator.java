package cn.cqs.server.auth;

import cn.cqs.contract.auth.ApiKeyCreated;
import cn.cqs.server.http.ApiException;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the credentials of an HTTP request and asks the {@link IdentityResolver} who it is.
 * Missing or invalid credentials are a 401 before any other check.
 */
public final class Authenticator {
    private static final String PRINCIPAL = "cqs.principal";
    private static final String BEARER = "cqs.bearer";
    private final IdentityResolver resolver;

    public Authenticator(IdentityResolver resolver) {
        this.resolver = resolver;
    }

    public Principal require(Context ctx) {
        Principal cached = ctx.attribute(PRINCIPAL);
        if (cached != null) {
            return cached;
        }
        Credentials credentials = credentials(ctx);
        if (credentials.isEmpty()) {
            throw ApiException.unauthenticated("Log in first: send 'Authorization: Bearer <token>' or an "
                    + ApiKeyCreated.HEADER + " header");
        }
        Principal principal = resolver.resolve(credentials).orElseThrow(() -> ApiException.unauthenticated(
                credentials.bearerToken() != null ? "The login token is invalid or has expired; log in again"
                        : "The API key is invalid or has been revoked"));
        ctx.attribute(PRINCIPAL, principal);
        if (credentials.bearerToken() != null) {
            ctx.attribute(BEARER, credentials.bearerToken());
        }
        return principal;
    }

    /**
     * Who the request is when it carries valid credentials; empty when it carries none, malformed
     * ones or invalid ones. Never a 401: for public routes, which answer everyone but may treat
     * signed-in callers differently (the verification routes do not rate-limit them).
     */
    public Optional<Principal> identify(Context ctx) {
        Principal cached = ctx.attribute(PRINCIPAL);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Credentials> credentials = wellFormedCredentials(ctx).filter(c -> !c.isEmpty());
        if (credentials.isEmpty()) {
            return Optional.empty();
        }
        Optional<Principal> principal = resolver.resolve(credentials.get());
        principal.ifPresent(p -> {
            ctx.attribute(PRINCIPAL, p);
            if (credentials.get().bearerToken() != null) {
                ctx.attribute(BEARER, credentials.get().bearerToken());
            }
        });
        return principal;
    }

    /** The bearer token the request was authenticated with, or null. */
    public String bearerToken(Context ctx) {
        return ctx.attribute(BEARER);
    }

    static Credentials credentials(Context ctx) {
        return wellFormedCredentials(ctx).orElseThrow(() -> ApiException.unauthenticated(
                "The Authorization header must be 'Bearer <token>'"));
    }

    /** The request's credentials; empty when its Authorization header is not 'Bearer <token>'. */
    private static Optional<Credentials> wellFormedCredentials(Context ctx) {
        String authorization = ctx.header("Authorization");
        String bearer = null;
        if (authorization != null && !authorization.isBlank()) {
            String[] parts = authorization.trim().split("\\s+", 2);
            if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals("bearer") || parts[1].isBlank()) {
                return Optional.empty();
            }
            bearer = parts[1].trim();
        }
        String apiKey = ctx.header(ApiKeyCreated.HEADER);
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
        return Optional.of(new Credentials(bearer, apiKey == null ? null : apiKey.trim()));
    }
}

package cn.cqs.contract.auth;

import java.time.Instant;

/**
 * A successful login: a bearer token to send as {@code Authorization: Bearer <token>} until
 * {@code expiresAt}, and who the user is.
 */
public record LoginResponse(String token, Instant expiresAt, CurrentUser user) {
}

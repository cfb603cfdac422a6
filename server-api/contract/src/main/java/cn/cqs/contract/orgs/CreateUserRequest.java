package cn.cqs.contract.orgs;

import java.util.Set;

/**
 * {@code POST /api/v1/organisations/{id}/users}: an administrator adds a user to an organisation.
 *
 * @param username    ASCII login name, 3-64 characters of {@code a-z 0-9 . _ -}
 * @param password    at least {@link #MIN_PASSWORD_LENGTH} characters
 * @param permissions the modules the user may use; an administrator always also holds USERS_ADMIN
 */
public record CreateUserRequest(String username, String displayName, String password, Role role,
                                Set<Permission> permissions) {
    public static final int MIN_PASSWORD_LENGTH = 8;
}

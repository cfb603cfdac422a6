package cn.cqs.contract.orgs;

import java.util.Set;

/**
 * {@code PUT /api/v1/users/{id}} (with {@code If-Match}): change a user's name, role, permissions
 * or deactivate them.
 */
public record UpdateUserRequest(String displayName, Role role, Set<Permission> permissions, Boolean active) {
}

package cn.cqs.contract.orgs;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A user account as an administrator sees it. Never carries the password or its hash. */
public record User(UUID id, UUID organisationId, String username, String displayName, Role role,
                   Set<Permission> permissions, boolean active, Instant createdAt, long version) {
}

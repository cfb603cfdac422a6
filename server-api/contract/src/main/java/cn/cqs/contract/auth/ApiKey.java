package cn.cqs.contract.auth;

import cn.cqs.contract.orgs.Permission;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An API key as listed to administrators: never the secret itself, only its first characters
 * ({@code prefix}) so people can tell keys apart.
 */
public record ApiKey(UUID id, UUID organisationId, String name, String prefix, Set<Permission> permissions,
                     Instant createdAt, Instant revokedAt, Instant lastUsedAt) {
}

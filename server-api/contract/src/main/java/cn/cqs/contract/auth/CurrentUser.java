package cn.cqs.contract.auth;

import cn.cqs.contract.orgs.OrganisationKind;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.orgs.Role;
import java.util.Set;
import java.util.UUID;

/**
 * The logged-in user as the server sees them ({@code GET /api/v1/auth/me}).
 *
 * @param organisationRegionCode for a regulator its jurisdiction's region code (GB/T 2260), for an
 *                               enterprise the region it is registered in
 */
public record CurrentUser(UUID id, String username, String displayName, Role role,
                          Set<Permission> permissions, UUID organisationId, String organisationName,
                          OrganisationKind organisationKind, String organisationRegionCode) {
}

package cn.cqs.server.auth;

import cn.cqs.contract.orgs.OrganisationKind;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.orgs.Role;
import cn.cqs.server.http.ApiException;
import java.util.Set;
import java.util.UUID;

/**
 * Who is making a request, however they proved it (password login token, API key, and later
 * OpenID Connect single sign-on). Every scoping decision uses only this.
 *
 * @param userId                 the user, or null when an API key acts for the organisation
 * @param apiKeyId               the API key, or null when a user acts
 * @param organisationRegionCode a regulator's jurisdiction or an enterprise's registered region
 */
public record Principal(UUID userId, String username, UUID apiKeyId, UUID organisationId,
                        OrganisationKind organisationKind, String organisationRegionCode, Role role,
                        Set<Permission> permissions) {

    public Principal {
        permissions = Set.copyOf(permissions);
    }

    public boolean isRegulator() {
        return organisationKind == OrganisationKind.REGULATOR;
    }

    public boolean isAdministrator() {
        return role == Role.ADMINISTRATOR && permissions.contains(Permission.USERS_ADMIN);
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    public void require(Permission permission) {
        if (!has(permission)) {
            throw ApiException.forbidden("This needs the " + permission + " permission");
        }
    }

    public void requireAdministrator() {
        if (!isAdministrator()) {
            throw ApiException.forbidden("Only an administrator of the organisation may do this");
        }
    }

    public void requireUser() {
        if (userId == null) {
            throw ApiException.forbidden("This needs a user login; an API key cannot do it");
        }
    }
}

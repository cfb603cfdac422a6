package cn.cqs.contract.auth;

import cn.cqs.contract.orgs.Permission;
import java.util.Set;

/**
 * {@code POST /api/v1/auth/api-keys}: an organisation's administrator creates a key for a machine
 * client (lab software, an ERP). The key acts for the organisation with exactly these permissions
 * (never USERS_ADMIN).
 */
public record CreateApiKeyRequest(String name, Set<Permission> permissions) {
}

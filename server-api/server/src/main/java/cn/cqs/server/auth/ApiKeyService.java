package cn.cqs.server.auth;

import cn.cqs.contract.auth.ApiKey;
import cn.cqs.contract.auth.ApiKeyCreated;
import cn.cqs.contract.auth.CreateApiKeyRequest;
import cn.cqs.contract.orgs.OrganisationKind;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.orgs.Role;
import cn.cqs.server.audit.AuditLog;
import cn.cqs.server.db.Sql;
import cn.cqs.server.http.ApiException;
import cn.cqs.server.http.Validation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * API keys for machine clients (lab business software, plant ERPs). A key belongs to one
 * organisation, carries a fixed set of permissions (never USERS_ADMIN), is shown once on creation,
 * stored as its SHA-256 and can be revoked.
 */
public final class ApiKeyService {
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    public ApiKeyService(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    public ApiKeyCreated create(Principal admin, CreateApiKeyRequest request) {
        admin.requireUser();
        admin.requireAdministrator();
        Validation v = new Validation().text("name", request.name(), 100)
                .requiredCollection("permissions", request.permissions());
        if (request.permissions() != null && !request.permissions().contains(null)) {
            Set<Permission> available = Permission.availableTo(admin.organisationKind());
            for (Permission p : request.permissions()) {
                if (p == Permission.USERS_ADMIN) {
                    v.add("permissions", "not_allowed", "An API key cannot hold USERS_ADMIN");
                } else if (!available.contains(p)) {
                    v.add("permissions", "not_allowed", p + " is not available to a " + admin.organisationKind()
                            + " organisation");
                }
            }
        }
        v.throwIfInvalid();
        String secret = Secrets.newSecret("cqs_k_");
        Instant now = clock.instant();
        ApiKey key = new ApiKey(UUID.randomUUID(), admin.organisationId(), request.name().strip(),
                secret.substring(0, 12), EnumSet.copyOf(request.permissions().isEmpty()
                ? EnumSet.noneOf(Permission.class) : request.permissions()), now, null, null);
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            insert into api_key (id, organisation_id, created_by, name, prefix, key_hash, permissions, created_at)
                            values (:id, :org, :by, :name, :prefix, :hash, :perms, :now)""")
                    .bind("id", key.id()).bind("org", key.organisationId()).bind("by", admin.userId())
                    .bind("name", key.name()).bind("prefix", key.prefix()).bind("hash", Secrets.sha256(secret))
                    .bind("perms", Sql.names(key.permissions())).bind("now", Sql.ts(now)).execute();
            audit.record(h, admin, now, "api_key.create", "api_key", key.id(), null, null, key);
        });
        return new ApiKeyCreated(key, secret);
    }

    public List<ApiKey> list(Principal admin) {
        admin.requireAdministrator();
        return jdbi.withHandle(h -> h.createQuery(
                        "select * from api_key where organisation_id = :org order by created_at desc")
                .bind("org", admin.organisationId())
                .map((rs, c) -> apiKey(rs)).list());
    }

    /** Revokes a key of the administrator's organisation; another organisation's key is a 404. */
    public void revoke(Principal admin, UUID id) {
        admin.requireAdministrator();
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            ApiKey before = h.createQuery("select * from api_key where id = :id and organisation_id = :org for update")
                    .bind("id", id).bind("org", admin.organisationId())
                    .map((rs, c) -> apiKey(rs)).findOne()
                    .orElseThrow(() -> ApiException.notFound("API key"));
            if (before.revokedAt() != null) {
                return;
            }
            h.createUpdate("update api_key set revoked_at = :now where id = :id")
                    .bind("now", Sql.ts(now)).bind("id", id).execute();
            ApiKey after = new ApiKey(before.id(), before.organisationId(), before.name(), before.prefix(),
                    before.permissions(), before.createdAt(), now, before.lastUsedAt());
            audit.record(h, admin, now, "api_key.revoke", "api_key", id, null, before, after);
        });
    }

    /** Resolves a presented key that is not revoked. */
    public Optional<Principal> resolve(String secret) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            Optional<Principal> principal = h.createQuery("""
                            select k.id, k.permissions, o.id as org_id, o.kind, o.region_code, k.name
                              from api_key k join organisation o on o.id = k.organisation_id
                             where k.key_hash = :hash and k.revoked_at is null""")
                    .bind("hash", Secrets.sha256(secret))
                    .map((rs, c) -> new Principal(null, "api-key:" + rs.getString("name"), Sql.uuid(rs, "id"),
                            Sql.uuid(rs, "org_id"), OrganisationKind.valueOf(rs.getString("kind")),
                            Sql.trimmedChar(rs, "region_code"), Role.ORDINARY, Sql.permissions(rs, "permissions")))
                    .findOne();
            principal.ifPresent(p -> h.createUpdate("update api_key set last_used_at = :now where id = :id")
                    .bind("now", Sql.ts(now)).bind("id", p.apiKeyId()).execute());
            return principal;
        });
    }

    private static ApiKey apiKey(ResultSet rs) throws SQLException {
        return new ApiKey(Sql.uuid(rs, "id"), Sql.uuid(rs, "organisation_id"), rs.getString("name"),
                rs.getString("prefix"), Sql.permissions(rs, "permissions"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "revoked_at"), Sql.instant(rs, "last_used_at"));
    }
}

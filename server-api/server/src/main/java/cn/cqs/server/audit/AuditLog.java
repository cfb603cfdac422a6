package cn.cqs.server.audit;

import cn.cqs.contract.audit.AuditEntry;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.db.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The append-only audit log (审计日志). {@link #record} is called with the same {@link Handle} as
 * the change it describes, so both commit or neither does; the database refuses UPDATE, DELETE and
 * TRUNCATE on the table.
 */
public final class AuditLog {
    private final ObjectMapper mapper;

    public AuditLog(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param projectId the project the change concerns (so the project's regulators see it), or null
     * @param before    the record before the change, null for a creation
     * @param after     the record after the change, null for a removal
     */
    public void record(Handle handle, Principal actor, Instant at, String action, String entityType,
                       Object entityId, UUID projectId, Object before, Object after) {
        handle.createUpdate("""
                        insert into audit_log (occurred_at, user_id, api_key_id, organisation_id, action, entity_type,
                                               entity_id, project_id, before, after)
                        values (:at, cast(:user as uuid), cast(:key as uuid), :org, :action, :type, :entity, cast(:project as uuid),
                                cast(:before as jsonb), cast(:after as jsonb))""")
                .bind("at", Sql.ts(at))
                .bind("user", actor.userId())
                .bind("key", actor.apiKeyId())
                .bind("org", actor.organisationId())
                .bind("action", action)
                .bind("type", entityType)
                .bind("entity", String.valueOf(entityId))
                .bind("project", projectId)
                .bind("before", toJson(before))
                .bind("after", toJson(after))
                .execute();
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write audit snapshot of " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Entries the principal may read: enterprise administrators their organisation's, regulators
     * (administrators or supervisors) also those about projects in their jurisdiction. Newest first.
     */
    public List<AuditEntry> visibleTo(Jdbi jdbi, Principal principal, int limit, Long beforeId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select * from audit_log a
                        where (a.organisation_id = :org
                               or (:regulator and a.project_id in (
                                     select p.id from project p
                                     where p.region_code in (select code from region_subtree(:region)))))
                          and (cast(:before as bigint) is null or a.id < cast(:before as bigint))
                        order by a.id desc
                        limit :limit""")
                .bind("org", principal.organisationId())
                .bind("regulator", principal.isRegulator())
                .bind("region", principal.organisationRegionCode())
                .bind("before", beforeId)
                .bind("limit", limit)
                .map((rs, ctx) -> entry(rs))
                .list());
    }

    private AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), Sql.instant(rs, "occurred_at"), Sql.uuid(rs, "user_id"),
                Sql.uuid(rs, "api_key_id"), Sql.uuid(rs, "organisation_id"), rs.getString("action"),
                rs.getString("entity_type"), rs.getString("entity_id"), Sql.uuid(rs, "project_id"),
                node(rs.getString("before")), node(rs.getString("after")));
    }

    private JsonNode node(String json) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit_log holds invalid JSON", e);
        }
    }
}

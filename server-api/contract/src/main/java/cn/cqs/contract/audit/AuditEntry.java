package cn.cqs.contract.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of the append-only audit log (审计日志): who changed what, when (server time), and the
 * record before and after the change ({@code null} before a creation).
 *
 * @param userId   the acting user, or null when an API key acted
 * @param apiKeyId the acting API key, or null when a user acted
 */
public record AuditEntry(long id, Instant occurredAt, UUID userId, UUID apiKeyId, UUID organisationId,
                         String action, String entityType, String entityId, UUID projectId,
                         JsonNode before, JsonNode after) {
}

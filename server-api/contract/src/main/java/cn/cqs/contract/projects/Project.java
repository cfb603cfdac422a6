package cn.cqs.contract.projects;

import java.time.Instant;
import java.util.UUID;

/**
 * A construction project (工程). Regulators see the projects located in their jurisdiction
 * ({@code regionCode}); enterprises see the projects they created or are linked to.
 *
 * @param ownerParty      建设单位
 * @param contractorParty 施工单位
 * @param supervisorParty 监理单位
 * @param createdAt       server receipt time of the creation
 * @param updatedAt       server receipt time of the last change
 * @param version         optimistic-concurrency version, also the {@code ETag}
 */
public record Project(UUID id, String name, String regionCode, String address, String ownerParty,
                      String contractorParty, String supervisorParty, UUID createdByOrganisationId,
                      Instant createdAt, Instant updatedAt, long version) {
}

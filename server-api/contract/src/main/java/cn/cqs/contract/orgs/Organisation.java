package cn.cqs.contract.orgs;

import java.time.Instant;
import java.util.UUID;

/**
 * An organisation: a regulator (主管部门) or an enterprise (企业) of one of three kinds.
 *
 * @param uscc       the unified social credit code (统一社会信用代码); may be null for a regulator
 * @param regionCode for a regulator its jurisdiction; for an enterprise where it is registered
 * @param parentId   for a regulator the regulator one level up (null for the province)
 * @param version    optimistic-concurrency version, also sent as the {@code ETag}
 */
public record Organisation(UUID id, String name, OrganisationKind kind, String uscc, String regionCode,
                           UUID parentId, Instant createdAt, long version) {
}

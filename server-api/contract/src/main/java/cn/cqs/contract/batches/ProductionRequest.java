package cn.cqs.contract.batches;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code PUT /api/v1/plant/batches/{batchId}}: register production (生产信息登记, R6) of one batch
 * before producing it. {@code batchId} in the path is the plant's own id (its ERP's order or task
 * number); the server answers with the batch, its production serial number (生产流水号) and its
 * signed QR token (R8). Sending the same registration again returns the same batch (200, the same
 * serial number); a different one under the same id is a 409 whose errors name every differing
 * field (code {@code differs}): a batch is never changed after registration.
 *
 * @param projectId       the project (工程) supplied; must be a registered project
 * @param buyer           需方 (the buyer, usually the contractor); 1-200 characters
 * @param pourLocation    浇筑部位; 1-200 characters
 * @param marking         混凝土标记; must be the marking of the mix design
 * @param volumeM3        planned volume in m³, more than 0, at most 10000
 * @param mixDesignId     the plant's id of a registered mix design valid on the planned start day
 * @param materialLotIds  the plant's ids of the registered material lots to be used; at least one lot
 *                        of each material kind of the mix design that is registered by lot
 * @param plannedStart    计划开盘时间
 * @param contractNumber  合同编号, optional; printed on delivery tickets
 */
public record ProductionRequest(UUID projectId, String buyer, String pourLocation, String marking,
                                BigDecimal volumeM3, String mixDesignId, List<String> materialLotIds,
                                Instant plannedStart, String contractNumber) {
}

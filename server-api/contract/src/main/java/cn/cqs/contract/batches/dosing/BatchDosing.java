package cn.cqs.contract.batches.dosing;

import cn.cqs.contract.batches.DosingState;
import java.time.Instant;
import java.util.UUID;

/**
 * A batch's current dosing records as checked (投料数据偏差报告): the answer of
 * {@code PUT /api/v1/plant/batches/{batchId}/dosing} and {@code GET /api/v1/batches/{serialNumber}/dosing}.
 *
 * @param batchId     the plant's own id for the batch
 * @param state       the batch's dosing state; {@link DosingState#NO_DATA} when nothing was received
 * @param revision    1 for the first set received, one more for each different set; 0 when none
 * @param source      how the current set arrived, or null when none
 * @param receivedAt  when the current set arrived, or null when none
 * @param report      the deviation report of the current set, or null when none
 */
public record BatchDosing(UUID batchUuid, String serialNumber, String batchId, UUID plantId, String plantName,
                          DosingState state, int revision, DosingSource source, Instant receivedAt,
                          DosingReport report) {
}

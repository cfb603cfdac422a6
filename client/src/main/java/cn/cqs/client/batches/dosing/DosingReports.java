package cn.cqs.client.batches.dosing;

import cn.cqs.contract.batches.dosing.BatchDosing;

/** Where a batch's dosing report comes from: {@code GET /api/v1/batches/{serialNumber}/dosing}. */
@FunctionalInterface
public interface DosingReports {
    /**
     * The batch's current dosing. Blocks; call off the JavaFX thread.
     *
     * @throws cn.cqs.client.api.ApiException when the server refuses or cannot be reached
     */
    BatchDosing fetch(String serialNumber);
}

package cn.cqs.client.batches.dosing;

import java.util.Optional;

/** Finds the plant's own id of a batch from its serial number ({@code GET /api/v1/batches/{serialNumber}}). */
@FunctionalInterface
public interface PlantBatches {
    /**
     * The plant's id for the batch, empty when the server knows no such batch of the caller's plant.
     * Blocks; call off the JavaFX thread.
     */
    Optional<String> batchId(String serialNumber);
}

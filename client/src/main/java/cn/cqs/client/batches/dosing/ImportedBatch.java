package cn.cqs.client.batches.dosing;

import cn.cqs.contract.batches.dosing.DosingRecord;
import java.util.List;

/**
 * The plates of one batch found in a dosing file, with the plant's id of the batch when the server
 * knows it (null: not a batch of this plant; it cannot be sent).
 */
public record ImportedBatch(String serialNumber, String batchId, List<DosingRecord> plates) {
    public ImportedBatch {
        plates = List.copyOf(plates);
    }

    /** Whether it can be sent. */
    public boolean known() {
        return batchId != null;
    }
}

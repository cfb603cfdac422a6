package cn.cqs.client.batches.dosing;

/**
 * Opens 投料数据导入 for one batch (导入投料数据… on a row of the plant's batch list);
 * {@link DosingImportWindows} is the JavaFX implementation.
 */
@FunctionalInterface
public interface DosingImportOpener {
    /**
     * @param serialNumber the batch's serial number (the dosing file names batches by it)
     * @param batchId      the plant's own id of the batch (where the data is sent)
     */
    void open(String serialNumber, String batchId);
}

package cn.cqs.contract.batches;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A registered raw-material delivery (进厂原材料批次) as the server keeps it.
 *
 * @param lotId          the plant's own id for it (the path id it was registered under)
 * @param testReportId   the system's report of that number, when there is one the plant can see
 * @param version        the ETag value; changes when the lot is changed
 */
public record MaterialLot(UUID id, UUID plantId, String plantName, String lotId, MaterialKind kind,
                          String specification, String supplier, String manufacturer, String lotNumber,
                          BigDecimal quantityTonnes, Instant arrivedAt, String testReportNumber, UUID testReportId,
                          Instant registeredAt, long version) {
}

package cn.cqs.contract.batches;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A registered raw-material delivery (进厂原材料批次) as the server keeps it.
 *
 * @param lotId          the plant's own id for it (the path id it was registered under)
 * @param testReportId   the linked report: the plant's own report of that number, or the report its
 *                       verified token names (any issuer)
 * @param testReportToken the verified report token (bare, canonical) when the plant gave one, else null;
 *                       {@code GET /api/v1/verify/{token}/pdf} opens that report's PDF
 * @param version        the ETag value; changes when the lot is changed
 */
public record MaterialLot(UUID id, UUID plantId, String plantName, String lotId, MaterialKind kind,
                          String specification, String supplier, String manufacturer, String lotNumber,
                          BigDecimal quantityTonnes, Instant arrivedAt, String testReportNumber, UUID testReportId,
                          String testReportToken,
                          Instant registeredAt, long version) {
}

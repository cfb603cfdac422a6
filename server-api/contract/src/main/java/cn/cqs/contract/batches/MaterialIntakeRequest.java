package cn.cqs.contract.batches;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code PUT /api/v1/plant/material-lots/{lotId}}: register one raw-material delivery (原材料进厂登记,
 * R5). {@code lotId} in the path is the plant's own id for it (its ERP's or the client's), so sending
 * the same registration again is harmless (200, the stored lot). Different values replace the lot
 * (version + 1) while no batch uses it; once a batch uses it they are a 409 naming every differing
 * field. A lot that is not registered cannot be used in production.
 *
 * @param kind             原材料种类; water is not registered by lot
 * @param specification    品种规格, e.g. {@code P·O 42.5}, {@code II级}, {@code 中砂}, {@code 5-25mm}; 1-100 characters
 * @param supplier         供应商; 1-200 characters
 * @param manufacturer     生产厂家; 1-200 characters
 * @param lotNumber        the material's own batch number (出厂批号); 1-64 characters
 * @param quantityTonnes   进厂数量 in tonnes (admixture too), more than 0, at most 100000
 * @param arrivedAt        进厂时间; not in the future (5 minutes of clock skew allowed)
 * @param testReportNumber 检验报告编号 of the material's own test report, optional; linked to the
 *                         report in the system when one with this number is visible to the plant
 */
public record MaterialIntakeRequest(MaterialKind kind, String specification, String supplier, String manufacturer,
                                    String lotNumber, BigDecimal quantityTonnes, Instant arrivedAt,
                                    String testReportNumber) {
}

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
 *                         report in the system when the plant issued one with this number (a report of
 *                         another organisation is linked by its token); filled from the token when absent
 * @param testReportToken  the scanned QR text of the material's test report (the verification URL or the
 *                         bare token), optional: proves the plant holds a genuine paper report of any issuer
 *                         (an outside testing agency's too). The server verifies it and links the report
 *                         when it is in the system and current; a superseded, withdrawn, not yet uploaded
 *                         or forged report, or a token that is not a report's, is a 422 on this field; a
 *                         {@code testReportNumber} naming another report than the token is a 422 on
 *                         {@code testReportNumber}
 */
public record MaterialIntakeRequest(MaterialKind kind, String specification, String supplier, String manufacturer,
                                    String lotNumber, BigDecimal quantityTonnes, Instant arrivedAt,
                                    String testReportNumber, String testReportToken) {

    /** A request without a report token (the number alone, or no report). */
    public MaterialIntakeRequest(MaterialKind kind, String specification, String supplier, String manufacturer,
                                 String lotNumber, BigDecimal quantityTonnes, Instant arrivedAt, String testReportNumber) {
        this(kind, specification, supplier, manufacturer, lotNumber, quantityTonnes, arrivedAt, testReportNumber, null);
    }
}

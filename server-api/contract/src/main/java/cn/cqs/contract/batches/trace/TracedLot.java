package cn.cqs.contract.batches.trace;

import cn.cqs.contract.batches.MaterialKind;
import java.util.UUID;

/**
 * A raw-material lot (原材料批次) a batch used, with the material's own test report.
 *
 * @param lotId             the plant's own id for the lot
 * @param testReportNumber  检验报告编号 as the plant registered it, or null
 * @param testReportId      the linked report (the plant's own of that number, or the one its verified
 *                          token names), or null
 * @param testReportConclusion that report's conclusion (QUALIFIED, UNQUALIFIED, ...), or null when not linked
 * @param testReportIssuerName the linked report's issuing organisation (often an outside testing agency), or null
 * @param testReportToken   the report's verified QR token when the plant registered it by token, else null:
 *                          anyone reading the trace opens its PDF with {@code GET /api/v1/verify/{token}/pdf}
 */
public record TracedLot(UUID id, String lotId, MaterialKind kind, String specification, String manufacturer,
                        String lotNumber, String testReportNumber, UUID testReportId, String testReportConclusion,
                        String testReportIssuerName, String testReportToken) {
}

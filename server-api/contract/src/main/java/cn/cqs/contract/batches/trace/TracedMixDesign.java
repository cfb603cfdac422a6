package cn.cqs.contract.batches.trace;

import java.util.UUID;

/**
 * The mix design (配合比) a batch was produced to.
 *
 * @param mixDesignId        the plant's own id for it
 * @param trialReportNumber  试配报告编号 as the plant registered it, or null
 * @param trialReportId      the linked report (the plant's own of that number, or the one its verified token
 *                           names), or null
 * @param trialReportIssuerName the linked report's issuing organisation, or null
 * @param trialReportToken   the report's verified QR token when registered by token, else null (its PDF:
 *                           {@code GET /api/v1/verify/{token}/pdf})
 */
public record TracedMixDesign(UUID id, String mixDesignId, String marking, String strengthClass,
                              String trialReportNumber, UUID trialReportId, String trialReportIssuerName,
                              String trialReportToken) {
}

package cn.cqs.contract.batches.trace;

import java.util.UUID;

/**
 * The mix design (配合比) a batch was produced to.
 *
 * @param mixDesignId        the plant's own id for it
 * @param trialReportNumber  试配报告编号 as the plant registered it, or null
 * @param trialReportId      the system's report of that number when the plant can see it, or null
 */
public record TracedMixDesign(UUID id, String mixDesignId, String marking, String strengthClass,
                              String trialReportNumber, UUID trialReportId) {
}

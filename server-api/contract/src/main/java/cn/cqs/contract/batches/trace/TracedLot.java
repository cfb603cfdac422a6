package cn.cqs.contract.batches.trace;

import cn.cqs.contract.batches.MaterialKind;
import java.util.UUID;

/**
 * A raw-material lot (原材料批次) a batch used, with the material's own test report.
 *
 * @param lotId             the plant's own id for the lot
 * @param testReportNumber  检验报告编号 as the plant registered it, or null
 * @param testReportId      the system's report of that number, when linked, or null
 * @param testReportConclusion that report's conclusion (QUALIFIED, UNQUALIFIED, ...), or null when not linked
 */
public record TracedLot(UUID id, String lotId, MaterialKind kind, String specification, String manufacturer,
                        String lotNumber, String testReportNumber, UUID testReportId, String testReportConclusion) {
}

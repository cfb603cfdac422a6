package cn.cqs.contract.batches.trace;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A concrete cube report (混凝土抗压强度检测报告) the batch's plant may link to the batch
 * ({@code GET /api/v1/batches/{serialNumber}/cube-report-candidates}): a current (neither superseded
 * nor withdrawn) CONCRETE_CUBE report of the batch's project. The fields are those of
 * {@link TracedCubeReport} that exist before a link, plus the sampling date, which is what the plant
 * matches against the day it produced the batch.
 *
 * @param samplingDate 取样日期 (for site-made cubes the casting date), or null when the report has none
 * @param conclusion   the report's overall conclusion (QUALIFIED, UNQUALIFIED, ...)
 * @param linked       whether the report is linked to this batch already
 */
public record CubeReportCandidate(UUID reportId, String reportNumber, String labName, String projectPart,
                                  String designGrade, BigDecimal representativeStrengthMpa, String conclusion,
                                  LocalDate samplingDate, Instant issuedAt, boolean linked) {
}

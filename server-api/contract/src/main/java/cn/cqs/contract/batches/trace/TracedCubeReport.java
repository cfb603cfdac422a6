package cn.cqs.contract.batches.trace;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A concrete cube test report (混凝土抗压强度检测报告) of specimens taken from the batch, as linked.
 *
 * @param status                    VALID, SUPERSEDED or WITHDRAWN (the report's current state)
 * @param conclusion                the report's overall conclusion
 * @param linkedByOrganisationName  who recorded the link: the issuing lab or the plant
 */
public record TracedCubeReport(UUID reportId, String reportNumber, String labName, String projectPart,
                               String designGrade, BigDecimal representativeStrengthMpa, String conclusion,
                               String status, Instant issuedAt, Instant linkedAt, UUID linkedByOrganisationId,
                               String linkedByOrganisationName) {
}

package cn.cqs.contract.refusals;

import cn.cqs.contract.reports.ReportStatus;
import cn.cqs.contract.verify.VerificationResponse.TokenClaims;
import cn.cqs.contract.verify.VerifyOutcome;
import java.time.Instant;
import java.util.UUID;

/**
 * A refusal report (拒收举报): filed by an organisation at its verify desk (a scanned
 * code, or concrete delivered without any serial number), routed to the regulators
 * of {@code regionCode}, handled by them (OPEN → IN_PROGRESS → CLOSED). The scan image is served by
 * {@code GET /api/v1/refusals/{id}/image}. The version is the ETag that take and close send back.
 *
 * @param routing       why {@code regionCode} was chosen; {@code routingReason} says it in plain words
 * @param serverOutcome the server's own verdict on the scanned text when the refusal was filed
 * @param claims        what the token says, read by the server; null for a foreign text
 * @param subject       what was refused (a report, a batch, concrete without a serial number)
 * @param truckNumber   for concrete without a serial number: the truck (else null), likewise
 *                      {@code plantName} and {@code pourLocation}
 * @param projectId     the project the refusal concerns: the scanned report's or batch's, or the one
 *                      the filer chose; null when unknown
 * @param projectName   that project's name, or the free text the filer gave
 * @param batchSerialNumber the serial number of the batch refused, when the token verified and names one
 */
public record Refusal(UUID id, RefusalState state, UUID organisationId, String organisationName,
                      UUID filedByUserId, String filedByName, UUID apiKeyId, Instant filedAt, String reason,
                      String place, UUID verificationId, String scannedText, VerifyOutcome outcome,
                      ReportStatus reportStatus, VerifyOutcome serverOutcome, ReportStatus serverReportStatus,
                      TokenClaims claims, boolean claimsVerified, String regionCode, String regionName,
                      RefusalRouting routing, String routingReason, String imageMediaType, int imageBytes,
                      String imageSha256, Instant takenAt, String takenByName, String takeNote, Instant closedAt,
                      String closedByName, String finding, long version, RefusalSubject subject,
                      String truckNumber, String plantName, UUID projectId, String projectName,
                      String pourLocation, String batchSerialNumber) {
}

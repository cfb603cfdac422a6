package cn.cqs.contract.refusals;

import cn.cqs.contract.reports.ReportStatus;
import cn.cqs.contract.verify.VerificationResponse.TokenClaims;
import cn.cqs.contract.verify.VerifyOutcome;
import java.time.Instant;
import java.util.UUID;

/**
 * A refusal report (拒收举报): filed by an organisation at its verify desk, routed to the regulators
 * of {@code regionCode}, handled by them (OPEN → IN_PROGRESS → CLOSED). The scan image is served by
 * {@code GET /api/v1/refusals/{id}/image}. The version is the ETag that take and close send back.
 *
 * @param routing       why {@code regionCode} was chosen; {@code routingReason} says it in plain words
 * @param serverOutcome the server's own verdict on the scanned text when the refusal was filed
 * @param claims        what the token says, read by the server; null for a foreign text
 */
public record Refusal(UUID id, RefusalState state, UUID organisationId, String organisationName,
                      UUID filedByUserId, String filedByName, UUID apiKeyId, Instant filedAt, String reason,
                      String place, UUID verificationId, String scannedText, VerifyOutcome outcome,
                      ReportStatus reportStatus, VerifyOutcome serverOutcome, ReportStatus serverReportStatus,
                      TokenClaims claims, boolean claimsVerified, String regionCode, String regionName,
                      RefusalRouting routing, String routingReason, String imageMediaType, int imageBytes,
                      String imageSha256, Instant takenAt, String takenByName, String takeNote, Instant closedAt,
                      String closedByName, String finding, long version) {
}

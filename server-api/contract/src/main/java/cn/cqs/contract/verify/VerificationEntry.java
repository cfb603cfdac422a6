package cn.cqs.contract.verify;

import cn.cqs.contract.reports.ReportStatus;
import cn.cqs.contract.verify.VerificationResponse.TokenClaims;
import java.time.Instant;
import java.util.UUID;

/**
 * One recorded verification (核验记录): who verified (organisation, user or API key), where, when
 * (the desk's clock and the server's receipt), what (the scanned text and the claims the server
 * read from it) and the outcome (what the desk showed and what the server concluded).
 *
 * @param outcome            the verdict the desk showed
 * @param reportStatus       the lifecycle status the desk showed, when it showed a record
 * @param serverOutcome      the server's own verdict on the same text when it was received
 * @param serverReportStatus the record's status by the server, when the token names an uploaded record
 * @param claims             what the token says, read by the server; null for a foreign text
 * @param claimsVerified     true only when the signature and the issuer's certificate verified, so
 *                           the claims can be trusted
 * @param projectRegionCode  the region of the project of the report the token names, when the token
 *                           verified and the report (or the batch) is in the system
 * @param batchSerialNumber  the serial number of the production batch a verified batch token names,
 *                           when the batch is registered; null otherwise
 */
public record VerificationEntry(UUID id, UUID organisationId, String organisationName, UUID userId,
                                String userDisplayName, UUID apiKeyId, String scannedText, ScanSource source,
                                String place, Instant scannedAt, Instant receivedAt, VerifyOutcome outcome,
                                ReportStatus reportStatus, VerifyOutcome serverOutcome,
                                ReportStatus serverReportStatus, TokenClaims claims, boolean claimsVerified,
                                String projectRegionCode, String batchSerialNumber) {
}

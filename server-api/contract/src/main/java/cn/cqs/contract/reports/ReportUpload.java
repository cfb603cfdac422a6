package cn.cqs.contract.reports;

import java.time.Instant;

/**
 * {@code POST /api/v1/reports}: a lab uploads a report it has issued (R11, R12). Sent with an
 * {@code Idempotency-Key} header: a retried or replayed upload returns the first receipt and never
 * creates a second report.
 *
 * @param type         the report type; selects which content field is filled
 * @param cube         the content of a {@link ReportType#CONCRETE_CUBE} report
 * @param qrToken      the encoded QR token the lab signed at issue (docs/qr-token.md); its issuer
 *                     must be the uploading organisation and its digest must match
 *                     {@link ReportKeyFields} of the content
 * @param issuedAt     when the lab says it issued the report (the client's clock); kept beside the
 *                     server's receipt time, which is what the 24-hour rule is judged on
 * @param testerName   检测 who tested
 * @param reviewerName 审核 who reviewed
 * @param approverName 批准 who approved
 */
public record ReportUpload(ReportType type, CubeStrengthReport cube, String qrToken, Instant issuedAt,
                           String testerName, String reviewerName, String approverName) {
}

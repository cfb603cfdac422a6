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
 * @param pdfBase64    the issued report PDF, Base64 (RFC 4648, not URL-safe), signed by the uploading
 *                     organisation: exactly one detached CMS signature ({@code adbe.pkcs7.detached},
 *                     SHA-256) covering the whole file, made with the organisation's registered
 *                     certificate; at most {@link #MAX_PDF_BYTES} bytes before encoding
 */
public record ReportUpload(ReportType type, CubeStrengthReport cube, String qrToken, Instant issuedAt,
                           String testerName, String reviewerName, String approverName, String pdfBase64) {
    /** Largest report PDF accepted (15 MiB; 20 MiB as Base64 in the JSON body). */
    public static final int MAX_PDF_BYTES = 15 * 1024 * 1024;
}

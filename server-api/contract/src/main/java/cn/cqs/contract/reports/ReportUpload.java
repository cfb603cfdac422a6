package cn.cqs.contract.reports;

import java.time.Instant;

/**
 * {@code POST /api/v1/reports}: a lab uploads a report it has issued (R11, R12). Sent with an
 * {@code Idempotency-Key} header: a retried or replayed upload returns the first receipt and never
 * creates a second report.
 *
 * @param type         the report type; selects the content record ({@link ReportTypes})
 * @param content      the authored content, the record of {@code type}'s definition
 *                     ({@link ReportTypeDefinition#contentClass()}), e.g. a {@link CubeStrengthReport}
 *                     for {@link ReportType#CONCRETE_CUBE}
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
 * @param draftId      the approved report draft this issues ({@code /api/v1/report-drafts}); the
 *                     server then takes the reviewer and approver from the draft's recorded steps and
 *                     requires the content to be the approved one. Null for a direct issue (a user
 *                     holding author, review and approve) or an upload by the lab's software (API key)
 * @param supersedes   for a correction (更正): the id of the lab's VALID report this version replaces;
 *                     it becomes SUPERSEDED. The correction carries its own, new report number
 * @param correctionReason why the correction was issued; required with {@code supersedes}
 */
public record ReportUpload(ReportType type, @ReportContent Object content, String qrToken, Instant issuedAt,
                           String testerName, String reviewerName, String approverName, String pdfBase64,
                           java.util.UUID draftId, java.util.UUID supersedes, String correctionReason) {

    /** An upload that neither issues a draft nor corrects a report. */
    public ReportUpload(ReportType type, Object content, String qrToken, Instant issuedAt,
                        String testerName, String reviewerName, String approverName, String pdfBase64) {
        this(type, content, qrToken, issuedAt, testerName, reviewerName, approverName, pdfBase64, null, null, null);
    }

    /** Largest report PDF accepted (15 MiB; 20 MiB as Base64 in the JSON body). */
    public static final int MAX_PDF_BYTES = 15 * 1024 * 1024;
}

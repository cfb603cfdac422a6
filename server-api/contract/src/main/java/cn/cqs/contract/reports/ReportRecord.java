package cn.cqs.contract.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An uploaded report as the server keeps it ({@code GET /api/v1/reports/{id}}, the list, and the
 * sync feed's {@code report} entity).
 *
 * @param id                      the platform id (平台编号), random and not guessable
 * @param issuerOrganisationId    the lab that issued it
 * @param designGrade             the specification graded against, as printed ({@link ReportSummary#grade()}:
 *                                C30, HRB400E Φ20, P·O 42.5, M7.5, I 级 HRB400 Φ25)
 * @param representativeStrengthMpa the strength the conclusion rests on (cube, mortar), else null
 * @param conclusion              the overall conclusion in common terms ({@link ReportSummary#conclusion()})
 * @param content                 the authored content, the record of {@code type} ({@link ReportContent})
 * @param issuedAt                the lab's claimed issue time (from the token)
 * @param receivedAt              the server's receipt time: the 24-hour rule is judged on it
 * @param late                    received more than 24 hours after {@code issuedAt}
 * @param issuedAtFlag            null when the claimed issue time is plausible, else why not
 *                                (see {@code cn.cqs.contract.time.ClaimedTime})
 * @param pdfSha256               SHA-256 (lower-case hex) of the signed report PDF the lab uploaded,
 *                                served at {@code GET /api/v1/reports/{id}/pdf}; null only for
 *                                reports uploaded before PDFs were required
 * @param signOff                 how the reviewer and approver are known
 * @param draftId                 the report draft it issued, or null
 * @param supersedesId            for a correction: the version it replaced, else null
 * @param supersededById          when SUPERSEDED: the correction that replaced it, else null
 * @param correctionReason        for a correction: why it was issued
 * @param statusReason            when SUPERSEDED or WITHDRAWN: why (the correction's or the withdrawal's reason)
 * @param statusChangedAt         when it stopped being VALID, else null
 * @param history                 the whole correction chain, oldest first; in {@code GET /api/v1/reports/{id}} and
 *                                the upload and withdrawal answers (null in lists and the sync feed)
 */
public record ReportRecord(UUID id, ReportType type, String reportNumber, UUID issuerOrganisationId,
                           String issuerName, String issuerUscc, UUID projectId, String projectName,
                           String projectPart, String sampleName, String designGrade,
                           BigDecimal representativeStrengthMpa, Conclusion conclusion,
                           Instant issuedAt, Instant receivedAt, boolean late, String issuedAtFlag,
                           ReportStatus status, String testerName, String reviewerName,
                           String approverName, long version, @ReportContent Object content, String qrToken,
                           String pdfSha256, SignOff signOff, UUID draftId, UUID supersedesId,
                           UUID supersededById, String correctionReason, String statusReason,
                           Instant statusChangedAt, java.util.List<ReportVersion> history) {

    /** This record with its version history. */
    public ReportRecord withHistory(java.util.List<ReportVersion> versions) {
        return new ReportRecord(id, type, reportNumber, issuerOrganisationId, issuerName, issuerUscc, projectId,
                projectName, projectPart, sampleName, designGrade, representativeStrengthMpa, conclusion, issuedAt,
                receivedAt, late, issuedAtFlag, status, testerName, reviewerName, approverName, version, content,
                qrToken, pdfSha256, signOff, draftId, supersedesId, supersededById, correctionReason, statusReason,
                statusChangedAt, java.util.List.copyOf(versions));
    }
}

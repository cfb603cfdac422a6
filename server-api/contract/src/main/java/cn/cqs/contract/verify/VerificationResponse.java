package cn.cqs.contract.verify;

import cn.cqs.contract.reports.ReportStatus;
import cn.cqs.contract.reports.Conclusion;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.batches.NotificationState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code GET /api/v1/verify/{token}}, open to anyone who holds the token: the server's verdict and,
 * when the token is genuine and the record exists, that one record's public fields. Nothing else
 * crosses organisations.
 *
 * @param outcome the verdict; never {@link VerifyOutcome#SERVER_UNREACHABLE} (the client's own)
 * @param message the verdict in plain words (Chinese, then English)
 * @param claims  what the token itself says (present whenever the token decoded)
 * @param record  the report's public fields (present for a report token with GENUINE_IN_SYSTEM and DIGEST_MISMATCH)
 * @param batch   the production batch's public fields (present for a batch token, kind BATCH, with
 *                GENUINE_IN_SYSTEM and DIGEST_MISMATCH); null for reports
 */
public record VerificationResponse(VerifyOutcome outcome, String message, TokenClaims claims, PublicReport record,
                                   PublicBatch batch) {

    /** A verdict about a report token, or one without a record (no batch). */
    public VerificationResponse(VerifyOutcome outcome, String message, TokenClaims claims, PublicReport record) {
        this(outcome, message, claims, record, null);
    }

    /** The token's own claims: who signed what, when. */
    public record TokenClaims(String kind, String issuerUscc, String issuerName, String documentNumber,
                              Instant issuedAt, String keyId) {
    }

    /**
     * The public fields of one production batch (生产批次, R8/R10): what a buyer or an inspector
     * compares with the delivery ticket, and how its start and end notifications stand now.
     *
     * @param serialNumber 生产流水号
     * @param plantName    the ready-mix plant
     * @param projectName  the project supplied
     * @param volumeM3     the registered (planned) volume
     * @param producedVolumeM3 the volume reported at the end, null before
     * @param projectId    the project's id, one of the fields the token's digest covers
     *                     ({@link cn.cqs.contract.batches.BatchKeyFields}), so a desk can check the digest itself
     * @param projectRegionCode the project's region (whose regulators a refusal of this batch goes to)
     */
    public record PublicBatch(String serialNumber, String plantName, String plantUscc, String projectName,
                              String buyer, String pourLocation, String marking, BigDecimal volumeM3,
                              Instant plannedStart, Instant registeredAt, Instant startedAt,
                              NotificationState startNotification, Instant endedAt,
                              NotificationState endNotification, BigDecimal producedVolumeM3,
                              java.util.UUID projectId, String projectRegionCode) {

        /** The public fields without the digest-check fields (as before they were added). */
        public PublicBatch(String serialNumber, String plantName, String plantUscc, String projectName,
                           String buyer, String pourLocation, String marking, BigDecimal volumeM3,
                           Instant plannedStart, Instant registeredAt, Instant startedAt,
                           NotificationState startNotification, Instant endedAt,
                           NotificationState endNotification, BigDecimal producedVolumeM3) {
            this(serialNumber, plantName, plantUscc, projectName, buyer, pourLocation, marking, volumeM3,
                    plannedStart, registeredAt, startedAt, startNotification, endedAt, endNotification,
                    producedVolumeM3, null, null);
        }
    }

    /**
     * The public fields of one report: what a person compares with the paper. When the status is not
     * VALID, {@code statusReason} says why (the correction's or the withdrawal's reason),
     * {@code statusChangedAt} when, and {@code supersededByNumber} names the correction to rely on.
     * {@code designGrade} is the specification graded against (C30, HRB400E Φ20, P·O 42.5...);
     * {@code specimenSizeMm} is the cube's and null for other types.
     */
    public record PublicReport(ReportType type, String reportNumber, String issuerName, String issuerUscc, String projectName,
                               String projectPart, String sampleName, String sampleId, String designGrade,
                               Integer specimenSizeMm, LocalDate testDate, BigDecimal representativeStrengthMpa,
                               Conclusion conclusion, Instant issuedAt, Instant receivedAt, boolean late,
                               ReportStatus status, String statusReason, Instant statusChangedAt,
                               String supersededByNumber) {
    }
}

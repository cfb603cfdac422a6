package cn.cqs.client.verify;

import cn.cqs.contract.qr.VerificationOutcome;
import cn.cqs.contract.verify.VerificationResponse.PublicReport;
import cn.cqs.contract.verify.VerifyOutcome;
import cn.cqs.contract.qr.TokenKind;
import cn.cqs.contract.verify.VerificationResponse.PublicBatch;
import java.util.Objects;
import java.util.Optional;

/**
 * 核验结论 (the verdict on one scanned code): the outcome, the paper's claims when the token
 * verified, the system's record when the server has it, and the details behind the outcome.
 *
 * @param text           the code's text as scanned
 * @param pageNumber     the page it was found on (1 for an image)
 * @param outcome        the one outcome to show
 * @param offlineOutcome what the offline check against the cached certificates said
 * @param keyId          the token's key id (hex) when it decoded, else null
 * @param claims         the verified token's claims, null unless the offline check was VALID
 * @param record         the record's public fields, when the server sent them
 * @param detail         the technical reason (English), for the details area
 * @param serverMessage  the server's own words, when it answered
 * @param batch          the production batch's public fields, when the code is a batch token (生产流水号)
 *                       and the server sent them
 */
public record CodeVerdict(String text, int pageNumber, VerifyOutcome outcome, VerificationOutcome offlineOutcome,
                          String keyId, PaperClaims claims, PublicReport record, String detail, String serverMessage,
                          PublicBatch batch) {

    /** A verdict without a batch record (a report, or a code the server sent no batch for). */
    public CodeVerdict(String text, int pageNumber, VerifyOutcome outcome, VerificationOutcome offlineOutcome,
                       String keyId, PaperClaims claims, PublicReport record, String detail, String serverMessage) {
        this(text, pageNumber, outcome, offlineOutcome, keyId, claims, record, detail, serverMessage, null);
    }

    public CodeVerdict {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(offlineOutcome, "offlineOutcome");
        Objects.requireNonNull(detail, "detail");
    }

    public Optional<PaperClaims> paperClaims() {
        return Optional.ofNullable(claims);
    }

    public Optional<PublicReport> systemRecord() {
        return Optional.ofNullable(record);
    }

    /** Whether the code is a batch token (its verified claims say so, or the server sent a batch). */
    public boolean isBatch() {
        return batch != null || claims != null && claims.kind() == TokenKind.BATCH;
    }

    /**
     * Whether the server has a record of exactly what the code names, so its PDF can be opened:
     * a genuine report token whose report is in the system (current, superseded or withdrawn).
     */
    public boolean hasReportPdf() {
        return outcome == VerifyOutcome.GENUINE_IN_SYSTEM && record != null && !isBatch();
    }

    /** Whether this is one of the system's codes (anything but "not a code of this system"). */
    public boolean isSystemCode() {
        return outcome != VerifyOutcome.NOT_A_SYSTEM_CODE;
    }
}

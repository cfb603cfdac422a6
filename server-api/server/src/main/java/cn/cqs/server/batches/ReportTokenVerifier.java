package cn.cqs.server.batches;

import cn.cqs.contract.reports.ReportRecord;
import cn.cqs.contract.verify.VerificationResponse;
import java.util.Optional;

/**
 * Verifies the scanned QR text of a report a plant names (a material's test report, a trial-mix
 * report) before it is linked: the verification service's verdict (signature, issuer certificate,
 * the record in the system and its key fields), given to this package without a dependency on the
 * verify package (which depends on this one). {@code CqsServer} wires it to
 * {@code VerifyService.assessScanned}.
 */
@FunctionalInterface
public interface ReportTokenVerifier {

    /** The verdict on {@code scannedText} (a verification URL or a bare token). */
    Verdict verify(String scannedText);

    /**
     * @param response the public verdict (outcome, the token's claims, the record's public fields)
     * @param record   the uploaded report the token names, present when the token verified and the
     *                 report is in the system
     */
    record Verdict(VerificationResponse response, Optional<ReportRecord> record) {
    }
}

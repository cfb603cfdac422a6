package cn.cqs.contract.refusals;

import cn.cqs.contract.reports.ReportStatus;
import cn.cqs.contract.verify.VerifyOutcome;
import java.util.UUID;

/**
 * {@code POST /api/v1/refusals}: refuse a paper and report it to the local regulator (拒收并举报, R14),
 * with the scan image attached.
 *
 * @param scannedText    what the scanner read (URL, bare token or foreign text), at most 4096 characters
 * @param outcome        the verdict the desk showed
 * @param reportStatus   the record status the desk showed (only with a record, as in verification)
 * @param reason         why the paper is refused, required, at most {@value #MAX_REASON} characters
 * @param place          where, free text, at most 200 characters
 * @param verificationId the recorded verification this refusal follows, optional (the filer's own)
 * @param verificationKey the {@code Idempotency-Key} with which the desk posts (or will post) the
 *                        verification this refusal follows, optional, at most {@value #MAX_VERIFICATION_KEY}
 *                        characters: a desk whose verification still waits in its outbox names it this way,
 *                        and the server links the two whichever arrives first
 * @param image          the scan image, JPEG or PNG, Base64, at most {@value #MAX_IMAGE_BYTES} bytes decoded
 */
public record RefusalRequest(String scannedText, VerifyOutcome outcome, ReportStatus reportStatus, String reason,
                             String place, UUID verificationId, String image, String verificationKey) {
    public static final int MAX_REASON = 500;
    public static final int MAX_VERIFICATION_KEY = 200;
    public static final int MAX_IMAGE_BYTES = 5 * 1024 * 1024;
}

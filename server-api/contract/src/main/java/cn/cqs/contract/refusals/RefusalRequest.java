package cn.cqs.contract.refusals;

import cn.cqs.contract.reports.ReportStatus;
import cn.cqs.contract.verify.VerifyOutcome;
import java.util.UUID;

/**
 * {@code POST /api/v1/refusals}: refuse a paper or a delivery and report it to the local regulator
 * (拒收并举报, R14, R19), with the scan image or a photo attached.
 *
 * <p>Two shapes. A scanned code ({@code subject} REPORT, BATCH or absent): {@code scannedText} and
 * {@code outcome} are required, the delivery fields must be absent; the server reads the subject
 * from the code itself (a batch token is BATCH, anything else REPORT) and a given subject must agree.
 * Concrete without a serial number (无流水号拒收, {@code subject} CONCRETE_WITHOUT_SERIAL): no
 * {@code scannedText}, {@code outcome}, {@code reportStatus} or verification; {@code truckNumber},
 * {@code plantName} and {@code pourLocation} are required, and the project either by
 * {@code projectId} (a project of the system the filer can see) or by {@code projectName} (free text), not both.
 *
 * @param scannedText    what the scanner read (URL, bare token or foreign text), at most 4096 characters
 * @param outcome        the verdict the desk showed
 * @param reportStatus   the record status the desk showed (only with a record, as in verification)
 * @param reason         why the paper is refused, required, at most {@value #MAX_REASON} characters
 * @param place          where, free text, at most 200 characters
 * @param verificationId the recorded verification this refusal follows, optional (the filer's own)
 * @param image          the scan image or photo, JPEG or PNG, Base64, at most {@value #MAX_IMAGE_BYTES} bytes decoded
 * @param verificationKey the {@code Idempotency-Key} with which the desk posts (or will post) the
 *                        verification this refusal follows, optional, at most {@value #MAX_VERIFICATION_KEY}
 *                        characters: a desk whose verification still waits in its outbox names it this way,
 *                        and the server links the two whichever arrives first
 * @param subject        what is refused; optional for a scanned code
 * @param truckNumber    运输车号 (no serial only), at most {@value #MAX_TRUCK_NUMBER} characters
 * @param plantName      the plant the driver named (no serial only), free text, at most {@value #MAX_NAME}
 * @param projectId      the project, chosen from the system (no serial only)
 * @param projectName    the project as free text when it is not in the system (no serial only), at most {@value #MAX_NAME}
 * @param pourLocation   浇筑部位 (no serial only), at most {@value #MAX_NAME}
 */
public record RefusalRequest(String scannedText, VerifyOutcome outcome, ReportStatus reportStatus, String reason,
                             String place, UUID verificationId, String image, String verificationKey,
                             RefusalSubject subject, String truckNumber, String plantName, UUID projectId,
                             String projectName, String pourLocation) {
    public static final int MAX_REASON = 500;
    public static final int MAX_VERIFICATION_KEY = 200;
    public static final int MAX_IMAGE_BYTES = 5 * 1024 * 1024;
    public static final int MAX_TRUCK_NUMBER = 20;
    public static final int MAX_NAME = 200;

    /** A refusal of a scanned code (the shape before subjects existed). */
    public RefusalRequest(String scannedText, VerifyOutcome outcome, ReportStatus reportStatus, String reason,
                          String place, UUID verificationId, String image, String verificationKey) {
        this(scannedText, outcome, reportStatus, reason, place, verificationId, image, verificationKey, null, null,
                null, null, null, null);
    }

    /** 无流水号拒收: concrete delivered without any serial number, described by the buyer, with a photo. */
    public static RefusalRequest withoutSerial(String truckNumber, String plantName, UUID projectId, String projectName,
                                               String pourLocation, String reason, String place, String image) {
        return new RefusalRequest(null, null, null, reason, place, null, image, null,
                RefusalSubject.CONCRETE_WITHOUT_SERIAL, truckNumber, plantName, projectId, projectName, pourLocation);
    }
}

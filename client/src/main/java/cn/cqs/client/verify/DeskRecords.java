package cn.cqs.client.verify;

import cn.cqs.client.sync.Outbox;
import cn.cqs.client.sync.OutboxEntry;
import cn.cqs.client.sync.OutboxTarget;
import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.refusals.RefusalRequest;
import cn.cqs.contract.reports.ReportStatus;
import cn.cqs.contract.verify.ScanSource;
import cn.cqs.contract.verify.VerificationRecordRequest;
import cn.cqs.contract.verify.VerifyOutcome;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the verify desk sends to the server through the outbox (核验记录与拒收举报): one
 * {@code POST /api/v1/verifications} per code checked and a {@code POST /api/v1/refusals} when the
 * user refuses a paper. The outbox keeps them while offline and sends each exactly once with its
 * idempotency key.
 */
public final class DeskRecords {
    /** Outbox kind of a verification record. */
    public static final String VERIFICATION_KIND = "desk.verification";
    /** Outbox kind of a refusal report. */
    public static final String REFUSAL_KIND = "desk.refusal";
    public static final String VERIFICATIONS_PATH = ApiVersion.BASE_PATH + "/verifications";
    public static final String REFUSALS_PATH = ApiVersion.BASE_PATH + "/refusals";

    private final Supplier<Optional<Outbox>> outbox;
    private final Clock clock;

    /**
     * @param outbox the user's outbox, empty when the local workspace could not be opened
     * @param clock  the desk's clock, for {@code scannedAt}
     */
    public DeskRecords(Supplier<Optional<Outbox>> outbox, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether records can be kept (the user's outbox is open). */
    public boolean available() {
        return outbox.get().isPresent();
    }

    /**
     * Queues the record of one checked code.
     *
     * @throws IllegalStateException when the outbox is not open ({@link #available()} is false)
     */
    public OutboxEntry recordVerification(CodeVerdict verdict, String place, ScanSource source) {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(source, "source");
        VerificationRecordRequest request = new VerificationRecordRequest(scannedText(verdict), verdict.outcome(),
                reportStatus(verdict), place(place), clock.instant(), source);
        return open().enqueue(VERIFICATION_KIND, label(verdict), OutboxTarget.post(VERIFICATIONS_PATH), request);
    }

    /**
     * Queues a refusal report with the scan image.
     *
     * @param reason the user's reason, required (at most {@value RefusalRequest#MAX_REASON} characters)
     * @param image  the scan as PNG or JPEG bytes, at most {@value RefusalRequest#MAX_IMAGE_BYTES}
     * @throws IllegalArgumentException naming the field when the reason or the image is not acceptable
     * @throws IllegalStateException    when the outbox is not open
     */
    public OutboxEntry fileRefusal(CodeVerdict verdict, String reason, String place, byte[] image) {
        return fileRefusal(verdict, reason, place, image, null);
    }

    /**
     * Queues a refusal report with the scan image, naming the verification it follows.
     *
     * @param verificationKey the idempotency key of the queued verification of this code
     *                        ({@link OutboxEntry#idempotencyKey()} of {@link #recordVerification}), or
     *                        null: the server links the refusal to that verification once both arrived
     * @throws IllegalArgumentException naming the field when the reason or the image is not acceptable
     * @throws IllegalStateException    when the outbox is not open
     */
    public OutboxEntry fileRefusal(CodeVerdict verdict, String reason, String place, byte[] image,
                                   java.util.UUID verificationKey) {
        Objects.requireNonNull(verdict, "verdict");
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new IllegalArgumentException("reason: required");
        }
        if (why.length() > RefusalRequest.MAX_REASON) {
            throw new IllegalArgumentException("reason: at most " + RefusalRequest.MAX_REASON + " characters, got "
                    + why.length());
        }
        if (image == null || image.length == 0) {
            throw new IllegalArgumentException("image: required");
        }
        if (image.length > RefusalRequest.MAX_IMAGE_BYTES) {
            throw new IllegalArgumentException("image: at most " + RefusalRequest.MAX_IMAGE_BYTES + " bytes, got "
                    + image.length);
        }
        if (ScanImages.type(image).isEmpty()) {
            throw new IllegalArgumentException("image: must be PNG or JPEG");
        }
        RefusalRequest request = new RefusalRequest(scannedText(verdict), verdict.outcome(), reportStatus(verdict),
                why, place(place), null, Base64.getEncoder().encodeToString(image),
                verificationKey == null ? null : verificationKey.toString());
        return open().enqueue(REFUSAL_KIND, label(verdict), OutboxTarget.post(REFUSALS_PATH), request);
    }

    /**
     * Queues a refusal of concrete delivered without any serial number (无流水号拒收), with a photo.
     * The request is built with {@link RefusalRequest#withoutSerial}; the server checks it again.
     *
     * @throws IllegalArgumentException naming the field when the request is not acceptable
     * @throws IllegalStateException    when the outbox is not open
     */
    public OutboxEntry fileRefusalWithoutSerial(RefusalRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.subject() != cn.cqs.contract.refusals.RefusalSubject.CONCRETE_WITHOUT_SERIAL) {
            throw new IllegalArgumentException("subject: must be CONCRETE_WITHOUT_SERIAL, was " + request.subject());
        }
        requireText("truckNumber", request.truckNumber(), RefusalRequest.MAX_TRUCK_NUMBER);
        requireText("plantName", request.plantName(), RefusalRequest.MAX_NAME);
        requireText("pourLocation", request.pourLocation(), RefusalRequest.MAX_NAME);
        requireText("reason", request.reason(), RefusalRequest.MAX_REASON);
        if (request.projectId() == null) {
            requireText("projectName", request.projectName(), RefusalRequest.MAX_NAME);
        } else if (request.projectName() != null) {
            throw new IllegalArgumentException("projectName: not with projectId (one or the other)");
        }
        if (request.image() == null || request.image().isEmpty()) {
            throw new IllegalArgumentException("image: required");
        }
        return open().enqueue(REFUSAL_KIND, request.truckNumber(), OutboxTarget.post(REFUSALS_PATH), request);
    }

    private static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": required");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(field + ": at most " + max + " characters, got " + value.length());
        }
    }

    private Outbox open() {
        return outbox.get().orElseThrow(() -> new IllegalStateException("the local workspace (outbox) is not open"));
    }

    /** The status the desk showed: only with a genuine record or an altered one, as the server expects. */
    static ReportStatus reportStatus(CodeVerdict verdict) {
        if (verdict.outcome() != VerifyOutcome.GENUINE_IN_SYSTEM && verdict.outcome() != VerifyOutcome.DIGEST_MISMATCH) {
            return null;
        }
        return verdict.record() == null ? null : verdict.record().status();
    }

    /** The scanned text, cut to what the server accepts (a QR code rarely holds more). */
    private static String scannedText(CodeVerdict verdict) {
        String text = verdict.text();
        return text.length() <= VerificationRecordRequest.MAX_SCANNED_TEXT ? text
                : text.substring(0, VerificationRecordRequest.MAX_SCANNED_TEXT);
    }

    /** The place as typed, trimmed, at most {@value VerificationRecordRequest#MAX_PLACE} characters; null when blank. */
    static String place(String place) {
        if (place == null || place.isBlank()) {
            return null;
        }
        String p = place.strip();
        return p.length() <= VerificationRecordRequest.MAX_PLACE ? p : p.substring(0, VerificationRecordRequest.MAX_PLACE);
    }

    private static String label(CodeVerdict verdict) {
        return verdict.paperClaims().map(PaperClaims::documentNumber).orElseGet(() -> {
            String t = verdict.text().replaceAll("\\s+", " ").strip();
            return t.length() <= 40 ? t : t.substring(0, 39) + "…";
        });
    }
}

package cn.cqs.contract.verify;

import cn.cqs.contract.reports.ReportStatus;
import java.time.Instant;

/**
 * {@code POST /api/v1/verifications}: the verify desk records one verification (核验记录, R14).
 * The server re-derives the token's claims and its own verdict from {@code scannedText}; it never
 * trusts the desk for those, and keeps what the desk showed beside them.
 *
 * @param scannedText  what the scanner read: {@code <base>/v/<token>}, the bare token, or a foreign text
 *                     (at most {@value #MAX_SCANNED_TEXT} characters)
 * @param outcome      the verdict the desk showed (may be {@link VerifyOutcome#SERVER_UNREACHABLE} when the
 *                     desk was offline and records later)
 * @param reportStatus the record's lifecycle status the desk showed ({@code VALID}, {@code SUPERSEDED},
 *                     {@code WITHDRAWN}); only with {@code GENUINE_IN_SYSTEM} or {@code DIGEST_MISMATCH},
 *                     exactly as {@link VerificationResponse.PublicReport#status()} expresses it
 * @param place        where the desk stands, free text (e.g. "3号楼工地门卫"), at most {@value #MAX_PLACE}
 * @param scannedAt    the desk's clock when it read the code (the server keeps its own receipt time too)
 * @param source       webcam, image file or PDF page
 */
public record VerificationRecordRequest(String scannedText, VerifyOutcome outcome, ReportStatus reportStatus,
                                        String place, Instant scannedAt, ScanSource source) {
    public static final int MAX_SCANNED_TEXT = 4096;
    public static final int MAX_PLACE = 200;
}

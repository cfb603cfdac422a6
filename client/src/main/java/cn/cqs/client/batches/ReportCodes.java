package cn.cqs.client.batches;

import cn.cqs.client.api.ServerUnreachableException;
import cn.cqs.client.qrimage.QrFileScanner;
import cn.cqs.client.qrimage.UnreadableSourceException;
import cn.cqs.client.verify.VerificationLookup;
import cn.cqs.contract.qr.MalformedTokenException;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.qr.TokenKind;
import cn.cqs.contract.reports.ReportStatus;
import cn.cqs.contract.verify.VerificationResponse;
import cn.cqs.contract.verify.VerifyOutcome;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * 扫描报告二维码: reads a report's QR code from a picture or PDF of the paper report (a material's test
 * report, a trial-mix report, usually an outside testing agency's) with the client's QR decoder, and
 * asks the server's public verification ({@code GET /api/v1/verify/{token}}) what it is. The plant
 * form then sends the token with the registration, and the server verifies it again before linking:
 * this reading is for the user to see at once which report it is and whether it will be accepted.
 * No JavaFX; call off the JavaFX thread.
 */
public final class ReportCodes {
    private final QrFileScanner scanner;
    private final VerificationLookup lookup;

    public ReportCodes(QrFileScanner scanner, VerificationLookup lookup) {
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /** What a file gave. */
    public enum Status {
        /** Genuine, in the system and current: it will be linked. */
        VERIFIED,
        /** The server did not answer: the number is the code's own, not yet checked; the server checks it on upload. */
        NOT_CHECKED,
        /** Genuine, but the lab has not uploaded it yet: the server refuses it until then. */
        NOT_UPLOADED,
        /** Genuine, but superseded by a correction. */
        SUPERSEDED,
        /** Genuine, but withdrawn by its issuer. */
        WITHDRAWN,
        /** The code is not genuine (signature, certificate or content). */
        NOT_GENUINE,
        /** No report code in the file (none at all, or only codes of batches, pile tests or other systems). */
        NO_REPORT_CODE,
        /** Codes of several different reports: one report per field. */
        SEVERAL_REPORTS
    }

    /**
     * @param token        the canonical bare token (null for NO_REPORT_CODE and SEVERAL_REPORTS)
     * @param reportNumber the report's number (the code's claim; the record's when it is in the system)
     * @param issuerName   the issuing organisation, when known (the server names it)
     * @param detail       the server's reason in words for a refused code, else null
     */
    public record Reading(Status status, String token, String reportNumber, String issuerName, String detail) {
        /** Whether the token may be sent with the registration (verified, or not checkable now). */
        public boolean usable() {
            return status == Status.VERIFIED || status == Status.NOT_CHECKED;
        }
    }

    /**
     * Scans {@code file} and reads the one report code on it.
     *
     * @throws UnreadableSourceException when the file is not an image or PDF that can be read
     */
    public Reading read(Path file) throws UnreadableSourceException {
        Map<String, QrToken> reports = new LinkedHashMap<>();
        for (String text : scanner.scan(file).texts()) {
            try {
                QrToken token = QrToken.fromScannedText(text);
                if (token.kind() == TokenKind.REPORT) {
                    reports.putIfAbsent(token.issuerId() + "\n" + token.documentNumber(), token);
                }
            } catch (MalformedTokenException notOurs) {
                // another system's code on the paper (a supplier's, a courier's): not a report of ours
                continue;
            }
        }
        if (reports.isEmpty()) {
            return new Reading(Status.NO_REPORT_CODE, null, null, null, null);
        }
        if (reports.size() > 1) {
            return new Reading(Status.SEVERAL_REPORTS, null, null, null, null);
        }
        QrToken token = reports.values().iterator().next();
        return assess(token.encode(), token.documentNumber());
    }

    private Reading assess(String token, String claimedNumber) {
        VerificationResponse answer;
        try {
            answer = lookup.lookup(token);
        } catch (ServerUnreachableException e) {
            return new Reading(Status.NOT_CHECKED, token, claimedNumber, null, e.getMessage());
        }
        String issuer = answer.claims() == null ? null : answer.claims().issuerName();
        String number = answer.record() != null ? answer.record().reportNumber() : claimedNumber;
        if (answer.outcome() == VerifyOutcome.GENUINE_NOT_UPLOADED) {
            return new Reading(Status.NOT_UPLOADED, token, number, issuer, answer.message());
        }
        if (answer.outcome() != VerifyOutcome.GENUINE_IN_SYSTEM || answer.record() == null) {
            return new Reading(Status.NOT_GENUINE, token, number, issuer, answer.message());
        }
        ReportStatus status = answer.record().status();
        if (status == ReportStatus.SUPERSEDED) {
            return new Reading(Status.SUPERSEDED, token, number, answer.record().issuerName(),
                    answer.record().supersededByNumber());
        }
        if (status == ReportStatus.WITHDRAWN) {
            return new Reading(Status.WITHDRAWN, token, number, answer.record().issuerName(),
                    answer.record().statusReason());
        }
        return new Reading(Status.VERIFIED, token, number, answer.record().issuerName(), null);
    }
}

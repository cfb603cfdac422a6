package cn.cqs.server.batches;

import cn.cqs.contract.qr.MalformedTokenException;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.qr.TokenKind;
import cn.cqs.contract.reports.ReportRecord;
import cn.cqs.contract.reports.ReportStatus;
import cn.cqs.contract.verify.VerificationResponse;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.http.ApiException;
import cn.cqs.server.http.Validation;
import cn.cqs.server.reports.ReportStore;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Links the report a plant names for a material lot (the material's test report) or a mix design
 * (the trial-mix report, 试配报告) to the report in the system, in one of two ways:
 * <ul>
 *   <li>by number alone: only a report the plant itself issued, since report numbers are unique per
 *       issuer only and a number proves nothing about holding the report;</li>
 *   <li>by the report's QR token (scanned from the paper report): a report of any issuer (usually an
 *       outside testing agency, 检测机构), once the verification service finds the token genuine and
 *       its report in the system and current (VALID). Anything else is a 422 on the token's field:
 *       {@code not_a_system_code}, {@code not_genuine}, {@code not_a_report}, {@code not_uploaded},
 *       {@code superseded}, {@code withdrawn}; a number naming another report than the token is
 *       {@code token_mismatch} on the number's field.</li>
 * </ul>
 */
final class ReportLinks {
    /** The longest scanned text accepted (a verification URL with a long base address). */
    static final int MAX_SCANNED_LENGTH = 2048;
    private final ReportTokenVerifier tokens;

    ReportLinks(ReportTokenVerifier tokens) {
        this.tokens = tokens;
    }

    /**
     * What a request names: the report number (the request's, or the token's when the request gives
     * none) and the canonical bare token (null without one).
     */
    record Named(String number, String token) {
    }

    /**
     * Reads the request's number and scanned token, adding field errors to {@code v}: a text that is
     * not a system code, or a number naming another report than the token. The token is decoded here
     * only; {@link #link} verifies it.
     */
    static Named named(Validation v, String numberField, String number, String tokenField, String scanned) {
        String n = Validation.trim(number);
        if (scanned == null || scanned.isBlank()) {
            return new Named(n, null);
        }
        if (scanned.length() > MAX_SCANNED_LENGTH) {
            v.add(tokenField, "too_long", tokenField + " is longer than " + MAX_SCANNED_LENGTH
                    + " characters; give the text the report's QR code holds");
            return new Named(n, null);
        }
        QrToken token;
        try {
            token = QrToken.fromScannedText(scanned);
        } catch (MalformedTokenException e) {
            v.add(tokenField, "not_a_system_code", tokenField + " is not the QR code of a report of this system ("
                    + e.getMessage() + ")");
            return new Named(n, null);
        }
        if (n != null && !n.equals(token.documentNumber())) {
            v.add(numberField, "token_mismatch", numberField + " '" + n + "' names another report than "
                    + tokenField + ", whose report number is '" + token.documentNumber()
                    + "'; give the number printed on the scanned report, or leave it out");
        }
        return new Named(n == null ? token.documentNumber() : n, token.encode());
    }

    /**
     * The id of the report to link: for a token, the verified current report it names (or
     * {@code storedId} when the token is the one already stored, so re-sending a registration stays
     * harmless after the report changed state); for a number alone, the plant's own valid report of
     * that number, or null.
     */
    UUID link(Handle h, Principal p, String tokenField, Named named, String storedToken, UUID storedId) {
        if (named.token() == null) {
            return find(h, p, named.number());
        }
        if (named.token().equals(storedToken) && storedId != null) {
            return storedId;
        }
        return verified(tokenField, named.token());
    }

    private UUID verified(String field, String token) {
        ReportTokenVerifier.Verdict verdict = tokens.verify(token);
        VerificationResponse r = verdict.response();
        VerificationResponse.TokenClaims claims = r.claims();
        String report = claims == null ? "the report" : "report " + claims.documentNumber()
                + (claims.issuerName() == null ? "" : " of " + claims.issuerName());
        switch (r.outcome()) {
            case NOT_A_SYSTEM_CODE -> throw ApiException.validation(field, "not_a_system_code",
                    field + " is not the QR code of a report of this system");
            case SIGNATURE_INVALID, ISSUER_UNKNOWN, ISSUER_NOT_CERTIFIED, DIGEST_MISMATCH, SERVER_UNREACHABLE ->
                    throw ApiException.validation(field, "not_genuine", "The code of " + report
                            + " is not genuine: " + r.message());
            case GENUINE_NOT_UPLOADED, GENUINE_IN_SYSTEM -> {
                // genuine: what it names is decided below
            }
        }
        if (!TokenKind.REPORT.name().equals(claims.kind())) {
            throw ApiException.validation(field, "not_a_report", field + " is the code of a "
                    + claims.kind().toLowerCase(java.util.Locale.ROOT) + ", not of a test report");
        }
        ReportRecord record = verdict.record().orElse(null);
        if (record == null) {
            throw ApiException.validation(field, "not_uploaded", "The code of " + report
                    + " is genuine, but the report is not in the system yet; register it again once the lab has "
                    + "uploaded the report");
        }
        if (record.status() == ReportStatus.SUPERSEDED) {
            String by = r.record() == null || r.record().supersededByNumber() == null ? "a correction"
                    : "report " + r.record().supersededByNumber();
            throw ApiException.validation(field, "superseded", "Report " + record.reportNumber() + " of "
                    + record.issuerName() + " was superseded by " + by + "; scan the corrected report's code");
        }
        if (record.status() == ReportStatus.WITHDRAWN) {
            throw ApiException.validation(field, "withdrawn", "Report " + record.reportNumber() + " of "
                    + record.issuerName() + " was withdrawn by its issuer"
                    + (record.statusReason() == null ? "" : ": " + record.statusReason()));
        }
        return record.id();
    }

    /** The id of the valid report of that number the plant itself issued, or null (none, or no number given). */
    static UUID find(Handle h, Principal p, String reportNumber) {
        if (reportNumber == null || reportNumber.isBlank()) {
            return null;
        }
        return PlantAccess.scoped(h.createQuery("select r.id from report r where r.report_number = :number and "
                        + "r.status = 'VALID' and " + ReportStore.VISIBLE + " order by r.received_at desc limit 1"), p)
                .bind("number", reportNumber.strip()).mapTo(UUID.class).findOne().orElse(null);
    }
}

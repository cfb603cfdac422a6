package cn.cqs.server.verify;

import cn.cqs.contract.reports.ReportRecord;
import cn.cqs.contract.reports.ReportStatus;
import cn.cqs.contract.verify.VerificationResponse;
import cn.cqs.contract.verify.VerificationResponse.TokenClaims;
import cn.cqs.contract.verify.VerifyOutcome;
import cn.cqs.server.db.Sql;
import cn.cqs.server.http.Validation;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The columns a stored scan shares between the verification log and refusal reports: the desk's
 * verdict, the server's own verdict, and the token's claims as the server read them. One place for
 * binding, reading and checking them, so both tables say the same thing the same way.
 */
public final class ScanColumns {
    /** The column list, in the order of {@link #VALUES}. */
    public static final String COLUMNS = """
            scanned_text, outcome, report_status, server_outcome, server_report_status, token_kind, issuer_uscc,
            issuer_name, document_number, token_issued_at, key_id, claims_verified, report_id, project_id, batch_id""";
    /** The named parameters {@link #bind} fills. */
    public static final String VALUES = """
            :scannedText, :outcome, :reportStatus, :serverOutcome, :serverReportStatus, :tokenKind, :issuerUscc,
            :issuerName, :documentNumber, cast(:tokenIssuedAt as timestamptz), :keyId, :claimsVerified, cast(:reportId as uuid),
            cast(:projectId as uuid), cast(:batchId as uuid)""";

    private ScanColumns() {
    }

    /**
     * Checks the desk's verdict: an outcome is required; a record status only goes with an outcome
     * that showed a record (GENUINE_IN_SYSTEM or DIGEST_MISMATCH), as in {@link VerificationResponse}.
     */
    public static void checkDeskVerdict(Validation v, VerifyOutcome outcome, ReportStatus reportStatus) {
        v.required("outcome", outcome);
        if (outcome != null && reportStatus != null && outcome != VerifyOutcome.GENUINE_IN_SYSTEM
                && outcome != VerifyOutcome.DIGEST_MISMATCH) {
            v.add("reportStatus", "inconsistent", "reportStatus goes only with outcome GENUINE_IN_SYSTEM or "
                    + "DIGEST_MISMATCH (a record was shown), not with " + outcome);
        }
    }

    /** Binds the desk's verdict and the server's assessment of the scanned text. */
    public static <S extends SqlStatement<S>> S bind(S statement, String scannedText, VerifyOutcome outcome,
                                                      ReportStatus reportStatus, VerifyService.Assessment assessment) {
        VerificationResponse response = assessment.response();
        TokenClaims claims = response.claims();
        ReportRecord record = assessment.record().orElse(null);
        return statement.bind("scannedText", scannedText)
                .bind("outcome", outcome.name())
                .bind("reportStatus", reportStatus == null ? null : reportStatus.name())
                .bind("serverOutcome", response.outcome().name())
                .bind("serverReportStatus", record == null ? null : record.status().name())
                .bind("tokenKind", claims == null ? null : claims.kind())
                .bind("issuerUscc", claims == null ? null : claims.issuerUscc())
                .bind("issuerName", claims == null ? null : claims.issuerName())
                .bind("documentNumber", claims == null ? null : claims.documentNumber())
                .bind("tokenIssuedAt", claims == null || claims.issuedAt() == null ? null : Sql.ts(claims.issuedAt()))
                .bind("keyId", claims == null ? null : claims.keyId())
                .bind("claimsVerified", assessment.claimsVerified())
                .bind("reportId", record == null ? null : record.id())
                .bind("projectId", assessment.projectId().orElse(null))
                .bind("batchId", assessment.batch().map(b -> b.id()).orElse(null));
    }

    /** The token's claims from a row, or null for a foreign text. */
    public static TokenClaims claims(ResultSet rs) throws SQLException {
        String kind = rs.getString("token_kind");
        if (kind == null) {
            return null;
        }
        return new TokenClaims(kind, rs.getString("issuer_uscc"), rs.getString("issuer_name"),
                rs.getString("document_number"), Sql.instant(rs, "token_issued_at"), rs.getString("key_id"));
    }

    public static VerifyOutcome outcome(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : VerifyOutcome.valueOf(value);
    }

    public static ReportStatus status(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : ReportStatus.valueOf(value);
    }
}

package cn.cqs.contract.reports;

/**
 * Body of {@code POST /api/v1/reports/{id}/withdraw} (撤回): why the lab withdraws an issued report.
 * Verification then shows the report as genuine but withdrawn, with this reason.
 *
 * @param reason required, at most {@link ReportLifecycle#MAX_REASON} characters
 */
public record ReportWithdrawal(String reason) {
}

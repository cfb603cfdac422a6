package cn.cqs.contract.reports;

/**
 * Body of {@code POST /api/v1/report-drafts} and {@code PUT /api/v1/report-drafts/{id}}: the draft's
 * content. The content is checked in full when the draft is reviewed, so an unfinished draft can be saved.
 *
 * @param type the report type (only {@link ReportType#CONCRETE_CUBE} so far)
 * @param cube the content; {@code cube.reportNumber} is required even in a draft
 */
public record ReportDraftRequest(ReportType type, CubeStrengthReport cube) {
}

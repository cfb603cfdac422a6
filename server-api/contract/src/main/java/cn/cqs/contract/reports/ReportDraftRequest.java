package cn.cqs.contract.reports;

/**
 * Body of {@code POST /api/v1/report-drafts} and {@code PUT /api/v1/report-drafts/{id}}: the draft's
 * content. The content is checked in full when the draft is reviewed, so an unfinished draft can be saved.
 *
 * @param type    the report type
 * @param content the content, the record of {@code type} ({@link ReportContent}); its report number is
 *                required even in a draft
 */
public record ReportDraftRequest(ReportType type, @ReportContent Object content) {
}

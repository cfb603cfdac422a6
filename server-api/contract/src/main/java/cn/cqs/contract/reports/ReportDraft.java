package cn.cqs.contract.reports;

import java.time.Instant;
import java.util.UUID;

/**
 * A lab-internal report draft shared between the lab's PCs ({@code /api/v1/report-drafts}): the
 * content being authored and the review and approval steps with who took them and when. Only the
 * drafting organisation ever sees it.
 *
 * @param id               the draft's id
 * @param organisationId   the lab
 * @param type             the report type
 * @param content          the content being authored, the record of {@code type} ({@link ReportContent})
 * @param state            where it stands
 * @param authorUserId     who created it (the tester, 检测)
 * @param authorName       their display name
 * @param reviewerUserId   who reviewed it (审核), null before review
 * @param reviewerName     their display name, printed on the report
 * @param reviewedAt       when
 * @param approverUserId   who approved it (批准), null before approval
 * @param approverName     their display name, printed on the report
 * @param approvedAt       when
 * @param issuedReportId   the uploaded report once issued, else null
 * @param updatedAt        last change
 * @param version          optimistic-concurrency version (the ETag)
 */
public record ReportDraft(UUID id, UUID organisationId, ReportType type, @ReportContent Object content,
                          ReportDraftState state, UUID authorUserId, String authorName, Instant createdAt,
                          UUID reviewerUserId, String reviewerName, Instant reviewedAt,
                          UUID approverUserId, String approverName, Instant approvedAt,
                          UUID issuedReportId, Instant updatedAt, long version) {

    /** The report number of the content ({@code reportNumber} of its header). */
    public String reportNumber() {
        return ReportTypes.of(type).headerOf(content).reportNumber();
    }

    /** The shared header of the content (project, sample...), possibly incomplete. */
    public ReportHeader header() {
        return ReportTypes.of(type).headerOf(content);
    }
}

package cn.cqs.contract.reports;

/**
 * Where a lab-internal report draft (报告草稿) stands on its way to issue: 起草 -> 审核 -> 批准 -> 签发.
 * {@link ReportLifecycle} says which step may follow which, and who may take it.
 */
public enum ReportDraftState {
    /** Being written or corrected by the tester; editable. */
    DRAFT,
    /** 已审核: a reviewer (REPORTS_REVIEW) checked it. Editing sends it back to DRAFT. */
    REVIEWED,
    /** 已批准: an approver (REPORTS_APPROVE) approved it; it may now be issued. Editing sends it back to DRAFT. */
    APPROVED,
    /** 已签发: issued and uploaded as a report; never edited again (a correction is a new draft). */
    ISSUED
}

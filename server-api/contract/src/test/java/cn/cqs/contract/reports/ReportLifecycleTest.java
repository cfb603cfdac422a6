package cn.cqs.contract.reports;

import static cn.cqs.contract.orgs.Permission.REPORTS_APPROVE;
import static cn.cqs.contract.orgs.Permission.REPORTS_AUTHOR;
import static cn.cqs.contract.orgs.Permission.REPORTS_REVIEW;
import static cn.cqs.contract.orgs.Permission.VERIFY;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.reports.ReportLifecycle.Refusal.Kind;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The lifecycle rules: each step's permission, the state it needs, and the separation of duties. */
class ReportLifecycleTest {
    private static final UUID AUTHOR = UUID.randomUUID();
    private static final UUID REVIEWER = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final Set<Permission> ALL = Set.of(REPORTS_AUTHOR, REPORTS_REVIEW, REPORTS_APPROVE);

    private static Optional<Kind> kind(Optional<ReportLifecycle.Refusal> r) {
        return r.map(ReportLifecycle.Refusal::kind);
    }

    @Test
    void editingIsForAuthorsUntilIssued() {
        for (ReportDraftState s : Set.of(ReportDraftState.DRAFT, ReportDraftState.REVIEWED, ReportDraftState.APPROVED)) {
            assertThat(ReportLifecycle.checkEdit(s, Set.of(REPORTS_AUTHOR))).as("%s", s).isEmpty();
        }
        assertThat(kind(ReportLifecycle.checkEdit(ReportDraftState.ISSUED, ALL))).contains(Kind.STATE);
        assertThat(kind(ReportLifecycle.checkEdit(ReportDraftState.DRAFT, Set.of(REPORTS_REVIEW))))
                .contains(Kind.PERMISSION);
    }

    @Test
    void reviewNeedsThePermissionADraftAndAnotherPerson() {
        assertThat(ReportLifecycle.checkReview(ReportDraftState.DRAFT, AUTHOR, REVIEWER, Set.of(REPORTS_REVIEW))).isEmpty();
        assertThat(kind(ReportLifecycle.checkReview(ReportDraftState.DRAFT, AUTHOR, REVIEWER, Set.of(REPORTS_AUTHOR, VERIFY))))
                .contains(Kind.PERMISSION);
        assertThat(kind(ReportLifecycle.checkReview(ReportDraftState.REVIEWED, AUTHOR, REVIEWER, ALL))).contains(Kind.STATE);
        assertThat(kind(ReportLifecycle.checkReview(ReportDraftState.DRAFT, AUTHOR, AUTHOR, ALL))).contains(Kind.SEPARATION);
    }

    @Test
    void approvalNeedsThePermissionAReviewAndNotTheReviewer() {
        assertThat(ReportLifecycle.checkApprove(ReportDraftState.REVIEWED, REVIEWER, OTHER, Set.of(REPORTS_APPROVE))).isEmpty();
        // the author may approve what somebody else reviewed
        assertThat(ReportLifecycle.checkApprove(ReportDraftState.REVIEWED, REVIEWER, AUTHOR, ALL)).isEmpty();
        assertThat(kind(ReportLifecycle.checkApprove(ReportDraftState.REVIEWED, REVIEWER, OTHER, Set.of(REPORTS_REVIEW))))
                .contains(Kind.PERMISSION);
        assertThat(kind(ReportLifecycle.checkApprove(ReportDraftState.DRAFT, null, OTHER, ALL))).contains(Kind.STATE);
        assertThat(kind(ReportLifecycle.checkApprove(ReportDraftState.REVIEWED, REVIEWER, REVIEWER, ALL)))
                .contains(Kind.SEPARATION);
    }

    @Test
    void issueNeedsApprovalAndTheApprovePermission() {
        assertThat(ReportLifecycle.checkIssue(ReportDraftState.APPROVED, Set.of(REPORTS_APPROVE))).isEmpty();
        assertThat(kind(ReportLifecycle.checkIssue(ReportDraftState.REVIEWED, ALL))).contains(Kind.STATE);
        assertThat(kind(ReportLifecycle.checkIssue(ReportDraftState.APPROVED, Set.of(REPORTS_AUTHOR))))
                .contains(Kind.PERMISSION);
        assertThat(ReportLifecycle.mayIssueDirectly(ALL)).isTrue();
        assertThat(ReportLifecycle.mayIssueDirectly(Set.of(REPORTS_AUTHOR, REPORTS_APPROVE))).isFalse();
    }

    @Test
    void onlyAValidReportIsWithdrawnOrCorrected() {
        assertThat(ReportLifecycle.checkWithdrawOrCorrect(ReportStatus.VALID, Set.of(REPORTS_APPROVE))).isEmpty();
        assertThat(kind(ReportLifecycle.checkWithdrawOrCorrect(ReportStatus.SUPERSEDED, ALL))).contains(Kind.STATE);
        assertThat(kind(ReportLifecycle.checkWithdrawOrCorrect(ReportStatus.WITHDRAWN, ALL))).contains(Kind.STATE);
        assertThat(kind(ReportLifecycle.checkWithdrawOrCorrect(ReportStatus.VALID, Set.of(REPORTS_AUTHOR))))
                .contains(Kind.PERMISSION);
    }
}

package cn.cqs.contract.reports;

import cn.cqs.contract.orgs.Permission;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of a report's way to issue (起草 -> 审核 -> 批准 -> 签发), run by the server on every
 * step and by the client to offer only the actions a user may take. Separation of duties: the
 * reviewer is not the author, and the approver is not the reviewer (the author may approve a report
 * somebody else reviewed). A user holding all three permissions may still issue a report directly
 * without a draft; the report then records {@link SignOff#SINGLE_USER}.
 *
 * <p>Each check answers empty when the step is allowed, else why not, as a {@link Refusal}.
 */
public final class ReportLifecycle {
    /** Longest correction or withdrawal reason. */
    public static final int MAX_REASON = 500;

    private ReportLifecycle() {
    }

    /** Why a step is refused: a missing permission (403), a wrong state or a separation-of-duties rule (409). */
    public record Refusal(Kind kind, String message) {
        /** The kind of refusal, which the server maps to a status. */
        public enum Kind { PERMISSION, STATE, SEPARATION }
    }

    /** Editing the content: any author, until it is issued (a reviewed or approved draft goes back to DRAFT). */
    public static Optional<Refusal> checkEdit(ReportDraftState state, Set<Permission> permissions) {
        if (!permissions.contains(Permission.REPORTS_AUTHOR)) {
            return refuse(Refusal.Kind.PERMISSION, "Editing a report draft needs the REPORTS_AUTHOR permission");
        }
        if (state == ReportDraftState.ISSUED) {
            return refuse(Refusal.Kind.STATE, "This draft is issued: an issued report is never edited; "
                    + "issue a correction that supersedes it");
        }
        return Optional.empty();
    }

    /** Reviewing (审核): REPORTS_REVIEW, state DRAFT, and not the author. */
    public static Optional<Refusal> checkReview(ReportDraftState state, UUID authorUserId, UUID userId,
                                                Set<Permission> permissions) {
        if (!permissions.contains(Permission.REPORTS_REVIEW)) {
            return refuse(Refusal.Kind.PERMISSION, "Reviewing (审核) needs the REPORTS_REVIEW permission");
        }
        if (state != ReportDraftState.DRAFT) {
            return refuse(Refusal.Kind.STATE, "Only a draft in state DRAFT can be reviewed; this one is " + state);
        }
        if (userId != null && userId.equals(authorUserId)) {
            return refuse(Refusal.Kind.SEPARATION, "The author of a report may not review it (审核人不得为检测人)");
        }
        return Optional.empty();
    }

    /** Approving (批准): REPORTS_APPROVE, state REVIEWED, and not the reviewer. */
    public static Optional<Refusal> checkApprove(ReportDraftState state, UUID reviewerUserId, UUID userId,
                                                 Set<Permission> permissions) {
        if (!permissions.contains(Permission.REPORTS_APPROVE)) {
            return refuse(Refusal.Kind.PERMISSION, "Approving (批准) needs the REPORTS_APPROVE permission");
        }
        if (state != ReportDraftState.REVIEWED) {
            return refuse(Refusal.Kind.STATE, "Only a reviewed draft can be approved; this one is " + state);
        }
        if (userId != null && userId.equals(reviewerUserId)) {
            return refuse(Refusal.Kind.SEPARATION, "The reviewer of a report may not also approve it (批准人不得为审核人)");
        }
        return Optional.empty();
    }

    /** Issuing an approved draft (签发): REPORTS_APPROVE and state APPROVED. */
    public static Optional<Refusal> checkIssue(ReportDraftState state, Set<Permission> permissions) {
        if (!permissions.contains(Permission.REPORTS_APPROVE)) {
            return refuse(Refusal.Kind.PERMISSION, "Issuing (签发) needs the REPORTS_APPROVE permission");
        }
        if (state != ReportDraftState.APPROVED) {
            return refuse(Refusal.Kind.STATE, "Only an approved draft can be issued; this one is " + state);
        }
        return Optional.empty();
    }

    /** Whether a user may issue directly, without a draft: they hold author, review and approve. */
    public static boolean mayIssueDirectly(Set<Permission> permissions) {
        return permissions.containsAll(Set.of(Permission.REPORTS_AUTHOR, Permission.REPORTS_REVIEW,
                Permission.REPORTS_APPROVE));
    }

    /** Withdrawing (撤回) or correcting an issued report: REPORTS_APPROVE and status VALID. */
    public static Optional<Refusal> checkWithdrawOrCorrect(ReportStatus status, Set<Permission> permissions) {
        if (!permissions.contains(Permission.REPORTS_APPROVE)) {
            return refuse(Refusal.Kind.PERMISSION, "Withdrawing or correcting an issued report needs the "
                    + "REPORTS_APPROVE permission");
        }
        if (status != ReportStatus.VALID) {
            return refuse(Refusal.Kind.STATE, "The report is " + status + "; only a valid report can be "
                    + "withdrawn or corrected");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(Refusal.Kind kind, String message) {
        return Optional.of(new Refusal(kind, message));
    }
}

package cn.cqs.contract.orgs;

/**
 * Per-module permissions an organisation's administrator grants its users. The client shows only
 * the modules a user holds a permission for; the server checks the same permission on every route.
 */
public enum Permission {
    /** 检测报告: author test reports (draft, edit, test). */
    REPORTS_AUTHOR,
    /** 审核: review test reports. */
    REPORTS_REVIEW,
    /** 批准/签发: approve and issue test reports. */
    REPORTS_APPROVE,
    /** Regulators: search and view reports in the jurisdiction. */
    REPORTS_SUPERVISE,
    /** 扫码核验: verify QR codes of paper reports and tickets. */
    VERIFY,
    /**
     * 预拌混凝土生产: a ready-mix plant's office: material intake, mix designs, production
     * registration, start/end notifications, delivery tickets, dosing data.
     */
    BATCHES_REGISTER,
    /** Regulators: see the plants, batches, notifications and dosing checks in the jurisdiction. */
    BATCHES_SUPERVISE,
    /** 用户管理: manage the organisation's users (administrators). */
    USERS_ADMIN;

    /** The permissions an organisation of this kind can grant its users and API keys. */
    public static java.util.Set<Permission> availableTo(OrganisationKind kind) {
        return switch (kind) {
            case REGULATOR -> java.util.EnumSet.of(REPORTS_SUPERVISE, BATCHES_SUPERVISE, VERIFY, USERS_ADMIN);
            case READY_MIX_PLANT -> java.util.EnumSet.of(REPORTS_AUTHOR, REPORTS_REVIEW, REPORTS_APPROVE,
                    BATCHES_REGISTER, VERIFY, USERS_ADMIN);
            case TESTING_AGENCY, CONTRACTOR_LAB -> java.util.EnumSet.of(REPORTS_AUTHOR, REPORTS_REVIEW,
                    REPORTS_APPROVE, VERIFY, USERS_ADMIN);
        };
    }
}

package cn.cqs.client.reports;

/** A report's state as the list shows it. */
public enum ReportRowStatus {
    /** 草稿 */
    DRAFT,
    /** 已签发，待上传 */
    WAITING,
    /** 已上传 */
    UPLOADED,
    /** 上传被拒绝 (with the reason) */
    REFUSED,
    /** 已上传，逾期 (received more than 24 hours after issue) */
    LATE;

    public String messageKey() {
        return "reports.status." + name();
    }
}

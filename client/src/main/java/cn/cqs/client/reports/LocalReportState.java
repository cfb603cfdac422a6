package cn.cqs.client.reports;

/** Where a report authored on this client stands locally. */
public enum LocalReportState {
    /** 草稿: saved, editable, not signed. */
    DRAFT,
    /** 已签发: signed, PDF rendered, upload queued in the outbox (or done). No longer editable. */
    ISSUED
}

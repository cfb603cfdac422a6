package cn.cqs.contract.reports;

/** Where an uploaded report stands. Verification reports it in plain words. */
public enum ReportStatus {
    /** Issued and current: the version to rely on. */
    VALID,
    /** A correction (更正) superseded it; the newer version is the one to rely on. */
    SUPERSEDED,
    /** The lab withdrew it (撤回) with a reason. */
    WITHDRAWN
}

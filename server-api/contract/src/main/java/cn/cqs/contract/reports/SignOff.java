package cn.cqs.contract.reports;

/**
 * How an uploaded report's reviewer and approver (审核/批准) are known, so nobody mistakes a declared
 * name for a recorded step.
 */
public enum SignOff {
    /** Reviewed and approved on the platform by two other users (the report draft's steps). */
    WORKFLOW,
    /** One user holding the author, review and approve permissions issued it directly: they did every step. */
    SINGLE_USER,
    /** The lab's own software (API key) or an upload before the lifecycle declared the names; not checked. */
    DECLARED
}

package cn.cqs.contract.reports;

/**
 * Whether a report is the first test of a batch or the retest on double specimens that a failed
 * first test calls for (初检 / 复检). A retest's failures are final.
 */
public enum TestRound {
    /** 初检: the first test; a failing item may call for a retest. */
    INITIAL,
    /** 复检: the retest on double the number of specimens; a failing item is unqualified. */
    RETEST
}

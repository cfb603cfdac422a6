package cn.cqs.client.batches;

/**
 * The batch list's filter on the start and end notifications (开盘/完成告知, R7): a batch matches
 * when its start or its end notification is in the chosen state (as of now, by the contract's
 * deadline rule, judged from the stored moments with the clock, offline too: see {@link PlantCache#query}).
 */
public enum NoticeFilter {
    /** Every batch. */
    ALL,
    /** Not started yet (开盘告知 not due). */
    NOT_STARTED,
    /** A notification is due and the hour has not passed. */
    DUE,
    /** A notification was sent more than an hour after its event. */
    LATE,
    /** A notification was not sent and the hour has passed. */
    MISSING,
    /** Late or missing: what a regulator would flag. */
    LATE_OR_MISSING
}

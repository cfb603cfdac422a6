package cn.cqs.contract.batches;

/**
 * Where a batch's start or end notification (开盘告知 / 完成告知, R7) stands. Each is due within
 * 1 hour after its event; the server derives the state from the event time, the time the
 * notification arrived and the current time, with the contract's deadline rule.
 */
public enum NotificationState {
    /** The event has not happened (or not been reported) and nothing is due yet. */
    NOT_DUE,
    /** The event happened, no notification yet, still within the hour. */
    DUE,
    /** Notified within 1 hour of the event. */
    ON_TIME,
    /** Notified, but more than 1 hour after the event. */
    LATE,
    /** Not notified and the hour has passed. */
    MISSING
}

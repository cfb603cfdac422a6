package cn.cqs.client.batches.trace;

/** What the 批次追溯 screen shows in place of, or with, the trace. */
public enum TraceState {
    /** Nothing asked yet (the standalone screen before a serial number is typed). */
    EMPTY,
    /** Asking the server (a progress indicator). */
    LOADING,
    /** The trace is shown. */
    SHOWN,
    /** The serial number is malformed. */
    INVALID,
    /** No such batch, or the user may not see it (the server answers 404 for both). */
    NOT_FOUND,
    /** The server cannot be reached. */
    UNREACHABLE,
    /** Another refusal or failure, with its reason. */
    FAILED
}

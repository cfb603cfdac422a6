package cn.cqs.client.sync;

/** Where an outbox entry is in its life. */
public enum OutboxState {
    /** Waiting to be sent (again). Counted in "changes waiting to upload". */
    PENDING,
    /** Being sent right now; a client killed meanwhile finds it here and sends it again. */
    SENDING,
    /** The server accepted it; its receipt is kept. */
    DONE,
    /** The server rejected it (a 4xx other than a retryable one); kept, with the reason, for the user to fix. */
    FAILED_PERMANENT,
    /** A permanently failed entry the user chose to give up; kept for the record, never sent. */
    DISMISSED
}

package cn.cqs.client.sync;

/** What the {@link OutboxDrainer} is doing. */
public enum DrainerState {
    /** Nothing to send (or not started). */
    IDLE,
    /** Sending an entry. */
    SENDING,
    /** The server was unreachable or busy; the next attempt is scheduled (see {@link DrainProgress#nextAttemptAt()}). */
    WAITING_TO_RETRY,
    /** Paused by the user. */
    PAUSED,
    /** Closed. */
    STOPPED
}

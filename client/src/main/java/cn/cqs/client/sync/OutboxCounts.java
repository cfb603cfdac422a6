package cn.cqs.client.sync;

/** How many outbox entries are in each state. */
public record OutboxCounts(int pending, int sending, int done, int failedPermanent, int dismissed) {
    public static final OutboxCounts EMPTY = new OutboxCounts(0, 0, 0, 0, 0);

    /** The status bar's "N changes waiting to upload": pending plus being sent. */
    public int waiting() {
        return pending + sending;
    }
}

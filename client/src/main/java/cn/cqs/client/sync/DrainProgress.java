package cn.cqs.client.sync;

import java.time.Instant;

/**
 * Progress of the outbox drainer for a status bar: {@code done} of {@code total} entries sent
 * since it was last idle, the entry being sent, and why and until when it is waiting.
 *
 * @param current       the entry being sent, or null
 * @param lastError     the last retryable failure, or null after a success
 * @param nextAttemptAt when {@code WAITING_TO_RETRY}, when the next attempt starts; else null
 */
public record DrainProgress(DrainerState state, int done, int total, OutboxEntry current,
                            String lastError, Instant nextAttemptAt) {
    public static final DrainProgress IDLE = new DrainProgress(DrainerState.IDLE, 0, 0, null, null, null);

    /** {@code done / total}, or 0 when there is nothing to do. */
    public double fraction() {
        return total == 0 ? 0 : (double) done / total;
    }
}

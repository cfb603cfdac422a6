package cn.cqs.client.sync;

import java.time.Instant;
import java.util.UUID;

/**
 * 队列条目: an outbox entry as the upload queue lists it, without its payload (a report upload's
 * payload carries the whole signed PDF).
 *
 * @param label         what the entry is for the user (e.g. the report number), or null
 * @param lastError     the server's reason (refused) or why the last attempt failed, or null
 * @param lastAttemptAt client time of the last attempt, or null
 * @param completedAt   client time it became {@code DONE}, or null
 */
public record OutboxItem(long seq, UUID id, String kind, String label, Instant createdAt, int attempts,
                         String lastError, Instant lastAttemptAt, OutboxState state, Instant completedAt) {
}

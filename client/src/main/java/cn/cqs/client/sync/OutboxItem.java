package cn.cqs.client.sync;

import cn.cqs.contract.problem.Problem;
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
 * @param problem       the server's problem document of a refusal, with its field errors, or null (see
 *                      {@link OutboxEntry#problem()})
 */
public record OutboxItem(long seq, UUID id, String kind, String label, Instant createdAt, int attempts,
                         String lastError, Instant lastAttemptAt, OutboxState state, Instant completedAt,
                         Problem problem) {

    /** The field errors of the refusal (empty when none or when the entry predates the stored problem). */
    public java.util.List<Problem.FieldError> fieldErrors() {
        return problem == null ? java.util.List.of() : problem.errors();
    }

    /** The reason as one text: {@link #lastError} followed by the problem's field errors, if any. */
    public String reason() {
        return RefusalText.of(lastError, problem);
    }
}

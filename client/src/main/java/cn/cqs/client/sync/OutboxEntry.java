package cn.cqs.client.sync;

import cn.cqs.contract.problem.Problem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * 待上传条目: one change made on this client, waiting for or done with its upload.
 *
 * @param seq            creation order (the drain order; client clocks may go backwards, this does not)
 * @param id             the entry's own id
 * @param idempotencyKey sent as {@code Idempotency-Key} on every attempt; fixed when the entry is created
 * @param kind           what the change is, e.g. {@code report.upload}
 * @param payload        the request body, JSON
 * @param attachment     a file sent with it (e.g. a report PDF), or null
 * @param createdAt      client time when the change was made
 * @param attempts       how many times sending was started
 * @param lastError      why the last attempt failed, or null; for a refusal the human summary (the problem's
 *                       detail), the field errors being in {@code problem}
 * @param lastAttemptAt  client time of the last attempt, or null
 * @param receipt        the server's answer when {@code DONE} (JSON), or null
 * @param completedAt    client time it became {@code DONE}, or null
 * @param label          what the upload queue shows for it (e.g. the report number), or null
 * @param problem        the server's problem document when it refused the entry ({@code FAILED_PERMANENT}
 *                       or {@code DISMISSED}), with its field errors; null otherwise, and for entries
 *                       refused before the client kept it (their {@code lastError} carries the whole text)
 */
public record OutboxEntry(long seq, UUID id, UUID idempotencyKey, String kind, OutboxTarget target,
                          String payload, Path attachment, Instant createdAt, int attempts,
                          String lastError, Instant lastAttemptAt, OutboxState state, String receipt,
                          Instant completedAt, String label, Problem problem) {

    /** The reason as one text: {@link #lastError} followed by the problem's field errors, if any. */
    public String reason() {
        return RefusalText.of(lastError, problem);
    }
}

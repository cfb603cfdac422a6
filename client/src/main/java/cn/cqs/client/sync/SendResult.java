package cn.cqs.client.sync;

import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.problem.ProblemTypes;
import cn.cqs.contract.sync.Idempotency;
import java.time.Duration;

/** How sending one outbox entry went, as the {@link OutboxSender} reports it. */
public sealed interface SendResult {

    /** The server accepted it (2xx, including a replay of an earlier success). */
    record Delivered(String receipt) implements SendResult {
    }

    /**
     * Not this time: server unreachable, 5xx, 429, or a state the client must wait out (login
     * expired, client too old). The drainer stops and tries again later.
     *
     * @param retryAfter the server's {@code Retry-After}, or null
     */
    record RetryLater(String reason, Duration retryAfter) implements SendResult {
        public RetryLater {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("reason: required");
            }
        }
    }

    /**
     * The server refused this entry for good (a 4xx about the request): the user must fix it.
     *
     * @param message the human summary (the problem's detail or title)
     * @param problem the server's problem document with its field errors, or null when the refusal
     *                came without one (e.g. the client itself found the entry unsendable)
     */
    record Rejected(int status, String message, Problem problem) implements SendResult {
        public Rejected {
            if (message == null || message.isBlank()) {
                throw new IllegalArgumentException("message: required");
            }
        }

        /** A refusal without a problem document. */
        public Rejected(int status, String message) {
            this(status, message, null);
        }
    }

    /**
     * Classifies an HTTP answer.
     * <ul>
     *   <li>2xx: delivered, {@code body} is the receipt;</li>
     *   <li>5xx, 408, 425, 429: retry later;</li>
     *   <li>401 or an {@code unauthenticated} problem (login expired), 426 or a {@code client-too-old}
 *       problem: retry later; the entry is fine and is sent
     *       once the user has logged in again or upgraded;</li>
     *   <li>409 with the {@code idempotency-request-in-progress} problem: retry later (the first
     *       attempt is still running on the server);</li>
     *   <li>any other 4xx: rejected, with {@code message} (the problem's detail) for the user.</li>
     * </ul>
     *
     * @param problemCode the problem's {@code code} when the body is problem+json, else null
     * @param message     what to show the user (the problem's detail or title), or null
     * @param retryAfter  the {@code Retry-After} header, or null
     */
    static SendResult fromHttp(int status, String body, String problemCode, String message, Duration retryAfter) {
        return fromHttp(status, body, problemCode, message, retryAfter, null);
    }

    /**
     * {@link #fromHttp(int, String, String, String, Duration)} keeping the server's problem document
     * (problem+json) on a {@link Rejected}, so its field errors survive as data.
     *
     * @param problem the parsed problem+json body, or null
     */
    static SendResult fromHttp(int status, String body, String problemCode, String message, Duration retryAfter,
                               Problem problem) {
        String text = message == null || message.isBlank() ? "HTTP " + status : message;
        if (status >= 200 && status < 300) {
            return new Delivered(body);
        }
        boolean waitItOut = ProblemTypes.CLIENT_TOO_OLD.equals(problemCode)
                || ProblemTypes.UNAUTHENTICATED.equals(problemCode)
                || (status == 409 && Idempotency.REQUEST_IN_PROGRESS.equals(problemCode));
        if (waitItOut || status >= 500 || status == 408 || status == 425 || status == 429 || status == 401
                || status == 426) {
            return new RetryLater("HTTP " + status + (message == null ? "" : ": " + message), retryAfter);
        }
        if (status >= 400) {
            return new Rejected(status, text, problem);
        }
        return new RetryLater("Unexpected HTTP " + status, retryAfter);
    }
}

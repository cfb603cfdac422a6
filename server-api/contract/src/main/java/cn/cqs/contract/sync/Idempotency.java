package cn.cqs.contract.sync;

/**
 * 幂等键: the idempotency contract for uploads a client may send more than once (from its outbox,
 * after a timeout, after being killed mid-request).
 *
 * <p>The client creates one random UUID per logical change, when the change is made, stores it with
 * the change and sends it as {@link #HEADER} on every attempt; it never changes it. The server:
 * <ul>
 *   <li>stores the key (scoped to the caller's organisation) in the same database transaction as
 *       the change it applies, together with a digest of the request and the response it
 *       answered;</li>
 *   <li>on a repeat of a key it has completed with the same request, applies nothing and answers
 *       the stored response again with {@link #REPLAYED_HEADER}{@code : true}, so the client cannot
 *       tell a replay from the first success except by that header;</li>
 *   <li>on a repeat of a key with a <i>different</i> request answers 422 with the
 *       {@link #KEY_REUSED} problem (a client bug, never retried);</li>
 *   <li>while the first request with a key is still being processed answers 409 with the
 *       {@link #REQUEST_IN_PROGRESS} problem, which the client treats as "retry later";</li>
 *   <li>stores keys only for requests that succeeded (2xx): a request rejected with a 4xx or failed
 *       with a 5xx leaves its key unused, so the client may send the same key again once the cause
 *       is fixed.</li>
 * </ul>
 * Keys are kept at least {@link #RETENTION_DAYS} days, longer than any client stays offline with a
 * pending change in practice.
 */
public final class Idempotency {
    /** Request header carrying the idempotency key, a UUID in its canonical text form. */
    public static final String HEADER = "Idempotency-Key";
    /** Response header set to {@code true} when the response is a replay of a completed request. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** Problem code (see {@code ProblemTypes.uri}): the key was already used for a different request. */
    public static final String KEY_REUSED = "idempotency-key-reused";
    /** Problem code: a request with this key is still being processed; retry later. */
    public static final String REQUEST_IN_PROGRESS = "idempotency-request-in-progress";
    /** The fewest days the server remembers a completed key. */
    public static final int RETENTION_DAYS = 90;

    private Idempotency() {
    }
}

package cn.cqs.contract.sync;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * 上传回执: what the server answers for an accepted upload (for example a test report sent from
 * the client's outbox). The client keeps it with the outbox entry as proof of delivery.
 *
 * @param entity     the kind of record the upload created or changed, as in {@link Change#entity()}
 * @param id         the record's id on the server
 * @param version    the record's version after the upload
 * @param receivedAt the server's receipt time: time rules (the 1-hour and 24-hour limits) are
 *                   judged on this, never on the time the client claims
 * @param replayed   {@code true} when this is the stored answer to an earlier request with the same
 *                   idempotency key, i.e. nothing was applied this time
 */
public record UploadReceipt(String entity, UUID id, long version, Instant receivedAt, boolean replayed) {

    public UploadReceipt {
        if (entity == null || entity.isBlank()) {
            throw new IllegalArgumentException("entity: required");
        }
        Objects.requireNonNull(id, "id: required");
        Objects.requireNonNull(receivedAt, "receivedAt: required");
    }
}

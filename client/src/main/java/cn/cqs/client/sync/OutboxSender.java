package cn.cqs.client.sync;

import java.io.IOException;

/**
 * Sends one outbox entry to the server. The API client implements it: {@code entry.target()}
 * (method and path), the payload as the JSON body (multipart with the attachment when there is
 * one), and the header {@code Idempotency-Key: entry.idempotencyKey()}
 * ({@link cn.cqs.contract.sync.Idempotency#HEADER}); then it classifies the answer with
 * {@link SendResult#fromHttp}.
 */
@FunctionalInterface
public interface OutboxSender {
    /**
     * @throws IOException when the server cannot be reached or the connection breaks: the drainer
     *                     treats it as "retry later"
     */
    SendResult send(OutboxEntry entry) throws IOException;
}

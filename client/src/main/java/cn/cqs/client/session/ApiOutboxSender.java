package cn.cqs.client.session;

import cn.cqs.client.api.ApiClient;
import cn.cqs.client.api.ApiProblemException;
import cn.cqs.client.api.InvalidResponseException;
import cn.cqs.client.api.ServerUnreachableException;
import cn.cqs.client.api.UntrustedServerException;
import cn.cqs.client.sync.OutboxEntry;
import cn.cqs.client.sync.OutboxSender;
import cn.cqs.client.sync.SendResult;
import cn.cqs.contract.json.Json;
import cn.cqs.contract.problem.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * Sends one outbox entry through the session's {@link ApiClient}: {@code entry.target()} with the
 * entry's JSON payload and the header {@code Idempotency-Key: entry.idempotencyKey()}; the answer
 * is classified by {@link SendResult#fromHttp}. An unreachable server is an {@link IOException}
 * (retry later). A refusal carries the problem's detail as its summary and the problem document
 * itself, with its field errors ({@code cube.designGrade: ...}), which the outbox keeps as JSON so
 * forms show each error at its field.
 */
public final class ApiOutboxSender implements OutboxSender {
    private final ApiClient api;
    private final ObjectMapper mapper = Json.newMapper();

    public ApiOutboxSender(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    public SendResult send(OutboxEntry entry) throws IOException {
        if (entry.attachment() != null) {
            return new SendResult.Rejected(400, "This client cannot send attachments (" + entry.attachment()
                    + "); the entry " + entry.id() + " cannot be uploaded");
        }
        JsonNode body;
        try {
            body = mapper.readTree(entry.payload());
        } catch (JsonProcessingException e) {
            return new SendResult.Rejected(400, "The stored payload is not JSON: " + e.getOriginalMessage());
        }
        Map<String, String> headers = Map.of(ApiClient.IDEMPOTENCY_KEY, entry.idempotencyKey().toString());
        String path = entry.target().path();
        try {
            JsonNode receipt = switch (entry.target().method()) {
                case "POST" -> api.post(path, body, JsonNode.class, headers);
                case "PUT" -> api.put(path, body, JsonNode.class, headers);
                case "DELETE" -> {
                    api.delete(path, headers);
                    yield null;
                }
                default -> throw new IllegalArgumentException("method " + entry.target().method()
                        + " is not supported by the API client");
            };
            return new SendResult.Delivered(receipt == null ? "" : receipt.toString());
        } catch (ServerUnreachableException e) {
            throw new IOException(e.getMessage(), e);
        } catch (UntrustedServerException | InvalidResponseException e) {
            return new SendResult.RetryLater(e.getMessage(), null);
        } catch (ApiProblemException e) {
            return SendResult.fromHttp(e.status(), null, e.code(), summary(e.problem()), null, e.problem());
        }
    }

    /**
     * The human summary of a refusal: the problem's detail, or its title. The field errors stay in
     * the problem document, which the outbox keeps beside the summary.
     */
    static String summary(Problem problem) {
        return problem.detail() != null && !problem.detail().isBlank() ? problem.detail() : problem.title();
    }
}

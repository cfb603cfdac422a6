package cn.cqs.client.sync;

import cn.cqs.contract.json.Json;
import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.sync.Idempotency;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A test {@link OutboxSender} over the JDK's HTTP client, doing what the real API client does:
 * sends the payload to the entry's target with the {@code Idempotency-Key} header and classifies
 * the answer.
 */
final class JdkHttpOutboxSender implements OutboxSender {
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    JdkHttpOutboxSender(URI base) {
        this.base = base;
    }

    @Override
    public SendResult send(OutboxEntry entry) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(entry.target().path()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header(Idempotency.HEADER, entry.idempotencyKey().toString())
                .method(entry.target().method(), HttpRequest.BodyPublishers.ofString(entry.payload()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending", e);
        }
        String code = null;
        String message = null;
        if (response.headers().firstValue("Content-Type").orElse("").startsWith(Problem.MEDIA_TYPE)) {
            Problem problem = Json.newMapper().readValue(response.body(), Problem.class);
            code = problem.code();
            message = problem.detail();
        }
        return SendResult.fromHttp(response.statusCode(), response.body(), code, message, null);
    }
}

package cn.cqs.client.sync;

import cn.cqs.contract.sync.Idempotency;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for the real server's upload endpoint: it applies each request at most once per
 * idempotency key (a repeat with the same body gets the stored answer again, marked replayed; with
 * another body a 422), and can hold back its answer after applying, like a server whose response
 * is lost when the client dies.
 */
final class IdempotentTestServer implements AutoCloseable {
    record Stored(String body, String response) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Stored> byKey = new HashMap<>();
    final List<String> appliedPayloads = new ArrayList<>();
    final Map<String, Integer> requestsPerKey = new HashMap<>();
    final CountDownLatch firstApplied = new CountDownLatch(1);
    volatile long responseDelayMs;

    IdempotentTestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/api/v1/reports", this::handle);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestHeaders().getFirst(Idempotency.HEADER);
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (key == null) {
            respond(exchange, 400, "{\"error\":\"Idempotency-Key required\"}", false);
            return;
        }
        boolean replayed;
        String response;
        synchronized (this) {
            requestsPerKey.merge(key, 1, Integer::sum);
            Stored stored = byKey.get(key);
            if (stored != null && !stored.body().equals(body)) {
                respond(exchange, 422, "{\"error\":\"key reused\"}", false);
                return;
            }
            replayed = stored != null;
            if (stored == null) {
                appliedPayloads.add(body);
                stored = new Stored(body, "{\"id\":\"" + UUID.randomUUID() + "\",\"version\":1}");
                byKey.put(key, stored);
            }
            response = stored.response();
        }
        firstApplied.countDown();
        long delay = responseDelayMs;
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        respond(exchange, replayed ? 200 : 201, response, replayed);
    }

    private static void respond(HttpExchange exchange, int status, String body, boolean replayed) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (replayed) {
            exchange.getResponseHeaders().set(Idempotency.REPLAYED_HEADER, "true");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    synchronized List<String> appliedPayloads() {
        return List.copyOf(appliedPayloads);
    }

    synchronized Map<String, Integer> requestsPerKey() {
        return Map.copyOf(requestsPerKey);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

package cn.cqs.server.testing;

import cn.cqs.contract.json.Json;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.demo.DemoAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for tests against a real server on a loopback port. */
public final class Http {
    public static final ObjectMapper MAPPER = Json.newMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public Http(CqsServer server) {
        this.baseUrl = server.baseUrl();
    }

    /** A response with its body as text and parsed JSON (or null). */
    public record Response(int status, Map<String, String> headers, String body) {
        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public String contentType() {
            return header("content-type");
        }
    }

    public Response send(String method, String path, String token, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null && !headers.containsKey("Content-Type")) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        try {
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> h = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(), String.join(",", v)));
            return new Response(r.statusCode(), h, new String(r.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response whose body is kept as bytes (a PDF, for instance). */
    public record Download(int status, String contentType, byte[] body) {
    }

    /** GETs {@code path} and keeps the body as bytes. */
    public Download download(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public Response post(String path, String token, Object body) {
        return send("POST", path, token, bytes(body), Map.of());
    }

    public Response put(String path, String token, Object body, String ifMatch) {
        return send("PUT", path, token, bytes(body), ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    public static byte[] bytes(Object body) {
        try {
            return body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Logs in a demo account and returns its bearer token. */
    public String login(String username) {
        return login(username, DemoAccounts.PASSWORD);
    }

    public String login(String username, String password) {
        Response r = post("/api/v1/auth/login", null, Map.of("username", username, "password", password));
        if (r.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + r.status() + " " + r.body());
        }
        return r.json().get("token").asText();
    }
}

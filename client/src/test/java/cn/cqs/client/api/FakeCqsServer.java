package cn.cqs.client.api;

import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.auth.CurrentUser;
import cn.cqs.contract.auth.LoginRequest;
import cn.cqs.contract.auth.LoginResponse;
import cn.cqs.contract.json.Json;
import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.problem.ProblemTypes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An in-test stand-in for the CQS server on a random loopback port: routes are programmable, every
 * request is recorded. {@link #withAuth} installs login, me, logout and openapi.json.
 */
public final class FakeCqsServer implements AutoCloseable {
    /** One request as the server saw it. */
    public record Recorded(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** Answers one request. */
    @FunctionalInterface
    public interface Route {
        void handle(HttpExchange exchange, Recorded request) throws IOException;
    }

    private static final ObjectMapper MAPPER = Json.newMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    public FakeCqsServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::dispatch);
        server.setExecutor(executor);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Recorded> requests() {
        return requests;
    }

    public long count(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).count();
    }

    /** Installs a handler for {@code METHOD /path}. */
    public FakeCqsServer route(String method, String path, Route handler) {
        routes.put(method + " " + path, handler);
        return this;
    }

    /**
     * Installs the auth endpoints: the given user logs in with the given password and gets token
     * {@code token-<username>}; anything else gets 401.
     */
    public FakeCqsServer withAuth(String password, CurrentUser user) {
        String token = "token-" + user.username();
        route("POST", ApiVersion.BASE_PATH + "/auth/login", (ex, rq) -> {
            LoginRequest req = MAPPER.readValue(rq.body(), LoginRequest.class);
            if (user.username().equals(req.username()) && password.equals(req.password())) {
                json(ex, 200, new LoginResponse(token, Instant.now().plus(8, ChronoUnit.HOURS), user));
            } else {
                problem(ex, new Problem(ProblemTypes.uri(ProblemTypes.UNAUTHENTICATED), "Unauthenticated", 401,
                        "wrong user name or password", ApiVersion.BASE_PATH + "/auth/login",
                        ProblemTypes.UNAUTHENTICATED, null));
            }
        });
        Route me = (ex, rq) -> {
            if (("Bearer " + token).equals(rq.header("Authorization"))) {
                json(ex, 200, user);
            } else {
                problem(ex, new Problem(ProblemTypes.uri(ProblemTypes.UNAUTHENTICATED), "Unauthenticated", 401,
                        "token expired", ApiVersion.BASE_PATH + "/auth/me", ProblemTypes.UNAUTHENTICATED, null));
            }
        };
        route("GET", ApiVersion.BASE_PATH + "/auth/me", me);
        route("POST", ApiVersion.BASE_PATH + "/auth/logout", (ex, rq) -> empty(ex, 204));
        route("GET", "/openapi.json", (ex, rq) -> json(ex, 200, Map.of("openapi", "3.1.0")));
        return this;
    }

    private void dispatch(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getPath();
        Recorded recorded = new Recorded(ex.getRequestMethod(), path, Map.copyOf(ex.getRequestHeaders()), body);
        requests.add(recorded);
        Route h = routes.get(ex.getRequestMethod() + " " + path);
        try {
            if (h == null) {
                problem(ex, new Problem(ProblemTypes.uri(ProblemTypes.NOT_FOUND), "Not found", 404,
                        "no route " + path, path, ProblemTypes.NOT_FOUND, null));
            } else {
                h.handle(ex, recorded);
            }
        } finally {
            ex.close();
        }
    }

    public static void json(HttpExchange ex, int status, Object body) throws IOException {
        send(ex, status, "application/json", MAPPER.writeValueAsBytes(body));
    }

    public static void problem(HttpExchange ex, Problem p) throws IOException {
        send(ex, p.status(), Problem.MEDIA_TYPE, MAPPER.writeValueAsBytes(p));
    }

    public static void text(HttpExchange ex, int status, String text) throws IOException {
        send(ex, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public static void empty(HttpExchange ex, int status) throws IOException {
        ex.sendResponseHeaders(status, -1);
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] bytes) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

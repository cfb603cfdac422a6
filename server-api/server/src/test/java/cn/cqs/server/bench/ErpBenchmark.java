package cn.cqs.server.bench;

import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.auth.ApiKeyCreated;
import cn.cqs.contract.auth.LoginRequest;
import cn.cqs.contract.auth.LoginResponse;
import cn.cqs.contract.batches.MaterialIntakeRequest;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.MixDesignRequest;
import cn.cqs.contract.batches.MixQuantity;
import cn.cqs.contract.batches.ProductionRequest;
import cn.cqs.contract.json.Json;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.app.ServerConfig;
import cn.cqs.server.demo.DemoAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Benchmark (not a test; {@code ./mvnw -B -Pbench-erp -pl server-api/server -am test-compile}, see
 * README): production registration through the plants' ERP interface
 * ({@code PUT /api/v1/plant/batches/{batchId}} with an API key). Starts a real server in this JVM
 * (loopback, random port, embedded PostgreSQL, demo data), creates an API key with BATCHES_REGISTER
 * as the demo plant's administrator, registers the lots and a mix design, then lets N concurrent
 * clients (one {@link HttpClient} each, HTTP/1.1, like an ERP's connector) register distinct batches
 * until the count is reached. Every registration is validated in full (project visibility, mix
 * design validity and marking, every lot), draws the plant's next serial number of the day (one
 * counter row per plant and day: the registrations of one plant are serialised on it) and is signed
 * by the platform (ECDSA P-256). Prints batches/s, latency percentiles, errors, this JVM's CPU time
 * per registration and the load average; at the end checks that the database holds exactly the
 * batches accepted, each with its own serial number, consecutive per day.
 *
 * <p>Options: {@code --batches=10000}, {@code --clients=8}, {@code --warmup=200} untimed
 * registrations first.
 */
public final class ErpBenchmark {
    private static final ObjectMapper JSON = Json.newMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> LOTS = List.of("BENCH-C", "BENCH-F", "BENCH-S", "BENCH-G", "BENCH-A");
    private static final String MARKING = "A-C30-180(S4)-P8-GB/T 14902";

    private ErpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args, Set.of("batches", "clients", "warmup"));
        int batches = options.intOption("batches", 10_000, 1, 999_000);
        int clients = options.intOption("clients", 8, 1, 256);
        int warmup = options.intOption("warmup", 200, 0, 100_000);
        System.out.printf(Locale.ROOT, "ERP benchmark: PUT /api/v1/plant/batches/{batchId} with an API key, serial number "
                + "and platform-signed QR token per batch; %d batches, %d clients, %d warm-up registrations%n",
                batches, clients, warmup);
        System.out.println("JVM: " + System.getProperty("java.vm.name") + " " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs (server, database and clients share the machine)");
        try (CqsServer server = CqsServer.start(ServerConfig.forTests())) {
            URI base = URI.create(server.baseUrl());
            if (!"127.0.0.1".equals(base.getHost())) {
                throw new IllegalStateException("the benchmark only talks to 127.0.0.1, but the server is at " + base);
            }
            String apiKey = apiKey(base);
            UUID projectId = plantProject(base, apiKey);
            prepare(base, apiKey);
            String run = UUID.randomUUID().toString().substring(0, 8);
            Phase w = warmup > 0 ? run(base, apiKey, projectId, "W-" + run, warmup, clients) : null;
            if (w != null) {
                System.out.printf(Locale.ROOT, "Warm-up: %d registered, %d errors, %.1f s%n", w.ok.sum(), w.errorCount(),
                        w.elapsedSeconds);
            }
            String loadBefore = IngestBenchmark.loadAverage();
            long cpuBefore = processCpuNanos();
            Phase timed = run(base, apiKey, projectId, "T-" + run, batches, clients);
            timed.jvmCpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
            String loadAfter = IngestBenchmark.loadAverage();
            print(timed, clients, loadBefore, loadAfter);
            check(server, "T-" + run, timed.ok.sum());
        }
    }

    /** Results of one phase. */
    private static final class Phase {
        final LongAdder ok = new LongAdder();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        final List<Latencies> latencies = new ArrayList<>();
        double elapsedSeconds;
        double jvmCpuSeconds;

        long errorCount() {
            return errors.values().stream().mapToLong(LongAdder::sum).sum();
        }

        void error(String kind) {
            errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }
    }

    /** {@code clients} threads register batches {@code <prefix>-0 .. <prefix>-(count-1)}. */
    private static Phase run(URI base, String apiKey, UUID projectId, String prefix, int count, int clients)
            throws InterruptedException {
        Phase phase = new Phase();
        AtomicInteger next = new AtomicInteger();
        Instant planned = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Latencies mine = new Latencies();
            phase.latencies.add(mine);
            running.add(pool.submit(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    String batchId = prefix + "-" + i;
                    byte[] body = JSON.writeValueAsBytes(new ProductionRequest(projectId, "福建建工集团有限公司",
                            "3#楼 " + (i % 30 + 1) + "层 梁板", MARKING, new BigDecimal(8 + i % 40), "BENCH-MIX", LOTS,
                            planned, "HT-BENCH-" + (i % 100)));
                    HttpRequest request = HttpRequest.newBuilder(base.resolve(ApiVersion.BASE_PATH + "/plant/batches/"
                                    + batchId)).timeout(REQUEST_TIMEOUT)
                            .header(ApiKeyCreated.HEADER, apiKey).header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        mine.add(System.nanoTime() - sent);
                        if (response.statusCode() == 201) {
                            phase.ok.increment();
                        } else {
                            phase.error("HTTP " + response.statusCode() + " " + abbreviate(response.body()));
                        }
                    } catch (IOException e) {
                        mine.add(System.nanoTime() - sent);
                        phase.error(e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a client failed: " + e.getCause(), e.getCause());
            }
        }
        phase.elapsedSeconds = (System.nanoTime() - start) / 1e9;
        return phase;
    }

    private static void print(Phase p, int clients, String loadBefore, String loadAfter) {
        Latencies all = Latencies.merge(p.latencies);
        long ok = p.ok.sum();
        System.out.println();
        System.out.printf(Locale.ROOT, "| %-26s | %12s |%n|%s|%s|%n", "figure", "value", "-".repeat(28), "-".repeat(14));
        row("clients", Integer.toString(clients));
        row("elapsed (s)", String.format(Locale.ROOT, "%.1f", p.elapsedSeconds));
        row("requests", Integer.toString(all.count()));
        row("registered (201)", Long.toString(ok));
        row("errors", Long.toString(p.errorCount()));
        row("batches/s", String.format(Locale.ROOT, "%.1f", ok / p.elapsedSeconds));
        if (all.count() > 0) {
            row("latency p50 (ms)", String.format(Locale.ROOT, "%.1f", all.percentileMs(50)));
            row("latency p95 (ms)", String.format(Locale.ROOT, "%.1f", all.percentileMs(95)));
            row("latency p99 (ms)", String.format(Locale.ROOT, "%.1f", all.percentileMs(99)));
            row("latency max (ms)", String.format(Locale.ROOT, "%.1f", all.percentileMs(100)));
            row("JVM CPU ms per batch", String.format(Locale.ROOT, "%.2f", p.jvmCpuSeconds * 1000 / all.count()));
        }
        row("load avg before / after", loadBefore + " / " + loadAfter);
        System.out.println();
        if (p.errorCount() > 0) {
            System.out.println("Errors by kind: " + new TreeMap<>(Map.copyOf(p.errors)));
        }
    }

    /** The database holds exactly the accepted batches, with distinct serial numbers, consecutive per day. */
    private static void check(CqsServer server, String prefix, long accepted) {
        record Day(java.time.LocalDate day, long rows, long distinct, int first, int last) {
        }
        List<Day> days = server.jdbi().withHandle(h -> h.createQuery("""
                        select substr(serial_number, 1, 8) as day, count(*) as rows, count(distinct serial_number) as distinct_serials,
                               min(cast(substr(serial_number, 20) as integer)) as first, max(cast(substr(serial_number, 20) as integer)) as last
                          from production_batch where plant_batch_id like :prefix group by 1 order by 1""")
                .bind("prefix", prefix + "-%")
                .map((rs, c) -> new Day(java.time.LocalDate.parse(rs.getString("day"),
                        java.time.format.DateTimeFormatter.BASIC_ISO_DATE), rs.getLong("rows"),
                        rs.getLong("distinct_serials"), rs.getInt("first"), rs.getInt("last")))
                .list());
        long rows = days.stream().mapToLong(Day::rows).sum();
        System.out.printf(Locale.ROOT, "Batches in the database: %d (accepted: %d); serial numbers per day: %s%n", rows,
                accepted, days);
        if (rows != accepted || days.stream().anyMatch(d -> d.distinct() != d.rows())) {
            throw new IllegalStateException("the database holds " + rows + " batches, but the server accepted " + accepted
                    + ", or a serial number repeats");
        }
    }

    private static void row(String name, String value) {
        System.out.printf(Locale.ROOT, "| %-26s | %12s |%n", name, value);
    }

    /** The plant's administrator logs in and creates an API key with BATCHES_REGISTER. */
    private static String apiKey(URI base) throws IOException, InterruptedException {
        HttpResponse<String> login = send(base, "POST", "/auth/login", null, null,
                new LoginRequest("plant-admin", DemoAccounts.PASSWORD));
        String token = JSON.readValue(login.body(), LoginResponse.class).token();
        HttpResponse<String> key = send(base, "POST", "/auth/api-keys", token, null,
                Map.of("name", "ERP benchmark", "permissions", List.of("BATCHES_REGISTER")));
        return JSON.readTree(key.body()).get("secret").asText();
    }

    private static UUID plantProject(URI base, String apiKey) throws IOException, InterruptedException {
        for (JsonNode p : JSON.readTree(send(base, "GET", "/projects", null, apiKey, null).body())) {
            if (p.path("name").asText().startsWith("仓山区")) {
                return UUID.fromString(p.get("id").asText());
            }
        }
        throw new IllegalStateException("the demo plant's Cangshan project is not visible to it");
    }

    /** The lots and the mix design every benchmark batch uses. */
    private static void prepare(URI base, String apiKey) throws IOException, InterruptedException {
        Instant arrived = Instant.now().minus(1, ChronoUnit.DAYS);
        List<MaterialKind> kinds = List.of(MaterialKind.CEMENT, MaterialKind.FLY_ASH, MaterialKind.SAND, MaterialKind.STONE,
                MaterialKind.ADMIXTURE);
        for (int i = 0; i < LOTS.size(); i++) {
            send(base, "PUT", "/plant/material-lots/" + LOTS.get(i), null, apiKey, new MaterialIntakeRequest(kinds.get(i),
                    "规格", "供应商", "生产厂家", "LOT-" + i, new BigDecimal("1000"), arrived, null));
        }
        List<MixQuantity> quantities = new ArrayList<>();
        for (MaterialKind kind : kinds) {
            quantities.add(new MixQuantity(kind, new BigDecimal("100")));
        }
        quantities.add(new MixQuantity(MaterialKind.WATER, new BigDecimal("170")));
        send(base, "PUT", "/plant/mix-designs/BENCH-MIX", null, apiKey, new MixDesignRequest(MARKING, quantities, null,
                LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1), null));
    }

    private static HttpResponse<String> send(URI base, String method, String path, String token, String apiKey,
                                             Object body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(ApiVersion.BASE_PATH + path)).timeout(REQUEST_TIMEOUT);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (apiKey != null) {
            b.header(ApiKeyCreated.HEADER, apiKey);
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " failed: " + r.statusCode() + " " + r.body());
        }
        return r;
    }

    private static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        throw new IllegalStateException("this JVM does not report its process CPU time");
    }
}

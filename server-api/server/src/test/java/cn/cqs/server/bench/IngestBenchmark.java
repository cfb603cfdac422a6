package cn.cqs.server.bench;

import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.auth.LoginRequest;
import cn.cqs.contract.auth.LoginResponse;
import cn.cqs.contract.json.Json;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.ReportUpload;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.app.ServerConfig;
import cn.cqs.server.demo.DemoAccounts;
import cn.cqs.server.testing.Reports;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Benchmark (not a test; {@code ./mvnw -Pbench-ingest -pl server-api/server -am test-compile}, see
 * README): report ingest ({@code POST /api/v1/reports}) with signature validation on. Starts a real
 * server in this JVM ({@code CqsServer.start(ServerConfig.forTests())}: loopback, random port,
 * embedded PostgreSQL, demo data), logs in as {@code lab-admin}, pre-generates distinct signed
 * uploads of a lab report with a ~200 KB signed PDF ({@link PaddedReportPdfs}) with the demo lab
 * credential, writes them to a temporary directory, then lets N concurrent clients (one
 * {@link HttpClient} each, HTTP/1.1, like the desktop client) upload them for a fixed time. Prints
 * reports/s, latency percentiles, errors, this JVM's CPU time per upload (server and clients, not
 * PostgreSQL: steadier than wall time on a shared machine), and the load average.
 *
 * <p>Every upload is a different report (own number, own QR token, own PDF signature), carries an
 * {@code Idempotency-Key} like the client's outbox, and is validated in full by the server: the
 * report's fields, the QR token's signature and chain, the PDF's CMS signature over the whole file
 * and the signer's certificate chain. Only traffic to 127.0.0.1. The run stops by itself when the
 * time is up or the pre-generated uploads run out (then it says so); at the end it checks that the
 * database holds exactly the reports the server accepted.
 *
 * <p>Options: {@code --seconds=60} timed phase, {@code --clients=8} concurrent uploaders,
 * {@code --warmup=200} untimed uploads first, {@code --pool=N} uploads made for the timed phase
 * (default 120 per second of it; each ~270 KB of JSON in a temporary directory, deleted at the end), {@code --pdf-kb=200} target signed PDF size.
 */
public final class IngestBenchmark {
    private static final String PROJECT = "翔安区保障性住房二期工程";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** Default uploads made per second of the timed phase: well above what a small machine ingests. */
    private static final int POOL_PER_SECOND = 120;

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args, Set.of("seconds", "clients", "warmup", "pool", "pdf-kb"));
        int seconds = options.intOption("seconds", 60, 1, 3600);
        int clients = options.intOption("clients", 8, 1, 256);
        int warmup = options.intOption("warmup", 200, 0, 100_000);
        int pool = options.intOption("pool", Math.min(POOL_PER_SECOND * seconds, 1_000_000), 1, 1_000_000);
        int pdfKb = options.intOption("pdf-kb", 200, 40, 20 * 1024);

        System.out.printf(Locale.ROOT, "Ingest benchmark: POST /api/v1/reports, signature validation on; %d clients, "
                + "%d s, %d warm-up uploads, pool of %d uploads, signed PDF ~%d KB%n", clients, seconds, warmup, pool, pdfKb);
        System.out.println("JVM: " + System.getProperty("java.vm.name") + " " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs (server, database and clients share the machine)");
        Path dir = Files.createTempDirectory("cqs-ingest-bench");
        try (CqsServer server = CqsServer.start(ServerConfig.forTests())) {
            URI base = URI.create(server.baseUrl());
            if (!"127.0.0.1".equals(base.getHost())) {
                throw new IllegalStateException("the benchmark only talks to 127.0.0.1, but the server is at " + base);
            }
            String token = login(base);
            UUID projectId = projectId(base, token);
            OrganisationCredential lab = Reports.demoCredential(server, DemoAccounts.Org.LAB);

            long t0 = System.nanoTime();
            PaddedReportPdfs pdfs = PaddedReportPdfs.forTargetSize(pdfKb * 1024, lab);
            List<Path> warmupFiles = generate(dir, "w", warmup, pdfs, lab, projectId);
            List<Path> timedFiles = generate(dir, "t", pool, pdfs, lab, projectId);
            long pdfSize = samplePdfSize(timedFiles.get(0));
            System.out.printf(Locale.ROOT, "Pre-generated %d uploads in %.1f s: signed PDF %.1f KB (a %d x %d JPEG photo of "
                    + "%.1f KB + report text + 16 KB signature reserve), upload body %.1f KB (Base64 JSON)%n",
                    warmup + pool, (System.nanoTime() - t0) / 1e9, pdfSize / 1024.0, pdfs.photoWidth(), pdfs.photoHeight(),
                    pdfs.photoBytes() / 1024.0, Files.size(timedFiles.get(0)) / 1024.0);

            long warmupOk = 0;
            if (warmup > 0) {
                Phase w = run(base, token, warmupFiles, clients, Duration.ofSeconds(Math.max(30, seconds)));
                warmupOk = w.ok.sum();
                System.out.printf(Locale.ROOT, "Warm-up: %d uploads accepted, %d errors, %.1f s%n", warmupOk,
                        w.errorCount(), w.elapsedSeconds);
                if (w.errorCount() > 0) {
                    System.out.println("Warm-up errors: " + w.errors);
                }
            }
            String loadBefore = loadAverage();
            long cpuBefore = processCpuNanos();
            Phase timed = run(base, token, timedFiles, clients, Duration.ofSeconds(seconds));
            timed.jvmCpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
            String loadAfter = loadAverage();

            long stored = server.jdbi().withHandle(h -> h.createQuery("select count(*) from report").mapTo(Long.class).one());
            print(timed, seconds, clients, loadBefore, loadAfter, stored, warmupOk);
        } finally {
            deleteTree(dir);
        }
    }

    /** Results of one phase. */
    private static final class Phase {
        final LongAdder ok = new LongAdder();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        final List<Latencies> latencies = new ArrayList<>();
        double elapsedSeconds;
        double jvmCpuSeconds;
        volatile boolean poolExhausted;

        long errorCount() {
            return errors.values().stream().mapToLong(LongAdder::sum).sum();
        }

        void error(String kind) {
            errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }
    }

    /** {@code clients} threads upload {@code files} in order until {@code duration} is over or the files run out. */
    private static Phase run(URI base, String token, List<Path> files, int clients, Duration duration)
            throws InterruptedException {
        Phase phase = new Phase();
        AtomicInteger next = new AtomicInteger();
        URI uri = base.resolve(ApiVersion.BASE_PATH + "/reports");
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Latencies mine = new Latencies();
            phase.latencies.add(mine);
            running.add(pool.submit(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                while (System.nanoTime() < deadline) {
                    int i = next.getAndIncrement();
                    if (i >= files.size()) {
                        phase.poolExhausted = true;
                        return null;
                    }
                    byte[] body = Files.readAllBytes(files.get(i));
                    HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .header(ApiVersion.CLIENT_VERSION_HEADER, Integer.toString(ApiVersion.CURRENT))
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
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
        long grace = duration.toNanos() + REQUEST_TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(10);
        for (Future<?> f : running) {
            long left = start + grace - System.nanoTime();
            try {
                f.get(Math.max(left, 1), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException("an uploader failed: " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                pool.shutdownNow();
                throw new IllegalStateException("uploaders did not finish within " + grace / 1_000_000_000 + " s", e);
            }
        }
        phase.elapsedSeconds = (System.nanoTime() - start) / 1e9;
        return phase;
    }

    private static void print(Phase p, int seconds, int clients, String loadBefore, String loadAfter, long stored,
                              long warmupOk) {
        Latencies all = Latencies.merge(p.latencies);
        long ok = p.ok.sum();
        System.out.println();
        System.out.printf(Locale.ROOT, "| %-26s | %12s |%n|%s|%s|%n", "figure", "value", "-".repeat(28), "-".repeat(14));
        row("clients", Integer.toString(clients));
        row("timed phase (s)", String.format(Locale.ROOT, "%.1f of %d", p.elapsedSeconds, seconds));
        row("requests", Integer.toString(all.count()));
        row("accepted (201)", Long.toString(ok));
        row("errors", Long.toString(p.errorCount()));
        row("reports/s", String.format(Locale.ROOT, "%.1f", ok / p.elapsedSeconds));
        if (all.count() > 0) {
            row("latency p50 (ms)", String.format(Locale.ROOT, "%.1f", all.percentileMs(50)));
            row("latency p95 (ms)", String.format(Locale.ROOT, "%.1f", all.percentileMs(95)));
            row("latency p99 (ms)", String.format(Locale.ROOT, "%.1f", all.percentileMs(99)));
            row("latency max (ms)", String.format(Locale.ROOT, "%.1f", all.percentileMs(100)));
        }
        if (ok > 0) {
            row("JVM CPU ms per upload", String.format(Locale.ROOT, "%.1f", p.jvmCpuSeconds * 1000 / all.count()));
        }
        row("load avg before / after", loadBefore + " / " + loadAfter);
        System.out.println();
        if (p.poolExhausted) {
            System.out.println("NOTE: the " + all.count() + " pre-generated uploads ran out before the time was up; "
                    + "rates are over the time actually run. Use a larger --pool.");
        }
        if (p.errorCount() > 0) {
            System.out.println("Errors by kind: " + new TreeMap<>(Map.copyOf(p.errors)));
        }
        long expected = ok + warmupOk;
        System.out.printf(Locale.ROOT, "Reports in the database: %d (warm-up and timed accepted uploads: %d)%n", stored,
                expected);
        if (stored != expected) {
            throw new IllegalStateException("the database holds " + stored + " reports, but the server accepted "
                    + expected);
        }
    }

    private static void row(String name, String value) {
        System.out.printf(Locale.ROOT, "| %-26s | %12s |%n", name, value);
    }

    private static List<Path> generate(Path dir, String prefix, int count, PaddedReportPdfs pdfs,
                                       OrganisationCredential lab, UUID projectId) {
        ObjectMapper json = Json.newMapper();
        Instant issuedAt = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        return IntStream.range(0, count).parallel().mapToObj(i -> {
            CubeStrengthReport cube = Reports.cube(Reports.newNumber(), projectId, PROJECT);
            ReportUpload upload = Reports.upload(lab, cube, issuedAt, pdfs.signed(cube.reportNumber(), lab));
            Path file = dir.resolve(prefix + "-" + i + ".json");
            try {
                Files.write(file, json.writeValueAsBytes(upload));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the upload " + file + ": " + e.getMessage(), e);
            }
            return file;
        }).toList();
    }

    private static long samplePdfSize(Path uploadFile) throws IOException {
        ReportUpload upload = Json.newMapper().readValue(uploadFile.toFile(), ReportUpload.class);
        return java.util.Base64.getDecoder().decode(upload.pdfBase64()).length;
    }

    private static String login(URI base) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = Json.newMapper();
        HttpRequest request = HttpRequest.newBuilder(base.resolve(ApiVersion.BASE_PATH + "/auth/login"))
                .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(
                        new LoginRequest("lab-admin", DemoAccounts.PASSWORD)))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login of lab-admin failed: " + response.statusCode() + " " + response.body());
        }
        return json.readValue(response.body(), LoginResponse.class).token();
    }

    /** The demo project linked to the lab (as in ReportUploadTest). */
    private static UUID projectId(URI base, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(ApiVersion.BASE_PATH + "/projects"))
                .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("listing projects failed: " + response.statusCode() + " " + response.body());
        }
        for (JsonNode p : Json.newMapper().readTree(response.body())) {
            if (PROJECT.equals(p.path("name").asText())) {
                return UUID.fromString(p.get("id").asText());
            }
        }
        throw new IllegalStateException("the demo project " + PROJECT + " is not visible to the lab");
    }

    private static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }

    /** CPU time of this JVM (server and clients; PostgreSQL runs in its own processes). */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        throw new IllegalStateException("this JVM does not report its process CPU time");
    }

    static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", load);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

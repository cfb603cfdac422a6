package cn.cqs.client.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.api.ApiClient;
import cn.cqs.client.api.ApiClientConfig;
import cn.cqs.client.api.UserSession;
import cn.cqs.client.session.SessionWorkspace;
import cn.cqs.client.sync.Backoff;
import cn.cqs.client.sync.DrainerState;
import cn.cqs.client.sync.OutboxEntry;
import cn.cqs.client.sync.OutboxState;
import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.auth.LoginRequest;
import cn.cqs.contract.json.Json;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.pki.Pkcs12Keystores;
import cn.cqs.contract.projects.Project;
import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.app.ServerConfig;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 批量上传 against the REAL server (embedded PostgreSQL, signature validation on): the lab
 * director issues 1,000 concrete cube reports while the server is unreachable, through the real
 * {@link ReportIssuer} (each validated, its QR token signed, its PDF rendered and signed with the
 * lab's demo credential), so all 1,000 wait in the outbox. Then:
 * <ol>
 *   <li>a client (child JVM) drains; at about 300 uploaded it is paused (as the upload queue's
 *       button does): the entry in flight finishes, then nothing moves, on the server or in the
 *       outbox, for 3 s; the child is killed while paused;</li>
 *   <li>a restarted client (second child JVM) comes up still paused and sends nothing until it is
 *       resumed; at about 600 the answers are held back and it is killed (no pause) with an upload
 *       the server has applied but whose answer it never received;</li>
 *   <li>a third start (in this JVM) finishes the queue.</li>
 * </ol>
 * The server then holds exactly 1,000 reports of the series from that lab (SQL count and the API's
 * list), each outbox entry is DONE with a receipt naming a distinct report, and no entry was
 * refused: an entry sent twice (killed in flight) was answered from its idempotency key instead
 * of being refused as a duplicate number. {@code -Dcqs.bulk.reports=N} runs a smaller queue.
 */
class BulkUploadRealServerTest {
    private static final String PASSWORD = "Demo@2026";
    private static final int REPORTS = Integer.getInteger("cqs.bulk.reports", 1_000);
    private static final ObjectMapper JSON = Json.newMapper();

    @TempDir
    Path dir;

    @Test
    void aThousandReportsIssuedOfflineArriveExactlyOnceThroughPauseKillsAndRestarts() throws Exception {
        Path root = dir.resolve("profiles");
        String series = "BK" + UUID.randomUUID().toString().replace("-", "").substring(0, 4).toUpperCase(Locale.ROOT);
        String prefix = LocalDate.now().getYear() + "-" + series + "-";
        int pauseAt = REPORTS * 3 / 10;
        int killAt = REPORTS * 6 / 10;
        try (CqsServer server = CqsServer.start(ServerConfig.forTests());
             TcpForwarder forwarder = new TcpForwarder(server.port())) {
            Path p12 = server.demoCredentialsDirectory().orElseThrow().resolve(ReportsEndToEndUiTest.LAB_USCC + ".p12");
            OrganisationCredential credential = Pkcs12Keystores.load(p12, PASSWORD.toCharArray());

            // 1. issue offline: logged in earlier, then the network went away
            ApiClient api = new ApiClient(ApiClientConfig.of(URI.create(forwarder.url())));
            var login = api.login(new LoginRequest("lab-admin", PASSWORD));
            Project project = api.get(ApiVersion.BASE_PATH + "/projects", new TypeReference<List<Project>>() { },
                    Map.of()).get(0);
            forwarder.refuse();
            long issueStart = System.nanoTime();
            try (SessionWorkspace workspace = SessionWorkspace.open(root, new UserSession(api, login.user(),
                    login.expiresAt()), new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5), 0))) {
                workspace.drainer().start();
                ReportIssuer issuer = new ReportIssuer(workspace.store(), new LocalReports(workspace.store()),
                        workspace.outbox(), ReportsModule::renderer, workspace.profileDirectory().resolve("reports"),
                        URI.create(forwarder.url()), Clock.systemUTC());
                for (int i = 1; i <= REPORTS; i++) {
                    LocalReport draft = LocalReport.draft(cube(prefix + String.format("%06d", i), project), null, null,
                            Instant.now());
                    issuer.issue(draft, credential, login.user().organisationName(), login.user().displayName());
                }
                long issueMs = (System.nanoTime() - issueStart) / 1_000_000;
                System.out.printf("BulkUploadRealServerTest: issued %d reports offline (validate, sign QR, render, "
                        + "sign PDF, enqueue) in %d ms, %.1f ms each; profile database %d KB%n", REPORTS, issueMs,
                        (double) issueMs / REPORTS, Files.size(workspace.store().file()) / 1024);
                assertThat(workspace.outbox().counts().waiting()).isEqualTo(REPORTS);
                assertThat(workspace.outbox().counts().done()).isZero();
                waitUntil("the drainer waits for the server", 30,
                        () -> workspace.drainer().progress().state() == DrainerState.WAITING_TO_RETRY);
                assertThat(workspace.drainer().progress().lastError()).containsIgnoringCase("unreachable");
            }
            api.close();
            assertThat(serverCount(server, prefix)).isZero();
            forwarder.open();

            // 2. online: drain, pause at ~30 %, check nothing moves, kill while paused
            long drainStart = System.nanoTime();
            int pausedAt;
            try (Child first = Child.start(root, forwarder.url(), dir.resolve("child-1.log"))) {
                first.await("STARTED paused=false", 60);
                waitUntil("about " + pauseAt + " uploaded", 300, () -> serverCount(server, prefix) >= pauseAt);
                first.send("pause");
                String paused = first.await("PAUSED ", 60);
                int doneInOutbox = number(paused, "done");
                pausedAt = serverCount(server, prefix);
                assertThat(pausedAt).as("every upload the server applied is DONE in the outbox (none in flight)")
                        .isEqualTo(doneInOutbox);
                assertThat(pausedAt).isLessThan(REPORTS);
                int linesBefore = first.lines.size();
                Thread.sleep(3_000);
                assertThat(serverCount(server, prefix)).as("nothing uploaded while paused").isEqualTo(pausedAt);
                List<String> countsWhilePaused = first.lines.subList(linesBefore, first.lines.size()).stream()
                        .filter(l -> l.startsWith("COUNTS ")).toList();
                assertThat(countsWhilePaused).isNotEmpty().allSatisfy(l -> {
                    assertThat(number(l, "done")).isEqualTo(pausedAt);
                    assertThat(l).contains("state=PAUSED");
                });
                System.out.printf("BulkUploadRealServerTest: paused at %d of %d after %d ms%n", pausedAt, REPORTS,
                        (System.nanoTime() - drainStart) / 1_000_000);
            }

            // 3. restart: still paused; resume; kill mid-drain (no pause) at ~60 %
            try (Child second = Child.start(root, forwarder.url(), dir.resolve("child-2.log"))) {
                String started = second.await("STARTED ", 60);
                assertThat(started).contains("paused=true", "state=PAUSED", "done=" + pausedAt,
                        "waiting=" + (REPORTS - pausedAt));
                Thread.sleep(2_000);
                assertThat(serverCount(server, prefix)).as("a paused queue stays paused after a restart")
                        .isEqualTo(pausedAt);
                second.send("resume");
                second.await("RESUMED", 30);
                waitUntil("about " + killAt + " uploaded", 300, () -> serverCount(server, prefix) >= killAt);
                // kill it with an upload in flight: the server applied it, its answer never arrives
                forwarder.holdResponses(true);
                assertThat(forwarder.responseHeld.await(60, TimeUnit.SECONDS)).as("an answer was held").isTrue();
                Thread.sleep(200);
            }
            forwarder.holdResponses(false);
            int atKill = serverCount(server, prefix);
            System.out.printf("BulkUploadRealServerTest: killed mid-drain at %d of %d, an upload's answer held%n",
                    atKill, REPORTS);

            // 4. the third start finishes the queue
            ApiClient api3 = new ApiClient(ApiClientConfig.of(URI.create(forwarder.url())));
            var login3 = api3.login(new LoginRequest("lab-admin", PASSWORD));
            List<OutboxEntry> entries;
            int recovered;
            try (SessionWorkspace workspace = SessionWorkspace.open(root, new UserSession(api3, login3.user(),
                    login3.expiresAt()), new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 0))) {
                recovered = workspace.store().recoveredOutboxEntries();
                assertThat(recovered).as("the upload in flight at the kill is found SENDING and sent again").isEqualTo(1);
                assertThat(workspace.drainer().isPaused()).isFalse();
                workspace.drainer().start();
                waitUntil("all uploaded", 300, () -> workspace.outbox().counts().done() == REPORTS);
                waitUntil("idle", 30, () -> workspace.drainer().progress().state() == DrainerState.IDLE);
                assertThat(workspace.outbox().counts().failedPermanent()).isZero();
                assertThat(workspace.outbox().counts().waiting()).isZero();
                entries = workspace.outbox().all();
            }
            api3.close();
            long drainMs = (System.nanoTime() - drainStart) / 1_000_000;
            int attempts = entries.stream().mapToInt(OutboxEntry::attempts).sum();
            System.out.printf("BulkUploadRealServerTest: %d uploaded in %d ms including the pauses and two restarts "
                    + "(%.1f per second); %d attempts in all, %d entry found in flight after the kill%n",
                    REPORTS, drainMs, REPORTS * 1000.0 / drainMs, attempts, recovered);

            assertThat(entries).hasSize(REPORTS).allSatisfy(e -> {
                assertThat(e.state()).isEqualTo(OutboxState.DONE);
                assertThat(e.label()).startsWith(prefix);
            });
            Set<String> receiptIds = new HashSet<>();
            for (OutboxEntry e : entries) {
                JsonNode receipt = JSON.readTree(e.receipt());
                assertThat(receipt.path("reportNumber").asText()).isEqualTo(e.label());
                receiptIds.add(receipt.path("id").asText());
            }
            assertThat(receiptIds).as("each receipt names its own report").hasSize(REPORTS);
            // sent more than once: the first entry (tried while offline) and the one in flight at the kill,
            // whose report the server had already created; each is still one report (receipt = the stored answer)
            assertThat(entries.stream().filter(e -> e.attempts() > 1).count()).isBetween(1L, 2L + recovered);
            assertThat(entries.stream().filter(e -> e.attempts() > 1 && e.seq() > entries.get(0).seq()))
                    .as("the entry in flight at the kill").hasSize(1);

            assertThat(serverCount(server, prefix)).as("SQL count of the lab's reports of the series").isEqualTo(REPORTS);
            Set<String> listed = apiReportNumbers(server, series);
            assertThat(listed).as("the API's list").hasSize(REPORTS)
                    .isEqualTo(entries.stream().map(OutboxEntry::label).collect(Collectors.toSet()));
            int receiptsOnServer = server.jdbi().withHandle(h -> h.createQuery("select count(distinct r.id) from report r "
                            + "where r.id in (<ids>)").bindList("ids", receiptIds.stream().map(UUID::fromString).toList())
                    .mapTo(Integer.class).one());
            assertThat(receiptsOnServer).as("every receipt's report is on the server").isEqualTo(REPORTS);
        }
    }

    static CubeStrengthReport cube(String number, Project project) {
        LocalDate tested = LocalDate.now();
        return new CubeStrengthReport(number, "WT-2026-00099", project.id(), project.name(),
                "5#楼 基础筏板", "混凝土试块", "YP-" + number, new BigDecimal("80"), tested.minusDays(28), tested, 28,
                CubeStrengthReport.STANDARD, "C35", 150,
                List.of(new CubeStrengthReport.Specimen(new BigDecimal("900.0")),
                        new CubeStrengthReport.Specimen(new BigDecimal("910.5")),
                        new CubeStrengthReport.Specimen(new BigDecimal("880.2"))),
                null, "林建国", "JZ-35-2023-00412", "厦门某监理有限公司", "王磊");
    }

    /** The lab's reports whose number starts with {@code prefix}, counted in the server's database. */
    static int serverCount(CqsServer server, String prefix) {
        return server.jdbi().withHandle(h -> h.createQuery("select count(*) from report r join organisation o "
                        + "on o.id = r.issuer_organisation_id where o.uscc = :uscc and r.report_number like :prefix")
                .bind("uscc", ReportsEndToEndUiTest.LAB_USCC).bind("prefix", prefix + "%")
                .mapTo(Integer.class).one());
    }

    /** The report numbers the API lists for the lab director's search {@code q}, page by page. */
    static Set<String> apiReportNumbers(CqsServer server, String q) throws IOException {
        Set<String> numbers = new HashSet<>();
        int rows = 0;
        try (ApiClient api = new ApiClient(ApiClientConfig.of(URI.create(server.baseUrl())))) {
            api.login(new LoginRequest("lab-admin", PASSWORD));
            for (int offset = 0; ; offset += 500) {
                JsonNode page = api.get(ApiVersion.BASE_PATH + "/reports?q=" + q + "&limit=500&offset=" + offset,
                        JsonNode.class, Map.of());
                JsonNode items = page.isArray() ? page : page.path("items");
                for (JsonNode item : items) {
                    assertThat(item.path("issuerUscc").asText()).isEqualTo(ReportsEndToEndUiTest.LAB_USCC);
                    numbers.add(item.path("reportNumber").asText());
                    rows++;
                }
                if (items.size() < 500) {
                    break;
                }
            }
        }
        assertThat(rows).as("rows listed").isEqualTo(numbers.size());
        return numbers;
    }

    static int number(String line, String name) {
        return Stream.of(line.split(" ")).filter(p -> p.startsWith(name + "=")).findFirst()
                .map(p -> Integer.parseInt(p.substring(name.length() + 1)))
                .orElseThrow(() -> new AssertionError("no " + name + "= in: " + line));
    }

    static void waitUntil(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + seconds + " s waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    /** A {@link BulkUploadChild} JVM: its output lines, its standard input, killed on close. */
    static final class Child implements AutoCloseable {
        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();
        final Writer stdin;
        final Path log;

        private Child(Process process, Path log) {
            this.process = process;
            this.log = log;
            this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        lines.add(line);
                        Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8,
                                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                    }
                } catch (IOException e) {
                    lines.add("READ FAILED " + e);
                }
            }, "child-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(Path root, String url, Path log) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    BulkUploadChild.class.getName(), root.toString(), url).redirectErrorStream(true).start();
            return new Child(p, log);
        }

        void send(String command) throws IOException {
            stdin.write(command + "\n");
            stdin.flush();
        }

        /** The first output line starting with {@code start}, waiting up to {@code seconds}. */
        String await(String start, int seconds) throws InterruptedException {
            Predicate<String> match = l -> l.startsWith(start);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                for (String l : lines) {
                    if (match.test(l)) {
                        return l;
                    }
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(20);
            }
            throw new AssertionError("the child did not print '" + start + "'; its output:\n"
                    + lines.stream().filter(l -> !l.startsWith("COUNTS ")).collect(Collectors.joining("\n")));
        }

        /** Kills the JVM at once (no shutdown hooks, the database left as it is). */
        @Override
        public void close() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }
}

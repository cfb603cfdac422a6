package cn.cqs.server.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.cqs.contract.qr.QrToken;
import cn.cqs.examples.LabUploadExample;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.demo.DemoAccounts;
import cn.cqs.server.demo.DemoPki;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.Reports;
import cn.cqs.server.testing.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the integration guide's examples (docs/integration-guide.md) against a live server, as a
 * lab's software would: the Java example in-process and the curl script as a child process, each
 * with an API key the lab's administrator created. Also keeps the guide's code excerpts identical
 * to the example files, and the Java example free of server classes (it stands for third-party code).
 */
class IntegrationGuideExamplesTest {
    private static final Path ROOT = repositoryRoot();
    private static final Path JAVA_EXAMPLE = Path.of("server-api/server/src/test/java/cn/cqs/examples/LabUploadExample.java");
    private static final Path SCRIPT = Path.of("docs/examples/upload-report.sh");
    private static final Path GUIDE = Path.of("docs/integration-guide.md");
    private static final String PROJECT_NAME = "翔安区保障性住房二期工程";
    private static CqsServer server;
    private static Http http;
    private static String apiKey;
    private static String labAdmin;
    private static Map<String, String> settings;
    private static final Path ERP_SCRIPT = Path.of("docs/examples/erp-batches.sh");
    private static Map<String, String> erpSettings;

    @BeforeAll
    static void setUp() {
        server = TestServers.shared();
        http = new Http(server);
        labAdmin = http.login("lab-admin");
        Http.Response key = http.post("/api/v1/auth/api-keys", labAdmin, Map.of("name", "LIMS 接口 " + UUID.randomUUID(),
                "permissions", List.of("REPORTS_AUTHOR", "REPORTS_APPROVE")));
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        apiKey = key.json().get("secret").asText();
        String projectId = null;
        for (JsonNode p : http.send("GET", "/api/v1/projects", null, null, Map.of("X-Api-Key", apiKey)).json()) {
            if (p.get("name").asText().equals(PROJECT_NAME)) {
                projectId = p.get("id").asText();
            }
        }
        assertThat(projectId).as("the demo project, listed with the API key").isNotNull();
        Path keystore = DemoPki.credentialFile(server.demoCredentialsDirectory().orElseThrow(), DemoAccounts.Org.LAB.uscc);
        settings = new HashMap<>(Map.of("CQS_URL", server.baseUrl(), "CQS_API_KEY", apiKey,
                "CQS_KEYSTORE", keystore.toString(), "CQS_KEYSTORE_PASSWORD", DemoAccounts.PASSWORD,
                "CQS_PROJECT_ID", projectId, "CQS_PROJECT_NAME", PROJECT_NAME));

        // section 11: the demo plant's ERP, with an API key holding BATCHES_REGISTER
        String plantAdmin = http.login("plant-admin");
        Http.Response erpKey = http.post("/api/v1/auth/api-keys", plantAdmin, Map.of("name", "ERP 接口 " + UUID.randomUUID(),
                "permissions", List.of("BATCHES_REGISTER")));
        assertThat(erpKey.status()).as(erpKey.body()).isEqualTo(201);
        String plantProject = null;
        for (JsonNode p : http.get("/api/v1/projects", plantAdmin).json()) {
            if (p.get("name").asText().startsWith("仓山区")) {
                plantProject = p.get("id").asText();
            }
        }
        assertThat(plantProject).as("the demo plant's project").isNotNull();
        erpSettings = Map.of("CQS_URL", server.baseUrl(), "CQS_API_KEY", erpKey.json().get("secret").asText(),
                "CQS_PROJECT_ID", plantProject);
    }

    @Test
    void theErpJavaExampleRegistersNotifiesAndResendsSafely() throws Exception {
        Map<String, String> env = new HashMap<>(erpSettings);
        env.put("CQS_RUN", "J" + UUID.randomUUID().toString().substring(0, 8));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new cn.cqs.examples.ErpBatchExample(env, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        Map<String, String> out = parse(bytes.toString(StandardCharsets.UTF_8));
        assertErpOutcome(out, env.get("CQS_RUN"));
        assertThat(out.get("qrVerified")).isEqualTo("VALID");
        assertThat(out.get("qrMatches")).isEqualTo("VALID");
    }

    @Test
    void theErpCurlScriptDoesTheSame() throws Exception {
        assumeTrue(onPath("bash") && onPath("curl"), "bash and curl are needed to run the curl example");
        String run = "C" + UUID.randomUUID().toString().substring(0, 8);
        ProcessBuilder pb = new ProcessBuilder("bash", ROOT.resolve(ERP_SCRIPT).toString()).directory(ROOT.toFile());
        pb.environment().putAll(erpSettings);
        pb.environment().put("CQS_RUN", run);
        Path stderr = Files.createTempFile("erp-batches", ".err");
        pb.redirectError(stderr.toFile());
        Process process = pb.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("script finished").isTrue();
        String errors = Files.readString(stderr);
        Files.delete(stderr);
        assertThat(process.exitValue()).as("exit code; stdout:%n%s%nstderr:%n%s", stdout, errors).isZero();
        assertErpOutcome(parse(stdout), run);
    }

    /** What both ERP examples print, and what the server holds afterwards. */
    private static void assertErpOutcome(Map<String, String> out, String run) {
        assertThat(out.get("lotStatus")).as(out.toString()).isEqualTo("201");
        assertThat(out.get("mixDesignStatus")).isEqualTo("201");
        assertThat(out.get("batchStatus")).isEqualTo("201");
        String serial = out.get("serialNumber");
        assertThat(cn.cqs.contract.batches.SerialNumber.isValid(serial)).as(serial).isTrue();
        assertThat(out.get("qrText")).startsWith(server.baseUrl() + QrToken.URL_PATH);
        assertThat(out.get("resendStatus")).isEqualTo("200");
        assertThat(out.get("resendSerialNumber")).isEqualTo(serial);
        assertThat(out.get("startNotification")).isEqualTo("ON_TIME");
        assertThat(out.get("endNotification")).isEqualTo("ON_TIME");
        assertThat(out.get("ticketStatus")).isEqualTo("201");
        assertThat(out.get("conflictStatus")).isEqualTo("409");
        assertThat(out.get("conflictField")).isEqualTo("volumeM3/differs");
        assertThat(out.get("listRows")).isEqualTo("1");
        assertThat(out.get("listTotal")).isEqualTo("1");
        assertThat(out.get("listTotalExact")).isEqualTo("true");
        String token = out.get("qrText").substring(out.get("qrText").indexOf(QrToken.URL_PATH) + QrToken.URL_PATH.length());
        JsonNode verified = http.get("/api/v1/verify/" + token, null).json();
        assertThat(verified.get("outcome").asText()).isEqualTo("GENUINE_IN_SYSTEM");
        assertThat(verified.at("/batch/serialNumber").asText()).isEqualTo(serial);
        long rows = server.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from production_batch where plant_batch_id = :b").bind("b", "SC-" + run).mapTo(Long.class).one());
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void theJavaExampleUploadsReplaysQueriesAndIsRefusedWhenTampered() throws Exception {
        Map<String, String> env = new HashMap<>(settings);
        String number = Reports.newNumber();
        env.put("CQS_REPORT_NUMBER", number);
        env.put("CQS_CORRECTION_NUMBER", Reports.newNumber());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new LabUploadExample(env, new PrintStream(bytes, true, StandardCharsets.UTF_8)).uploadAndQuery();
        assertOutcome(parse(bytes.toString(StandardCharsets.UTF_8)), number);

        // as the guide says: signing afresh gives another body, so the report's key is refused, not reused
        LabUploadExample again = new LabUploadExample(env, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        assertThatThrownBy(again::uploadAndQuery).isInstanceOf(IOException.class)
                .hasMessageContaining("answered 422").hasMessageContaining("\"field\":\"Idempotency-Key\"")
                .hasMessageContaining("\"code\":\"reused\"");
    }

    @Test
    void theCurlScriptDoesTheSameWithTheJavaExampleAsItsSigner() throws Exception {
        assumeTrue(onPath("bash") && onPath("curl"), "bash and curl are needed to run the curl example");
        Map<String, String> env = new HashMap<>(settings);
        String number = Reports.newNumber();
        env.put("CQS_REPORT_NUMBER", number);
        env.put("CQS_CORRECTION_NUMBER", Reports.newNumber());
        env.put("CQS_CLASSPATH", testClasspath());
        ProcessBuilder pb = new ProcessBuilder("bash", ROOT.resolve(SCRIPT).toString()).directory(ROOT.toFile());
        pb.environment().putAll(env);
        // the script calls `java`: this JVM's
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
                + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        Path stderr = Files.createTempFile("upload-report", ".err");
        pb.redirectError(stderr.toFile());
        Process process = pb.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("script finished").isTrue();
        String errors = Files.readString(stderr);
        Files.delete(stderr);
        assertThat(process.exitValue()).as("exit code; stdout:%n%s%nstderr:%n%s", stdout, errors).isZero();
        assertOutcome(parse(stdout), number);
    }

    /**
     * What both examples print: a created report, an identical replay, its status, a 422 refusal and
     * a correction that supersedes it.
     */
    private static void assertOutcome(Map<String, String> out, String number) {
        assertThat(out.get("status")).as(out.toString()).isEqualTo("201");
        assertThat(out.get("reportNumber")).isEqualTo(number);
        String id = out.get("id");
        assertThat(out.get("qrToken")).isNotBlank();
        assertThat(out.get("verifyUrl")).isEqualTo(server.baseUrl() + QrToken.URL_PATH + out.get("qrToken"));
        assertThat(out.get("replayStatus")).isEqualTo("201");
        assertThat(out.get("replayed")).isEqualTo("true");
        assertThat(out.get("replayIdentical")).isEqualTo("true");
        assertThat(out.get("reportStatus")).isEqualTo("VALID");
        assertThat(out.get("refusedStatus")).isEqualTo("422");
        assertThat(out.get("refusedContentType")).startsWith("application/problem+json");
        assertThat(out.get("refusedError")).isEqualTo("qrToken/digest_mismatch");
        assertThat(out.get("correctionStatus")).isEqualTo("201");
        assertThat(out.get("correctionSupersedes")).isEqualTo(out.get("id"));
        assertThat(out.get("originalStatus")).isEqualTo("SUPERSEDED");

        // the server agrees: one report, the lab's, with that token; the tampered one was not stored
        Http.Response stored = http.get("/api/v1/reports/by-number/" + number, labAdmin);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().get("id").asText()).isEqualTo(id);
        assertThat(stored.json().get("qrToken").asText()).isEqualTo(out.get("qrToken"));
        assertThat(stored.json().get("issuerUscc").asText()).isEqualTo(DemoAccounts.Org.LAB.uscc);
        assertThat(stored.json().get("pdfSha256").asText()).hasSize(64);
        long rows = server.jdbi().withHandle(h -> h.createQuery("select count(*) from report where report_number = :n")
                .bind("n", number).mapTo(Long.class).one());
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void theJavaExampleUsesNothingOfTheServer() throws IOException {
        String source = Files.readString(ROOT.resolve(JAVA_EXAMPLE));
        assertThat(source).doesNotContain("cn.cqs.server").contains("import cn.cqs.contract.qr.TokenSigner;");
    }

    /**
     * Every fenced block of the guide whose first line is {@code // from <file>} or
     * {@code # from <file>} is an excerpt: its lines appear in that file, in order.
     */
    @Test
    void theGuidesExcerptsAreCopiedFromTheExamples() throws IOException {
        List<String> guide = Files.readAllLines(ROOT.resolve(GUIDE));
        int excerpts = 0;
        for (int i = 0; i < guide.size(); i++) {
            String line = guide.get(i).strip();
            if (!line.startsWith("```") || i + 1 >= guide.size()) {
                continue;
            }
            String first = guide.get(i + 1).strip();
            String from = first.startsWith("// from ") ? first.substring(8) : first.startsWith("# from ") ? first.substring(7) : null;
            int end = i + 1;
            while (end < guide.size() && !guide.get(end).strip().startsWith("```")) {
                end++;
            }
            if (from != null) {
                excerpts++;
                List<String> file = Files.readAllLines(ROOT.resolve(from.strip())).stream().map(String::strip).toList();
                int at = 0;
                for (String excerptLine : guide.subList(i + 2, end)) {
                    String wanted = excerptLine.strip();
                    if (wanted.isEmpty() || wanted.equals("...") || wanted.equals("// ...") || wanted.equals("# ...")) {
                        continue;
                    }
                    int found = file.subList(at, file.size()).indexOf(wanted);
                    assertThat(found).as("guide line %d '%s' is in %s (in order)", i + 1, wanted, from).isNotNegative();
                    at += found + 1;
                }
            }
            i = end;
        }
        assertThat(excerpts).as("excerpts in the guide").isGreaterThanOrEqualTo(3);
    }

    private static Map<String, String> parse(String output) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    /** The classpath of this test run (the compiled example and its libraries), as the script's CQS_CLASSPATH. */
    private static String testClasspath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String cp = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        List<String> entries = new ArrayList<>(List.of(cp.split(File.pathSeparator)));
        assertThat(entries).as("test classpath").anyMatch(e -> e.endsWith("test-classes") || e.endsWith("test-classes/"));
        return cp;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** The repository root (where docs/ is), from the module directory the tests run in. */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs/examples"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("docs/examples not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}

package cn.cqs.client.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.client.api.ApiClient;
import cn.cqs.client.api.ApiClientConfig;
import cn.cqs.client.api.ApiProblemException;
import cn.cqs.client.credentials.CredentialStore;
import cn.cqs.client.credentials.SigningCredentials;
import cn.cqs.client.qrimage.PdfPageImages;
import cn.cqs.client.qrimage.QrDecoder;
import cn.cqs.client.rendering.ExternalPdfRefusedException;
import cn.cqs.client.rendering.ExternalPdfs;
import cn.cqs.client.rendering.StampPlacement;
import cn.cqs.client.sync.LocalStore;
import cn.cqs.client.sync.Outbox;
import cn.cqs.contract.auth.CurrentUser;
import cn.cqs.contract.auth.LoginRequest;
import cn.cqs.contract.json.Json;
import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.app.ServerConfig;
import cn.cqs.server.demo.DemoAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 外部PDF签发 against a real server: a lab director issues a cube report with a PDF produced in the lab's
 * own software (a landscape page turned by {@code /Rotate 90}, two pages): the client stamps the QR code,
 * signs, queues the same upload as for our own reports, and the server's signature check accepts it;
 * the stamped code on the stored PDF reads back as the report's verification URL. One byte changed in
 * the signed PDF, or the external PDF sent as it came (unsigned), and the server refuses it.
 */
class ExternalPdfIssueServerTest {
    static CqsServer server;
    static ApiClient api;
    static CurrentUser director;
    static UUID projectId;
    static final ObjectMapper JSON = Json.newMapper();

    @TempDir
    Path dir;
    LocalStore store;
    Outbox outbox;
    ReportIssuer issuer;
    SigningCredentials credentials;

    @BeforeAll
    static void start() {
        server = CqsServer.start(ServerConfig.forTests());
        api = new ApiClient(ApiClientConfig.of(URI.create(server.baseUrl())));
        director = api.login(new LoginRequest("lab-admin", DemoAccounts.PASSWORD)).user();
        projectId = server.jdbi().withHandle(h -> h.createQuery(
                "select p.id from project p join project_organisation po on po.project_id = p.id "
                        + "join organisation o on o.id = po.organisation_id where o.uscc = :u order by p.name limit 1")
                .bind("u", DemoAccounts.Org.LAB.uscc).mapTo(UUID.class).one());
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
        server.close();
    }

    @BeforeEach
    void issuer() throws Exception {
        store = LocalStore.open(dir.resolve("client.db"));
        outbox = new Outbox(store);
        credentials = new SigningCredentials(new CredentialStore(dir.resolve("credentials")),
                id -> DemoAccounts.Org.LAB.uscc, director.organisationId());
        credentials.importFile(server.demoCredentialsDirectory().orElseThrow().resolve(DemoAccounts.Org.LAB.uscc + ".p12"),
                DemoAccounts.PASSWORD.toCharArray());
        credentials.unlock(DemoAccounts.PASSWORD.toCharArray());
        issuer = new ReportIssuer(store, new LocalReports(store), outbox, ReportsModule::renderer, dir.resolve("pdf"),
                URI.create(server.baseUrl()), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
    }

    static LocalReport draft(String number) {
        LocalDate tested = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        CubeStrengthReport cube = new CubeStrengthReport(number, "WT-" + number, projectId, "外部PDF签发工程",
                "2#楼 五层 框架柱", "混凝土立方体试件", "YP-" + number, new BigDecimal("80"),
                tested.minusDays(28), tested, 28, CubeStrengthReport.STANDARD, "C30", 150,
                Stream.of("720.0", "747.0", "765.0").map(l -> new CubeStrengthReport.Specimen(new BigDecimal(l))).toList(),
                null, "林建国", "JZ-35-2023-00412", "厦门市某某建设监理有限公司", "陈晓明");
        // a direct issue by a user who holds review and approval, as the report form does it
        return LocalReport.draft(cube, director.displayName(), director.displayName(), Instant.now());
    }

    Path external(byte[] pdf) throws Exception {
        Path file = dir.resolve("labsoft-" + UUID.randomUUID() + ".pdf");
        Files.write(file, pdf);
        return file;
    }

    ObjectNode queuedUpload() throws Exception {
        assertThat(outbox.pending()).hasSize(1);
        assertThat(outbox.pending().get(0).kind()).isEqualTo(ReportIssuer.UPLOAD_KIND);
        return (ObjectNode) JSON.readTree(outbox.pending().get(0).payload());
    }

    static JsonNode upload(JsonNode body) {
        return api.post(ReportIssuer.REPORTS_PATH, body, JsonNode.class,
                Map.of(ApiClient.IDEMPOTENCY_KEY, UUID.randomUUID().toString()));
    }

    @Test
    void aReportIssuedWithAnExternalPdfIsAcceptedAndItsStampedCodeVerifies() throws Exception {
        String number = "2026-EXT-000001";
        LocalReport issued = issuer.issueWithExternalPdf(draft(number), external(ExternalPdfs.rotated(90, 2)),
                StampPlacement.of(StampPlacement.Page.LAST, StampPlacement.Corner.BOTTOM_RIGHT),
                credentials.credential().orElseThrow(), director.displayName());
        assertThat(issued.state()).isEqualTo(LocalReportState.ISSUED);
        byte[] signed = Files.readAllBytes(issued.pdf());
        ObjectNode body = queuedUpload();
        assertThat(Base64.getDecoder().decode(body.get("pdfBase64").asText())).isEqualTo(signed);

        JsonNode accepted = upload(body);
        assertThat(accepted.get("id").asText()).isNotBlank();
        String verificationUrl = cn.cqs.contract.qr.QrToken.decode(body.get("qrToken").asText()).toUrl(server.baseUrl());
        // the verification page's PDF link (public for a genuine token) serves the PDF as uploaded
        java.net.http.HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v/" + body.get("qrToken").asText() + "/pdf"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        byte[] stored = pdf.body();
        assertThat(stored).as("the server keeps the signed PDF as uploaded").isEqualTo(signed);
        try (PdfPageImages pages = PdfPageImages.open(stored, number)) {
            assertThat(pages.pageCount()).isEqualTo(2);
            // at the resolution the product reads PDFs with: at 150 dpi about one real token in twenty is
            // unreadable (2.9 px per module), so the signature's randomness made this test flaky
            assertThat(new QrDecoder().decodeTexts(pages.render(1, PdfPageImages.DEFAULT_DPI)))
                    .containsExactly(verificationUrl);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = cn.cqs.contract.reports.ReportType.class, names = "CONCRETE_CUBE",
            mode = org.junit.jupiter.params.provider.EnumSource.Mode.EXCLUDE)
    void everyOtherReportTypeIsIssuedWithAnExternalPdfAndAccepted(cn.cqs.contract.reports.ReportType type)
            throws Exception {
        String number = "2026-EXT-" + String.format("%06d", 100 + type.ordinal());
        Object content = cn.cqs.contract.reports.ReportExamples.of(type, number, projectId, "外部PDF签发工程",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1));
        LocalReport draft = LocalReport.draft(type, content, director.displayName(), director.displayName(),
                Instant.now());
        LocalReport issued = issuer.issueWithExternalPdf(draft, external(ExternalPdfs.report(ExternalPdfs.A4, 1)),
                StampPlacement.usual(), credentials.credential().orElseThrow(), director.displayName());
        assertThat(issued.state()).isEqualTo(LocalReportState.ISSUED);
        ObjectNode body = queuedUpload();
        assertThat(body.get("type").asText()).isEqualTo(type.name());
        JsonNode accepted = upload(body);
        assertThat(accepted.get("type").asText()).isEqualTo(type.name());
        assertThat(accepted.get("reportNumber").asText()).isEqualTo(number);
        assertThat(accepted.get("conclusion").asText()).isEqualTo("QUALIFIED");
    }

    @Test
    void oneByteChangedAfterSigningOrAnUnsignedExternalPdfIsRefusedByTheServer() throws Exception {
        issuer.issueWithExternalPdf(draft("2026-EXT-000002"), external(ExternalPdfs.report(ExternalPdfs.A4, 1)),
                StampPlacement.usual(), credentials.credential().orElseThrow(), director.displayName());
        ObjectNode body = queuedUpload();
        byte[] signed = Base64.getDecoder().decode(body.get("pdfBase64").asText());
        byte[] tampered = signed.clone();
        int[] range;
        try (var document = org.apache.pdfbox.Loader.loadPDF(signed)) {
            range = document.getSignatureDictionaries().get(0).getByteRange();
        }
        // one letter of the document information (Creator "LabSoft ...") changed; it lies in the signed part
        int at = new String(signed, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("LabSoft");
        assertThat(at).as("after the signature value, in the second signed part").isBetween(range[2], range[2] + range[3] - 1);
        tampered[at] = (byte) 'l';
        body.put("pdfBase64", Base64.getEncoder().encodeToString(tampered));
        assertThatThrownBy(() -> upload(body)).isInstanceOfSatisfying(ApiProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.fieldErrors()).extracting(Problem.FieldError::field, Problem.FieldError::code)
                    .contains(org.assertj.core.groups.Tuple.tuple("pdf", "signature_invalid"));
        });

        body.put("pdfBase64", Base64.getEncoder().encodeToString(ExternalPdfs.report(ExternalPdfs.A4, 1)));
        assertThatThrownBy(() -> upload(body)).isInstanceOfSatisfying(ApiProblemException.class, e ->
                assertThat(e.fieldErrors()).extracting(Problem.FieldError::field, Problem.FieldError::code)
                        .contains(org.assertj.core.groups.Tuple.tuple("pdf", "unsigned")));

        body.put("pdfBase64", Base64.getEncoder().encodeToString(signed));
        assertThat(upload(body).get("id").asText()).as("the untouched signed PDF is accepted").isNotBlank();
    }

    @Test
    void anEncryptedExternalPdfIsRefusedBeforeAnythingIsIssuedOrQueued() throws Exception {
        LocalReport draft = draft("2026-EXT-000003");
        Path encrypted = external(ExternalPdfs.encrypted("open-me"));
        assertThatThrownBy(() -> issuer.issueWithExternalPdf(draft, encrypted, StampPlacement.usual(),
                credentials.credential().orElseThrow(), director.displayName()))
                .isInstanceOfSatisfying(ExternalPdfRefusedException.class, e ->
                        assertThat(e.code()).isEqualTo(ExternalPdfRefusedException.ENCRYPTED));
        assertThatThrownBy(() -> issuer.issueWithExternalPdf(draft, dir.resolve("missing.pdf"), StampPlacement.usual(),
                credentials.credential().orElseThrow(), director.displayName()))
                .isInstanceOfSatisfying(ExternalPdfRefusedException.class, e ->
                        assertThat(e.code()).isEqualTo(ExternalPdfRefusedException.UNREADABLE));
        assertThat(outbox.pending()).isEmpty();
        assertThat(Files.exists(dir.resolve("pdf").resolve("2026-EXT-000003.pdf"))).isFalse();
    }

    @Test
    void anApprovedDraftIsIssuedFromTheApprovalQueueWithAnExternalPdf() throws Exception {
        ApiClient clerkApi = new ApiClient(ApiClientConfig.of(URI.create(server.baseUrl())));
        ApiClient reviewerApi = new ApiClient(ApiClientConfig.of(URI.create(server.baseUrl())));
        ApiClient approverApi = new ApiClient(ApiClientConfig.of(URI.create(server.baseUrl())));
        try (clerkApi; reviewerApi; approverApi) {
            clerkApi.login(new LoginRequest("lab-clerk", DemoAccounts.PASSWORD));
            reviewerApi.login(new LoginRequest("lab-reviewer", DemoAccounts.PASSWORD));
            CurrentUser approver = approverApi.login(new LoginRequest("lab-approver", DemoAccounts.PASSWORD)).user();
            String number = "2026-EXT-000004";
            LocalReport local = LocalReport.draft(draft(number).cube(), null, null, Instant.now());
            cn.cqs.contract.reports.ReportDraft submitted = new ReportDrafts(clerkApi).submit(local);
            cn.cqs.contract.reports.ReportDraft reviewed = new ReportDrafts(reviewerApi).review(submitted);
            new ReportDrafts(approverApi).approve(reviewed);

            cn.cqs.client.dialogs.RecordingDialogService dialogs = new cn.cqs.client.dialogs.RecordingDialogService()
                    .answerFile(external(ExternalPdfs.report(ExternalPdfs.A4_LANDSCAPE, 1))).answerChoice("首页 右上角")
                    .answerConfirm(true);
            ReportSignOffViewModel queue = new ReportSignOffViewModel(approver, new ReportDrafts(approverApi),
                    ReportSignOffViewModel.Step.APPROVE, dialogs, Runnable::run, Runnable::run,
                    new ApprovedDraftIssuer(credentials, issuer, approver.organisationName()));
            queue.reload();
            cn.cqs.contract.reports.ReportDraft approved = queue.waiting().stream()
                    .filter(d -> d.reportNumber().equals(number)).findFirst().orElseThrow();
            queue.issueWithExternalPdf(approved);

            assertThat(dialogs.shown()).extracting(cn.cqs.client.dialogs.RecordingDialogService.Shown::kind)
                    .containsExactly("open", "choice", "confirm");
            assertThat(dialogs.shown().get(2).message()).contains("李审核").contains("王批准").contains(".pdf");
            ObjectNode body = queuedUpload();
            assertThat(body.get("draftId").asText()).isEqualTo(submitted.id().toString());
            JsonNode accepted = upload(body);
            assertThat(accepted.get("signOff").asText()).isEqualTo("WORKFLOW");
            assertThat(accepted.get("approverName").asText()).isEqualTo("王批准");
        }
    }
}

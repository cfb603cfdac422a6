package cn.cqs.client.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.api.ApiClient;
import cn.cqs.client.api.ApiClientConfig;
import cn.cqs.client.print.PrintRecords;
import cn.cqs.client.print.PrintTarget;
import cn.cqs.client.reports.ReportIssuer;
import cn.cqs.client.session.ApiOutboxSender;
import cn.cqs.client.sync.Backoff;
import cn.cqs.client.sync.LocalStore;
import cn.cqs.client.sync.Outbox;
import cn.cqs.client.sync.OutboxDrainer;
import cn.cqs.client.sync.OutboxEntry;
import cn.cqs.client.sync.OutboxState;
import cn.cqs.client.sync.OutboxTarget;
import cn.cqs.client.sync.ReceiptReferences;
import cn.cqs.client.sync.SendResult;
import cn.cqs.client.viewer.ApiReportDocuments;
import cn.cqs.contract.auth.LoginRequest;
import cn.cqs.contract.json.Json;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.reports.ReportPrint;
import cn.cqs.contract.reports.ReportStatus;
import cn.cqs.contract.reports.ReportUpload;
import cn.cqs.contract.reports.ReportVersion;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.app.ServerConfig;
import cn.cqs.server.demo.DemoAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The viewer's server side, against a real server: the PDF and the correction chain come through the
 * API, and print records go through the outbox with their idempotency key: once, even when sent twice,
 * and for a report issued offline only after its upload told the client the report's id.
 */
class ReportPrintRecordsServerTest {
    static final String PROJECT = "翔安区保障性住房二期工程";
    static CqsServer server;
    static OrganisationCredential lab;
    static UUID projectId;
    static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        server = CqsServer.start(ServerConfig.forTests());
        lab = ServerReports.lab(server);
        projectId = ServerReports.project(server, PROJECT);
        api = new ApiClient(ApiClientConfig.of(URI.create(server.baseUrl())));
        api.login(new LoginRequest("lab-admin", DemoAccounts.PASSWORD));
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
        server.close();
    }

    static final String SERIES = "PR" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    static final java.util.concurrent.atomic.AtomicInteger SEQUENCE = new java.util.concurrent.atomic.AtomicInteger();

    static String number() {
        return "2026-" + SERIES + "-" + String.format("%06d", SEQUENCE.incrementAndGet());
    }

    static ReportUpload upload(String number, UUID supersedes, String reason) {
        return ServerReports.upload(lab, SupervisionScreensServerTest.report(number, projectId, PROJECT,
                "815.6", "842.3", "798.0"), Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60), supersedes,
                reason);
    }

    @Test
    void thePdfAndTheCorrectionChainComeFromTheServer() throws Exception {
        String first = number();
        ReportUpload original = upload(first, null, null);
        UUID v1 = UUID.fromString(ServerReports.post(server, original).get("id").asText());
        String second = number();
        UUID v2 = UUID.fromString(ServerReports.post(server, upload(second, v1, "试件尺寸录入有误，更正")).get("id").asText());

        ApiReportDocuments documents = new ApiReportDocuments(api);
        assertThat(documents.pdf(v1)).isEqualTo(Base64.getDecoder().decode(original.pdfBase64()));
        List<ReportVersion> chain = documents.history(v2);
        assertThat(chain).extracting(ReportVersion::reportNumber).containsExactly(first, second);
        assertThat(chain.get(0).status()).isEqualTo(ReportStatus.SUPERSEDED);
        assertThat(chain.get(0).statusReason()).isEqualTo("试件尺寸录入有误，更正");
        assertThat(chain.get(1).correctionReason()).isEqualTo("试件尺寸录入有误，更正");
        assertThat(documents.history(v1)).isEqualTo(chain);
        assertThat(documents.prints(v2)).isEmpty();
    }

    @Test
    void printRecordsTravelThroughTheOutboxOnceEvenAfterAnOfflineIssue() throws Exception {
        UUID uploaded = UUID.fromString(ServerReports.post(server, upload(number(), null, null)).get("id").asText());
        Path dir = Files.createTempDirectory("cqs-print-records");
        try (LocalStore store = LocalStore.open(dir.resolve("lab.db"))) {
            Outbox outbox = new Outbox(store);
            PrintRecords records = new PrintRecords(outbox);
            ReceiptReferences sender = new ReceiptReferences(outbox, new ApiOutboxSender(api));
            Instant printedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            OutboxEntry print = records.record(PrintTarget.report(uploaded), 2, "HP LaserJet 检测室", printedAt);
            assertThat(records.undelivered(PrintTarget.report(uploaded))).extracting(OutboxEntry::id)
                    .containsExactly(print.id());

            // an offline issue: the upload waits in the outbox, the print record refers to its receipt
            String offlineNumber = number();
            OutboxEntry offlineUpload = outbox.enqueue(ReportIssuer.UPLOAD_KIND, OutboxTarget.post(ReportIssuer.REPORTS_PATH),
                    upload(offlineNumber, null, null));
            OutboxEntry offlinePrint = records.record(PrintTarget.afterUpload(offlineUpload.id()), 1, "HP LaserJet 检测室",
                    printedAt);
            assertThat(offlinePrint.target().path()).contains("{receipt:" + offlineUpload.id() + "}");
            assertThat(sender.send(offlinePrint)).as("waits for the upload").isInstanceOf(SendResult.RetryLater.class);

            try (OutboxDrainer drainer = new OutboxDrainer(outbox, sender, new Backoff(Duration.ofMillis(50),
                    Duration.ofMillis(200), 0))) {
                drainer.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (outbox.counts().done() < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            }
            assertThat(outbox.all()).extracting(OutboxEntry::state).containsOnly(OutboxState.DONE);

            List<ReportPrint> prints = new ApiReportDocuments(api).prints(uploaded);
            assertThat(prints).hasSize(1);
            assertThat(prints.get(0).copies()).isEqualTo(2);
            assertThat(prints.get(0).printedBy()).isEqualTo("杨主任");
            assertThat(prints.get(0).printerName()).isEqualTo("HP LaserJet 检测室");
            assertThat(prints.get(0).printedAt()).isEqualTo(printedAt);

            // sent again (a retry after a lost answer): the same key, no second record
            assertThat(new ApiOutboxSender(api).send(outbox.find(print.id()).orElseThrow()))
                    .isInstanceOf(SendResult.Delivered.class);
            assertThat(new ApiReportDocuments(api).prints(uploaded)).hasSize(1);

            JsonNode receipt = Json.newMapper().readTree(outbox.find(offlineUpload.id()).orElseThrow().receipt());
            UUID offlineId = UUID.fromString(receipt.get("id").asText());
            assertThat(receipt.get("reportNumber").asText()).isEqualTo(offlineNumber);
            assertThat(new ApiReportDocuments(api).prints(offlineId)).singleElement()
                    .satisfies(p -> assertThat(p.reportId()).isEqualTo(offlineId));
            assertThat(records.undelivered(PrintTarget.report(uploaded))).isEmpty();
        }
    }
}

package cn.cqs.server.batches.dosing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.batches.MaterialIntakeRequest;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.MixDesignRequest;
import cn.cqs.contract.batches.MixQuantity;
import cn.cqs.contract.batches.ProductionRequest;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.qr.TokenKind;
import cn.cqs.contract.qr.TokenSigner;
import cn.cqs.contract.reports.ReportKeyFields;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportUpload;
import cn.cqs.contract.reports.ReportWithdrawal;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.demo.DemoAccounts;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.Reports;
import cn.cqs.server.testing.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against a real server: a plant links a material lot and a mix design to reports an outside testing
 * agency (the demo lab, another organisation than the plant) issued, by the reports' scanned QR
 * tokens; the trace shows those reports with their conclusion and issuer and offers their PDF through
 * the public token route. Forged, withdrawn, superseded, not-a-report and mismatching tokens are
 * refused with the field; re-sending is idempotent; a token change follows the replace-until-used rule.
 */
class MaterialReportTokenApiTest {
    private static CqsServer server;
    private static ReadyMix rmc;
    private static Http http;
    private static OrganisationCredential lab;
    /** One arrival time, so a re-sent registration is the same. */
    private static final Instant ARRIVED = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @BeforeAll
    static void setUp() {
        server = TestServers.shared();
        rmc = new ReadyMix(server);
        http = rmc.http;
        lab = Reports.demoCredential(server, DemoAccounts.Org.LAB);
    }

    /** The lab issues a cement test report of the fixture's project; answers the upload and the stored report. */
    private static Issued cementReport() {
        String number = Reports.newNumber();
        ReportUpload upload = Reports.upload(lab, ReportType.CEMENT,
                Reports.content(ReportType.CEMENT, number, rmc.projectId, rmc.projectName));
        Http.Response r = http.post("/api/v1/reports", rmc.labToken, upload);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return new Issued(number, upload, r.json());
    }

    private record Issued(String number, ReportUpload upload, JsonNode report) {
        String id() {
            return report.get("id").asText();
        }

        String token() {
            return upload.qrToken();
        }
    }

    private static MaterialIntakeRequest cement(String number, String token) {
        return new MaterialIntakeRequest(MaterialKind.CEMENT, "P·O 42.5", "福建炼石水泥有限公司", "福建炼石水泥有限公司",
                "LS2611-0215", new BigDecimal("120.5"), ARRIVED,
                number, token);
    }

    private static Http.Response putLot(String lotId, MaterialIntakeRequest r) {
        return http.put("/api/v1/plant/material-lots/" + lotId, rmc.plantToken, r, null);
    }

    private static void assertRefused(Http.Response r, String field, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().at("/errors/0/field").asText()).as(r.body()).isEqualTo(field);
        assertThat(r.json().at("/errors/0/code").asText()).as(r.body()).isEqualTo(code);
        assertThat(r.json().at("/errors/0/message").asText()).isNotBlank();
    }

    @Test
    void anOutsideLabsReportIsLinkedByItsTokenAndTracedWithItsConclusionAndPdf() throws Exception {
        Issued cementReport = cementReport();
        Issued trial = cementReport();
        // by number alone, another organisation's report is not linked (numbers are unique per issuer only)
        String byNumber = "LOT-NUM-" + rmc.suffix;
        Http.Response numberOnly = putLot(byNumber, cement(cementReport.number(), null));
        assertThat(numberOnly.status()).as(numberOnly.body()).isEqualTo(201);
        assertThat(numberOnly.json().get("testReportId").isNull()).isTrue();

        // by the scanned code (the verification URL), without the number: linked, number filled in
        String lotId = "LOT-TOKEN-" + rmc.suffix;
        Http.Response linked = putLot(lotId, cement(null, "https://cqs.example.cn/v/" + cementReport.token()));
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        assertThat(linked.json().get("testReportId").asText()).isEqualTo(cementReport.id());
        assertThat(linked.json().get("testReportNumber").asText()).isEqualTo(cementReport.number());
        assertThat(linked.json().get("testReportToken").asText()).isEqualTo(cementReport.token());
        // the same registration again (now with the number, and the bare token): 200, unchanged
        Http.Response again = putLot(lotId, cement(cementReport.number(), cementReport.token()));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("version").asLong()).isEqualTo(1);

        // the trial-mix report on a mix design, by token
        String mixId = "PHB-TOKEN-" + rmc.suffix;
        List<MixQuantity> quantities = ReadyMix.MIX.entrySet().stream()
                .map(e -> new MixQuantity(e.getKey(), e.getValue())).toList();
        MixDesignRequest design = new MixDesignRequest("A-C30-180(S4)-GB/T 14902", quantities, trial.number(),
                LocalDate.now().minusDays(30), null, trial.token());
        Http.Response mix = http.put("/api/v1/plant/mix-designs/" + mixId, rmc.plantToken, design, null);
        assertThat(mix.status()).as(mix.body()).isEqualTo(201);
        assertThat(mix.json().get("trialReportId").asText()).isEqualTo(trial.id());
        assertThat(http.put("/api/v1/plant/mix-designs/" + mixId, rmc.plantToken, design, null).status()).isEqualTo(200);

        // a batch produced from them
        List<String> lots = new ArrayList<>(rmc.lotIds);
        lots.set(lots.indexOf("LOT-CEMENT-" + rmc.suffix), lotId);
        Http.Response batch = http.put("/api/v1/plant/batches/TOKEN-" + rmc.suffix, rmc.plantToken, new ProductionRequest(
                rmc.projectId, "福建建工集团", "3号楼九层梁板", "A-C30-180(S4)-GB/T 14902", new BigDecimal("12"), mixId, lots,
                Instant.now().plus(10, ChronoUnit.MINUTES), "HT-" + rmc.suffix), null);
        assertThat(batch.status()).as(batch.body()).isEqualTo(201);
        String serial = batch.json().get("serialNumber").asText();

        // the trace (read by the jurisdiction's regulator) shows the outside report with its conclusion
        JsonNode trace = http.get("/api/v1/batches/" + serial + "/trace", rmc.xmToken).json();
        JsonNode lot = null;
        for (JsonNode l : trace.get("lots")) {
            if (l.get("lotId").asText().equals(lotId)) {
                lot = l;
            }
        }
        assertThat(lot).as(trace.toString()).isNotNull();
        assertThat(lot.get("testReportId").asText()).isEqualTo(cementReport.id());
        assertThat(lot.get("testReportConclusion").asText()).isEqualTo(cementReport.report().get("conclusion").asText());
        assertThat(lot.get("testReportIssuerName").asText()).isEqualTo(DemoAccounts.Org.LAB.displayName);
        assertThat(lot.get("testReportToken").asText()).isEqualTo(cementReport.token());
        assertThat(trace.at("/mixDesign/trialReportId").asText()).isEqualTo(trial.id());
        assertThat(trace.at("/mixDesign/trialReportIssuerName").asText()).isEqualTo(DemoAccounts.Org.LAB.displayName);
        assertThat(trace.at("/mixDesign/trialReportToken").asText()).isEqualTo(trial.token());

        // the PDF through the public token route is exactly the lab's signed PDF
        Http.Download pdf = http.download("/api/v1/verify/" + lot.get("testReportToken").asText() + "/pdf", null);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.body()).isEqualTo(Base64.getDecoder().decode(cementReport.upload().pdfBase64()));

        // the lot is used now: another token (or none) is a 409 naming the field
        Issued other = cementReport();
        Http.Response changed = putLot(lotId, cement(null, other.token()));
        assertThat(changed.status()).as(changed.body()).isEqualTo(409);
        assertThat(changed.json().get("errors").findValuesAsText("field")).contains("testReportToken");
        // once used, the registration re-sent stays 200 even after the lab withdrew the report
        withdraw(cementReport);
        assertThat(putLot(lotId, cement(cementReport.number(), cementReport.token())).status()).isEqualTo(200);
    }

    @Test
    void anUnusedLotsTokenIsReplacedAndTheNumberMustNameTheTokensReport() {
        Issued first = cementReport();
        Issued second = cementReport();
        String lotId = "LOT-REPLACE-" + rmc.suffix;
        assertThat(putLot(lotId, cement(null, first.token())).status()).isEqualTo(201);
        Http.Response replaced = putLot(lotId, cement(null, second.token()));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("version").asLong()).isEqualTo(2);
        assertThat(replaced.json().get("testReportId").asText()).isEqualTo(second.id());
        assertThat(replaced.json().get("testReportNumber").asText()).isEqualTo(second.number());

        Http.Response mismatch = putLot(lotId, cement(first.number(), second.token()));
        assertRefused(mismatch, "testReportNumber", "token_mismatch");
        assertThat(mismatch.json().at("/errors/0/message").asText()).contains(second.number());
    }

    @Test
    void forgedWithdrawnSupersededAndForeignCodesAreRefusedWithTheField() throws Exception {
        String lotId = "LOT-BAD-" + rmc.suffix;
        // forged: signed by a key the platform does not know (a credential from the CA, never registered)
        Issued genuine = cementReport();
        OrganisationCredential unregistered = Reports.freshCredential(server, DemoAccounts.Org.LAB);
        Object content = Reports.content(ReportType.CEMENT, genuine.number(), rmc.projectId, rmc.projectName);
        QrToken forged = TokenSigner.of(unregistered).sign(TokenKind.REPORT, genuine.number(),
                ReportKeyFields.of(ReportType.CEMENT, content), Instant.now().minus(1, ChronoUnit.MINUTES));
        assertRefused(putLot(lotId, cement(null, forged.encode())), "testReportToken", "not_genuine");
        // tampered: the genuine token with a changed signature byte
        byte[] bytes = QrToken.decode(genuine.token()).toBytes();
        bytes[bytes.length - 1] ^= 0x01;
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Http.Response t = putLot(lotId, cement(null, tampered));
        assertThat(t.status()).as(t.body()).isEqualTo(422);
        assertThat(t.json().at("/errors/0/field").asText()).isEqualTo("testReportToken");
        assertThat(t.json().at("/errors/0/code").asText()).isIn("not_genuine", "not_a_system_code");

        // withdrawn
        Issued withdrawn = cementReport();
        withdraw(withdrawn);
        Http.Response w = putLot(lotId, cement(null, withdrawn.token()));
        assertRefused(w, "testReportToken", "withdrawn");
        assertThat(w.json().at("/errors/0/message").asText()).contains("样品不具代表性");

        // superseded by a correction
        Issued old = cementReport();
        String correctedNumber = Reports.newNumber();
        ReportUpload c = Reports.upload(lab, ReportType.CEMENT,
                Reports.content(ReportType.CEMENT, correctedNumber, rmc.projectId, rmc.projectName));
        Http.Response corrected = http.post("/api/v1/reports", rmc.labToken, new ReportUpload(c.type(), c.content(),
                c.qrToken(), c.issuedAt(), c.testerName(), c.reviewerName(), c.approverName(), c.pdfBase64(), null,
                UUID.fromString(old.id()), "水泥强度录入错误"));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        Http.Response s = putLot(lotId, cement(null, old.token()));
        assertRefused(s, "testReportToken", "superseded");
        assertThat(s.json().at("/errors/0/message").asText()).contains(correctedNumber);
        // the correction itself links
        assertThat(putLot(lotId, cement(null, c.qrToken())).status()).isEqualTo(201);

        // not a report: a batch's serial-number code; not a code of this system at all
        String batchQr = rmc.batch("QR-" + rmc.suffix, Instant.now().plus(20, ChronoUnit.MINUTES), "3号楼十层梁板")
                .get("qrText").asText();
        assertRefused(putLot("LOT-BATCH-" + rmc.suffix, cement(null, batchQr)), "testReportToken", "not_a_report");
        assertRefused(putLot("LOT-TEXT-" + rmc.suffix, cement(null, "https://example.com/some/other/code")),
                "testReportToken", "not_a_system_code");
        // the same on a mix design's trial report field
        List<MixQuantity> q = ReadyMix.MIX.entrySet().stream().map(e -> new MixQuantity(e.getKey(), e.getValue())).toList();
        Http.Response m = http.put("/api/v1/plant/mix-designs/PHB-BAD-" + rmc.suffix, rmc.plantToken, new MixDesignRequest(
                "A-C30-180(S4)-GB/T 14902", q, null, LocalDate.now().minusDays(3), null, withdrawn.token()), null);
        assertRefused(m, "trialReportToken", "withdrawn");
        Http.Response mm = http.put("/api/v1/plant/mix-designs/PHB-BAD-" + rmc.suffix, rmc.plantToken, new MixDesignRequest(
                "A-C30-180(S4)-GB/T 14902", q, "OTHER-1", LocalDate.now().minusDays(3), null, genuine.token()), null);
        assertRefused(mm, "trialReportNumber", "token_mismatch");
        // nothing was stored for the refused registrations
        assertThat(http.get("/api/v1/material-lots?limit=500", rmc.plantToken).body())
                .doesNotContain("LOT-BATCH-" + rmc.suffix).doesNotContain("LOT-TEXT-" + rmc.suffix);
    }

    private static void withdraw(Issued report) {
        Http.Response r = http.post("/api/v1/reports/" + report.id() + "/withdraw", rmc.labToken,
                new ReportWithdrawal("委托方取消检测，样品不具代表性"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void theStoredTokenIsTheCanonicalBareToken() {
        Issued report = cementReport();
        Http.Response r = putLot("LOT-URL-" + rmc.suffix, cement(null, "  http://phone.example/v/" + report.token() + "  "));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("testReportToken").asText()).isEqualTo(report.token());
        assertThat(http.get("/api/v1/verify/" + r.json().get("testReportToken").asText(), null).json()
                .get("outcome").asText()).isEqualTo("GENUINE_IN_SYSTEM");
    }
}

package cn.cqs.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.pki.CertificateAuthority;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.pki.OrganisationIdentity;
import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.ReportUpload;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.demo.DemoAccounts;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.Reports;
import cn.cqs.server.testing.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Report upload against a real server: checks, idempotency, the 24-hour rule and scoping. */
class ReportUploadTest {
    private static CqsServer server;
    private static Http http;
    private static String labToken;
    private static OrganisationCredential lab;
    private static UUID projectId;
    private static String projectName;

    @BeforeAll
    static void setUp() {
        server = TestServers.shared();
        http = new Http(server);
        labToken = http.login("lab-admin");
        lab = Reports.demoCredential(server, DemoAccounts.Org.LAB);
        projectName = "翔安区保障性住房二期工程";
        JsonNode projects = http.get("/api/v1/projects", labToken).json();
        for (JsonNode p : projects) {
            if (p.get("name").asText().equals(projectName)) {
                projectId = UUID.fromString(p.get("id").asText());
            }
        }
        assertThat(projectId).as("demo project visible to the lab").isNotNull();
    }

    private static CubeStrengthReport newCube() {
        return Reports.cube(Reports.newNumber(), projectId, projectName);
    }

    private static Http.Response upload(ReportUpload upload, String key) {
        return http.send("POST", "/api/v1/reports", labToken, Http.bytes(upload),
                key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    private static void assertFieldError(Http.Response r, String field, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").toString()).contains("\"field\":\"" + field + "\"").contains("\"code\":\"" + code + "\"");
    }

    private static long rows(String reportNumber) {
        return server.jdbi().withHandle(h -> h.createQuery("select count(*) from report where report_number = :n")
                .bind("n", reportNumber).mapTo(Long.class).one());
    }

    @Test
    void uploadReturnsTheRecordWithAPlatformIdAndReplayCreatesNothing() {
        CubeStrengthReport cube = newCube();
        ReportUpload upload = Reports.upload(lab, cube);
        String key = UUID.randomUUID().toString();
        Http.Response first = upload(upload, key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode record = first.json();
        String id = record.get("id").asText();
        assertThat(first.header("Location")).isEqualTo("/api/v1/reports/" + id);
        assertThat(record.get("reportNumber").asText()).isEqualTo(cube.reportNumber());
        assertThat(record.get("issuerUscc").asText()).isEqualTo(DemoAccounts.Org.LAB.uscc);
        assertThat(record.get("status").asText()).isEqualTo("VALID");
        assertThat(record.get("late").asBoolean()).isFalse();
        assertThat(record.get("issuedAtFlag").isNull()).isTrue();
        assertThat(record.get("conclusion").asText()).isEqualTo("QUALIFIED");
        assertThat(record.get("representativeStrengthMpa").decimalValue()).isEqualByComparingTo("33.1");

        Http.Response replay = upload(upload, key);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().get("id").asText()).isEqualTo(id);
        assertThat(rows(cube.reportNumber())).isEqualTo(1);

        Http.Response again = upload(upload, UUID.randomUUID().toString());
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().at("/errors/0/field").asText()).isEqualTo("content.reportNumber");
        assertThat(rows(cube.reportNumber())).isEqualTo(1);

        Http.Response read = http.get("/api/v1/reports/" + id, labToken);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.json()).isEqualTo(record);
        long audited = server.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from audit_log where action = 'report.upload' and entity_id = :id")
                .bind("id", id).mapTo(Long.class).one());
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void aTokenFromARogueCaIsRefused() {
        CertificateAuthority rogue = CertificateAuthority.createPlatformCa("Platform CA", "福建省住房和城乡建设厅（演示）",
                Instant.now().minus(Duration.ofDays(10)), Instant.now().plus(Duration.ofDays(10)));
        OrganisationCredential forged = rogue.issueOrganisationCredential(new OrganisationIdentity(
                DemoAccounts.Org.LAB.displayName, DemoAccounts.Org.LAB.uscc), Instant.now().minus(Duration.ofDays(5)),
                Instant.now().plus(Duration.ofDays(5)));
        assertFieldError(upload(Reports.upload(forged, newCube()), null), "qrToken", "issuer_unknown");
    }

    @Test
    void anotherOrganisationsTokenIsRefused() {
        OrganisationCredential plant = Reports.demoCredential(server, DemoAccounts.Org.PLANT);
        assertFieldError(upload(Reports.upload(plant, newCube()), null), "qrToken", "issuer_mismatch");
    }

    @Test
    void contentChangedAfterSigningIsRefused() {
        CubeStrengthReport cube = newCube();
        ReportUpload signed = Reports.upload(lab, cube);
        ReportUpload altered = new ReportUpload(signed.type(), Reports.withSampleName(cube, "改过的样品"), signed.qrToken(),
                signed.issuedAt(), null, null, null, signed.pdfBase64());
        assertFieldError(upload(altered, null), "qrToken", "digest_mismatch");
        assertThat(rows(cube.reportNumber())).isZero();
    }

    @Test
    void aTokenForAnotherReportNumberIsRefused() {
        CubeStrengthReport cube = newCube();
        ReportUpload other = Reports.upload(lab, newCube());
        ReportUpload mixed = new ReportUpload(other.type(), cube, other.qrToken(), other.issuedAt(), null, null, null, other.pdfBase64());
        assertFieldError(upload(mixed, null), "qrToken", "document_number_mismatch");
    }

    @Test
    void issuedAtMustBeTheTokensIssueTime() {
        ReportUpload signed = Reports.upload(lab, newCube());
        ReportUpload shifted = new ReportUpload(signed.type(), signed.content(), signed.qrToken(),
                signed.issuedAt().plusSeconds(60), null, null, null, signed.pdfBase64());
        assertFieldError(upload(shifted, null), "issuedAt", "token_mismatch");
    }

    @Test
    void aProjectTheLabDoesNotWorkOnIsRefused() {
        String conlab = http.login("conlab-admin");
        Http.Response project = http.post("/api/v1/projects", conlab, Map.of("name", "施工企业自有工程 " + UUID.randomUUID(),
                "regionCode", "350102", "address", "福州市鼓楼区"));
        assertThat(project.status()).isEqualTo(201);
        CubeStrengthReport cube = Reports.cube(Reports.newNumber(), UUID.fromString(project.json().get("id").asText()), "x");
        assertFieldError(upload(Reports.upload(lab, cube), null), "content.projectId", "project_not_visible");
    }

    @Test
    void invalidContentIsReportedWithCubeFieldPaths() {
        CubeStrengthReport cube = newCube();
        CubeStrengthReport bad = new CubeStrengthReport(cube.reportNumber(), cube.commissionNumber(), cube.projectId(),
                cube.projectName(), cube.projectPart(), cube.sampleName(), cube.sampleId(), cube.representativeQuantityM3(),
                cube.samplingDate(), cube.testDate(), cube.curingAgeDays(), cube.standard(), "C31", cube.specimenSizeMm(),
                cube.specimens(), null, cube.witnessName(), cube.witnessCertificateNumber(), cube.witnessOrganisation(),
                cube.samplerName());
        ReportUpload signed = Reports.upload(lab, cube);
        Http.Response r = upload(new ReportUpload(signed.type(), bad, signed.qrToken(), signed.issuedAt(), null, null, null,
                signed.pdfBase64()), null);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").findValuesAsText("field")).contains("content.designGrade");
    }

    @Test
    void anUploadWithoutTheAuthorPermissionIsForbidden() {
        String reviewer = http.login("lab-reviewer");
        Http.Response r = http.post("/api/v1/reports", reviewer, Reports.upload(lab, newCube()));
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void twentyFiveHoursAfterIssueIsLateAndTwentyThreeIsNot() {
        Instant now = Instant.now();
        Http.Response late = upload(Reports.upload(lab, newCube(), now.minus(Duration.ofHours(25))), null);
        assertThat(late.status()).as(late.body()).isEqualTo(201);
        assertThat(late.json().get("late").asBoolean()).isTrue();
        Http.Response onTime = upload(Reports.upload(lab, newCube(), now.minus(Duration.ofHours(23))), null);
        assertThat(onTime.status()).as(onTime.body()).isEqualTo(201);
        assertThat(onTime.json().get("late").asBoolean()).isFalse();

        Http.Response future = upload(Reports.upload(lab, newCube(), now.plus(Duration.ofHours(2))), null);
        assertThat(future.status()).as(future.body()).isEqualTo(201);
        assertThat(future.json().get("issuedAtFlag").asText()).isEqualTo("IN_FUTURE");
        assertThat(future.json().get("late").asBoolean()).isFalse();

        Http.Response lateOnly = http.get("/api/v1/reports?late=true&limit=500", labToken);
        assertThat(lateOnly.json().findValuesAsText("id")).contains(late.json().get("id").asText())
                .doesNotContain(onTime.json().get("id").asText());
    }

    @Test
    void regulatorsSeeReportsInTheirJurisdictionOnly() {
        CubeStrengthReport cube = newCube();
        Http.Response created = upload(Reports.upload(lab, cube), null);
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();

        String xiamen = http.login("xm-inspector");
        assertThat(http.get("/api/v1/reports/" + id, xiamen).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/reports?q=" + cube.reportNumber(), xiamen).json().findValuesAsText("id"))
                .containsExactly(id);
        String province = http.login("prov-inspector");
        assertThat(http.get("/api/v1/reports/" + id, province).status()).isEqualTo(200);

        String fuzhou = http.login("fz-inspector");
        Http.Response hidden = http.get("/api/v1/reports/" + id, fuzhou);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body()).doesNotContain(cube.reportNumber());
        assertThat(http.get("/api/v1/reports?q=" + cube.reportNumber(), fuzhou).json()).isEmpty();

        String plant = http.login("plant-admin");
        assertThat(http.get("/api/v1/reports/" + id, plant).status()).isEqualTo(404);
    }

    @Test
    void filtersNarrowTheList() {
        CubeStrengthReport cube = newCube();
        assertThat(upload(Reports.upload(lab, cube), null).status()).isEqualTo(201);
        String today = java.time.LocalDate.now(cn.cqs.contract.time.UploadDeadline.REPORT_ZONE).toString();
        String tomorrow = java.time.LocalDate.now(cn.cqs.contract.time.UploadDeadline.REPORT_ZONE).plusDays(1).toString();
        assertThat(http.get("/api/v1/reports?q=" + cube.sampleId() + "&from=" + today + "&to=" + today
                + "&projectId=" + projectId, labToken).json().findParents("qrToken").stream().map(n -> n.get("reportNumber").asText()).toList())
                .containsExactly(cube.reportNumber());
        assertThat(http.get("/api/v1/reports?q=" + cube.sampleId() + "&from=" + tomorrow, labToken).json()).isEmpty();
        assertThat(http.get("/api/v1/reports?q=" + cube.sampleId() + "&projectId=" + UUID.randomUUID(), labToken).json())
                .isEmpty();
        assertThat(http.get("/api/v1/reports?limit=1&offset=0", labToken).json()).hasSize(1);
        // wildcards in q are literal
        assertThat(http.get("/api/v1/reports?q=%25", labToken).json()).isEmpty();
        assertThat(Instant.now().truncatedTo(ChronoUnit.SECONDS)).isNotNull();
    }
}

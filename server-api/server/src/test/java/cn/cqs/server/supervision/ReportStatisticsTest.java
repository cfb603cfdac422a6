package cn.cqs.server.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.CubeStrengthReport.Specimen;
import cn.cqs.contract.supervision.SupervisionApi;
import cn.cqs.contract.time.UploadDeadline;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.app.ServerConfig;
import cn.cqs.server.demo.DemoAccounts;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.Reports;
import cn.cqs.server.testing.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Report statistics against a real server on its own database, seeded through the API with signed
 * uploads: the demo lab uploads 4 reports on a Xiamen project (1 below grade, 1 invalid group, 1
 * late) and 2 on a Fuzhou project (1 late); the contractor lab 1 on a Fuzhou project. Checks the
 * counts and GB/T 8170 rates, the grouping, jurisdiction scoping, the period, 403 and 422.
 */
class ReportStatisticsTest {
    private static final String LAB = DemoAccounts.Org.LAB.uscc;
    private static final String CONLAB = DemoAccounts.Org.CONLAB.uscc;
    private static CqsServer server;
    private static Http http;
    private static LocalDate today;
    /** Issue time of five of the seven reports (the other two: 30 hours ago, so before today in China). */
    private static Instant recent;

    @BeforeAll
    static void seed() {
        server = TestServers.start(ServerConfig.forTests());
        http = new Http(server);
        today = LocalDate.now(UploadDeadline.REPORT_ZONE);
        String lab = http.login("lab-admin");
        OrganisationCredential labKey = Reports.demoCredential(server, DemoAccounts.Org.LAB);
        Project xiamen = project(lab, "翔安区保障性住房二期工程");
        Project fuzhou = project(lab, "鼓楼区实验小学教学楼改扩建工程");
        recent = Instant.now().minus(Duration.ofHours(2));
        Instant longAgo = Instant.now().minus(Duration.ofHours(30));
        upload(lab, labKey, Reports.cube(Reports.newNumber(), xiamen.id, xiamen.name), recent);
        upload(lab, labKey, loads(Reports.cube(Reports.newNumber(), xiamen.id, xiamen.name), "600.0", "610.0", "620.0"), recent);
        upload(lab, labKey, loads(Reports.cube(Reports.newNumber(), xiamen.id, xiamen.name), "500.0", "700.0", "900.0"), recent);
        upload(lab, labKey, Reports.cube(Reports.newNumber(), xiamen.id, xiamen.name), longAgo);
        upload(lab, labKey, Reports.cube(Reports.newNumber(), fuzhou.id, fuzhou.name), longAgo);
        upload(lab, labKey, Reports.cube(Reports.newNumber(), fuzhou.id, fuzhou.name), recent);
        String conlab = http.login("conlab-admin");
        Project cangshan = project(conlab, "仓山区城市综合体项目一标段");
        upload(conlab, Reports.demoCredential(server, DemoAccounts.Org.CONLAB),
                Reports.cube(Reports.newNumber(), cangshan.id, cangshan.name), recent);
    }

    @AfterAll
    static void close() {
        server.close();
    }

    record Project(UUID id, String name) {
    }

    private static Project project(String token, String name) {
        for (JsonNode p : http.get("/api/v1/projects", token).json()) {
            if (p.get("name").asText().equals(name)) {
                return new Project(UUID.fromString(p.get("id").asText()), name);
            }
        }
        throw new AssertionError("demo project " + name + " not visible");
    }

    private static CubeStrengthReport loads(CubeStrengthReport c, String... kn) {
        List<Specimen> specimens = java.util.Arrays.stream(kn).map(v -> new Specimen(new BigDecimal(v))).toList();
        return new CubeStrengthReport(c.reportNumber(), c.commissionNumber(), c.projectId(), c.projectName(),
                c.projectPart(), c.sampleName(), c.sampleId(), c.representativeQuantityM3(), c.samplingDate(),
                c.testDate(), c.curingAgeDays(), c.standard(), c.designGrade(), c.specimenSizeMm(), specimens,
                c.testedSizeFactor(), c.witnessName(), c.witnessCertificateNumber(), c.witnessOrganisation(),
                c.samplerName());
    }

    private static void upload(String token, OrganisationCredential key, CubeStrengthReport cube, Instant issuedAt) {
        Http.Response r = http.post("/api/v1/reports", token, Reports.upload(key, cube, issuedAt));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static Http.Response stats(String user, String query) {
        return http.get(SupervisionApi.REPORT_STATISTICS + query, http.login(user));
    }

    private static String period() {
        return "?from=" + today.minusDays(7) + "&to=" + today;
    }

    private static JsonNode rowOf(JsonNode stats, String uscc) {
        for (JsonNode row : stats.get("rows")) {
            if (row.at("/lab/uscc").asText().equals(uscc)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + uscc + " in " + stats);
    }

    @Test
    void theProvinceSeesEveryLabWithCountsAndRates() {
        Http.Response r = stats("prov-inspector", period() + "&groupBy=lab");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("groupBy").asText()).isEqualTo("lab");
        assertThat(body.get("rows")).hasSize(2);
        JsonNode lab = body.get("rows").get(0); // most reports first
        assertThat(lab.at("/lab/uscc").asText()).isEqualTo(LAB);
        assertThat(lab.at("/lab/name").asText()).isEqualTo(DemoAccounts.Org.LAB.displayName);
        assertThat(lab.at("/lab/id").asText()).isNotBlank();
        assertThat(lab.get("type").isNull()).isTrue();
        assertThat(lab.get("reports").asLong()).isEqualTo(6);
        assertThat(lab.get("unqualified").asLong()).isEqualTo(2);
        assertThat(lab.get("unqualifiedRatePercent").decimalValue()).isEqualByComparingTo("33.3");
        assertThat(lab.get("late").asLong()).isEqualTo(2);
        assertThat(lab.get("lateRatePercent").decimalValue()).isEqualByComparingTo("33.3");
        JsonNode conlab = rowOf(body, CONLAB);
        assertThat(conlab.get("reports").asLong()).isEqualTo(1);
        assertThat(conlab.get("unqualifiedRatePercent").decimalValue()).isEqualByComparingTo("0.0");
        JsonNode totals = body.get("totals");
        assertThat(totals.get("reports").asLong()).isEqualTo(7);
        assertThat(totals.get("unqualified").asLong()).isEqualTo(2);
        assertThat(totals.get("unqualifiedRatePercent").decimalValue()).isEqualByComparingTo("28.6"); // 2/7 = 28.57 %
        assertThat(totals.get("lateRatePercent").decimalValue()).isEqualByComparingTo("28.6");
        assertThat(totals.get("lab").isNull()).isTrue();
    }

    @Test
    void aCityRegulatorSeesOnlyItsJurisdiction() {
        JsonNode xiamen = stats("xm-inspector", period()).json();
        assertThat(xiamen.get("rows")).hasSize(1);
        JsonNode lab = rowOf(xiamen, LAB);
        assertThat(lab.get("reports").asLong()).isEqualTo(4);
        assertThat(lab.get("unqualified").asLong()).isEqualTo(2);
        assertThat(lab.get("unqualifiedRatePercent").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(lab.get("late").asLong()).isEqualTo(1);
        assertThat(lab.get("lateRatePercent").decimalValue()).isEqualByComparingTo("25.0");

        JsonNode fuzhou = stats("fz-inspector", period()).json();
        assertThat(rowOf(fuzhou, LAB).get("reports").asLong()).isEqualTo(2);
        assertThat(rowOf(fuzhou, LAB).get("lateRatePercent").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(rowOf(fuzhou, CONLAB).get("reports").asLong()).isEqualTo(1);
        assertThat(fuzhou.at("/totals/reports").asLong()).isEqualTo(3);

        // 鼓楼区: the school (350102) is there, 仓山 (350104) is not
        JsonNode gulou = stats("gl-inspector", period()).json();
        assertThat(gulou.get("rows")).hasSize(1);
        assertThat(rowOf(gulou, LAB).get("reports").asLong()).isEqualTo(2);
        assertThat(gulou.toString()).doesNotContain(CONLAB);
    }

    @Test
    void groupingByTypeAndByLabAndType() {
        JsonNode byType = stats("prov-admin", period() + "&groupBy=type").json();
        assertThat(byType.get("rows")).hasSize(1);
        assertThat(byType.at("/rows/0/type").asText()).isEqualTo("CONCRETE_CUBE");
        assertThat(byType.at("/rows/0/lab").isNull()).isTrue();
        assertThat(byType.at("/rows/0/reports").asLong()).isEqualTo(7);
        JsonNode both = stats("prov-admin", period() + "&groupBy=lab,type").json();
        assertThat(both.get("groupBy").asText()).isEqualTo("lab,type");
        assertThat(both.get("rows")).hasSize(2);
        assertThat(both.get("rows").findValuesAsText("type")).containsOnly("CONCRETE_CUBE");
        assertThat(both.at("/totals/reports").asLong()).isEqualTo(7);
    }

    @Test
    void thePeriodSelectsByIssueDay() {
        // all reports were issued today or yesterday (30 hours ago); a period that ended before has none
        JsonNode before = stats("prov-inspector", "?from=" + today.minusDays(30) + "&to=" + today.minusDays(3)).json();
        assertThat(before.get("rows")).isEmpty();
        assertThat(before.at("/totals/reports").asLong()).isZero();
        assertThat(before.at("/totals/unqualifiedRatePercent").isNull()).isTrue();
        // today only (China time): the 30-hour-old ones are out; the recent five are in unless issued yesterday
        JsonNode todayOnly = stats("prov-inspector", "?from=" + today + "&to=" + today).json();
        long expected = LocalDate.ofInstant(recent, UploadDeadline.REPORT_ZONE).equals(today) ? 5 : 0;
        assertThat(todayOnly.at("/totals/reports").asLong()).isEqualTo(expected);
        // no period at all: the last 30 days
        JsonNode defaulted = stats("prov-inspector", "").json();
        assertThat(defaulted.get("to").asText()).isEqualTo(today.toString());
        assertThat(defaulted.get("from").asText()).isEqualTo(today.minusDays(29).toString());
        assertThat(defaulted.at("/totals/reports").asLong()).isEqualTo(7);
    }

    @Test
    void enterprisesAreForbidden() {
        for (String user : List.of("lab-admin", "lab-clerk", "plant-admin", "conlab-clerk")) {
            Http.Response r = stats(user, period());
            assertThat(r.status()).as(user + ": " + r.body()).isEqualTo(403);
            assertThat(r.body()).doesNotContain(LAB);
        }
        assertThat(http.get(SupervisionApi.REPORT_STATISTICS + period(), null).status()).isEqualTo(401);
    }

    @Test
    void badPeriodsAndGroupingsAre422NamingTheField() {
        assertFieldError(stats("xm-inspector", "?from=" + today + "&to=" + today.minusDays(1)), "to", "before_from");
        assertFieldError(stats("xm-inspector", "?from=" + today.minusDays(366) + "&to=" + today), "to",
                "period_too_long");
        assertThat(stats("xm-inspector", "?from=" + today.minusDays(365) + "&to=" + today).status()).isEqualTo(200);
        assertFieldError(stats("xm-inspector", "?from=yesterday&to=" + today), "from", "malformed");
        assertFieldError(stats("xm-inspector", "?to=" + today), "from", "required");
        assertFieldError(stats("xm-inspector", "?from=" + today), "to", "required");
        assertFieldError(stats("xm-inspector", period() + "&groupBy=project"), "groupBy", "not_supported");
    }

    private static void assertFieldError(Http.Response r, String field, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").toString()).contains("\"field\":\"" + field + "\"")
                .contains("\"code\":\"" + code + "\"");
    }
}

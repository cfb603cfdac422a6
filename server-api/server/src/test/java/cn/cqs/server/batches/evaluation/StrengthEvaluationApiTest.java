package cn.cqs.server.batches.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.ReportUpload;
import cn.cqs.contract.time.UploadDeadline;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.demo.DemoAccounts;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.Reports;
import cn.cqs.server.testing.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 检验批强度评定 (GB/T 50107-2010) against a real server: the groups are a project's valid cube
 * reports of the class and pour location; n = 9 is evaluated non-statistically, n = 10
 * statistically with the 2.5 MPa floor on Sfcu; exact equality passes; a mean 0.1 MPa short
 * fails; a forced method the standard does not allow and bad parameters are 422s naming the
 * parameter; regulators outside the jurisdiction and unrelated organisations get 404.
 */
class StrengthEvaluationApiTest {
    private static Http http;
    private static String labToken;
    private static UUID projectId;
    private static final String NINE = "一号楼基础（九组）";
    private static final String TEN = "一号楼一层（十组）";
    private static final String SHORT = "一号楼二层（九组不合格）";

    @BeforeAll
    static void setUp() {
        CqsServer server = TestServers.shared();
        http = new Http(server);
        labToken = http.login("lab-admin");
        String name = "强度评定测试工程 " + UUID.randomUUID();
        Http.Response project = http.post("/api/v1/projects", labToken, Map.of("name", name, "regionCode", "350203",
                "address", "厦门市思明区"));
        assertThat(project.status()).as(project.body()).isEqualTo(201);
        projectId = UUID.fromString(project.json().get("id").asText());
        OrganisationCredential lab = Reports.demoCredential(server, DemoAccounts.Org.LAB);
        // n = 9, mean exactly 34.5 = 1.15 × 30 and min exactly 28.5 = 0.95 × 30
        List<String> nine = new ArrayList<>(List.of("28.5", "34.9"));
        for (int i = 0; i < 7; i++) {
            nine.add("35.3");
        }
        upload(lab, name, NINE, nine);
        // n = 10, mean 38.5, Sfcu about 0.75 (< 2.5)
        upload(lab, name, TEN, List.of("37.5", "38.0", "38.5", "39.0", "39.5", "37.5", "38.0", "38.5", "39.0", "39.5"));
        // n = 9, mean 34.4: 0.1 MPa short of λ3 · fcu,k
        List<String> shortOf = new ArrayList<>(List.of("28.5", "34.9", "34.4"));
        for (int i = 0; i < 6; i++) {
            shortOf.add("35.3");
        }
        upload(lab, name, SHORT, shortOf);
        // a C25 report in the same part is not a group of the C30 lot
        upload(lab, name, NINE, "C25", List.of("30.0"));
    }

    private static void upload(OrganisationCredential lab, String projectName, String part, List<String> strengths) {
        upload(lab, projectName, part, "C30", strengths);
    }

    private static void upload(OrganisationCredential lab, String projectName, String part, String grade,
                               List<String> strengths) {
        LocalDate tested = LocalDate.now(UploadDeadline.REPORT_ZONE).minusDays(2);
        for (String f : strengths) {
            // three equal cubes of 150 mm: F = f × 22.5 kN gives exactly f
            BigDecimal load = new BigDecimal(f).multiply(new BigDecimal("22.5"));
            String number = Reports.newNumber();
            List<CubeStrengthReport.Specimen> specimens = List.of(new CubeStrengthReport.Specimen(load),
                    new CubeStrengthReport.Specimen(load), new CubeStrengthReport.Specimen(load));
            CubeStrengthReport cube = new CubeStrengthReport(number, "WT-" + number, projectId, projectName, part,
                    "混凝土试块", "S-" + number, new BigDecimal("100"), tested.minusDays(28), tested, 28,
                    CubeStrengthReport.STANDARD, grade, 150, specimens, null, "张三", "JZ-350100-000123",
                    "厦门某监理有限公司", "李四");
            ReportUpload upload = Reports.upload(lab, cube);
            Http.Response r = http.post("/api/v1/reports", labToken, upload);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
    }

    private static Http.Response evaluate(String token, String query) {
        return http.get("/api/v1/projects/" + projectId + "/strength-evaluation?" + query, token);
    }

    private static String pour(String location) {
        return "&pourLocation=" + URLEncoder.encode(location, StandardCharsets.UTF_8);
    }

    private static BigDecimal decimal(JsonNode node) {
        return new BigDecimal(node.asText());
    }

    @Test
    void nineGroupsAreEvaluatedNonStatisticallyAndExactEqualityPasses() {
        Http.Response r = evaluate(labToken, "strengthClass=C30" + pour(NINE));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode e = r.json();
        assertThat(e.get("groups")).hasSize(9);
        assertThat(e.get("pourLocation").asText()).isEqualTo(NINE);
        JsonNode result = e.get("result");
        assertThat(result.get("method").asText()).isEqualTo("NON_STATISTICAL");
        assertThat(result.get("n").asInt()).isEqualTo(9);
        assertThat(decimal(result.get("mean"))).isEqualByComparingTo("34.5");
        assertThat(decimal(result.get("min"))).isEqualByComparingTo("28.5");
        assertThat(decimal(result.get("lambda3"))).isEqualByComparingTo("1.15");
        assertThat(decimal(result.get("lambda4"))).isEqualByComparingTo("0.95");
        JsonNode criteria = result.get("criteria");
        assertThat(criteria).hasSize(2);
        for (JsonNode c : criteria) {
            assertThat(decimal(c.get("left"))).as(c.toString()).isEqualByComparingTo(decimal(c.get("right")));
            assertThat(c.get("passed").asBoolean()).isTrue();
        }
        assertThat(result.get("conclusion").asText()).isEqualTo("QUALIFIED");
    }

    @Test
    void aMeanOneTenthShortFails() {
        JsonNode result = evaluate(labToken, "strengthClass=C30" + pour(SHORT)).json().get("result");
        assertThat(decimal(result.get("mean"))).isEqualByComparingTo("34.4");
        assertThat(result.get("criteria").get(0).get("passed").asBoolean()).isFalse();
        assertThat(result.get("conclusion").asText()).isEqualTo("UNQUALIFIED");
    }

    @Test
    void tenGroupsAreEvaluatedStatisticallyWithTheSigmaFloor() {
        Http.Response r = evaluate(labToken, "strengthClass=c30" + pour(TEN));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode result = r.json().get("result");
        assertThat(result.get("method").asText()).isEqualTo("STATISTICAL_UNKNOWN_SIGMA");
        assertThat(result.get("n").asInt()).isEqualTo(10);
        assertThat(decimal(result.get("s"))).isLessThan(new BigDecimal("2.5"));
        assertThat(decimal(result.get("sigma"))).isEqualByComparingTo("2.5");
        assertThat(decimal(result.get("lambda1"))).isEqualByComparingTo("1.15");
        assertThat(decimal(result.get("lambda2"))).isEqualByComparingTo("0.90");
        // mfcu − λ1 · 2.5 = 38.5 − 2.875
        assertThat(decimal(result.get("criteria").get(0).get("left"))).isEqualByComparingTo("35.625");
        assertThat(result.get("conclusion").asText()).isEqualTo("QUALIFIED");
        // the standard does not allow the non-statistical method for 10 groups
        Http.Response forced = evaluate(labToken, "strengthClass=C30&method=NON_STATISTICAL" + pour(TEN));
        assertThat(forced.status()).as(forced.body()).isEqualTo(422);
        assertThat(forced.json().get("errors").toString()).contains("method");
    }

    @Test
    void withoutAPourLocationEveryC30GroupOfTheProjectIsOneLot() {
        JsonNode e = evaluate(labToken, "strengthClass=C30").json();
        assertThat(e.get("groups")).hasSize(28);
        assertThat(e.get("result").get("method").asText()).isEqualTo("STATISTICAL_UNKNOWN_SIGMA");
        JsonNode none = evaluate(labToken, "strengthClass=C40").json();
        assertThat(none.get("groups")).isEmpty();
        assertThat(none.get("result").isNull()).isTrue();
    }

    @Test
    void badParametersAreNamed() {
        Http.Response r = evaluate(labToken, "sigma0=abc&method=GUESS&linkedOnly=maybe");
        assertThat(r.status()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(f -> fields.add(f.get("field").asText()));
        assertThat(fields).contains("strengthClass", "sigma0", "method", "linkedOnly");
    }

    @Test
    void theProjectsRegulatorsSeeItOthersDoNot() {
        assertThat(evaluate(http.login("xm-inspector"), "strengthClass=C30" + pour(NINE)).status()).isEqualTo(200);
        assertThat(evaluate(http.login("prov-inspector"), "strengthClass=C30" + pour(NINE)).status()).isEqualTo(200);
        assertThat(evaluate(http.login("fz-inspector"), "strengthClass=C30" + pour(NINE)).status()).isEqualTo(404);
        assertThat(evaluate(http.login("conlab-admin"), "strengthClass=C30" + pour(NINE)).status()).isEqualTo(404);
        assertThat(evaluate(null, "strengthClass=C30").status()).isEqualTo(401);
    }
}

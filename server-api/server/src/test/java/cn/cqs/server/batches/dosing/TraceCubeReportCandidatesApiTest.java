package cn.cqs.server.batches.dosing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportWithdrawal;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.demo.DemoAccounts;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.Reports;
import cn.cqs.server.testing.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against a real server: {@code GET /api/v1/batches/{serialNumber}/cube-report-candidates}, the cube
 * reports the batch's plant may link — the current cube reports of the batch's project, newest
 * first, saying which are linked — and nobody else's business: another plant, the lab and the
 * regulator get 404.
 */
class TraceCubeReportCandidatesApiTest {
    private static ReadyMix rmc;
    private static Http http;
    private static String serial;
    private static OrganisationCredential lab;

    @BeforeAll
    static void setUp() {
        CqsServer server = TestServers.shared();
        rmc = new ReadyMix(server);
        http = rmc.http;
        serial = rmc.batch("CAND-" + rmc.suffix, Instant.now().minus(1, ChronoUnit.HOURS), "3号楼九层梁板")
                .get("serialNumber").asText();
        lab = Reports.demoCredential(server, DemoAccounts.Org.LAB);
    }

    private static String upload(ReportType type, UUID projectId, String projectName) {
        return upload(type, projectId, projectName, Instant.now().minus(1, ChronoUnit.MINUTES));
    }

    private static String upload(ReportType type, UUID projectId, String projectName, Instant issuedAt) {
        String number = Reports.newNumber();
        Http.Response r = http.post("/api/v1/reports", rmc.labToken, type == ReportType.CONCRETE_CUBE
                ? Reports.upload(lab, Reports.cube(number, projectId, projectName), issuedAt)
                : Reports.upload(lab, type, Reports.content(type, number, projectId, projectName)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private static List<String> ids(JsonNode candidates) {
        List<String> ids = new ArrayList<>();
        candidates.forEach(c -> ids.add(c.get("reportId").asText()));
        return ids;
    }

    @Test
    void thePlantSeesTheCurrentCubeReportsOfTheBatchsProjectNewestFirst() {
        String newer = upload(ReportType.CONCRETE_CUBE, rmc.projectId, rmc.projectName,
                Instant.now().minus(5, ChronoUnit.MINUTES));
        String older = upload(ReportType.CONCRETE_CUBE, rmc.projectId, rmc.projectName,
                Instant.now().minus(10, ChronoUnit.MINUTES));
        String rebar = upload(ReportType.REBAR, rmc.projectId, rmc.projectName);
        String withdrawn = upload(ReportType.CONCRETE_CUBE, rmc.projectId, rmc.projectName);
        Http.Response w = http.post("/api/v1/reports/" + withdrawn + "/withdraw", rmc.labToken,
                new ReportWithdrawal("委托方取消检测"));
        assertThat(w.status()).as(w.body()).isEqualTo(200);
        Http.Response otherProject = http.post("/api/v1/projects", rmc.labToken, Map.of("name",
                "另一工程 " + rmc.suffix, "regionCode", "350203", "address", "厦门市思明区"));
        assertThat(otherProject.status()).as(otherProject.body()).isEqualTo(201);
        String elsewhere = upload(ReportType.CONCRETE_CUBE, UUID.fromString(otherProject.json().get("id").asText()),
                "另一工程 " + rmc.suffix);

        String path = "/api/v1/batches/" + serial + "/cube-report-candidates";
        Http.Response r = http.get(path, rmc.plantToken);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> listed = ids(r.json());
        assertThat(listed).contains(older, newer).doesNotContain(rebar, withdrawn, elsewhere);
        assertThat(listed.indexOf(newer)).isLessThan(listed.indexOf(older));
        JsonNode first = r.json().get(listed.indexOf(newer));
        assertThat(first.get("labName").asText()).isEqualTo(DemoAccounts.Org.LAB.displayName);
        assertThat(first.get("designGrade").asText()).isEqualTo("C30");
        assertThat(first.get("projectPart").asText()).isEqualTo("3号楼五层梁板");
        assertThat(first.get("representativeStrengthMpa").decimalValue()).isPositive();
        assertThat(first.get("conclusion").asText()).isEqualTo("QUALIFIED");
        assertThat(first.get("samplingDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(first.get("linked").asBoolean()).isFalse();

        // once linked, it says so
        assertThat(http.put("/api/v1/batches/" + serial + "/cube-reports/" + newer, rmc.plantToken, null, null).status())
                .isEqualTo(201);
        JsonNode after = http.get(path, rmc.plantToken).json();
        assertThat(after.get(ids(after).indexOf(newer)).get("linked").asBoolean()).isTrue();
        assertThat(after.get(ids(after).indexOf(older)).get("linked").asBoolean()).isFalse();
    }

    @Test
    void anotherPlantTheLabAndTheRegulatorAreRefused() {
        String path = "/api/v1/batches/" + serial + "/cube-report-candidates";
        // the demo plant (another plant), the lab that issues the project's cube reports, the jurisdiction's regulator
        for (String token : List.of(http.login("plant-clerk"), rmc.labToken, rmc.xmToken)) {
            Http.Response r = http.get(path, token);
            assertThat(r.status()).as(r.body()).isEqualTo(404);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(http.get("/api/v1/batches/not-a-serial/cube-report-candidates", rmc.plantToken).status())
                .isEqualTo(404);
        assertThat(http.get(path, null).status()).isEqualTo(401);
    }
}

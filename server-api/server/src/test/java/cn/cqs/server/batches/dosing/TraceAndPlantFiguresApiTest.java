package cn.cqs.server.batches.dosing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.dosing.DosingPlateInput;
import cn.cqs.contract.batches.dosing.DosingUpload;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportUpload;
import cn.cqs.contract.time.UploadDeadline;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against a real server: the regulators' per-plant figures (batches, dosing within / out / missing,
 * late and missing notifications, series, drill-down), seen only in the jurisdiction; and the trace
 * of a batch to its mix design, lots and the cube reports linked to it by the lab or the plant.
 */
class TraceAndPlantFiguresApiTest {
    private static CqsServer server;
    private static ReadyMix rmc;
    private static Http http;
    private static String withinSerial;
    private static String outSerial;

    @BeforeAll
    static void setUp() {
        server = TestServers.shared();
        rmc = new ReadyMix(server);
        http = rmc.http;
        Instant now = Instant.now();
        // A: started and ended now, within tolerance; then its start is moved back 100 minutes (as if
        // the plant notified 100 minutes after it started): a late start notification
        withinSerial = rmc.batch("FIG-A-" + rmc.suffix, now.minus(2, ChronoUnit.HOURS), "3号楼五层梁板")
                .get("serialNumber").asText();
        rmc.notify("FIG-A-" + rmc.suffix, "start", Instant.now(), null);
        rmc.notify("FIG-A-" + rmc.suffix, "end", Instant.now(), new BigDecimal("12"));
        dosing("FIG-A-" + rmc.suffix, withinSerial, BigDecimal.ONE);
        int moved = server.jdbi().withHandle(h -> h.createUpdate("""
                        update production_batch set registered_at = registered_at - interval '3 hours',
                                                    started_at = started_at - interval '100 minutes'
                         where serial_number = :serial""").bind("serial", withinSerial).execute());
        assertThat(moved).isEqualTo(1);
        // B: on time, a plate out of tolerance
        outSerial = rmc.batch("FIG-B-" + rmc.suffix, now.minus(30, ChronoUnit.MINUTES), "3号楼六层梁板")
                .get("serialNumber").asText();
        rmc.notify("FIG-B-" + rmc.suffix, "start", Instant.now(), null);
        dosing("FIG-B-" + rmc.suffix, outSerial, new BigDecimal("1.035"));
        // C: planned 3 hours ago, never started: a missing start notification, no data yet (not over)
        rmc.batch("FIG-C-" + rmc.suffix, now.minus(3, ChronoUnit.HOURS), "3号楼七层梁板");
        // D: produced and ended on time, without dosing data: missing data
        rmc.batch("FIG-D-" + rmc.suffix, now.minus(50, ChronoUnit.MINUTES), "3号楼八层梁板");
        rmc.notify("FIG-D-" + rmc.suffix, "start", Instant.now(), null);
        rmc.notify("FIG-D-" + rmc.suffix, "end", Instant.now(), new BigDecimal("12"));
    }

    /** Two exact plates, sand × {@code sandFactor} in the second. */
    private static void dosing(String batchId, String serial, BigDecimal sandFactor) {
        List<DosingPlateInput> plates = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            Map<MaterialKind, BigDecimal> kg = new EnumMap<>(MaterialKind.class);
            for (Map.Entry<MaterialKind, BigDecimal> e : ReadyMix.MIX.entrySet()) {
                BigDecimal f = i == 2 && e.getKey() == MaterialKind.SAND ? sandFactor : BigDecimal.ONE;
                kg.put(e.getKey(), e.getValue().multiply(new BigDecimal("2")).multiply(f));
            }
            plates.add(new DosingPlateInput(serial, i, Instant.now().minus(15, ChronoUnit.MINUTES).plusSeconds(i * 90L),
                    new BigDecimal("2"), kg));
        }
        Http.Response r = http.put("/api/v1/plant/batches/" + batchId + "/dosing", rmc.plantToken,
                new DosingUpload(true, plates), null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static String period() {
        LocalDate today = LocalDate.now(UploadDeadline.REPORT_ZONE);
        return "?from=" + today.minusDays(2) + "&to=" + today;
    }

    private static JsonNode plantRow(JsonNode overview) {
        for (JsonNode row : overview.get("plants")) {
            if (row.get("plantId").asText().equals(rmc.plantId.toString())) {
                return row;
            }
        }
        return null;
    }

    @Test
    void theJurisdictionsRegulatorSeesThePlantsFiguresAndItsOutOfToleranceBatches() {
        Http.Response r = http.get("/api/v1/supervision/plants/dosing" + period(), rmc.xmToken);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("bucket").asText()).isEqualTo("DAY");
        JsonNode row = plantRow(r.json());
        assertThat(row).as(r.body()).isNotNull();
        assertThat(row.get("plantName").asText()).isEqualTo(rmc.plantName);
        assertThat(row.get("batches").asLong()).isEqualTo(4);
        assertThat(row.get("withData").asLong()).isEqualTo(2);
        assertThat(row.get("withinTolerance").asLong()).isEqualTo(1);
        assertThat(row.get("outOfTolerance").asLong()).isEqualTo(1);
        assertThat(row.get("missingData").asLong()).isEqualTo(1);
        assertThat(row.get("lateNotifications").asLong()).isEqualTo(1);
        assertThat(row.get("missingNotifications").asLong()).isEqualTo(1);
        JsonNode series = row.get("series");
        assertThat(series).hasSize(3);
        long seriesBatches = 0;
        long seriesOut = 0;
        for (JsonNode point : series) {
            seriesBatches += point.get("batches").asLong();
            seriesOut += point.get("outOfTolerance").asLong();
        }
        assertThat(seriesBatches).isEqualTo(4);
        assertThat(seriesOut).isEqualTo(1);
        assertThat(r.json().at("/total/batches").asLong()).isGreaterThanOrEqualTo(4);

        Http.Response out = http.get("/api/v1/supervision/plants/" + rmc.plantId + "/batches" + period()
                + "&dosingState=OUT_OF_TOLERANCE", rmc.xmToken);
        assertThat(out.status()).as(out.body()).isEqualTo(200);
        assertThat(out.json()).hasSize(1);
        assertThat(out.json().get(0).get("serialNumber").asText()).isEqualTo(outSerial);
        Http.Response all = http.get("/api/v1/supervision/plants/" + rmc.plantId + "/batches" + period(), rmc.xmToken);
        assertThat(all.json()).hasSize(4);
    }

    @Test
    void otherJurisdictionsAndEnterprisesDoNotSeeThePlant() {
        Http.Response fz = http.get("/api/v1/supervision/plants/dosing" + period(), rmc.fzToken);
        assertThat(fz.status()).isEqualTo(200);
        assertThat(plantRow(fz.json())).isNull();
        assertThat(http.get("/api/v1/supervision/plants/" + rmc.plantId + "/batches" + period(), rmc.fzToken).json())
                .isEmpty();
        assertThat(http.get("/api/v1/supervision/plants/dosing" + period(), rmc.plantToken).status()).isEqualTo(403);
        Http.Response bad = http.get("/api/v1/supervision/plants/dosing?from=2026-01-01", rmc.xmToken);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().at("/errors/0/field").asText()).isEqualTo("to");
    }

    @Test
    void theTraceLeadsFromTheBatchToItsMixDesignLotsAndLinkedCubeReports() {
        OrganisationCredential lab = Reports.demoCredential(server, DemoAccounts.Org.LAB);
        String number = Reports.newNumber();
        ReportUpload cube = Reports.upload(lab, Reports.cube(number, rmc.projectId, rmc.projectName));
        Http.Response uploaded = http.post("/api/v1/reports", rmc.labToken, cube);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        String reportId = uploaded.json().get("id").asText();
        String link = "/api/v1/batches/" + withinSerial + "/cube-reports/" + reportId;

        // the lab links it, the plant links it again: one link
        Http.Response linked = http.put(link, rmc.labToken, null, null);
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        assertThat(linked.json().get("reportNumber").asText()).isEqualTo(number);
        assertThat(http.put(link, rmc.plantToken, null, null).status()).isEqualTo(200);
        // someone else cannot
        assertThat(http.put(link, http.login("conlab-admin"), null, null).status()).isEqualTo(404);

        Http.Response trace = http.get("/api/v1/batches/" + withinSerial + "/trace", rmc.xmToken);
        assertThat(trace.status()).as(trace.body()).isEqualTo(200);
        JsonNode t = trace.json();
        assertThat(t.at("/batch/serialNumber").asText()).isEqualTo(withinSerial);
        assertThat(t.at("/batch/dosingState").asText()).isEqualTo("WITHIN_TOLERANCE");
        assertThat(t.at("/mixDesign/mixDesignId").asText()).isEqualTo(rmc.mixDesignId);
        assertThat(t.at("/mixDesign/strengthClass").asText()).isEqualTo("C30");
        assertThat(t.get("lots")).hasSize(rmc.lotIds.size());
        List<String> lotIds = new ArrayList<>();
        t.get("lots").forEach(l -> lotIds.add(l.get("lotId").asText()));
        assertThat(lotIds).containsExactlyElementsOf(rmc.lotIds);
        assertThat(t.get("cubeReports")).hasSize(1);
        assertThat(t.at("/cubeReports/0/reportId").asText()).isEqualTo(reportId);
        assertThat(t.at("/cubeReports/0/linkedByOrganisationName").asText()).isEqualTo(DemoAccounts.Org.LAB.displayName);
        // the issuing lab reads the trace too; another jurisdiction does not
        assertThat(http.get("/api/v1/batches/" + withinSerial + "/trace", rmc.labToken).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/batches/" + withinSerial + "/trace", rmc.fzToken).status()).isEqualTo(404);

        // the linked report is its own inspection lot with linkedOnly
        JsonNode lot = http.get("/api/v1/projects/" + rmc.projectId + "/strength-evaluation?strengthClass=C30&linkedOnly=true",
                rmc.xmToken).json();
        assertThat(lot.get("groups")).hasSize(1);
        assertThat(lot.at("/groups/0/serialNumbers/0").asText()).isEqualTo(withinSerial);

        // a report that is not a cube report, or of another project, is refused
        Http.Response rebar = http.post("/api/v1/reports", rmc.labToken, Reports.upload(lab, ReportType.REBAR,
                Reports.content(ReportType.REBAR, Reports.newNumber(), rmc.projectId, rmc.projectName)));
        assertThat(rebar.status()).as(rebar.body()).isEqualTo(201);
        Http.Response notCube = http.put("/api/v1/batches/" + withinSerial + "/cube-reports/" + rebar.json().get("id").asText(),
                rmc.labToken, null, null);
        assertThat(notCube.status()).isEqualTo(422);
        assertThat(notCube.json().at("/errors/0/code").asText()).isEqualTo("not_a_cube_report");

        // unlinking is idempotent
        assertThat(http.send("DELETE", link, rmc.labToken, null, Map.of()).status()).isEqualTo(204);
        assertThat(http.send("DELETE", link, rmc.labToken, null, Map.of()).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/batches/" + withinSerial + "/trace", rmc.plantToken).json().get("cubeReports")).isEmpty();
        assertThat(http.get("/api/v1/batches/" + UUID.randomUUID() + "/trace", rmc.plantToken).status()).isEqualTo(404);
    }
}

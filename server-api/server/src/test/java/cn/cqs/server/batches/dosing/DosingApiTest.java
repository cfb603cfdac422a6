package cn.cqs.server.batches.dosing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.dosing.DosingPlateInput;
import cn.cqs.contract.batches.dosing.DosingUpload;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 投料数据 (R20) against a real server: the plant sends a batch's plates as the control system's
 * CSV or as JSON; the server compares every plate and the cumulative quantities with the mix design
 * (the contract's DosingComparison), stores the report and sets the batch's dosing state; bad rows
 * are all reported; the same data again is idempotent, different data a new revision kept on record;
 * the plant and the regulators of the batch's jurisdiction read the report, others get 404.
 */
class DosingApiTest {
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static CqsServer server;
    private static ReadyMix rmc;
    private static Http http;

    @BeforeAll
    static void setUp() {
        server = TestServers.shared();
        rmc = new ReadyMix(server);
        http = rmc.http;
    }

    /** A new batch planned an hour ago; answers its serial number. */
    private static String batch(String batchId) {
        return rmc.batch(batchId, Instant.now().minus(1, ChronoUnit.HOURS), "3号楼五层梁板").get("serialNumber").asText();
    }

    /** {@code n} plates of 2 m³, each material at the design quantity × {@code factor(plate, kind)}. */
    private static List<DosingPlateInput> plates(String serial, int n, Factor factor) {
        List<DosingPlateInput> plates = new ArrayList<>();
        Instant start = Instant.now().minus(50, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        BigDecimal volume = new BigDecimal("2");
        for (int i = 1; i <= n; i++) {
            Map<MaterialKind, BigDecimal> kg = new EnumMap<>(MaterialKind.class);
            for (Map.Entry<MaterialKind, BigDecimal> e : ReadyMix.MIX.entrySet()) {
                BigDecimal f = factor.of(i, e.getKey());
                if (f != null) {
                    kg.put(e.getKey(), e.getValue().multiply(volume).multiply(f).setScale(3, java.math.RoundingMode.HALF_EVEN));
                }
            }
            plates.add(new DosingPlateInput(serial, i, start.plusSeconds(120L * i), volume, kg));
        }
        return plates;
    }

    @FunctionalInterface
    private interface Factor {
        /** The factor of a material in a plate; null = not weighed. */
        BigDecimal of(int plate, MaterialKind kind);
    }

    private static final Factor EXACT = (plate, kind) -> BigDecimal.ONE;

    private static Http.Response putJson(String batchId, boolean computerControlled, List<DosingPlateInput> plates) {
        return http.put("/api/v1/plant/batches/" + batchId + "/dosing", rmc.plantToken,
                new DosingUpload(computerControlled, plates), null);
    }

    private static Http.Response putCsv(String batchId, String query, String csv) {
        return http.send("PUT", "/api/v1/plant/batches/" + batchId + "/dosing?" + query, rmc.plantToken,
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of("Content-Type", "text/csv; charset=utf-8"));
    }

    private static String csv(List<DosingPlateInput> plates) {
        StringBuilder s = new StringBuilder("serialNumber,plateNo,time,volumeM3,cement,flyAsh,slagPowder,sand,stone,admixture,water\n");
        for (DosingPlateInput p : plates) {
            s.append(p.serialNumber()).append(',').append(p.plateNo()).append(',').append(CSV_TIME.format(p.time()))
                    .append(',').append(p.volumeM3().toPlainString());
            for (MaterialKind kind : MaterialKind.values()) {
                BigDecimal kg = p.weighedKg().get(kind);
                s.append(',').append(kg == null ? "" : kg.toPlainString());
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static JsonNode material(JsonNode checks, String kind) {
        for (JsonNode c : checks) {
            if (c.get("kind").asText().equals(kind)) {
                return c;
            }
        }
        throw new AssertionError("no check of " + kind + " in " + checks);
    }

    private static List<String> fields(Http.Response r) {
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void platesWithinToleranceAreWithinAndTheRegulatorsOfTheJurisdictionReadTheReport() {
        String serial = batch("DOS-OK-" + rmc.suffix);
        // plate 2 has 1.5 % more cement: within ±2 % per plate, cumulative +0.5 % within ±1 %
        Http.Response r = putJson("DOS-OK-" + rmc.suffix, true, plates(serial, 3,
                (plate, kind) -> plate == 2 && kind == MaterialKind.CEMENT ? new BigDecimal("1.015") : BigDecimal.ONE));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode dosing = r.json();
        assertThat(dosing.get("state").asText()).isEqualTo("WITHIN_TOLERANCE");
        assertThat(dosing.get("revision").asInt()).isEqualTo(1);
        assertThat(dosing.get("source").asText()).isEqualTo("JSON");
        JsonNode report = dosing.get("report");
        assertThat(report.get("plates")).hasSize(3);
        JsonNode cement = material(report.get("plates").get(1).get("materials"), "CEMENT");
        assertThat(new BigDecimal(cement.get("deviationPercent").asText())).isEqualByComparingTo("1.50");
        assertThat(cement.get("verdict").asText()).isEqualTo("WITHIN");
        assertThat(new BigDecimal(material(report.get("cumulative"), "CEMENT").get("deviationPercent").asText()))
                .isEqualByComparingTo("0.50");

        String path = "/api/v1/batches/" + serial + "/dosing";
        assertThat(http.get(path, rmc.plantToken).json().get("state").asText()).isEqualTo("WITHIN_TOLERANCE");
        assertThat(http.get(path, rmc.xmToken).status()).isEqualTo(200);
        assertThat(http.get(path, http.login("prov-inspector")).status()).isEqualTo(200);
        assertThat(http.get(path, rmc.fzToken).status()).isEqualTo(404);
        assertThat(http.get(path, rmc.labToken).status()).isEqualTo(404);
        // the batch itself carries the state
        assertThat(http.get("/api/v1/batches/" + serial, rmc.plantToken).json().get("dosingState").asText())
                .isEqualTo("WITHIN_TOLERANCE");
    }

    @Test
    void onePlateOutOfToleranceMakesTheBatchOut() {
        String serial = batch("DOS-PLATE-" + rmc.suffix);
        // plate 2 has 3.5 % more sand (±3 % per plate)
        Http.Response r = putJson("DOS-PLATE-" + rmc.suffix, true, plates(serial, 3,
                (plate, kind) -> plate == 2 && kind == MaterialKind.SAND ? new BigDecimal("1.035") : BigDecimal.ONE));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode report = r.json().get("report");
        assertThat(r.json().get("state").asText()).isEqualTo("OUT_OF_TOLERANCE");
        assertThat(material(report.get("plates").get(1).get("materials"), "SAND").get("verdict").asText()).isEqualTo("OUT");
        assertThat(material(report.get("plates").get(0).get("materials"), "SAND").get("verdict").asText()).isEqualTo("WITHIN");
        assertThat(http.get("/api/v1/batches/" + serial, rmc.plantToken).json().get("dosingState").asText())
                .isEqualTo("OUT_OF_TOLERANCE");
    }

    @Test
    void cementOnePointFivePercentOverInEveryPlateIsOutOnlyCumulativelyAndOnlyUnderComputerControl() {
        String batchId = "DOS-CUM-" + rmc.suffix;
        String serial = batch(batchId);
        List<DosingPlateInput> plates = plates(serial, 4,
                (plate, kind) -> kind == MaterialKind.CEMENT ? new BigDecimal("1.015") : BigDecimal.ONE);
        Http.Response computer = putJson(batchId, true, plates);
        assertThat(computer.status()).as(computer.body()).isEqualTo(201);
        JsonNode report = computer.json().get("report");
        for (JsonNode plate : report.get("plates")) {
            assertThat(material(plate.get("materials"), "CEMENT").get("verdict").asText()).isEqualTo("WITHIN");
        }
        JsonNode cumulative = material(report.get("cumulative"), "CEMENT");
        assertThat(cumulative.get("verdict").asText()).isEqualTo("OUT");
        assertThat(new BigDecimal(cumulative.get("limitPercent").asText())).isEqualByComparingTo("1");
        assertThat(computer.json().get("state").asText()).isEqualTo("OUT_OF_TOLERANCE");

        // the same plates from a plant without computer control: the cumulative deviation is not judged
        Http.Response manual = putJson(batchId, false, plates);
        assertThat(manual.status()).as(manual.body()).isEqualTo(201);
        assertThat(manual.json().get("revision").asInt()).isEqualTo(2);
        assertThat(material(manual.json().at("/report/cumulative"), "CEMENT").get("verdict").asText()).isEqualTo("NOT_JUDGED");
        assertThat(manual.json().get("state").asText()).isEqualTo("WITHIN_TOLERANCE");
    }

    @Test
    void aMaterialOfTheDesignNotWeighedIsMissing() {
        String serial = batch("DOS-MISS-" + rmc.suffix);
        Http.Response r = putJson("DOS-MISS-" + rmc.suffix, true, plates(serial, 2,
                (plate, kind) -> kind == MaterialKind.ADMIXTURE ? null : BigDecimal.ONE));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("state").asText()).isEqualTo("OUT_OF_TOLERANCE");
        assertThat(material(r.json().at("/report/plates/0/materials"), "ADMIXTURE").get("verdict").asText())
                .isEqualTo("MISSING");
        assertThat(material(r.json().at("/report/cumulative"), "ADMIXTURE").get("verdict").asText()).isEqualTo("MISSING");
    }

    @Test
    void everyBadCsvRowIsReportedAndNothingIsStored() {
        String batchId = "DOS-BAD-" + rmc.suffix;
        String serial = batch(batchId);
        String[] lines = csv(plates(serial, 5, EXACT)).split("\n");
        // row numbers are file lines: the header is row 1
        lines[2] = lines[2].replaceFirst(",2,", ",abc,");                       // row 3: plateNo
        lines[3] = lines[3].replaceFirst(",2,600\\.000,", ",-1,600.000,");       // row 4: volumeM3
        lines[5] = lines[5].replaceFirst(",600\\.000,", ",6OO,");                // row 6: cement
        Http.Response r = putCsv(batchId, "computerControlled=true", String.join("\n", lines) + "\n");
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(fields(r)).contains("rows[3].plateNo", "rows[4].volumeM3", "rows[6].cement");
        assertThat(http.get("/api/v1/batches/" + serial + "/dosing", rmc.plantToken).json().get("state").asText())
                .isEqualTo("NO_DATA");
        // plates of another batch, and a missing flag, are named too
        String other = csv(plates("20260101-776049653-000001", 1, EXACT));
        Http.Response wrongBatch = putCsv(batchId, "computerControlled=true", other);
        assertThat(fields(wrongBatch)).containsExactly("rows[0].serialNumber");
        assertThat(fields(putCsv(batchId, "", csv(plates(serial, 1, EXACT))))).containsExactly("computerControlled");
    }

    @Test
    void everyBadJsonPlateIsReported() {
        String batchId = "DOS-BADJ-" + rmc.suffix;
        String serial = batch(batchId);
        List<DosingPlateInput> plates = new ArrayList<>(plates(serial, 3, EXACT));
        DosingPlateInput p0 = plates.get(0);
        plates.set(0, new DosingPlateInput(p0.serialNumber(), p0.plateNo(), p0.time(), new BigDecimal("0"), p0.weighedKg()));
        DosingPlateInput p2 = plates.get(2);
        Map<MaterialKind, BigDecimal> kg = new EnumMap<>(p2.weighedKg());
        kg.put(MaterialKind.CEMENT, new BigDecimal("-5"));
        plates.set(2, new DosingPlateInput(p2.serialNumber(), null, p2.time(), p2.volumeM3(), kg));
        Http.Response r = http.put("/api/v1/plant/batches/" + batchId + "/dosing", rmc.plantToken,
                new DosingUpload(null, plates), null);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(fields(r)).contains("computerControlled", "plates[0].volumeM3", "plates[2].plateNo",
                "plates[2].weighedKg.CEMENT");
    }

    @Test
    void theSameDataAgainChangesNothingAndNewDataIsANewRevisionKeptOnRecord() {
        String batchId = "DOS-IDEM-" + rmc.suffix;
        String serial = batch(batchId);
        List<DosingPlateInput> plates = plates(serial, 3, EXACT);
        Http.Response first = putCsv(batchId, "computerControlled=true", csv(plates));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("source").asText()).isEqualTo("CSV");
        Http.Response again = putCsv(batchId, "computerControlled=true", csv(plates));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("revision").asInt()).isEqualTo(1);
        assertThat(again.json().get("receivedAt").asText()).isEqualTo(first.json().get("receivedAt").asText());
        // the same plates as JSON, in another order, are the same data
        List<DosingPlateInput> reversed = new ArrayList<>(plates);
        java.util.Collections.reverse(reversed);
        Http.Response asJson = putJson(batchId, true, reversed);
        assertThat(asJson.status()).isEqualTo(200);
        assertThat(asJson.json().get("source").asText()).isEqualTo("CSV");

        Http.Response changed = putJson(batchId, true, plates(serial, 4, EXACT));
        assertThat(changed.status()).isEqualTo(201);
        assertThat(changed.json().get("revision").asInt()).isEqualTo(2);
        assertThat(changed.json().at("/report/plates")).hasSize(4);
        UUID batchUuid = UUID.fromString(changed.json().get("batchUuid").asText());
        List<Integer> revisions = server.jdbi().withHandle(h -> h.createQuery(
                        "select revision from dosing_set where batch_id = :b order by revision")
                .bind("b", batchUuid).mapTo(Integer.class).list());
        assertThat(revisions).containsExactly(1, 2);
        int plateRows = server.jdbi().withHandle(h -> h.createQuery("""
                        select count(*) from dosing_plate p join dosing_set s on s.id = p.set_id where s.batch_id = :b""")
                .bind("b", batchUuid).mapTo(Integer.class).one());
        assertThat(plateRows).isEqualTo(7);
    }

    @Test
    void onlyThePlantOfTheBatchSends() {
        String batchId = "DOS-PERM-" + rmc.suffix;
        String serial = batch(batchId);
        Http.Response lab = http.put("/api/v1/plant/batches/" + batchId + "/dosing", rmc.labToken,
                new DosingUpload(true, plates(serial, 1, EXACT)), null);
        assertThat(lab.status()).isEqualTo(403);
        Http.Response otherPlant = http.put("/api/v1/plant/batches/" + batchId + "/dosing", http.login("plant-clerk"),
                new DosingUpload(true, plates(serial, 1, EXACT)), null);
        assertThat(otherPlant.status()).isEqualTo(404);
    }
}

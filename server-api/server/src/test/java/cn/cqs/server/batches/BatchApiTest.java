package cn.cqs.server.batches;

import static cn.cqs.server.batches.ReadyMixFixture.batch;
import static cn.cqs.server.batches.ReadyMixFixture.lot;
import static cn.cqs.server.batches.ReadyMixFixture.mixDesign;
import static cn.cqs.server.batches.ReadyMixFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.batches.BatchKeyFields;
import cn.cqs.contract.batches.ProductionBatch;
import cn.cqs.contract.batches.SerialNumber;
import cn.cqs.contract.pki.TrustBundle;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.qr.TokenKind;
import cn.cqs.contract.qr.TokenVerifier;
import cn.cqs.contract.qr.Verification;
import cn.cqs.contract.qr.VerificationOutcome;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.app.ServerConfig;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.MutableClock;
import cn.cqs.server.testing.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ready-mix plant's interface against a real server (embedded PostgreSQL, a clock the test
 * moves): material intake, mix designs, production registration with the serial number and the
 * platform-signed QR token, start and end notifications on time, late and missing, idempotent
 * re-sends and 409s, refused references with the field named, and problem+json for bad input.
 */
class BatchApiTest {
    private static final MutableClock CLOCK = MutableClock.now();
    private static CqsServer server;
    private static Http http;
    private static String plantToken;
    private static String apiKey;
    private static ReadyMixFixture plant;
    private static String projectId;

    @BeforeAll
    static void start() {
        server = TestServers.start(ServerConfig.forTests(), CLOCK);
        http = new Http(server);
        plantToken = http.login("plant-admin");
        Http.Response key = http.post("/api/v1/auth/api-keys", plantToken, Map.of("name", "ERP",
                "permissions", List.of("BATCHES_REGISTER")));
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        apiKey = key.json().get("secret").asText();
        plant = ReadyMixFixture.withApiKey(http, apiKey);
        projectId = new ReadyMixFixture(http, plantToken).plantProject();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Instant now() {
        return CLOCK.instant();
    }

    @Test
    void anErpRegistersABatchAndGetsASerialNumberWithAQrTokenSignedByThePlatform() throws Exception {
        ReadyMixFixture.Registration m = plant.materials(now());
        String batchId = unique("ERP-ORDER");
        Map<String, Object> body = batch(projectId, m.mixDesignId(), m.lots(), now().plus(Duration.ofHours(1)));
        Http.Response first = plant.put("/api/v1/plant/batches/" + batchId, body);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        ProductionBatch b = Http.MAPPER.readValue(first.body(), ProductionBatch.class);
        SerialNumber serial = SerialNumber.parse(b.serialNumber());
        assertThat(serial.plantCode()).isEqualTo("M0001TGQX");
        assertThat(serial.day()).isEqualTo(LocalDate.ofInstant(now(), java.time.ZoneId.of("Asia/Shanghai")));
        assertThat(b.batchId()).isEqualTo(batchId);
        assertThat(b.materialLotIds()).isEqualTo(m.lots());
        assertThat(b.regionCode()).isEqualTo("350104");
        assertThat(first.header("location")).isEqualTo("/api/v1/batches/" + b.serialNumber());
        assertThat(first.header("etag")).isEqualTo("\"1\"");

        // the token: kind BATCH, signed by the platform, the digest over the batch's key fields; it
        // verifies offline against the trust bundle, as a desk or phone would
        QrToken token = QrToken.fromScannedText(b.qrText());
        assertThat(b.qrText()).startsWith(server.baseUrl() + "/v/");
        assertThat(token.kind()).isEqualTo(TokenKind.BATCH);
        assertThat(token.documentNumber()).isEqualTo(b.serialNumber());
        assertThat(token.issuerId()).isEqualTo(ServerConfig.DEFAULT_PLATFORM_USCC);
        TrustBundle bundle = Http.MAPPER.readValue(http.get("/api/v1/pki/trust", null).body(), TrustBundle.class);
        Verification v = new TokenVerifier(bundle.toTrustRegistry()).verify(token);
        assertThat(v.outcome()).isEqualTo(VerificationOutcome.VALID);
        assertThat(v.checkDigest(BatchKeyFields.of(b))).isEqualTo(VerificationOutcome.VALID);

        // the same registration again: the same batch, 200
        Http.Response again = plant.put("/api/v1/plant/batches/" + batchId, body);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("serialNumber").asText()).isEqualTo(b.serialNumber());
        assertThat(again.json().get("qrText").asText()).isEqualTo(b.qrText());

        // a different body for the same id: 409 naming what differs
        Map<String, Object> changed = new HashMap<>(body);
        changed.put("volumeM3", new java.math.BigDecimal("40"));
        changed.put("buyer", "另一家施工单位");
        Http.Response conflict = plant.put("/api/v1/plant/batches/" + batchId, changed);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(fields(conflict)).containsExactlyInAnyOrder("buyer:differs", "volumeM3:differs");

        // the public verification: genuine, in the system, with the batch's record
        String bare = b.qrText().substring(b.qrText().indexOf("/v/") + 3);
        JsonNode verified = http.get("/api/v1/verify/" + bare, null).json();
        assertThat(verified.get("outcome").asText()).isEqualTo("GENUINE_IN_SYSTEM");
        assertThat(verified.at("/batch/serialNumber").asText()).isEqualTo(b.serialNumber());
        assertThat(verified.at("/batch/marking").asText()).isEqualTo(ReadyMixFixture.C30);
        assertThat(verified.at("/batch/startNotification").asText()).isEqualTo("NOT_DUE");
        assertThat(verified.at("/claims/kind").asText()).isEqualTo("BATCH");
        assertThat(verified.get("record").isNull()).isTrue();
        Http.Response page = http.get("/v/" + bare, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("生产流水号", b.serialNumber(), "3#楼 五层 梁板", "发货单");
    }

    @Test
    void theNextBatchOfTheDayGetsTheNextSequence() {
        ReadyMixFixture.Registration m = plant.materials(now());
        Instant planned = now().plus(Duration.ofHours(2));
        SerialNumber a = SerialNumber.parse(plant.put("/api/v1/plant/batches/" + unique("A"),
                batch(projectId, m.mixDesignId(), m.lots(), planned)).json().get("serialNumber").asText());
        SerialNumber b = SerialNumber.parse(plant.put("/api/v1/plant/batches/" + unique("B"),
                batch(projectId, m.mixDesignId(), m.lots(), planned)).json().get("serialNumber").asText());
        assertThat(b.sequence()).isEqualTo(a.sequence() + 1);
    }

    @Test
    void concurrentIdenticalRegistrationsMakeOneBatchAndSpendOneSerialNumber() throws Exception {
        ReadyMixFixture.Registration m = plant.materials(now());
        String batchId = unique("RACE");
        Map<String, Object> body = batch(projectId, m.mixDesignId(), m.lots(), now().plus(Duration.ofHours(1)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Http.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> plant.put("/api/v1/plant/batches/" + batchId, body));
            }
            List<Http.Response> answers = new ArrayList<>();
            for (Future<Http.Response> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
            assertThat(answers).extracting(Http.Response::status).containsOnly(200, 201);
            assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(answers).extracting(r -> r.json().get("serialNumber").asText()).containsOnly(
                    answers.get(0).json().get("serialNumber").asText());
        } finally {
            pool.shutdown();
        }
        int rows = server.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from production_batch where plant_batch_id = :b").bind("b", batchId).mapTo(Integer.class).one());
        assertThat(rows).isEqualTo(1);
        // no sequence was spent by the requests that found the batch registered
        SerialNumber raced = SerialNumber.parse(http.get("/api/v1/batches?q=" + batchId, plantToken).json().get(0)
                .get("serialNumber").asText());
        SerialNumber next = SerialNumber.parse(plant.put("/api/v1/plant/batches/" + unique("AFTER"),
                batch(projectId, m.mixDesignId(), m.lots(), now().plus(Duration.ofHours(1)))).json()
                .get("serialNumber").asText());
        assertThat(next.sequence()).isEqualTo(raced.sequence() + 1);
    }

    @Test
    void anUnregisteredLotIsRefusedNamingTheField() {
        ReadyMixFixture.Registration m = plant.materials(now());
        List<String> lots = List.of(m.lots().get(0), m.lots().get(1), "NOT-REGISTERED-LOT");
        Http.Response r = plant.put("/api/v1/plant/batches/" + unique("B"), batch(projectId, m.mixDesignId(), lots,
                now().plus(Duration.ofHours(1))));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(fields(r)).containsExactly("materialLotIds[2]:lot_not_registered");
        assertThat(r.json().get("detail").asText()).contains("not registered cannot be used in production");
    }

    @Test
    void referencesAreCheckedAgainstTheMixDesign() {
        ReadyMixFixture.Registration m = plant.materials(now());
        String admixture = unique("LOT-A");
        assertThat(plant.put("/api/v1/plant/material-lots/" + admixture, lot("ADMIXTURE", now())).status()).isEqualTo(201);
        // an admixture the design does not use; the sand the design needs left out; another marking
        Map<String, Object> body = batch(projectId, m.mixDesignId(), List.of(m.lots().get(0), admixture),
                now().plus(Duration.ofHours(1)));
        body.put("marking", "A-C35-180(S4)-P8-GB/T 14902");
        Http.Response r = plant.put("/api/v1/plant/batches/" + unique("B"), body);
        assertThat(r.status()).isEqualTo(422);
        assertThat(fields(r)).containsExactlyInAnyOrder("materialLotIds[1]:kind_not_in_mix_design",
                "materialLotIds:missing_kind", "marking:differs_from_mix_design");

        // a design not valid on the planned start day, an unknown design, an unknown project
        String old = unique("MIX-OLD");
        assertThat(plant.put("/api/v1/plant/mix-designs/" + old, mixDesign(ReadyMixFixture.C30,
                LocalDate.now().minusDays(60), LocalDate.now().minusDays(30), "CEMENT", "SAND", "WATER")).status())
                .isEqualTo(201);
        assertThat(fields(plant.put("/api/v1/plant/batches/" + unique("B"), batch(projectId, old, m.lots(),
                now().plus(Duration.ofHours(1)))))).containsExactly("mixDesignId:not_valid_on_day");
        assertThat(fields(plant.put("/api/v1/plant/batches/" + unique("B"), batch(projectId, "NO-SUCH-MIX", m.lots(),
                now().plus(Duration.ofHours(1)))))).containsExactly("mixDesignId:not_registered");
        assertThat(fields(plant.put("/api/v1/plant/batches/" + unique("B"), batch(java.util.UUID.randomUUID().toString(),
                m.mixDesignId(), m.lots(), now().plus(Duration.ofHours(1)))))).containsExactly("projectId:unknown");
    }

    @Test
    void badInputIsAProblemNamingEveryField() {
        Map<String, Object> body = new HashMap<>();
        body.put("buyer", "");
        body.put("pourLocation", "x".repeat(201));
        body.put("marking", "C30");
        body.put("volumeM3", new java.math.BigDecimal("-1"));
        body.put("materialLotIds", List.of());
        Http.Response r = plant.put("/api/v1/plant/batches/" + unique("B"), body);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(fields(r)).contains("projectId:required", "buyer:required", "pourLocation:too_long",
                "volumeM3:not_positive", "mixDesignId:required", "materialLotIds:required", "plannedStart:required");
        assertThat(fields(r)).anyMatch(f -> f.startsWith("marking"));

        Map<String, Object> badLot = lot("WATER", now().plus(Duration.ofHours(1)));
        badLot.put("quantityTonnes", new java.math.BigDecimal("100000.5"));
        assertThat(fields(plant.put("/api/v1/plant/material-lots/" + unique("L"), badLot))).containsExactlyInAnyOrder(
                "kind:not_by_lot", "quantityTonnes:too_large", "arrivedAt:in_future");
        Http.Response badMix = plant.put("/api/v1/plant/mix-designs/" + unique("M"), Map.of("marking",
                ReadyMixFixture.C30, "quantities", List.of(Map.of("kind", "SAND", "kgPerM3", new java.math.BigDecimal("0"))),
                "validFrom", "2026-03-01", "validTo", "2026-02-01"));
        assertThat(fields(badMix)).containsExactlyInAnyOrder("quantities[0].kgPerM3:not_positive",
                "quantities:missing_cement", "quantities:missing_water", "validTo:before_valid_from");
        Http.Response wrongType = plant.send("PUT", "/api/v1/plant/material-lots/X1",
                "{\"kind\":\"CEMENT\",\"quantityTonnes\":\"a lot\"}".getBytes());
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(fields(wrongType)).containsExactly("quantityTonnes:malformed");
        Http.Response longId = plant.put("/api/v1/plant/material-lots/" + "L".repeat(65), lot("CEMENT", now()));
        assertThat(fields(longId)).containsExactly("lotId:invalid_id");
    }

    @Test
    void aLotMayBeReplacedUntilABatchUsesIt() {
        String lotId = unique("LOT");
        Map<String, Object> body = lot("CEMENT", now().minusSeconds(600));
        Http.Response created = plant.put("/api/v1/plant/material-lots/" + lotId, body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(plant.put("/api/v1/plant/material-lots/" + lotId, body).json().get("version").asLong()).isEqualTo(1);
        body.put("quantityTonnes", new java.math.BigDecimal("99"));
        Http.Response replaced = plant.put("/api/v1/plant/material-lots/" + lotId, body);
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("version").asLong()).isEqualTo(2);
        assertThat(replaced.json().get("id").asText()).isEqualTo(created.json().get("id").asText());

        ReadyMixFixture.Registration m = plant.materials(now());
        List<String> lots = List.of(lotId, m.lots().get(1));
        assertThat(plant.put("/api/v1/plant/batches/" + unique("B"), batch(projectId, m.mixDesignId(), lots,
                now().plus(Duration.ofHours(1)))).status()).isEqualTo(201);
        body.put("quantityTonnes", new java.math.BigDecimal("98"));
        Http.Response refused = plant.put("/api/v1/plant/material-lots/" + lotId, body);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(fields(refused)).containsExactly("quantityTonnes:differs");
        Map<String, Object> design = mixDesign(ReadyMixFixture.C30, LocalDate.now().minusDays(9), null, "CEMENT", "SAND",
                "WATER");
        assertThat(fields(plant.put("/api/v1/plant/mix-designs/" + m.mixDesignId(), design)))
                .containsExactly("validFrom:differs");
    }

    @Test
    void notificationsOnTimeLateAndMissing() {
        ReadyMixFixture.Registration m = plant.materials(now());
        Instant t0 = now();
        String onTime = register(m, t0.plus(Duration.ofMinutes(30)));
        String late = register(m, t0.plus(Duration.ofMinutes(30)));
        String neverStarted = register(m, t0.plus(Duration.ofMinutes(30)));
        String endMissing = register(m, t0.plus(Duration.ofMinutes(30)));

        // an end without a start, a start in the future: refused naming eventAt
        assertThat(fields(notify(onTime, "end", t0, "30"))).containsExactly("eventAt:not_started");
        assertThat(fields(notify(onTime, "start", t0.plus(Duration.ofMinutes(10)), null)))
                .containsExactly("eventAt:in_future");

        CLOCK.advance(Duration.ofMinutes(40));
        Instant started = t0.plus(Duration.ofMinutes(35));
        JsonNode s = notify(onTime, "start", started, null).json();
        assertThat(s.get("startNotification").asText()).isEqualTo("ON_TIME");
        assertThat(s.get("endNotification").asText()).isEqualTo("NOT_DUE");
        assertThat(notify(endMissing, "start", started, null).json().get("startNotification").asText()).isEqualTo("ON_TIME");
        // the same start again changes nothing; another start time is a conflict
        assertThat(notify(onTime, "start", started, null).json().get("version").asLong()).isEqualTo(s.get("version").asLong());
        assertThat(fields(notify(onTime, "start", started.plusSeconds(60), null))).containsExactly("eventAt:differs");
        // an end before the start
        assertThat(fields(notify(onTime, "end", started.minusSeconds(60), "36"))).containsExactly("eventAt:before_start");

        // trucks carry the whole planned volume of endMissing; its end is due from the last departure
        Instant departed = now().minus(Duration.ofMinutes(1));
        assertThat(ticket(endMissing, unique("T"), "18", departed.minus(Duration.ofMinutes(3))).status()).isEqualTo(201);
        JsonNode half = http.get("/api/v1/batches/" + serial(endMissing), plantToken).json();
        assertThat(half.path("dispatchedAt").isNull() || half.path("dispatchedAt").isMissingNode())
                .as("half the planned volume is not dispatched: %s", half.path("dispatchedAt")).isTrue();
        assertThat(half.get("endNotification").asText()).isEqualTo("NOT_DUE");
        assertThat(ticket(endMissing, unique("T"), "18", departed).status()).isEqualTo(201);
        assertThat(batchState(endMissing, "endNotification")).isEqualTo("DUE");
        // the moment the tickets first covered the planned volume travels with the batch, for offline clients
        assertThat(Instant.parse(batchState(endMissing, "dispatchedAt")))
                .isEqualTo(departed.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        // a ticket recorded late that departed earlier: the tickets in departure order (DispatchRule) now
        // cover the plan at its departure, which the batch's moment moves back to
        Instant earlier = departed.minus(Duration.ofMinutes(2));
        assertThat(ticket(endMissing, unique("T"), "18", earlier).status()).isEqualTo(201);
        assertThat(Instant.parse(batchState(endMissing, "dispatchedAt")))
                .isEqualTo(earlier.truncatedTo(java.time.temporal.ChronoUnit.MICROS));

        CLOCK.advance(Duration.ofHours(2));
        // the late one notifies its start 2 hours after it happened
        assertThat(notify(late, "start", started, null).json().get("startNotification").asText()).isEqualTo("LATE");
        assertThat(notify(onTime, "end", now().minus(Duration.ofMinutes(30)), "36").json().get("endNotification")
                .asText()).isEqualTo("ON_TIME");
        assertThat(batchState(neverStarted, "startNotification")).isEqualTo("MISSING");
        assertThat(batchState(endMissing, "endNotification")).isEqualTo("MISSING");

        // the list filters by those states, with a total
        Http.Response missing = http.get("/api/v1/batches?notification=MISSING&limit=500", plantToken);
        assertThat(serials(missing)).contains(serial(neverStarted), serial(endMissing))
                .doesNotContain(serial(onTime), serial(late));
        Http.Response lateOnes = http.get("/api/v1/batches?startNotification=LATE", plantToken);
        assertThat(serials(lateOnes)).contains(serial(late)).doesNotContain(serial(onTime));
        assertThat(Long.parseLong(lateOnes.header("x-total-count"))).isEqualTo(lateOnes.json().size());
        assertThat(serials(http.get("/api/v1/batches?endNotification=ON_TIME", plantToken))).contains(serial(onTime));
    }

    @Test
    void ticketsAreIdempotentAndListedUnderTheBatch() {
        ReadyMixFixture.Registration m = plant.materials(now());
        String batchId = register(m, now().plus(Duration.ofMinutes(5)));
        String number = unique("FH");
        Instant departed = now().minusSeconds(120);
        Http.Response first = ticket(batchId, number, "12", departed);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(ticket(batchId, number, "12", departed).status()).isEqualTo(200);
        assertThat(fields(ticket(batchId, number, "11", departed))).containsExactly("volumeM3:differs");
        assertThat(fields(ticket(batchId, unique("FH"), "21", departed))).containsExactly("volumeM3:too_large");
        JsonNode tickets = http.get("/api/v1/batches/" + serial(batchId) + "/tickets", plantToken).json();
        assertThat(tickets).hasSize(1);
        assertThat(tickets.get(0).get("ticketNumber").asText()).isEqualTo(number);
        assertThat(ticket("NO-SUCH-BATCH", unique("FH"), "1", departed).status()).isEqualTo(404);
    }

    @Test
    void theBatchReadCarriesItsVersionAsEtag() {
        ReadyMixFixture.Registration m = plant.materials(now());
        String batchId = register(m, now().plus(Duration.ofMinutes(5)));
        Http.Response r = http.get("/api/v1/batches/" + serial(batchId), plantToken);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("etag")).isEqualTo("\"" + r.json().get("version").asLong() + "\"");
        assertThat(http.get("/api/v1/batches/20990101-000000000-000001", plantToken).status()).isEqualTo(404);
    }

    private static String register(ReadyMixFixture.Registration m, Instant plannedStart) {
        String batchId = unique("B");
        Http.Response r = plant.put("/api/v1/plant/batches/" + batchId, batch(projectId, m.mixDesignId(), m.lots(),
                plannedStart));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return batchId;
    }

    private static Http.Response notify(String batchId, String which, Instant eventAt, String volume) {
        Map<String, Object> body = new HashMap<>();
        body.put("eventAt", eventAt.toString());
        if (volume != null) {
            body.put("producedVolumeM3", new java.math.BigDecimal(volume));
        }
        return plant.post("/api/v1/plant/batches/" + batchId + "/" + which, body);
    }

    private static Http.Response ticket(String batchId, String number, String volume, Instant departed) {
        return plant.put("/api/v1/plant/batches/" + batchId + "/tickets/" + number, Map.of("truckNumber", "闽A·D3516",
                "volumeM3", new java.math.BigDecimal(volume), "departedAt", departed.toString(), "deliveryPlace", "工地北门"));
    }

    private static String serial(String batchId) {
        JsonNode list = http.get("/api/v1/batches?q=" + batchId, plantToken).json();
        assertThat(list).as("batch %s listed", batchId).hasSize(1);
        return list.get(0).get("serialNumber").asText();
    }

    private static String batchState(String batchId, String field) {
        return http.get("/api/v1/batches/" + serial(batchId), plantToken).json().get(field).asText();
    }

    private static List<String> serials(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().forEach(b -> out.add(b.get("serialNumber").asText()));
        return out;
    }

    static List<String> fields(Http.Response r) {
        List<String> out = new ArrayList<>();
        r.json().path("errors").forEach(e -> out.add(e.get("field").asText() + ":" + e.get("code").asText()));
        return out;
    }
}

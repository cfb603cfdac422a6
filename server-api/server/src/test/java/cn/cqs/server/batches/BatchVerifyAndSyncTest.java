package cn.cqs.server.batches;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.batches.BatchKeyFields;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.qr.TokenKind;
import cn.cqs.contract.qr.TokenSigner;
import cn.cqs.contract.sync.ChangePage;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.demo.DemoAccounts;
import cn.cqs.server.testing.Fixtures;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.Reports;
import cn.cqs.server.testing.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Public verification of batch tokens (genuine; altered record; signed by someone other than the
 * platform), the demo plant's seeded batches in each notification state, and the change feed
 * carrying batches, lots and mix designs to the plant and to the regulators of the jurisdiction.
 */
class BatchVerifyAndSyncTest {
    private static CqsServer server;
    private static Http http;
    private static Fixtures.PlantData plant;

    @BeforeAll
    static void setUp() {
        server = TestServers.shared();
        http = new Http(server);
        plant = Fixtures.plantData(server);
    }

    private static String token(String serial) {
        String qr = http.get("/api/v1/batches/" + serial, plant.plantToken()).json().get("qrText").asText();
        return qr.substring(qr.indexOf("/v/") + 3);
    }

    @Test
    void aBatchTokenVerifiesAndAnAlteredRecordDoesNotMatch() {
        String serial = plant.serialNumber();
        JsonNode genuine = http.get("/api/v1/verify/" + token(serial), null).json();
        assertThat(genuine.get("outcome").asText()).isEqualTo("GENUINE_IN_SYSTEM");
        assertThat(genuine.at("/claims/issuerName").asText()).contains("平台");
        assertThat(genuine.at("/batch/pourLocation").asText()).isEqualTo(plant.pourLocation());

        // a second batch whose stored buyer is then altered behind the platform's back
        Fixtures.PlantData other = Fixtures.plantData(server);
        server.jdbi().useHandle(h -> h.createUpdate("update production_batch set buyer = '篡改的需方' where serial_number = :s")
                .bind("s", other.serialNumber()).execute());
        JsonNode altered = http.get("/api/v1/verify/" + token(other.serialNumber()), null).json();
        assertThat(altered.get("outcome").asText()).isEqualTo("DIGEST_MISMATCH");
        assertThat(altered.at("/batch/buyer").asText()).isEqualTo("篡改的需方");
        assertThat(http.get("/v/" + token(other.serialNumber()), null).body()).contains("篡改的需方");
    }

    @Test
    void aBatchTokenSignedByAPlantIsNotCertifiedForBatches() {
        // the plant's own (genuine) certificate signs a token claiming to be a batch serial number
        OrganisationCredential plantKey = Reports.demoCredential(server, DemoAccounts.Org.PLANT);
        QrToken forged = TokenSigner.of(plantKey).sign(TokenKind.BATCH, plant.serialNumber(),
                BatchKeyFields.of(plant.serialNumber(), DemoAccounts.Org.PLANT.uscc, UUID.randomUUID(),
                        "A-C30-180(S4)-GB/T 14902", new BigDecimal("20"), "x", "y"), Instant.now());
        JsonNode r = http.get("/api/v1/verify/" + forged.encode(), null).json();
        assertThat(r.get("outcome").asText()).isEqualTo("ISSUER_NOT_CERTIFIED");
        assertThat(r.get("batch").isNull()).isTrue();
    }

    @Test
    void theDemoPlantShowsEachNotificationState() {
        String token = http.login("plant-clerk");
        List<JsonNode> demo = new ArrayList<>();
        http.get("/api/v1/batches?q=SC-DEMO&limit=500", token).json().forEach(demo::add);
        assertThat(demo).hasSize(4);
        assertThat(state(demo, "SC-DEMO-001")).isEqualTo("ON_TIME/ON_TIME");
        assertThat(state(demo, "SC-DEMO-002")).isEqualTo("LATE/NOT_DUE");
        assertThat(state(demo, "SC-DEMO-003")).isEqualTo("ON_TIME/MISSING");
        assertThat(state(demo, "SC-DEMO-004")).isEqualTo("NOT_DUE/NOT_DUE");
        // the list's filters agree with the states computed in Java
        List<String> missing = new ArrayList<>();
        http.get("/api/v1/batches?q=SC-DEMO&notification=MISSING", token).json()
                .forEach(b -> missing.add(b.get("batchId").asText()));
        assertThat(missing).containsExactly("SC-DEMO-003");
        List<String> late = new ArrayList<>();
        http.get("/api/v1/batches?q=SC-DEMO&startNotification=LATE", token).json()
                .forEach(b -> late.add(b.get("batchId").asText()));
        assertThat(late).containsExactly("SC-DEMO-002");
        assertThat(http.get("/api/v1/mix-designs", token).json().size()).isGreaterThanOrEqualTo(2);
    }

    private static String state(List<JsonNode> batches, String batchId) {
        JsonNode b = batches.stream().filter(x -> x.get("batchId").asText().equals(batchId)).findFirst().orElseThrow();
        return b.get("startNotification").asText() + "/" + b.get("endNotification").asText();
    }

    @Test
    void theChangeFeedCarriesReadyMixRecordsToThePlantAndTheJurisdiction() throws Exception {
        List<String> plantFeed = feed(plant.plantToken());
        assertThat(plantFeed).anyMatch(c -> c.startsWith("batch:") && c.contains(plant.serialNumber()));
        assertThat(plantFeed).anyMatch(c -> c.startsWith("material_lot:") && c.contains(plant.lotId()));
        assertThat(plantFeed).anyMatch(c -> c.startsWith("mix_design:") && c.contains(plant.mixDesignId()));
        assertThat(feed(http.login("fz-inspector"))).anyMatch(c -> c.startsWith("batch:") && c.contains(plant.serialNumber()));
        assertThat(feed(http.login("xm-inspector"))).noneMatch(c -> c.contains(plant.serialNumber()));
        assertThat(feed(http.login("lab-admin"))).noneMatch(c -> c.startsWith("batch:") || c.startsWith("material_lot:"));
    }

    /** The whole feed as entity:data text. */
    private static List<String> feed(String token) throws Exception {
        List<String> out = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 100; i++) {
            Http.Response r = http.get("/api/v1/sync/changes?limit=500" + (cursor == null ? "" : "&since=" + cursor), token);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            ChangePage page = Http.MAPPER.readValue(r.body(), ChangePage.class);
            page.changes().forEach(c -> out.add(c.entity() + ":" + c.data()));
            if (!page.hasMore()) {
                return out;
            }
            cursor = page.nextCursor();
        }
        throw new AssertionError("the feed did not end");
    }
}

package cn.cqs.server.batches.dosing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.batches.MaterialIntakeRequest;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.MixDesignRequest;
import cn.cqs.contract.batches.MixQuantity;
import cn.cqs.contract.batches.NotificationRequest;
import cn.cqs.contract.batches.ProductionRequest;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.testing.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Test fixture of the ready-mix tests: users with the ready-mix permissions (a plant office user,
 * Xiamen's and Fuzhou's ready-mix inspectors), a project in Xiamen, the plant's material lots and a
 * C30 mix design, and batches registered, started and ended through the plant API.
 */
final class ReadyMix {
    /** The C30 mix design's kg per m³. */
    static final Map<MaterialKind, BigDecimal> MIX = mix();
    final Http http;
    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String plantToken;
    final String xmToken;
    final String fzToken;
    final String labToken;
    final UUID projectId;
    final String projectName;
    final String mixDesignId;
    final List<String> lotIds = new ArrayList<>();

    final UUID plantId;
    final String plantName;

    ReadyMix(CqsServer server) {
        http = new Http(server);
        labToken = http.login("lab-admin");
        xmToken = http.login("xm-inspector");
        fzToken = http.login("fz-inspector");
        // a plant of its own (registered by Xiamen), so its figures are this fixture's alone
        String xmAdmin = http.login("xm-admin");
        plantName = "测试搅拌站 " + suffix;
        String uscc = freshUscc();
        Http.Response org = http.post("/api/v1/organisations", xmAdmin, Map.of("name", plantName,
                "kind", "READY_MIX_PLANT", "uscc", uscc, "regionCode", "350206"));
        assertThat(org.status()).as(org.body()).isEqualTo(201);
        plantId = UUID.fromString(org.json().at("/organisation/id").asText());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", "rmc-plant-" + suffix);
        body.put("displayName", "测试搅拌站管理员");
        body.put("password", "password-" + suffix);
        body.put("role", "ADMINISTRATOR");
        body.put("permissions", Set.of(Permission.BATCHES_REGISTER, Permission.REPORTS_AUTHOR));
        Http.Response admin = http.post("/api/v1/organisations/" + plantId + "/users", xmAdmin, body);
        assertThat(admin.status()).as(admin.body()).isEqualTo(201);
        plantToken = http.login("rmc-plant-" + suffix, "password-" + suffix);
        projectName = "预拌混凝土测试工程 " + suffix;
        Http.Response project = http.post("/api/v1/projects", labToken, Map.of("name", projectName,
                "regionCode", "350203", "address", "厦门市思明区"));
        assertThat(project.status()).as(project.body()).isEqualTo(201);
        projectId = UUID.fromString(project.json().get("id").asText());
        Http.Response linked = http.post("/api/v1/projects/" + projectId + "/organisations", labToken, Map.of("uscc", uscc));
        assertThat(linked.status()).as(linked.body()).isIn(200, 201, 204);
        Instant arrived = Instant.now().minus(3, ChronoUnit.DAYS);
        for (MaterialKind kind : MaterialKind.values()) {
            if (!kind.registeredByLot()) {
                continue;
            }
            String lotId = "LOT-" + kind + "-" + suffix;
            Http.Response lot = http.put("/api/v1/plant/material-lots/" + lotId, plantToken, new MaterialIntakeRequest(kind,
                    "规格" + kind, "供应商", "生产厂家" + kind, "PH-" + kind, new BigDecimal("100"), arrived, null), null);
            assertThat(lot.status()).as(lot.body()).isIn(200, 201);
            lotIds.add(lotId);
        }
        mixDesignId = "PHB-C30-" + suffix;
        List<MixQuantity> quantities = MIX.entrySet().stream().map(e -> new MixQuantity(e.getKey(), e.getValue())).toList();
        Http.Response mix = http.put("/api/v1/plant/mix-designs/" + mixDesignId, plantToken, new MixDesignRequest(
                "A-C30-180(S4)-GB/T 14902", quantities, null, LocalDate.now().minusDays(30), null), null);
        assertThat(mix.status()).as(mix.body()).isIn(200, 201);
    }

    private static Map<MaterialKind, BigDecimal> mix() {
        Map<MaterialKind, BigDecimal> m = new LinkedHashMap<>();
        m.put(MaterialKind.CEMENT, new BigDecimal("300"));
        m.put(MaterialKind.FLY_ASH, new BigDecimal("60"));
        m.put(MaterialKind.SLAG_POWDER, new BigDecimal("40"));
        m.put(MaterialKind.SAND, new BigDecimal("760"));
        m.put(MaterialKind.STONE, new BigDecimal("1060"));
        m.put(MaterialKind.ADMIXTURE, new BigDecimal("8"));
        m.put(MaterialKind.WATER, new BigDecimal("170"));
        return Map.copyOf(m);
    }

    /** A valid code of a Xiamen enterprise not used before (random organisation code, both check digits). */
    private static String freshUscc() {
        java.util.Random random = new java.util.Random();
        StringBuilder org = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            org.append((char) ('0' + random.nextInt(10)));
        }
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (org.charAt(i) - '0') * weights[i];
        }
        int c9 = 11 - sum % 11;
        String first17 = "91350206" + org + (c9 == 10 ? "X" : c9 == 11 ? "0" : Integer.toString(c9));
        return first17 + cn.cqs.contract.orgs.Uscc.checkDigit(first17);
    }

    /** Registers a batch planned to start at {@code plannedStart}; answers its JSON. */
    JsonNode batch(String batchId, Instant plannedStart, String pourLocation) {
        Http.Response r = http.put("/api/v1/plant/batches/" + batchId, plantToken, new ProductionRequest(projectId,
                "福建建工集团", pourLocation, "A-C30-180(S4)-GB/T 14902", new BigDecimal("12"), mixDesignId, lotIds,
                plannedStart, "HT-" + suffix), null);
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return r.json();
    }

    /** Notifies the start or end ({@code which}) of a batch. */
    void notify(String batchId, String which, Instant eventAt, BigDecimal producedVolume) {
        Http.Response r = http.post("/api/v1/plant/batches/" + batchId + "/" + which, plantToken,
                new NotificationRequest(eventAt, producedVolume));
        assertThat(r.status()).as(r.body()).isIn(200, 201);
    }
}

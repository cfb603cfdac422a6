package cn.cqs.server.batches;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.server.testing.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies and registration steps for the ready-mix tests, against a demo server. */
final class ReadyMixFixture {
    static final String C30 = "A-C30-180(S4)-P8-GB/T 14902";
    private final Http http;
    private final String token;
    private final Map<String, String> headers;

    /** Acting with a login token. */
    ReadyMixFixture(Http http, String token) {
        this(http, token, Map.of());
    }

    private ReadyMixFixture(Http http, String token, Map<String, String> headers) {
        this.http = http;
        this.token = token;
        this.headers = headers;
    }

    /** Acting with an API key (an ERP). */
    static ReadyMixFixture withApiKey(Http http, String apiKey) {
        return new ReadyMixFixture(http, null, Map.of(cn.cqs.contract.auth.ApiKeyCreated.HEADER, apiKey));
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> lot(String kind, Instant arrivedAt) {
        Map<String, Object> m = new HashMap<>();
        m.put("kind", kind);
        m.put("specification", "P·O 42.5");
        m.put("supplier", "福建炼石水泥有限公司");
        m.put("manufacturer", "福建炼石水泥有限公司");
        m.put("lotNumber", "LS-" + kind);
        m.put("quantityTonnes", new java.math.BigDecimal("120.5"));
        m.put("arrivedAt", arrivedAt.toString());
        return m;
    }

    static Map<String, Object> mixDesign(String marking, LocalDate validFrom, LocalDate validTo, String... kinds) {
        Map<String, Object> m = new HashMap<>();
        m.put("marking", marking);
        List<Map<String, Object>> q = new java.util.ArrayList<>();
        for (String kind : kinds) {
            q.add(Map.of("kind", kind, "kgPerM3", new java.math.BigDecimal(kind.equals("WATER") ? "170" : "300")));
        }
        m.put("quantities", q);
        m.put("validFrom", validFrom.toString());
        if (validTo != null) {
            m.put("validTo", validTo.toString());
        }
        return m;
    }

    static Map<String, Object> batch(String projectId, String mixDesignId, List<String> lots, Instant plannedStart) {
        Map<String, Object> m = new HashMap<>();
        m.put("projectId", projectId);
        m.put("buyer", "福建建工集团有限公司");
        m.put("pourLocation", "3#楼 五层 梁板");
        m.put("marking", C30);
        m.put("volumeM3", new java.math.BigDecimal("36"));
        m.put("mixDesignId", mixDesignId);
        m.put("materialLotIds", lots);
        m.put("plannedStart", plannedStart.toString());
        m.put("contractNumber", "HT-2026-018");
        return m;
    }

    Http.Response put(String path, Object body) {
        return http.send("PUT", path, token, Http.bytes(body), headers);
    }

    Http.Response post(String path, Object body) {
        return http.send("POST", path, token, Http.bytes(body), headers);
    }

    Http.Response send(String method, String path, byte[] body) {
        return http.send(method, path, token, body, headers);
    }

    Http.Response get(String path) {
        return http.send("GET", path, token, null, headers);
    }

    /** Registers a cement and a sand lot and a C30 design using CEMENT, SAND, WATER; answers (mixId, lots). */
    Registration materials(Instant now) {
        String cement = unique("LOT-C");
        String sand = unique("LOT-S");
        Http.Response c = put("/api/v1/plant/material-lots/" + cement, lot("CEMENT", now.minusSeconds(3600)));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        assertThat(put("/api/v1/plant/material-lots/" + sand, lot("SAND", now.minusSeconds(3600))).status()).isEqualTo(201);
        String mix = unique("MIX");
        Http.Response r = put("/api/v1/plant/mix-designs/" + mix, mixDesign(C30, LocalDate.now().minusDays(10), null,
                "CEMENT", "SAND", "WATER"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return new Registration(mix, List.of(cement, sand));
    }

    record Registration(String mixDesignId, List<String> lots) {
    }

    /** A project of the demo plant (created by it). */
    String plantProject() {
        JsonNode projects = http.get("/api/v1/projects", token).json();
        for (JsonNode p : projects) {
            if (p.get("name").asText().startsWith("仓山区")) {
                return p.get("id").asText();
            }
        }
        throw new AssertionError("the demo plant's project is missing: " + projects);
    }
}

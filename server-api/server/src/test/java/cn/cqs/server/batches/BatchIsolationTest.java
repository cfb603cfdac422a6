package cn.cqs.server.batches;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.orgs.Organisation;
import cn.cqs.contract.orgs.OrganisationKind;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.orgs.Role;
import cn.cqs.contract.orgs.User;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.app.ServerConfig;
import cn.cqs.server.auth.PasswordHasher;
import cn.cqs.server.demo.DemoAccounts;
import cn.cqs.server.orgs.OrganisationService;
import cn.cqs.server.orgs.UserService;
import cn.cqs.server.testing.Fixtures;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Walks EVERY documented ready-mix operation (from openapi.json, so a new route cannot be
 * forgotten) as outsiders, aimed at the demo plant's records: a testing agency, a
 * construction-company lab, a regulator outside the jurisdiction (Xiamen) and another ready-mix
 * plant. None gets the plant's data or changes its records; regulators inside the jurisdiction see
 * exactly the batches for projects in their region and below.
 */
class BatchIsolationTest {
    private static final String OTHER_PLANT_ADMIN = "other-plant-admin";
    private static CqsServer server;
    private static Http http;
    private static Fixtures.PlantData plant;
    private static List<Fixtures.Operation> operations;

    @BeforeAll
    static void setUp() {
        server = TestServers.start(ServerConfig.forTests());
        http = new Http(server);
        plant = Fixtures.plantData(server);
        operations = Fixtures.operations(server).stream().filter(op -> Fixtures.isReadyMixPath(op.path())).toList();
        Instant now = Instant.now();
        server.jdbi().useTransaction(h -> {
            UUID org = UUID.randomUUID();
            OrganisationService.insert(h, new Organisation(org, "厦门另一家商品混凝土有限公司", OrganisationKind.READY_MIX_PLANT,
                    "913501005871234559", "350200", null, now, 1));
            UserService.insert(h, new User(UUID.randomUUID(), org, OTHER_PLANT_ADMIN, "另厂长", Role.ADMINISTRATOR,
                    EnumSet.of(Permission.USERS_ADMIN, Permission.BATCHES_REGISTER), true, now, 1),
                    new PasswordHasher().hash(DemoAccounts.PASSWORD));
        });
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lab-admin", "conlab-admin", "xm-inspector", OTHER_PLANT_ADMIN})
    void anOutsiderNeverReachesThePlantsRecords(String outsider) {
        String token = http.login(outsider);
        SoftAssertions soft = new SoftAssertions();
        for (Fixtures.Operation op : operations) {
            String path = op.hasPathParameter() ? plant.pathFor(op.path()) : op.path();
            Object body = Fixtures.validBody(op);
            soft.assertThat(op.requestSchema() == null || body != null).as("valid body fixture for %s",
                    op.requestSchema()).isTrue();
            Http.Response r = http.send(op.method(), path, token, body == null ? null : Http.bytes(body), Map.of());
            String what = outsider + " " + op.method() + " " + path;
            boolean ownNamespace = outsider.equals(OTHER_PLANT_ADMIN) && op.path().startsWith("/api/v1/plant/")
                    && op.method().equals("PUT");
            if (op.hasPathParameter() && !ownNamespace) {
                soft.assertThat(r.status()).as("%s -> %s", what, r.body()).isIn(403, 404);
            } else {
                // another plant registering under the same ids registers its own records (ids are per plant)
                soft.assertThat(r.status()).as("%s -> %s", what, r.body()).isLessThan(500);
            }
            String answer = r.body().replaceAll("\"instance\":\"[^\"]*\"", "").replaceAll("\"detail\":\"[^\"]*\"", "")
                    .replaceAll("\"message\":\"[^\"]*\"", "");
            for (String marker : outsider.equals(OTHER_PLANT_ADMIN) ? plant.contentMarkers() : plant.markers()) {
                soft.assertThat(answer).as("%s leaks %s", what, marker).doesNotContain(marker);
            }
        }
        soft.assertThat(operations).hasSizeGreaterThanOrEqualTo(11);
        soft.assertAll();
        // the plant's records are as they were
        JsonNode batch = http.get("/api/v1/batches/" + plant.serialNumber(), plant.plantToken()).json();
        assertThat(batch.get("version").asLong()).isEqualTo(1);
        assertThat(batch.get("startedAt").isNull()).isTrue();
        assertThat(http.get("/api/v1/batches/" + plant.serialNumber() + "/tickets", plant.plantToken()).json())
                .hasSize(1);
    }

    @Test
    void regulatorsSeeTheBatchesOfTheirJurisdiction() {
        // the batch is for the Cangshan project (350104): Fuzhou and the province see it, Gulou and Xiamen do not
        for (String inside : List.of("fz-inspector", "prov-inspector")) {
            String token = http.login(inside);
            assertThat(http.get("/api/v1/batches/" + plant.serialNumber(), token).status()).as(inside).isEqualTo(200);
            assertThat(serials(http.get("/api/v1/batches?limit=500", token))).as(inside).contains(plant.serialNumber());
            assertThat(lotIds(http.get("/api/v1/material-lots?limit=500", token))).as(inside).contains(plant.lotId());
        }
        for (String outside : List.of("gl-inspector", "xm-inspector")) {
            String token = http.login(outside);
            assertThat(http.get("/api/v1/batches/" + plant.serialNumber(), token).status()).as(outside).isEqualTo(404);
            assertThat(serials(http.get("/api/v1/batches?limit=500", token))).as(outside).doesNotContain(plant.serialNumber());
        }
        // a plant's user without BATCHES_REGISTER reads nothing
        assertThat(http.get("/api/v1/batches", http.login("plant-clerk")).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/batches", http.login("conlab-clerk")).status()).isEqualTo(403);
    }

    private static List<String> serials(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().forEach(b -> out.add(b.get("serialNumber").asText()));
        return out;
    }

    private static List<String> lotIds(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().forEach(b -> out.add(b.get("lotId").asText()));
        return out;
    }
}

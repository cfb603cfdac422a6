package cn.cqs.server.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.server.app.CqsServer;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ProjectTest {
    private final CqsServer server = TestServers.shared();
    private final Http http = new Http(server);

    private static Map<String, Object> request(String name, String region) {
        return Map.of("name", name, "regionCode", region, "address", "测试地址", "ownerParty", "某建设单位");
    }

    private static List<String> names(Http.Response list) {
        List<String> names = new ArrayList<>();
        list.json().forEach(p -> names.add(p.get("name").asText()));
        return names;
    }

    @Test
    void regulatorsSeeTheirJurisdictionAndBelow() {
        String xiamen = "翔安区保障性住房二期工程";
        String huli = "湖里区创新园三号楼";
        String gulou = "鼓楼区实验小学教学楼改扩建工程";
        String cangshan = "仓山区城市综合体项目一标段";
        assertThat(names(http.get("/api/v1/projects", http.login("prov-inspector"))))
                .contains(xiamen, huli, gulou, cangshan);
        assertThat(names(http.get("/api/v1/projects", http.login("fz-inspector"))))
                .contains(gulou, cangshan).doesNotContain(xiamen, huli);
        assertThat(names(http.get("/api/v1/projects", http.login("gl-inspector"))))
                .contains(gulou).doesNotContain(cangshan, xiamen, huli);
        assertThat(names(http.get("/api/v1/projects", http.login("xm-inspector"))))
                .contains(xiamen, huli).doesNotContain(gulou, cangshan);
    }

    @Test
    void enterprisesSeeWhatTheyCreatedOrAreLinkedTo() {
        assertThat(names(http.get("/api/v1/projects", http.login("plant-clerk"))))
                .contains("鼓楼区实验小学教学楼改扩建工程", "仓山区城市综合体项目一标段")
                .doesNotContain("翔安区保障性住房二期工程");
        String lab = http.login("lab-clerk");
        Http.Response created = http.post("/api/v1/projects", lab, request("链接测试 " + UUID.randomUUID(), "350206"));
        String id = created.json().get("id").asText();
        String conlab = http.login("conlab-clerk");
        assertThat(http.get("/api/v1/projects/" + id, conlab).status()).isEqualTo(404);
        Http.Response link = http.post("/api/v1/projects/" + id + "/organisations", lab, Map.of("uscc", "91350102MA2YQ5P73C"));
        assertThat(link.status()).isEqualTo(200);
        assertThat(http.get("/api/v1/projects/" + id, conlab).status()).isEqualTo(200);
        // the linked lab may read but not change the owner's record
        assertThat(http.put("/api/v1/projects/" + id, conlab, request("x", "350206"), "\"1\"").status()).isEqualTo(403);
        assertThat(http.post("/api/v1/projects/" + id + "/organisations", lab, Map.of("uscc", "91350200776049653B"))
                .json().at("/errors/0/code").asText()).isEqualTo("unknown");
    }

    @Test
    void regulatorCannotRegisterAProjectOutsideItsJurisdiction() {
        Http.Response r = http.post("/api/v1/projects", http.login("gl-inspector"), request("越界", "350203"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().at("/errors/0/field").asText()).isEqualTo("regionCode");
        assertThat(r.json().at("/errors/0/code").asText()).isEqualTo("outside_jurisdiction");
    }

    @Test
    void concurrentEditsAreDetectedNeverOverwritten() {
        String token = http.login("lab-clerk");
        Http.Response created = http.post("/api/v1/projects", token, request("并发 " + UUID.randomUUID(), "350203"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        String path = "/api/v1/projects/" + created.json().get("id").asText();

        Http.Response noIfMatch = http.put(path, token, request("甲的修改", "350203"), null);
        assertThat(noIfMatch.status()).isEqualTo(428);
        assertThat(noIfMatch.json().get("code").asText()).isEqualTo("precondition-required");

        Http.Response first = http.put(path, token, request("甲的修改", "350203"), "\"1\"");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"2\"");
        Http.Response second = http.put(path, token, request("乙的修改", "350203"), "\"1\"");
        assertThat(second.status()).isEqualTo(412);
        assertThat(second.json().get("code").asText()).isEqualTo("edit-conflict");
        assertThat(http.get(path, token).json().get("name").asText()).isEqualTo("甲的修改");
    }

    @Test
    void changesAreAuditedWithBeforeAndAfterAndTheLogIsAppendOnly() {
        String clerk = http.login("lab-clerk");
        Http.Response created = http.post("/api/v1/projects", clerk, request("审计 " + UUID.randomUUID(), "350203"));
        String id = created.json().get("id").asText();
        http.put("/api/v1/projects/" + id, clerk, request("审计后", "350203"), "\"1\"");

        JsonNode entries = http.get("/api/v1/audit?limit=50", http.login("lab-admin")).json();
        JsonNode update = null;
        for (JsonNode e : entries) {
            if (e.get("entityId").asText().equals(id) && e.get("action").asText().equals("project.update")) {
                update = e;
            }
        }
        assertThat(update).as("audit entry for the update").isNotNull();
        assertThat(update.at("/before/name").asText()).startsWith("审计 ");
        assertThat(update.at("/after/name").asText()).isEqualTo("审计后");
        assertThat(update.get("userId").asText()).isNotBlank();
        // the project's regulator sees it too, another city's does not, and ordinary users may not read the log
        assertThat(http.get("/api/v1/audit?limit=500", http.login("xm-inspector")).body()).contains(id);
        assertThat(http.get("/api/v1/audit?limit=500", http.login("fz-admin")).body()).doesNotContain(id);
        assertThat(http.get("/api/v1/audit", clerk).status()).isEqualTo(403);

        assertThatThrownBy(() -> server.jdbi().useHandle(h -> h.execute("update audit_log set action = 'forged'")))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> server.jdbi().useHandle(h -> h.execute("delete from audit_log")))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> server.jdbi().useHandle(h -> h.execute("truncate audit_log")))
                .hasMessageContaining("append-only");
    }

    @Test
    void idempotentRetryReturnsTheSameProjectAndCreatesOneRow() throws Exception {
        String token = http.login("lab-clerk");
        String name = "幂等 " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        byte[] body = Http.bytes(request(name, "350203"));
        Map<String, String> headers = Map.of("Idempotency-Key", key);
        Http.Response first = http.send("POST", "/api/v1/projects", token, body, headers);
        Http.Response again = http.send("POST", "/api/v1/projects", token, body, headers);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        // concurrent repeats too
        List<CompletableFuture<Http.Response>> racing = new ArrayList<>();
        String key2 = UUID.randomUUID().toString();
        byte[] body2 = Http.bytes(request(name + "-race", "350203"));
        for (int i = 0; i < 4; i++) {
            racing.add(CompletableFuture.supplyAsync(() ->
                    http.send("POST", "/api/v1/projects", token, body2, Map.of("Idempotency-Key", key2))));
        }
        for (CompletableFuture<Http.Response> f : racing) {
            assertThat(f.get().status()).isEqualTo(201);
        }
        int rows = server.jdbi().withHandle(h -> h.createQuery("select count(*) from project where name in (:a, :b)")
                .bind("a", name).bind("b", name + "-race").mapTo(Integer.class).one());
        assertThat(rows).isEqualTo(2);
        // the same key for a different request is refused
        Http.Response reused = http.send("POST", "/api/v1/projects", token, Http.bytes(request("别的", "350203")), headers);
        assertThat(reused.status()).isEqualTo(422);
        // keys are per organisation: another organisation's same key is its own
        Http.Response other = http.send("POST", "/api/v1/projects", http.login("conlab-clerk"), body, headers);
        assertThat(other.status()).isEqualTo(201);
        assertThat(other.json().get("id")).isNotEqualTo(first.json().get("id"));
    }
}

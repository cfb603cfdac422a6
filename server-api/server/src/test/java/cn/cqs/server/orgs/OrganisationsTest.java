package cn.cqs.server.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.orgs.Uscc;
import cn.cqs.server.demo.DemoAccounts;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrganisationsTest {
    private final Http http = new Http(TestServers.shared());

    @Test
    void demoOrganisationCodesAreAsIntended() {
        assertThat(Uscc.check(DemoAccounts.Org.LAB.uscc).status()).isEqualTo(Uscc.Status.VALID);
        assertThat(Uscc.check(DemoAccounts.Org.CONLAB.uscc).status()).isEqualTo(Uscc.Status.VALID);
        assertThat(Uscc.check(DemoAccounts.Org.PLANT.uscc).status()).isEqualTo(Uscc.Status.CHECK_DIGIT_MISMATCH);
    }

    @Test
    void provinceRegistersARegulatorAndItsAdministrator() {
        String prov = http.login("prov-admin");
        Http.Response created = http.post("/api/v1/organisations", prov,
                Map.of("name", "泉州市住房和城乡建设局", "kind", "REGULATOR", "regionCode", "350500"));
        assertThat(created.status()).isEqualTo(201);
        String orgId = created.json().at("/organisation/id").asText();
        Http.Response admin = http.post("/api/v1/organisations/" + orgId + "/users", prov, Map.of("username", "qz-admin",
                "displayName", "泉州管理员", "password", "Quanzhou@2026", "role", "ADMINISTRATOR",
                "permissions", List.of("REPORTS_SUPERVISE")));
        assertThat(admin.status()).isEqualTo(201);
        assertThat(admin.json().get("permissions").toString()).contains("USERS_ADMIN");
        String qz = http.login("qz-admin", "Quanzhou@2026");
        assertThat(http.get("/api/v1/auth/me", qz).json().get("organisationRegionCode").asText()).isEqualTo("350500");
        // a city cannot create regulators' users of another region, nor a second regulator for a region
        assertThat(http.post("/api/v1/organisations", prov,
                Map.of("name", "重复", "kind", "REGULATOR", "regionCode", "350500")).status()).isEqualTo(409);
        assertThat(http.post("/api/v1/organisations", http.login("xm-admin"),
                Map.of("name", "越界", "kind", "REGULATOR", "regionCode", "350102")).json().at("/errors/0/code").asText())
                .isEqualTo("outside_jurisdiction");
    }

    @Test
    void pilotCodeIsAcceptedWithAWarningAndInvalidCodeIsAFieldError() {
        String xm = http.login("xm-admin");
        String pilotLike = "91350200M0002TGQXM";
        Http.Response warned = http.post("/api/v1/organisations", xm,
                Map.of("name", "试点企业", "kind", "READY_MIX_PLANT", "uscc", pilotLike, "regionCode", "350206"));
        assertThat(warned.status()).isEqualTo(201);
        assertThat(warned.json().at("/warnings/0/field").asText()).isEqualTo("uscc");
        Http.Response invalid = http.post("/api/v1/organisations", xm,
                Map.of("name", "坏代码", "kind", "TESTING_AGENCY", "uscc", "91350200I76049653A", "regionCode", "350206"));
        assertThat(invalid.status()).isEqualTo(422);
        JsonNode error = invalid.json().at("/errors/0");
        assertThat(error.get("field").asText()).isEqualTo("uscc");
        assertThat(error.get("code").asText()).isEqualTo("character");
        assertThat(http.post("/api/v1/organisations", http.login("lab-admin"),
                Map.of("name", "x", "kind", "TESTING_AGENCY", "uscc", pilotLike, "regionCode", "350206")).status())
                .isEqualTo(403);
    }

    @Test
    void administratorManagesOwnUsersOnly() {
        String admin = http.login("plant-admin");
        String orgId = http.get("/api/v1/auth/me", admin).json().get("organisationId").asText();
        Http.Response user = http.post("/api/v1/organisations/" + orgId + "/users", admin, Map.of("username", "plant-new",
                "displayName", "新员工", "password", "short", "role", "ORDINARY", "permissions", List.of("REPORTS_SUPERVISE")));
        assertThat(user.status()).isEqualTo(422);
        assertThat(user.json().get("errors").toString()).contains("password").contains("REPORTS_SUPERVISE");
        Http.Response ok = http.post("/api/v1/organisations/" + orgId + "/users", admin, Map.of("username", "plant-new",
                "displayName", "新员工", "password", "Plant@2026", "role", "ORDINARY", "permissions", List.of("VERIFY")));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.body()).doesNotContain("Plant@2026");
        String id = ok.json().get("id").asText();
        Http.Response changed = http.put("/api/v1/users/" + id, admin,
                Map.of("displayName", "新员工", "role", "ORDINARY", "permissions", List.of("VERIFY", "REPORTS_AUTHOR")), "\"1\"");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"2\"");
        Http.Response deactivated = http.put("/api/v1/users/" + id, admin,
                Map.of("displayName", "新员工", "role", "ORDINARY", "permissions", List.of("VERIFY"), "active", false), "\"2\"");
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(http.post("/api/v1/auth/login", null, Map.of("username", "plant-new", "password", "Plant@2026")).status())
                .isEqualTo(401);
        // ordinary users cannot administer; duplicate names conflict
        assertThat(http.get("/api/v1/organisations/" + orgId + "/users", http.login("plant-clerk")).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/organisations/" + orgId + "/users", admin, Map.of("username", "lab-clerk",
                "displayName", "重名", "password", "Plant@2026", "role", "ORDINARY", "permissions", List.of())).status())
                .isEqualTo(409);
    }
}

package cn.cqs.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.sync.ChangePage;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.app.ServerConfig;
import cn.cqs.server.demo.DemoAccounts;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.Reports;
import cn.cqs.server.testing.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The change feed: paging, order, scope and cursors, on its own server so counts are exact. */
class SyncFeedTest {
    private static CqsServer server;
    private static Http http;

    @BeforeAll
    static void setUp() {
        server = TestServers.start(ServerConfig.forTests());
        http = new Http(server);
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    private static List<ChangePage> readAll(String token, int limit) throws Exception {
        List<ChangePage> pages = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 100; i++) {
            Http.Response r = http.get("/api/v1/sync/changes?limit=" + limit + (cursor == null ? "" : "&since=" + cursor), token);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            ChangePage page = Http.MAPPER.readValue(r.body(), ChangePage.class);
            pages.add(page);
            cursor = page.nextCursor();
            if (!page.hasMore()) {
                return pages;
            }
        }
        throw new AssertionError("feed did not end");
    }

    private static List<String> entries(List<ChangePage> pages) {
        return pages.stream().flatMap(p -> p.changes().stream()).map(c -> c.entity() + ":" + c.id()).toList();
    }

    @Test
    void pagesCoverTheCallersProjectsAndReportsInOrderAndOnlyThose() throws Exception {
        String lab = http.login("lab-admin");
        OrganisationCredential credential = Reports.demoCredential(server, DemoAccounts.Org.LAB);
        Http.Response project = http.post("/api/v1/projects", lab, Map.of("name", "同步工程 " + UUID.randomUUID(),
                "regionCode", "350203", "address", "厦门市思明区"));
        UUID projectId = UUID.fromString(project.json().get("id").asText());
        List<String> reportIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Http.Response r = http.post("/api/v1/reports", lab,
                    Reports.upload(credential, Reports.cube(Reports.newNumber(), projectId, "同步工程")));
            assertThat(r.status()).isEqualTo(201);
            reportIds.add(r.json().get("id").asText());
        }
        List<String> labProjects = http.get("/api/v1/projects", lab).json().findValuesAsText("id");

        List<ChangePage> pages = readAll(lab, 2);
        List<String> seen = entries(pages);
        assertThat(pages.size()).isGreaterThan(2);
        assertThat(pages.subList(0, pages.size() - 1)).allSatisfy(p -> {
            assertThat(p.changes()).hasSize(2);
            assertThat(p.hasMore()).isTrue();
        });
        assertThat(seen).doesNotHaveDuplicates();
        List<String> expected = new ArrayList<>();
        labProjects.forEach(id -> expected.add("project:" + id));
        reportIds.forEach(id -> expected.add("report:" + id));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
        // the reports come in upload order, after their project
        assertThat(seen.indexOf("report:" + reportIds.get(0))).isGreaterThan(seen.indexOf("project:" + projectId));
        assertThat(seen.indexOf("report:" + reportIds.get(0))).isLessThan(seen.indexOf("report:" + reportIds.get(2)));
        JsonNode data = pages.stream().flatMap(p -> p.changes().stream())
                .filter(c -> c.id().toString().equals(reportIds.get(0))).findFirst().orElseThrow().data();
        assertThat(data.get("reportNumber").asText()).startsWith("2026-");

        // nothing new: an empty page that keeps the cursor
        String last = pages.get(pages.size() - 1).nextCursor();
        ChangePage empty = Http.MAPPER.readValue(http.get("/api/v1/sync/changes?since=" + last, lab).body(), ChangePage.class);
        assertThat(empty.changes()).isEmpty();
        assertThat(empty.hasMore()).isFalse();
        assertThat(empty.nextCursor()).isEqualTo(last);

        // an update of the project comes again, once, with its new version
        String etag = http.get("/api/v1/projects/" + projectId, lab).header("ETag");
        assertThat(http.put("/api/v1/projects/" + projectId, lab, Map.of("name", "同步工程（改）", "regionCode", "350203",
                "address", "厦门市思明区"), etag).status()).isEqualTo(200);
        ChangePage next = Http.MAPPER.readValue(http.get("/api/v1/sync/changes?since=" + last, lab).body(), ChangePage.class);
        assertThat(next.changes()).singleElement().satisfies(c -> {
            assertThat(c.entity()).isEqualTo("project");
            assertThat(c.version()).isEqualTo(2);
        });

        // another city's regulator sees none of it; Xiamen's sees the reports
        List<String> fuzhou = entries(readAll(http.login("fz-admin"), 500));
        assertThat(fuzhou).noneMatch(e -> e.endsWith(projectId.toString()) || reportIds.stream().anyMatch(e::endsWith));
        List<String> xiamen = entries(readAll(http.login("xm-inspector"), 500));
        assertThat(xiamen).contains("report:" + reportIds.get(1), "project:" + projectId);
        // the plant sees none of the lab's reports
        assertThat(entries(readAll(http.login("plant-admin"), 500))).noneMatch(e -> e.startsWith("report:"));
    }

    @Test
    void linkingAnOrganisationPutsTheProjectInItsFeed() throws Exception {
        String lab = http.login("lab-admin");
        String plant = http.login("plant-admin");
        Http.Response project = http.post("/api/v1/projects", lab, Map.of("name", "共享工程 " + UUID.randomUUID(),
                "regionCode", "350203", "address", "厦门市思明区"));
        String id = project.json().get("id").asText();
        List<ChangePage> before = readAll(plant, 500);
        assertThat(entries(before)).doesNotContain("project:" + id);
        assertThat(http.post("/api/v1/projects/" + id + "/organisations", lab,
                Map.of("uscc", DemoAccounts.Org.PLANT.uscc)).status()).isEqualTo(200);
        String cursor = before.get(before.size() - 1).nextCursor();
        ChangePage after = Http.MAPPER.readValue(http.get("/api/v1/sync/changes?since=" + cursor, plant).body(),
                ChangePage.class);
        assertThat(after.changes()).extracting(c -> c.entity() + ":" + c.id()).containsExactly("project:" + id);
    }

    @Test
    void badCursorsAndLimitsAreProblems() {
        String lab = http.login("lab-clerk");
        for (String bad : List.of("v1:", "v1:-1", "v1:abc", "v2:5", "5", "v1:99999999999999999999")) {
            Http.Response r = http.get("/api/v1/sync/changes?since=" + bad, lab);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().at("/errors/0/field").asText()).isEqualTo("since");
        }
        assertThat(http.get("/api/v1/sync/changes?limit=0", lab).status()).isEqualTo(422);
        assertThat(http.get("/api/v1/sync/changes?limit=2001", lab).status()).isEqualTo(422);
        assertThat(http.get("/api/v1/sync/changes?limit=x", lab).status()).isEqualTo(422);
        assertThat(http.get("/api/v1/sync/changes", null).status()).isEqualTo(401);
    }
}

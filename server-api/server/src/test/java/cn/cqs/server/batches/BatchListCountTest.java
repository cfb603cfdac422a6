package cn.cqs.server.batches;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.server.app.CqsServer;
import cn.cqs.server.db.Sql;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.ReadyMixSeed;
import cn.cqs.server.testing.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/batches} against a real server with 10,050 batches of one plant: the bounded
 * count stops at 10,001 and says so ({@code X-Total-Count-Exact: false}), {@code count=exact} counts
 * them all, a deep page counts one past itself (so the count is exact again near the end), the page's
 * rows are the right ones in the list's order, the text search finds one batch among them by serial
 * number, batch id or pour location, and a bad {@code count} is a 422 naming it.
 */
class BatchListCountTest {
    private static final int BATCHES = 10_050;
    private static final Instant NEWEST = Instant.parse("2025-06-30T02:00:00Z");
    private static Http http;
    private static String xiamen;
    private static ReadyMixSeed.Plant plant;
    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase(Locale.ROOT);

    @BeforeAll
    static void seed() {
        CqsServer server = TestServers.shared();
        http = new Http(server);
        xiamen = http.login("xm-inspector");
        ReadyMixSeed seed = new ReadyMixSeed(10_050L);
        server.jdbi().useTransaction(h -> {
            plant = seed.plant(h, "计数搅拌站 " + RUN, "350206");
            UUID project = seed.project(h, "计数工程 " + RUN, "350203", plant.id());
            // batch i planned i minutes before NEWEST: batch 1 is the newest
            int rows = h.createUpdate("""
                            insert into production_batch (id, serial_number, organisation_id, plant_batch_id, project_id,
                                   region_code, buyer, pour_location, marking, volume_m3, mix_design_id, planned_start,
                                   qr_token, registered_at)
                            select gen_random_uuid(), '20250630-CNT' || :run || '-' || lpad(i::text, 6, '0'), :org,
                                   'CNT-' || :run || '-' || i, :project, '350203', '厦门计数建设有限公司',
                                   case when i = 4321 then '计数' || :run || '号楼 屋面' else '1#楼 梁板' end,
                                   :marking, 12, :mix, cast(:newest as timestamptz) - i * interval '1 minute', :token, :newest
                              from generate_series(1, :n) as i""")
                    .bind("run", RUN).bind("org", plant.id()).bind("project", project).bind("marking", ReadyMixSeed.MARKING)
                    .bind("mix", plant.mixDesignId()).bind("newest", Sql.ts(NEWEST))
                    .bind("token", ReadyMixSeed.token(plant.uscc(), "COUNT")).bind("n", BATCHES).execute();
            assertThat(rows).isEqualTo(BATCHES);
        });
    }

    private static Http.Response list(String query) {
        Http.Response r = http.get("/api/v1/batches?plantId=" + plant.id() + query, xiamen);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    @Test
    void theBoundedCountStopsAt10001AndSaysSo() {
        Http.Response first = list("&limit=3");
        assertThat(first.header("X-Total-Count")).isEqualTo("10001");
        assertThat(first.header("X-Total-Count-Exact")).isEqualTo("false");
        JsonNode rows = first.json();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("batchId").asText()).isEqualTo("CNT-" + RUN + "-1");
        assertThat(rows.get(2).get("batchId").asText()).isEqualTo("CNT-" + RUN + "-3");
        assertThat(rows.get(0).get("plantName").asText()).isEqualTo(plant.name());

        Http.Response exact = list("&limit=3&count=exact");
        assertThat(exact.header("X-Total-Count")).isEqualTo(Integer.toString(BATCHES));
        assertThat(exact.header("X-Total-Count-Exact")).isEqualTo("true");
        assertThat(exact.json()).isEqualTo(rows);
    }

    @Test
    void aDeepPageCountsOnePastItselfSoTheEndIsExact() {
        // bound = offset + limit + 1 = 10,002: still more than that? no, but more than 10,001: a lower bound
        Http.Response middle = list("&offset=9900&limit=101");
        assertThat(middle.header("X-Total-Count")).isEqualTo("10002");
        assertThat(middle.header("X-Total-Count-Exact")).isEqualTo("false");
        assertThat(middle.json().get(0).get("batchId").asText()).isEqualTo("CNT-" + RUN + "-9901");
        // the last page: bound 10,101 > 10,050 matches, so the count is exact
        Http.Response last = list("&offset=10000&limit=100");
        assertThat(last.header("X-Total-Count")).isEqualTo(Integer.toString(BATCHES));
        assertThat(last.header("X-Total-Count-Exact")).isEqualTo("true");
        assertThat(last.json()).hasSize(50);
        assertThat(last.json().get(49).get("batchId").asText()).isEqualTo("CNT-" + RUN + "-" + BATCHES);
    }

    @Test
    void theTextSearchFindsOneBatchAmongThemByEachSearchedColumn() {
        for (String q : new String[] {"CNT" + RUN + "-004321", "cnt-" + RUN.toLowerCase(Locale.ROOT) + "-4321", "计数" + RUN + "号楼"}) {
            Http.Response r = list("&q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(r.header("X-Total-Count")).as(q).isEqualTo("1");
            assertThat(r.header("X-Total-Count-Exact")).isEqualTo("true");
            assertThat(r.json().get(0).get("batchId").asText()).isEqualTo("CNT-" + RUN + "-4321");
        }
        // a text made of two columns together is no match (the columns are searched one by one)
        Http.Response across = list("&q=" + java.net.URLEncoder.encode("厦门计数建设有限公司 1#楼",
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(across.header("X-Total-Count")).isEqualTo("0");
    }

    @Test
    void aBadCountIsRefusedNamingIt() {
        Http.Response bad = http.get("/api/v1/batches?count=some", xiamen);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().at("/errors/0/field").asText()).isEqualTo("count");
    }
}

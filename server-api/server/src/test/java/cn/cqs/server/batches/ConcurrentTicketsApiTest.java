package cn.cqs.server.batches;

import static cn.cqs.server.batches.ReadyMixFixture.batch;
import static cn.cqs.server.batches.ReadyMixFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.server.app.CqsServer;
import cn.cqs.server.app.ServerConfig;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.MutableClock;
import cn.cqs.server.testing.TestServers;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * Delivery tickets of one batch recorded at the same moment (an ERP posting several trucks at once) are all
 * recorded and counted together. Recording a ticket inserts its row (the foreign key takes FOR KEY SHARE on
 * the batch row) and then locks the batch row to work out the dispatch moment: with FOR UPDATE, which
 * conflicts with the other transactions' key-share locks, two such transactions deadlocked (40P01, a 500);
 * FOR NO KEY UPDATE still makes them wait for each other.
 */
class ConcurrentTicketsApiTest {
    private static final MutableClock CLOCK = MutableClock.now();
    private static CqsServer server;
    private static Http http;
    private static ReadyMixFixture plant;
    private static String projectId;

    @BeforeAll
    static void start() {
        server = TestServers.start(ServerConfig.forTests(), CLOCK);
        http = new Http(server);
        String plantToken = http.login("plant-admin");
        Http.Response key = http.post("/api/v1/auth/api-keys", plantToken, Map.of("name", "ERP",
                "permissions", List.of("BATCHES_REGISTER")));
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        plant = ReadyMixFixture.withApiKey(http, key.json().get("secret").asText());
        projectId = new ReadyMixFixture(http, plantToken).plantProject();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String register() {
        ReadyMixFixture.Registration m = plant.materials(CLOCK.instant());
        String batchId = unique("DL");
        Http.Response r = plant.put("/api/v1/plant/batches/" + batchId, batch(projectId, m.mixDesignId(), m.lots(),
                CLOCK.instant().minus(Duration.ofMinutes(30))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return batchId;
    }

    /** The symptom through the API: tickets of one batch recorded at once, each must answer 201. */
    @Test
    void concurrentTicketsOfOneBatchAreAllRecorded() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Integer> statuses = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try {
            for (int round = 0; round < 5; round++) {
                String batchId = register();
                Instant departed = CLOCK.instant().minus(Duration.ofMinutes(10));
                List<Callable<Http.Response>> calls = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    String number = unique("FH");
                    calls.add(() -> plant.put("/api/v1/plant/batches/" + batchId + "/tickets/" + number,
                            Map.of("truckNumber", "闽A·D3516", "volumeM3", new BigDecimal("1"),
                                    "departedAt", departed.toString(), "deliveryPlace", "工地北门")));
                }
                for (Future<Http.Response> f : pool.invokeAll(calls)) {
                    Http.Response r = f.get();
                    statuses.add(r.status());
                    if (r.status() != 201) {
                        failures.add(r.status() + " " + r.body());
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
        assertThat(failures).as("tickets refused while recorded at once").isEmpty();
        assertThat(statuses).hasSize(30).containsOnly(201);
    }
}

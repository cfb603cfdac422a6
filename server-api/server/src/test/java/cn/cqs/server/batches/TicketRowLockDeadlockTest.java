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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Review: BatchService.ticket inserts the delivery_ticket row (its foreign key takes FOR KEY SHARE on the
 * production_batch row) and only then markDispatched takes SELECT ... FOR UPDATE on that row. FOR UPDATE
 * conflicts with FOR KEY SHARE, so two tickets of one batch recorded at once deadlock (40P01) instead of
 * one waiting for the other.
 */
class TicketRowLockDeadlockTest {
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

    /** The statements BatchService.ticket runs, in its order, from two transactions interleaved. */
    @Test
    void theTicketInsertThenRowLockSequenceDeadlocksBetweenTwoTransactions() throws Exception {
        String plantBatchId = register();
        Map<String, Object> ids = server.jdbi().withHandle(h -> h.createQuery(
                "select id, organisation_id from production_batch where plant_batch_id = :b")
                .bind("b", plantBatchId).mapToMap().one());
        UUID batch = (UUID) ids.get("id");
        UUID org = (UUID) ids.get("organisation_id");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Handle a = server.jdbi().open(); Handle b = server.jdbi().open()) {
            a.begin();
            b.begin();
            insertTicket(a, org, batch);
            insertTicket(b, org, batch);
            Future<Object> aLocks = pool.submit(() -> lockRow(a, batch));
            Thread.sleep(300); // a now waits for b's key-share lock
            Throwable bFailure = null;
            try {
                lockRow(b, batch);
            } catch (RuntimeException e) {
                bFailure = e;
            }
            Throwable aFailure = null;
            try {
                aLocks.get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                aFailure = e.getCause();
            }
            String failures = String.valueOf(aFailure) + " / " + String.valueOf(bFailure);
            a.rollback();
            b.rollback();
            // what the row lock promises: the second ticket waits for the first, nobody fails
            assertThat(aFailure == null && bFailure == null).as("deadlock: " + failures).isTrue();
        } finally {
            pool.shutdownNow();
        }
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
        assertThat(statuses).containsOnly(201);
    }

    private static void insertTicket(Handle h, UUID org, UUID batch) {
        h.createUpdate("""
                insert into delivery_ticket (id, organisation_id, batch_id, ticket_number, truck_number, volume_m3,
                                             departed_at, delivery_place, recorded_at)
                values (:id, :org, :batch, :n, 'T', 1, :at, 'P', :at)""")
                .bind("id", UUID.randomUUID()).bind("org", org).bind("batch", batch).bind("n", unique("FH"))
                .bind("at", Timestamp.from(CLOCK.instant())).execute();
    }

    private static Object lockRow(Handle h, UUID batch) {
        return h.createQuery("select volume_m3 from production_batch where id = :id for update")
                .bind("id", batch).mapTo(BigDecimal.class).one();
    }
}

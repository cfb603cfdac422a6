package cn.cqs.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.problem.ProblemTypes;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refused outbox entry keeps the server's problem document (schema 8): its field errors come back
 * as data, across a restart, beside the human summary; a schema 7 file upgrades to 8 keeping every
 * outbox row, and its old refusals keep their text.
 */
class OutboxProblemTest {
    @TempDir
    Path dir;

    static final Problem REFUSAL = new Problem(ProblemTypes.BASE + ProblemTypes.VALIDATION, "Invalid request", 422,
            "Invalid production registration", "/api/v1/plant/batches/ERP-1", ProblemTypes.VALIDATION, List.of(
                    new Problem.FieldError("buyer", "required", "Required"),
                    new Problem.FieldError("materialLotIds[1]", "unknown", "No such lot: L-SAND-9")));

    @Test
    void aRefusedEntryWithTwoFieldErrorsRoundTrips() {
        Path file = dir.resolve("u.db");
        UUID id;
        try (LocalStore store = LocalStore.open(file)) {
            Outbox outbox = new Outbox(store);
            OutboxEntry e = outbox.enqueue("batches.batch", "生产 ERP-1", new OutboxTarget("PUT", "/api/v1/plant/batches/ERP-1"),
                    Map.of("buyer", ""));
            id = e.id();
            outbox.markSending(id);
            // as the drainer records it: the sender's classification keeps the document on the refusal
            SendResult result = SendResult.fromHttp(422, null, REFUSAL.code(), REFUSAL.detail(), null, REFUSAL);
            assertThat(result).isEqualTo(new SendResult.Rejected(422, "Invalid production registration", REFUSAL));
            SendResult.Rejected rejected = (SendResult.Rejected) result;
            outbox.markFailedPermanent(id, "HTTP 422: " + rejected.message(), rejected.problem());
        }
        try (LocalStore store = LocalStore.open(file)) {
            Outbox outbox = new Outbox(store);
            OutboxEntry back = outbox.find(id).orElseThrow();
            assertThat(back.state()).isEqualTo(OutboxState.FAILED_PERMANENT);
            assertThat(back.lastError()).isEqualTo("HTTP 422: Invalid production registration");
            assertThat(back.problem()).isEqualTo(REFUSAL);
            assertThat(back.problem().errors()).extracting(Problem.FieldError::field, Problem.FieldError::code,
                    Problem.FieldError::message).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("buyer", "required", "Required"),
                    org.assertj.core.groups.Tuple.tuple("materialLotIds[1]", "unknown", "No such lot: L-SAND-9"));
            assertThat(back.reason()).isEqualTo("HTTP 422: Invalid production registration: buyer: Required; "
                    + "materialLotIds[1]: No such lot: L-SAND-9");
            // the upload queue's listing carries it too, without the payload
            OutboxItem item = outbox.items(Set.of(OutboxState.FAILED_PERMANENT), 10).get(0);
            assertThat(item.problem()).isEqualTo(REFUSAL);
            assertThat(item.fieldErrors()).hasSize(2);

            // sent again: a retryable failure replaces the stale document, a delivery clears it
            outbox.retry(id);
            assertThat(outbox.find(id).orElseThrow().problem()).as("kept while waiting to be sent again")
                    .isEqualTo(REFUSAL);
            outbox.markSending(id);
            outbox.markRetry(id, "Server unreachable");
            assertThat(outbox.find(id).orElseThrow().problem()).isNull();
            assertThat(outbox.find(id).orElseThrow().reason()).isEqualTo("Server unreachable");
            outbox.markSending(id);
            outbox.markDone(id, "{}");
            assertThat(outbox.find(id).orElseThrow().problem()).isNull();
        }
    }

    @Test
    void aRefusalWithoutADocumentKeepsItsText() {
        try (LocalStore store = LocalStore.open(dir.resolve("u.db"))) {
            Outbox outbox = new Outbox(store);
            OutboxEntry e = outbox.enqueue("report.upload", OutboxTarget.post("/api/v1/reports"), Map.of("n", 1));
            outbox.markSending(e.id());
            outbox.markFailedPermanent(e.id(), "HTTP 400: The stored payload is not JSON", null);
            OutboxEntry back = outbox.find(e.id()).orElseThrow();
            assertThat(back.problem()).isNull();
            assertThat(back.reason()).isEqualTo("HTTP 400: The stored payload is not JSON");
        }
    }

    @Test
    void aSchema7FileUpgradesTo8KeepingItsRows() throws Exception {
        Path file = dir.resolve("v7.db");
        String refused = UUID.randomUUID().toString();
        String pending = UUID.randomUUID().toString();
        String report = UUID.randomUUID().toString();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            // the released steps, exactly as a version-7 client ran them
            for (Schema.Migration m : Schema.MIGRATIONS) {
                if (m.toVersion() <= 7) {
                    for (String sql : m.statements()) {
                        st.execute(sql);
                    }
                }
            }
            st.execute("PRAGMA user_version = 7");
            st.execute("INSERT INTO outbox (id, idempotency_key, kind, method, path, payload, created_at, attempts, "
                    + "last_error, state, label) VALUES ('" + refused + "', '" + UUID.randomUUID() + "', 'batches.batch', "
                    + "'PUT', '/api/v1/plant/batches/E-1', '{}', 1700000000000, 1, "
                    + "'HTTP 422: Invalid production registration: buyer: Required; volumeM3: At most 10000', "
                    + "'FAILED_PERMANENT', '生产 E-1')");
            st.execute("INSERT INTO outbox (id, idempotency_key, kind, method, path, payload, created_at, attempts, "
                    + "state) VALUES ('" + pending + "', '" + UUID.randomUUID() + "', 'report.upload', 'POST', "
                    + "'/api/v1/reports', '{\"n\":2}', 1700000000001, 0, 'PENDING')");
            st.execute("INSERT INTO plant_batch (batch_id, server_id, buyer, pour_location, marking, volume_m3, "
                    + "material_lot_ids, planned_start, day, start_state, end_state, dosing_state, version, search_text, "
                    + "updated_at) VALUES ('E-2', '" + UUID.randomUUID() + "', '需方', '部位', 'A-C30-180(S4)-GB/T 14902', "
                    + "'36', '[]', 1700000000000, '2023-11-15', 'ON_TIME', 'DUE', 'NO_DATA', 3, 'e-2', 0)");
            st.execute("INSERT INTO replica (entity, id, version, deleted, changed_at, data) VALUES ('batch', '"
                    + UUID.randomUUID() + "', 3, 0, 0, '{}')");
            st.execute("INSERT INTO replica (entity, id, version, deleted, changed_at, data) VALUES ('report', '"
                    + report + "', 2, 0, 0, '{}')");
            st.execute("INSERT INTO sync_cursor VALUES ('changes', 'pos-9', 0)");
        }

        try (LocalStore store = LocalStore.open(file)) {
            assertThat(store.schemaVersion()).isEqualTo(9).isEqualTo(LocalStore.SCHEMA_VERSION);
            Outbox outbox = new Outbox(store);
            assertThat(outbox.all()).extracting(e -> e.id().toString()).containsExactly(refused, pending);
            OutboxEntry old = outbox.find(UUID.fromString(refused)).orElseThrow();
            assertThat(old.state()).isEqualTo(OutboxState.FAILED_PERMANENT);
            assertThat(old.problem()).as("refused before the document was kept").isNull();
            assertThat(old.reason()).isEqualTo("HTTP 422: Invalid production registration: buyer: Required; "
                    + "volumeM3: At most 10000");
            assertThat(outbox.counts().failedPermanent()).isEqualTo(1);
            assertThat(outbox.counts().pending()).isEqualTo(1);
            List<String> columns = store.read(c -> {
                List<String> out = new ArrayList<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA table_info(outbox)")) {
                    while (rs.next()) {
                        out.add(rs.getString("name"));
                    }
                }
                return out;
            });
            assertThat(columns).contains("problem", "last_error", "label");
            // the plant's batch stays; the replica's batch copies and the cursors go, so the feed sends them again
            assertThat(count(store, "SELECT count(*) FROM plant_batch WHERE batch_id = 'E-2' AND dispatched_at IS NULL"))
                    .isEqualTo(1);
            assertThat(count(store, "SELECT count(*) FROM replica WHERE entity = 'batch'")).isZero();
            assertThat(count(store, "SELECT count(*) FROM replica WHERE id = '" + report + "'")).isEqualTo(1);
            assertThat(count(store, "SELECT count(*) FROM sync_cursor")).isZero();
        }
    }

    private static long count(LocalStore store, String sql) {
        return store.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}

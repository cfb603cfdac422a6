package cn.cqs.client.sync;

import cn.cqs.contract.json.Json;
import cn.cqs.contract.problem.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * 待上传队列: the changes made on this client that the server has not confirmed yet, in the order
 * they were made, each with an idempotency key created once, when the entry is created.
 *
 * <p>An entry is never deleted: it moves from {@code PENDING} to {@code DONE} (with the server's
 * receipt) or to {@code FAILED_PERMANENT} (with the reason, for the user to see); the user may
 * {@link #retry} or {@link #dismiss} a failed one. {@link OutboxDrainer} does the sending.
 *
 * <p>A delivered entry keeps its payload except the whole documents in it ({@link #DOCUMENT_FIELDS}:
 * a report's signed PDF, a refusal's scan image): once the server has confirmed them they are dropped,
 * so a profile does not grow by every PDF it ever uploaded (the issued PDFs stay in the profile's own
 * folder, and the server keeps them). Until then they stay inside the entry, in the same transaction
 * as everything else, so a queued upload cannot lose its document.
 */
public final class Outbox {
    private static final System.Logger LOG = System.getLogger(Outbox.class.getName());
    private static final String COLUMNS = "seq, id, idempotency_key, kind, method, path, payload, "
            + "attachment_path, created_at, attempts, last_error, last_attempt_at, state, receipt, completed_at, label, problem";
    /** Everything but the payload: what the upload queue lists (a report upload's payload holds its PDF). */
    private static final String ITEM_COLUMNS = "seq, id, kind, label, created_at, attempts, last_error, "
            + "last_attempt_at, state, completed_at, problem";
    private static final String PAUSED = "drain.paused";
    /** Reads and writes payloads and the stored problem documents. */
    private static final ObjectMapper MAPPER = Json.newMapper();

    // The statements run for every entry drained; OutboxBulkTest checks each is answered from an index.
    /**
     * The next entry to send: the first PENDING by creation order, from the {@code (state, seq)}
     * index. Named explicitly: with statistics saying "most rows are PENDING" SQLite would walk the
     * table in seq order instead, stepping over every DONE row before the first PENDING one, which
     * makes a long drain quadratic.
     */
    static final String SQL_NEXT_PENDING = "SELECT id FROM outbox INDEXED BY outbox_by_state "
            + "WHERE state = 'PENDING' ORDER BY seq LIMIT 1";
    static final String SQL_MARK_SENDING = "UPDATE outbox SET state = 'SENDING', attempts = attempts + 1, "
            + "last_attempt_at = ? WHERE id = ? AND state = 'PENDING'";
    static final String SQL_BY_ID = "SELECT " + COLUMNS + " FROM outbox WHERE id = ?";
    /**
     * Top-level payload fields that carry a whole document as Base64 (the contract's
     * {@code ReportUpload.pdfBase64} and {@code RefusalRequest.image}); dropped once delivered.
     */
    public static final List<String> DOCUMENT_FIELDS = List.of("pdfBase64", "image");
    private static final String DROP_DOCUMENTS = "json_remove(payload, "
            + DOCUMENT_FIELDS.stream().map(f -> "'$." + f + "'").collect(Collectors.joining(", ")) + ")";
    static final String SQL_MARK_DONE = "UPDATE outbox SET state = 'DONE', receipt = ?, last_error = NULL, problem = NULL, "
            + "completed_at = ?, payload = CASE WHEN json_valid(payload) THEN " + DROP_DOCUMENTS
            + " ELSE payload END WHERE id = ? AND state = 'SENDING'";
    /** Delivered entries still carrying a document (from before documents were dropped on delivery). */
    static final String SQL_COMPACT_DELIVERED = "UPDATE outbox SET payload = " + DROP_DOCUMENTS
            + " WHERE state = 'DONE' AND json_valid(payload) AND ("
            + DOCUMENT_FIELDS.stream().map(f -> "json_type(payload, '$." + f + "') IS NOT NULL")
                    .collect(Collectors.joining(" OR ")) + ")";
    static final String SQL_COUNTS = "SELECT state, n FROM outbox_state_count";

    private final LocalStore store;
    private final Clock clock;
    private final List<OutboxListener> listeners = new CopyOnWriteArrayList<>();

    public Outbox(LocalStore store) {
        this(store, Clock.systemUTC());
    }

    public Outbox(LocalStore store, Clock clock) {
        if (store == null) {
            throw new IllegalArgumentException("store: required");
        }
        if (clock == null) {
            throw new IllegalArgumentException("clock: required");
        }
        this.store = store;
        this.clock = clock;
    }

    /** Puts entries a stopped client left in {@code SENDING} back to {@code PENDING}; run on open. */
    static int recoverInterrupted(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE outbox SET state = 'PENDING', last_error = ?, problem = NULL WHERE state = 'SENDING'")) {
            ps.setString(1, "The client stopped while sending; it will be sent again");
            return ps.executeUpdate();
        }
    }

    public void addListener(OutboxListener listener) {
        listeners.add(listener);
    }

    public void removeListener(OutboxListener listener) {
        listeners.remove(listener);
    }

    /** Adds a change with {@code payload} serialised as JSON. */
    public OutboxEntry enqueue(String kind, OutboxTarget target, Object payload) {
        return enqueue(kind, null, target, payload);
    }

    /**
     * Adds a change with {@code payload} serialised as JSON.
     *
     * @param label what the upload queue shows for it (e.g. the report number), or null
     */
    public OutboxEntry enqueue(String kind, String label, OutboxTarget target, Object payload) {
        if (payload == null) {
            throw new IllegalArgumentException("payload: required");
        }
        try {
            return enqueue(kind, label, target, MAPPER.writeValueAsString(payload), null);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload: cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Adds a change without a label; see {@link #enqueue(String, String, OutboxTarget, String, Path)}. */
    public OutboxEntry enqueue(String kind, OutboxTarget target, String payloadJson, Path attachment) {
        return enqueue(kind, null, target, payloadJson, attachment);
    }

    /**
     * Adds a change to the end of the queue, with a new random idempotency key.
     *
     * @param kind        what the change is, e.g. {@code report.upload}
     * @param label       what the upload queue shows for it (e.g. the report number), or null
     * @param payloadJson the request body, valid JSON
     * @param attachment  a file to send with it, or null; it must exist now
     */
    public OutboxEntry enqueue(String kind, String label, OutboxTarget target, String payloadJson, Path attachment) {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("kind: required");
        }
        if (label != null && label.length() > 200) {
            throw new IllegalArgumentException("label: at most 200 characters, was " + label.length());
        }
        if (target == null) {
            throw new IllegalArgumentException("target: required");
        }
        if (payloadJson == null) {
            throw new IllegalArgumentException("payload: required");
        }
        try {
            MAPPER.readTree(payloadJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload: not valid JSON: " + e.getOriginalMessage(), e);
        }
        Path file = attachment == null ? null : attachment.toAbsolutePath().normalize();
        if (file != null && !java.nio.file.Files.isRegularFile(file)) {
            throw new IllegalArgumentException("attachment: no such file " + file);
        }
        UUID id = UUID.randomUUID();
        UUID key = UUID.randomUUID();
        Instant now = clock.instant();
        OutboxEntry entry = store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO outbox (id, idempotency_key, kind, method, path, payload, attachment_path,
                                        created_at, attempts, state, label)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 'PENDING', ?)""")) {
                ps.setString(1, id.toString());
                ps.setString(2, key.toString());
                ps.setString(3, kind);
                ps.setString(4, target.method());
                ps.setString(5, target.path());
                ps.setString(6, payloadJson);
                ps.setString(7, file == null ? null : file.toString());
                ps.setLong(8, now.toEpochMilli());
                ps.setString(9, label == null || label.isBlank() ? null : label.strip());
                ps.executeUpdate();
            }
            return find(c, id).orElseThrow();
        });
        listeners.forEach(l -> notify(() -> l.enqueued(entry)));
        fireCounts();
        return entry;
    }

    /** Entries waiting to be sent ({@code PENDING} or {@code SENDING}) in creation order. */
    public List<OutboxEntry> pending() {
        return list("state IN ('PENDING', 'SENDING')");
    }

    /** Entries the server rejected, in creation order. */
    public List<OutboxEntry> failed() {
        return list("state = 'FAILED_PERMANENT'");
    }

    /** Every entry in creation order. */
    public List<OutboxEntry> all() {
        return list("1 = 1");
    }

    public Optional<OutboxEntry> find(UUID id) {
        return store.read(c -> find(c, id));
    }

    /**
     * The entries without their payloads, in creation order: what the upload queue lists.
     *
     * @param states the states to list
     * @param limit  at most this many (1..10000)
     */
    public List<OutboxItem> items(Set<OutboxState> states, int limit) {
        if (states == null || states.isEmpty()) {
            throw new IllegalArgumentException("states: at least one required");
        }
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit: must be 1..10000, was " + limit);
        }
        String in = states.stream().map(st -> "'" + st.name() + "'").sorted().collect(Collectors.joining(", "));
        return store.read(c -> {
            List<OutboxItem> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ITEM_COLUMNS + " FROM outbox INDEXED BY outbox_by_state WHERE state IN ("
                    + in + ") ORDER BY seq LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new OutboxItem(rs.getLong("seq"), UUID.fromString(rs.getString("id")),
                                rs.getString("kind"), rs.getString("label"),
                                Instant.ofEpochMilli(rs.getLong("created_at")), rs.getInt("attempts"),
                                rs.getString("last_error"), instantOrNull(rs, "last_attempt_at"),
                                OutboxState.valueOf(rs.getString("state")), instantOrNull(rs, "completed_at"),
                                problem(rs)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Whether the user paused uploading (暂停上传). Kept in the profile database, so a paused queue
     * stays paused when the client restarts; {@link OutboxDrainer} reads it when created.
     */
    public boolean isPaused() {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM outbox_control WHERE name = ?")) {
                ps.setString(1, PAUSED);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && Boolean.parseBoolean(rs.getString(1));
                }
            }
        });
    }

    /** Records whether uploading is paused; see {@link #isPaused()}. The drainer calls it. */
    void setPaused(boolean paused) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO outbox_control (name, value, updated_at) VALUES (?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at""")) {
                ps.setString(1, PAUSED);
                ps.setString(2, Boolean.toString(paused));
                ps.setLong(3, clock.millis());
                return ps.executeUpdate();
            }
        });
    }

    /** How many entries are in each state; kept up to date by triggers, so this costs the same for any queue length. */
    public OutboxCounts counts() {
        return store.read(c -> {
            Map<OutboxState, Integer> byState = new EnumMap<>(OutboxState.class);
            try (PreparedStatement ps = c.prepareStatement(SQL_COUNTS);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byState.put(OutboxState.valueOf(rs.getString(1)), rs.getInt(2));
                }
            }
            return new OutboxCounts(byState.getOrDefault(OutboxState.PENDING, 0),
                    byState.getOrDefault(OutboxState.SENDING, 0), byState.getOrDefault(OutboxState.DONE, 0),
                    byState.getOrDefault(OutboxState.FAILED_PERMANENT, 0),
                    byState.getOrDefault(OutboxState.DISMISSED, 0));
        });
    }

    /** Sends a rejected entry again (same payload, same idempotency key) once its cause is fixed. */
    public void retry(UUID id) {
        transition(id, OutboxState.FAILED_PERMANENT, OutboxState.PENDING, null);
    }

    /** Gives up a rejected entry; it stays in the database, marked {@code DISMISSED}. */
    public void dismiss(UUID id) {
        transition(id, OutboxState.FAILED_PERMANENT, OutboxState.DISMISSED, null);
    }

    /**
     * Takes the first {@code PENDING} entry and marks it {@code SENDING} (counting the attempt), in
     * one transaction; empty when nothing is pending. Found through the {@code (state, seq)} index,
     * so taking the next of 1,000 entries costs what taking the next of 10 does.
     */
    Optional<OutboxEntry> claimNext() {
        Optional<OutboxEntry> claimed = store.inTransaction(c -> {
            String id;
            try (PreparedStatement ps = c.prepareStatement(SQL_NEXT_PENDING);
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<OutboxEntry>empty();
                }
                id = rs.getString(1);
            }
            try (PreparedStatement ps = c.prepareStatement(SQL_MARK_SENDING)) {
                ps.setLong(1, clock.millis());
                ps.setString(2, id);
                ps.executeUpdate();
            }
            return find(c, UUID.fromString(id));
        });
        if (claimed.isPresent()) {
            fireCounts();
        }
        return claimed;
    }

    /** PENDING -> SENDING, counting the attempt. */
    OutboxEntry markSending(UUID id) {
        OutboxEntry entry = store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state = 'SENDING', "
                    + "attempts = attempts + 1, last_attempt_at = ? WHERE id = ? AND state = 'PENDING'")) {
                ps.setLong(1, clock.millis());
                ps.setString(2, id.toString());
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("Outbox entry " + id + " is not pending");
                }
            }
            return find(c, id).orElseThrow();
        });
        fireCounts();
        return entry;
    }

    /**
     * Drops the documents of entries delivered before this rule existed (profiles of earlier
     * versions); returns how many entries were compacted. Cheap when there is nothing to do, but it
     * reads every delivered entry: run it once per session, off the UI thread.
     */
    public int compactDelivered() {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(SQL_COMPACT_DELIVERED)) {
                return ps.executeUpdate();
            }
        });
    }

    /** SENDING -> DONE with the server's receipt; the payload's documents are dropped. */
    void markDone(UUID id, String receipt) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(SQL_MARK_DONE)) {
                ps.setString(1, receipt);
                ps.setLong(2, clock.millis());
                ps.setString(3, id.toString());
                return requireOne(ps.executeUpdate(), id);
            }
        });
        fireCounts();
    }

    /** SENDING -> PENDING after a retryable failure (an earlier refusal's problem is cleared). */
    void markRetry(UUID id, String error) {
        transition(id, OutboxState.SENDING, OutboxState.PENDING, error, null);
    }

    /** SENDING -> FAILED_PERMANENT with the server's reason and no problem document. */
    void markFailedPermanent(UUID id, String error) {
        markFailedPermanent(id, error, null);
    }

    /**
     * SENDING -> FAILED_PERMANENT with the server's reason: {@code summary} is the human summary
     * ({@code HTTP 422: detail}), {@code problem} the server's problem document with its field errors
     * (kept as JSON, so forms and the upload queue show each error at its field), or null when the
     * refusal came without one.
     */
    void markFailedPermanent(UUID id, String summary, Problem problem) {
        if (summary == null || summary.isBlank()) {
            throw new IllegalArgumentException("summary: required");
        }
        String json;
        try {
            json = problem == null ? null : MAPPER.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("problem: cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        transition(id, OutboxState.SENDING, OutboxState.FAILED_PERMANENT, summary, json);
    }

    private void transition(UUID id, OutboxState from, OutboxState to, String error) {
        transition(id, from, to, error, null);
    }

    /** With {@code error}: sets it as the reason and {@code problemJson} (null clears an older one). */
    private void transition(UUID id, OutboxState from, OutboxState to, String error, String problemJson) {
        store.inTransaction(c -> {
            String sql = "UPDATE outbox SET state = ?" + (error == null ? "" : ", last_error = ?, problem = ?")
                    + " WHERE id = ? AND state = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setString(i++, to.name());
                if (error != null) {
                    ps.setString(i++, error);
                    ps.setString(i++, problemJson);
                }
                ps.setString(i++, id.toString());
                ps.setString(i, from.name());
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("Outbox entry " + id + " is not " + from
                            + " (it is " + find(c, id).map(e -> e.state().name()).orElse("unknown") + ")");
                }
                return null;
            }
        });
        fireCounts();
    }

    private static int requireOne(int updated, UUID id) {
        if (updated != 1) {
            throw new IllegalStateException("Outbox entry " + id + " is not being sent");
        }
        return updated;
    }

    private void fireCounts() {
        if (listeners.isEmpty()) {
            return;
        }
        OutboxCounts counts = counts();
        listeners.forEach(l -> notify(() -> l.countsChanged(counts)));
    }

    static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "An outbox listener failed", e);
        }
    }

    private List<OutboxEntry> list(String where) {
        return store.read(c -> query(c, where, -1));
    }

    private static Optional<OutboxEntry> find(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SQL_BY_ID)) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(toEntry(rs)) : Optional.empty();
            }
        }
    }

    private static List<OutboxEntry> query(Connection c, String where, int limit) throws SQLException {
        List<OutboxEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE " + where
                + " ORDER BY seq LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(toEntry(rs));
                }
            }
        }
        return out;
    }

    private static OutboxEntry toEntry(ResultSet rs) throws SQLException {
        String attachment = rs.getString("attachment_path");
        return new OutboxEntry(
                rs.getLong("seq"),
                UUID.fromString(rs.getString("id")),
                UUID.fromString(rs.getString("idempotency_key")),
                rs.getString("kind"),
                new OutboxTarget(rs.getString("method"), rs.getString("path")),
                rs.getString("payload"),
                attachment == null ? null : Path.of(attachment),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                instantOrNull(rs, "last_attempt_at"),
                OutboxState.valueOf(rs.getString("state")),
                rs.getString("receipt"),
                instantOrNull(rs, "completed_at"),
                rs.getString("label"),
                problem(rs));
    }

    /** The stored problem document of a refused entry, or null (none, or refused before schema 8). */
    private static Problem problem(ResultSet rs) throws SQLException {
        String json = rs.getString("problem");
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readValue(json, Problem.class);
        } catch (JsonProcessingException e) {
            throw new LocalStoreException("The stored problem of outbox entry " + rs.getString("id")
                    + " is not readable: " + e.getOriginalMessage(), e);
        }
    }

    private static Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}

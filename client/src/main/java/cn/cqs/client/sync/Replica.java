package cn.cqs.client.sync;

import cn.cqs.contract.json.Json;
import cn.cqs.contract.sync.Change;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * 本地副本: the cached copy of the records the user works on, kept current by {@link SyncService},
 * so long lists open and filter locally.
 *
 * <p>Applying a change never lowers a record's version: a change whose version is not higher than
 * the cached one (a duplicate from at-least-once delivery, or a late older copy) is ignored.
 * Deletes are kept as tombstones, hidden from lists and {@link #find}, so an older copy cannot bring
 * a deleted record back.
 */
public final class Replica {
    private static final String UPSERT = """
            INSERT INTO replica (entity, id, version, deleted, changed_at, data, title, search_text, day, parent_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (entity, id) DO UPDATE SET
              version = excluded.version, deleted = excluded.deleted, changed_at = excluded.changed_at,
              data = excluded.data, title = excluded.title, search_text = excluded.search_text,
              day = excluded.day, parent_id = excluded.parent_id
            WHERE excluded.version > replica.version""";
    private static final String COLUMNS =
            "entity, id, version, deleted, changed_at, data, title, day, parent_id";

    private final LocalStore store;
    private final ReplicaIndexers indexers;
    private final ObjectMapper mapper = Json.newMapper();
    private final java.util.Map<String, List<ChangeSink>> sinks = new java.util.concurrent.ConcurrentHashMap<>();

    public Replica(LocalStore store, ReplicaIndexers indexers) {
        if (store == null) {
            throw new IllegalArgumentException("store: required");
        }
        if (indexers == null) {
            throw new IllegalArgumentException("indexers: required");
        }
        this.store = store;
        this.indexers = indexers;
    }

    /**
     * Tells {@code sink} about every change of {@code entity} applied from now on (in the applying
     * transaction); changes ignored as duplicates or older copies are not passed on.
     */
    public void addSink(String entity, ChangeSink sink) {
        if (entity == null || entity.isBlank()) {
            throw new IllegalArgumentException("entity: required");
        }
        if (sink == null) {
            throw new IllegalArgumentException("sink: required");
        }
        sinks.computeIfAbsent(entity, e -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(sink);
    }

    /** Applies one change in its own transaction; {@code true} if it changed the replica. */
    public boolean apply(Change change) {
        return store.inTransaction(c -> apply(c, change));
    }

    /** Applies one change on {@code connection} (inside the caller's transaction). */
    boolean apply(Connection connection, Change change) throws SQLException {
        return applyAll(connection, List.of(change))[0] == 1;
    }

    /**
     * Applies {@code changes} in order on {@code connection} (inside the caller's transaction),
     * reusing one prepared statement.
     *
     * @return {applied, ignored}
     */
    int[] applyAll(Connection connection, List<Change> changes) throws SQLException {
        int applied = 0;
        try (PreparedStatement ps = connection.prepareStatement(UPSERT)) {
            for (Change change : changes) {
                IndexedFields fields = change.deleted()
                        ? IndexedFields.NONE
                        : indexers.forEntity(change.entity()).index(change.data());
                ps.setString(1, change.entity());
                ps.setString(2, change.id().toString());
                ps.setLong(3, change.version());
                ps.setInt(4, change.deleted() ? 1 : 0);
                ps.setLong(5, change.changedAt().toEpochMilli());
                ps.setString(6, change.deleted() ? null : writeJson(change));
                ps.setString(7, fields.title());
                ps.setString(8, fields.searchText());
                ps.setString(9, fields.day() == null ? null : fields.day().toString());
                ps.setString(10, fields.parentId() == null ? null : fields.parentId().toString());
                boolean changed = ps.executeUpdate() > 0;
                if (changed) {
                    applied++;
                    for (ChangeSink sink : sinks.getOrDefault(change.entity(), List.of())) {
                        sink.applied(connection, change);
                    }
                }
            }
        }
        return new int[] {applied, changes.size() - applied};
    }

    private String writeJson(Change change) {
        try {
            return mapper.writeValueAsString(change.data());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("data: cannot be written as JSON for " + change.entity()
                    + " " + change.id() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The live (not deleted) record, if cached. */
    public Optional<CachedRecord> find(String entity, UUID id) {
        return findIncludingTombstone(entity, id).filter(r -> !r.deleted());
    }

    /** The cached record or its tombstone. */
    public Optional<CachedRecord> findIncludingTombstone(String entity, UUID id) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM replica WHERE entity = ? AND id = ?")) {
                ps.setString(1, entity);
                ps.setString(2, id.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(toRecord(rs)) : Optional.empty();
                }
            }
        });
    }

    /** One page of live records matching {@code query}, newest day first (undated last), then by title. */
    public ReplicaPage query(ReplicaQuery query) {
        StringBuilder where = new StringBuilder(" FROM replica WHERE entity = ? AND deleted = 0");
        List<Object> args = new ArrayList<>();
        args.add(query.entity());
        if (query.text() != null) {
            where.append(" AND search_text LIKE ? ESCAPE '\\'");
            args.add("%" + escapeLike(query.text().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        if (query.from() != null) {
            where.append(" AND day >= ?");
            args.add(query.from().toString());
        }
        if (query.to() != null) {
            where.append(" AND day <= ?");
            args.add(query.to().toString());
        }
        if (query.parentId() != null) {
            where.append(" AND parent_id = ?");
            args.add(query.parentId().toString());
        }
        return store.read(c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*)" + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<CachedRecord> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + where
                    + " ORDER BY day DESC, title, id LIMIT ? OFFSET ?")) {
                bind(ps, args);
                ps.setInt(args.size() + 1, query.limit());
                ps.setInt(args.size() + 2, query.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(toRecord(rs));
                    }
                }
            }
            return new ReplicaPage(items, query.offset(), query.limit(), total);
        });
    }

    /** How many live records of {@code entity} are cached. */
    public long count(String entity) {
        return query(ReplicaQuery.of(entity).withPage(0, 1)).total();
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            if (arg == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else {
                ps.setString(i + 1, arg.toString());
            }
        }
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private CachedRecord toRecord(ResultSet rs) throws SQLException {
        String data = rs.getString("data");
        String day = rs.getString("day");
        String parent = rs.getString("parent_id");
        return new CachedRecord(
                rs.getString("entity"),
                UUID.fromString(rs.getString("id")),
                rs.getLong("version"),
                rs.getInt("deleted") != 0,
                Instant.ofEpochMilli(rs.getLong("changed_at")),
                data == null ? null : readJson(data),
                rs.getString("title"),
                day == null ? null : LocalDate.parse(day),
                parent == null ? null : UUID.fromString(parent));
    }

    private JsonNode readJson(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new LocalStoreException("A cached record's JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}

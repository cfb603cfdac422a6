package cn.cqs.contract.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One change to one record in the change feed: the record's full new state (not a diff), or a
 * tombstone when it was deleted or left the caller's scope.
 *
 * @param entity    the kind of record, a stable lower-case name such as {@code reports} or
 *                  {@code projects}; a client ignores-but-keeps entities it does not know yet
 * @param id        the record's id (unique within its entity)
 * @param version   the record's version after this change, at least 1; strictly increasing per
 *                  record, so a client ignores a change whose version is not higher than the one
 *                  it holds
 * @param deleted   {@code true} for a tombstone (deleted, withdrawn, or no longer visible to the
 *                  caller); then {@code data} is null
 * @param changedAt when the server committed the change (server clock)
 * @param data      the record as the entity's read endpoint would return it; null for a tombstone
 */
public record Change(String entity, UUID id, long version, boolean deleted, Instant changedAt,
                     JsonNode data) {

    public Change {
        if (entity == null || entity.isBlank()) {
            throw new IllegalArgumentException("entity: required");
        }
        Objects.requireNonNull(id, "id: required");
        if (version < 1) {
            throw new IllegalArgumentException("version: must be at least 1, was " + version);
        }
        Objects.requireNonNull(changedAt, "changedAt: required");
        if (deleted) {
            if (data != null && !data.isNull()) {
                throw new IllegalArgumentException("data: must be absent on a tombstone (deleted = true)");
            }
            data = null;
        } else if (data == null || data.isNull() || data.isMissingNode()) {
            throw new IllegalArgumentException("data: required unless deleted");
        }
    }

    /** A change carrying a record's new state. */
    public static Change upsert(String entity, UUID id, long version, Instant changedAt, JsonNode data) {
        return new Change(entity, id, version, false, changedAt, data);
    }

    /** A tombstone: the record was deleted or left the caller's scope. */
    public static Change tombstone(String entity, UUID id, long version, Instant changedAt) {
        return new Change(entity, id, version, true, changedAt, null);
    }
}

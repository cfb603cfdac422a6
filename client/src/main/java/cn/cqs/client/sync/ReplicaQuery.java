package cn.cqs.client.sync;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A local list query over the replica: one entity, optionally filtered by text (contains,
 * case-insensitive), by an inclusive date range and by parent, newest day first, one page.
 * Build with {@link #of(String)} and the {@code with...} methods.
 */
public record ReplicaQuery(String entity, String text, LocalDate from, LocalDate to, UUID parentId,
                           int offset, int limit) {
    /** The largest page a query may ask for. */
    public static final int MAX_LIMIT = 1000;

    public ReplicaQuery {
        if (entity == null || entity.isBlank()) {
            throw new IllegalArgumentException("entity: required");
        }
        text = text == null || text.isBlank() ? null : text.strip();
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from: must not be after to (" + from + " > " + to + ")");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset: must not be negative, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: must be 1.." + MAX_LIMIT + ", was " + limit);
        }
    }

    /** All live records of {@code entity}, first page of 100. */
    public static ReplicaQuery of(String entity) {
        return new ReplicaQuery(entity, null, null, null, null, 0, 100);
    }

    public ReplicaQuery withText(String text) {
        return new ReplicaQuery(entity, text, from, to, parentId, 0, limit);
    }

    public ReplicaQuery withDays(LocalDate from, LocalDate to) {
        return new ReplicaQuery(entity, text, from, to, parentId, 0, limit);
    }

    public ReplicaQuery withParent(UUID parentId) {
        return new ReplicaQuery(entity, text, from, to, parentId, 0, limit);
    }

    public ReplicaQuery withPage(int offset, int limit) {
        return new ReplicaQuery(entity, text, from, to, parentId, offset, limit);
    }
}

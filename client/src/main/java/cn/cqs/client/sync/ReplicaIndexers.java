package cn.cqs.client.sync;

import java.util.HashMap;
import java.util.Map;

/**
 * Which {@link ReplicaIndexer} indexes which entity; entities without their own indexer get
 * {@link ReplicaIndexer#TEXT_ONLY}. Immutable: {@link #with} returns a new set.
 */
public final class ReplicaIndexers {
    private final Map<String, ReplicaIndexer> byEntity;

    private ReplicaIndexers(Map<String, ReplicaIndexer> byEntity) {
        this.byEntity = Map.copyOf(byEntity);
    }

    /** No entity-specific indexers. */
    public static ReplicaIndexers textOnly() {
        return new ReplicaIndexers(Map.of());
    }

    /** This set plus {@code indexer} for {@code entity}. */
    public ReplicaIndexers with(String entity, ReplicaIndexer indexer) {
        if (entity == null || entity.isBlank()) {
            throw new IllegalArgumentException("entity: required");
        }
        if (indexer == null) {
            throw new IllegalArgumentException("indexer: required");
        }
        Map<String, ReplicaIndexer> copy = new HashMap<>(byEntity);
        copy.put(entity, indexer);
        return new ReplicaIndexers(copy);
    }

    public ReplicaIndexer forEntity(String entity) {
        return byEntity.getOrDefault(entity, ReplicaIndexer.TEXT_ONLY);
    }
}

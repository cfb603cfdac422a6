package cn.cqs.client.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One record of the replica as the server last sent it.
 *
 * @param data null for a tombstone ({@code deleted})
 */
public record CachedRecord(String entity, UUID id, long version, boolean deleted, Instant changedAt,
                           JsonNode data, String title, LocalDate day, UUID parentId) {
}

package cn.cqs.client.sync;

import cn.cqs.contract.time.ChinaTime;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

/**
 * Extracts the {@link IndexedFields} of one entity's records from their JSON, so lists of
 * thousands of records filter in SQLite instead of in memory.
 */
@FunctionalInterface
public interface ReplicaIndexer {
    /** Dates and times are assigned to days in the province's time zone. */
    ZoneId LOCAL_ZONE = ChinaTime.ZONE;

    IndexedFields index(JsonNode data);

    /** Indexes only the search text: every text value anywhere in the record. */
    ReplicaIndexer TEXT_ONLY = data -> new IndexedFields(null, searchText(data), null, null);

    /**
     * Indexes the named top-level fields (each may be null): {@code titleField} as the title,
     * {@code dayField} (an ISO date, or a date-time taken in {@link #LOCAL_ZONE}) as the day,
     * {@code parentIdField} (a UUID) as the parent; the search text is every text value.
     * A value of the wrong shape is not indexed (the record stays in the replica, undated).
     */
    static ReplicaIndexer fields(String titleField, String dayField, String parentIdField) {
        return data -> new IndexedFields(
                text(data, titleField),
                searchText(data),
                day(text(data, dayField)),
                uuid(text(data, parentIdField)));
    }

    /** All text values in {@code data}, lower-cased, one per line; null when there are none. */
    static String searchText(JsonNode data) {
        StringBuilder out = new StringBuilder();
        collectText(data, out);
        return out.length() == 0 ? null : out.toString().toLowerCase(Locale.ROOT);
    }

    private static void collectText(JsonNode node, StringBuilder out) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(node.textValue());
        } else if (node.isContainerNode()) {
            node.forEach(child -> collectText(child, out));
        }
    }

    private static String text(JsonNode data, String field) {
        if (field == null || data == null) {
            return null;
        }
        JsonNode value = data.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static LocalDate day(String value) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value);
            }
            if (value.endsWith("Z")) {
                return Instant.parse(value).atZone(LOCAL_ZONE).toLocalDate();
            }
            return OffsetDateTime.parse(value).atZoneSameInstant(LOCAL_ZONE).toLocalDate();
        } catch (DateTimeException notADate) {
            return null;
        }
    }

    private static UUID uuid(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}

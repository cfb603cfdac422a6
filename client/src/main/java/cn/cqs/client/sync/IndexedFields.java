package cn.cqs.client.sync;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The values of a cached record that local lists sort and filter on, extracted from its JSON by a
 * {@link ReplicaIndexer}.
 *
 * @param title      what a list shows as the record's name (e.g. the report number); may be null
 * @param searchText the lower-case text "contains" searches look in; may be null
 * @param day        the record's date for date-range filters and newest-first order; may be null
 * @param parentId   the record it belongs to (e.g. a report's project); may be null
 */
public record IndexedFields(String title, String searchText, LocalDate day, UUID parentId) {
    public static final IndexedFields NONE = new IndexedFields(null, null, null, null);
}

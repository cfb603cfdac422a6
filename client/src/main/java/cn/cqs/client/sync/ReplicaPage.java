package cn.cqs.client.sync;

import java.util.List;

/**
 * One page of a local list.
 *
 * @param total how many records match the query in all pages
 */
public record ReplicaPage(List<CachedRecord> items, int offset, int limit, long total) {
    public ReplicaPage {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return offset + items.size() < total;
    }
}

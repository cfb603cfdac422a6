package cn.cqs.client.batches;

import java.util.Objects;

/**
 * The answer to one batch-list query: the matching rows' keys in list order (the list loads the
 * rows themselves page by page, as they scroll into view).
 *
 * @param keys local row ids, newest day first
 */
public record BatchPage(BatchFilter filter, long[] keys) {
    public BatchPage {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(keys, "keys");
    }

    public int size() {
        return keys.length;
    }
}

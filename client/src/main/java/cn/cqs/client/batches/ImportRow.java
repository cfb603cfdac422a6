package cn.cqs.client.batches;

import java.util.Objects;

/**
 * One row of an import preview: its line in the file, whether it can be registered, and for a bad
 * row the column and the reason (the first problem found; the rest follow in {@code reason}).
 *
 * @param id      the plant's id the row registers under (made when the file has none), or null when bad
 * @param summary what the row is, in a few words
 * @param request the registration to queue (a contract request record), or null when bad
 */
public record ImportRow(int line, boolean ok, String column, String reason, String id, String summary,
                        Object request, String extra) {
    public ImportRow {
        if (ok) {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(id, "id");
        }
    }
}

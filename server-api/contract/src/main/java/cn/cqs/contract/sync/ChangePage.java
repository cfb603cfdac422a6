package cn.cqs.contract.sync;

import java.util.List;

/**
 * One page of the change feed.
 *
 * @param nextCursor the opaque cursor to send as {@code since} for the next page; after the last
 *                   page it is the cursor to resume from next time. Never null: an empty feed still
 *                   answers a cursor (the current position).
 * @param hasMore    {@code true} when more changes are waiting: fetch again at once with
 *                   {@code nextCursor}; {@code false} when the client is up to date
 * @param changes    the changes in commit order (may be empty)
 */
public record ChangePage(String nextCursor, boolean hasMore, List<Change> changes) {

    public ChangePage {
        if (nextCursor == null || nextCursor.isEmpty()) {
            throw new IllegalArgumentException("nextCursor: required");
        }
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}

package cn.cqs.client.sync;

import cn.cqs.contract.sync.ChangePage;
import java.io.IOException;

/**
 * Where {@link SyncService} reads the change feed from. The API client implements it with
 * {@code GET /api/v1/sync/changes?since=<cursor>&limit=<n>} ({@link cn.cqs.contract.sync.SyncApi});
 * tests use an in-memory feed.
 */
public interface ChangeFeedSource {
    /**
     * The name the cursor of this feed is stored under in the local database. One name per distinct
     * feed (e.g. if a feed is ever restricted to some entities, name it after them).
     */
    default String feed() {
        return "changes";
    }

    /**
     * Fetches the page after {@code sinceCursor}.
     *
     * @param sinceCursor the opaque cursor from the previous page, or null for a full load
     * @param limit       the most changes wanted
     * @throws IOException when the server cannot be reached or answers an error; nothing is applied
     */
    ChangePage fetch(String sinceCursor, int limit) throws IOException;
}

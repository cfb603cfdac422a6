package cn.cqs.contract.sync;

import cn.cqs.contract.ApiVersion;

/**
 * The change-feed endpoint: {@code GET /api/v1/sync/changes?since=<cursor>&limit=<n>}, answering a
 * {@link ChangePage} as {@code application/json}. See the package documentation for the delivery
 * rules (at-least-once, in order, versions never go back, deletes are tombstones).
 */
public final class SyncApi {
    /** Path of the change feed. */
    public static final String CHANGES_PATH = ApiVersion.BASE_PATH + "/sync/changes";
    /** Query parameter: the opaque cursor from the previous page's {@link ChangePage#nextCursor()}; absent for a full load. */
    public static final String PARAM_SINCE = "since";
    /** Query parameter: the most changes the client wants in one page (1..{@link #MAX_LIMIT}). */
    public static final String PARAM_LIMIT = "limit";
    /** The page size the server uses when {@link #PARAM_LIMIT} is absent. */
    public static final int DEFAULT_LIMIT = 500;
    /** The largest page size the server accepts; a larger {@code limit} is a validation problem. */
    public static final int MAX_LIMIT = 2000;

    private SyncApi() {
    }
}

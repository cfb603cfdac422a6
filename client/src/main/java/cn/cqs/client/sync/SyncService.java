package cn.cqs.client.sync;

import cn.cqs.contract.sync.ChangePage;
import cn.cqs.contract.sync.SyncApi;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * 增量同步: brings the {@link Replica} up to date from a {@link ChangeFeedSource}. Each page is
 * applied in one transaction together with its cursor, so a crash between pages resumes after the
 * last applied page, and a crash inside a page re-applies that page (harmless: versions never go
 * back).
 */
public final class SyncService {
    private final LocalStore store;
    private final Replica replica;
    private final int pageSize;
    private final Clock clock;

    public SyncService(LocalStore store, Replica replica) {
        this(store, replica, SyncApi.DEFAULT_LIMIT, Clock.systemUTC());
    }

    public SyncService(LocalStore store, Replica replica, int pageSize, Clock clock) {
        if (pageSize < 1 || pageSize > SyncApi.MAX_LIMIT) {
            throw new IllegalArgumentException("pageSize: must be 1.." + SyncApi.MAX_LIMIT + ", was " + pageSize);
        }
        this.store = Objects.requireNonNull(store, "store");
        this.replica = Objects.requireNonNull(replica, "replica");
        this.pageSize = pageSize;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Pulls pages from {@code source} until it reports no more, applying each in order.
     *
     * @throws IOException when fetching a page fails; the pages before it stay applied
     */
    public SyncResult syncOnce(ChangeFeedSource source) throws IOException {
        String feed = source.feed();
        String cursor = cursor(feed).orElse(null);
        int pages = 0;
        int applied = 0;
        int ignored = 0;
        while (true) {
            ChangePage page = source.fetch(cursor, pageSize);
            if (page == null) {
                throw new IOException("The change feed '" + feed + "' answered no page");
            }
            if (page.hasMore() && page.changes().isEmpty() && page.nextCursor().equals(cursor)) {
                throw new IOException("The change feed '" + feed + "' reported more changes but did not "
                        + "advance its cursor (" + cursor + ")");
            }
            int[] counts = store.inTransaction(c -> applyPage(c, feed, page));
            applied += counts[0];
            ignored += counts[1];
            pages++;
            cursor = page.nextCursor();
            if (!page.hasMore()) {
                return new SyncResult(feed, pages, applied, ignored, cursor);
            }
        }
    }

    private int[] applyPage(Connection c, String feed, ChangePage page) throws SQLException {
        int[] counts = replica.applyAll(c, page.changes());
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO sync_cursor (feed, cursor, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (feed) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at""")) {
            ps.setString(1, feed);
            ps.setString(2, page.nextCursor());
            ps.setLong(3, clock.millis());
            ps.executeUpdate();
        }
        return counts;
    }

    /** The stored cursor of {@code feed}, empty before its first sync. */
    public Optional<String> cursor(String feed) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT cursor FROM sync_cursor WHERE feed = ?")) {
                ps.setString(1, feed);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }
}

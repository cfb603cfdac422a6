package cn.cqs.client.sync;

import cn.cqs.contract.sync.Change;
import cn.cqs.contract.sync.ChangePage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A change feed held in memory, like the server's: an append-only log of changes; the cursor is
 * the position in the log (opaque to the client). Can be told to fail a fetch to simulate a crash
 * or a lost connection between pages.
 */
final class InMemoryFeed implements ChangeFeedSource {
    final List<Change> log = new ArrayList<>();
    final List<String> requestedCursors = new ArrayList<>();
    private int failOnFetchNumber = -1;
    private int fetches;

    void append(Change change) {
        log.add(change);
    }

    /** The n-th fetch from now on (1-based) throws, once. */
    void failOnFetch(int n) {
        failOnFetchNumber = fetches + n;
    }

    @Override
    public ChangePage fetch(String sinceCursor, int limit) throws IOException {
        fetches++;
        requestedCursors.add(sinceCursor);
        if (fetches == failOnFetchNumber) {
            throw new IOException("connection reset (simulated)");
        }
        int from = sinceCursor == null ? 0 : Integer.parseInt(sinceCursor.substring("pos-".length()));
        int to = Math.min(log.size(), from + limit);
        return new ChangePage("pos-" + to, to < log.size(), log.subList(from, to));
    }
}

package cn.cqs.server.batches;

import cn.cqs.server.auth.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The query plans of a batch list request as the server runs it ({@link BatchListing}), with
 * {@code EXPLAIN (ANALYZE, BUFFERS)}: for the benchmark's {@code --explain} and for looking at which
 * index a filter uses.
 */
public final class BatchListPlans {
    private static final String EXPLAIN = "explain (analyze, buffers) ";

    private BatchListPlans() {
    }

    /** The count's plan, then the page's, as the lines PostgreSQL prints. */
    public static List<String> explain(Handle h, Principal p, BatchQuery q, Instant now) {
        BatchListing listing = BatchListing.of(h, p, q, now);
        List<String> lines = new ArrayList<>();
        lines.add("-- count" + (listing.exactCount() ? " (exact)" : " (bounded at " + q.countBound() + ")"));
        lines.addAll(listing.count(h, EXPLAIN).mapTo(String.class).list());
        lines.add("-- page");
        lines.addAll(listing.page(h, EXPLAIN).mapTo(String.class).list());
        return lines;
    }
}

package cn.cqs.server.batches;

import cn.cqs.server.auth.Principal;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The two statements of one {@code GET /api/v1/batches} request: the count (bounded or exact, see
 * {@link BatchQuery.CountMode}) and the page. Visibility is a plain condition: the plant's own
 * batches, or a regulator's jurisdiction read first as its list of region codes, so the planner
 * knows from the table's statistics how much of the table it covers (a county or the province) and
 * picks the index to match (V16).
 */
final class BatchListing {
    private final Principal principal;
    private final BatchQuery query;
    private final BatchQuery.Where where;
    private final List<String> regions;
    private final String conditions;

    private BatchListing(Principal principal, BatchQuery query, BatchQuery.Where where, List<String> regions) {
        this.principal = principal;
        this.query = query;
        this.where = where;
        this.regions = regions;
        String visible = regions != null ? "b.region_code = any(cast(:regions as char(6)[]))" : "b.organisation_id = :org";
        this.conditions = visible + where.sql();
    }

    /** The statements for {@code p} asking {@code q} at {@code now}; reads a regulator's region codes. */
    static BatchListing of(Handle h, Principal p, BatchQuery q, Instant now) {
        List<String> regions = null;
        if (p.isRegulator()) {
            regions = h.createQuery("select code from region_subtree(:region)").bind("region", p.organisationRegionCode())
                    .mapTo(String.class).list();
        }
        return new BatchListing(p, q, q.where(now), regions);
    }

    /** Whether the count is exact whatever it finds. */
    boolean exactCount() {
        return query.count() == BatchQuery.CountMode.EXACT;
    }

    /** The count statement, its text after {@code prefix} (e.g. an EXPLAIN). */
    Query count(Handle h, String prefix) {
        if (exactCount()) {
            return bind(h.createQuery(prefix + "select count(*) from production_batch b where " + conditions));
        }
        return bind(h.createQuery(prefix + "select count(*) from (select 1 from production_batch b where " + conditions
                + " limit :bound) matching"))
                .bind("bound", query.countBound());
    }

    /**
     * The page statement (rows of {@link BatchStore#SELECT}), its text after {@code prefix}. The page is
     * chosen first by id alone (an index-only scan where the order's index covers the conditions, as
     * production_batch_planned does a regulator's regions), then only its rows are read and joined.
     */
    Query page(Handle h, String prefix) {
        String page = "(select whole.* from (select b.id from production_batch b where " + conditions
                + " order by b.planned_start desc, b.id limit :limit offset :offset) chosen"
                + " join production_batch whole on whole.id = chosen.id)";
        return bind(h.createQuery(prefix + BatchStore.select(page) + " order by b.planned_start desc, b.id"))
                .bind("limit", query.limit()).bind("offset", query.offset());
    }

    private Query bind(Query q) {
        where.bind(q);
        return regions != null ? q.bindArray("regions", String.class, regions) : q.bind("org", principal.organisationId());
    }
}

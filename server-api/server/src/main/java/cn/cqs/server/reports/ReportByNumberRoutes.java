package cn.cqs.server.reports;

import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.reports.ReportNumber;
import cn.cqs.contract.reports.ReportRecord;
import cn.cqs.server.auth.Authenticator;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.http.ApiException;
import cn.cqs.server.http.Etags;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET /api/v1/reports/by-number/{reportNumber}}: the status of a report looked up by the
 * lab's own report number (报告编号), for lab business software that keeps only its own number.
 * Scoped to the caller's organisation as issuer: a report number is unique only within one lab, so
 * another organisation's report (or a regulator's view of it) is never found this way. An unknown
 * number, another organisation's number and a number that is not of the report-number shape
 * ({@link ReportNumber}) all answer 404, like an unknown record id.
 */
public final class ReportByNumberRoutes {
    /** The route's path template. */
    public static final String PATH = ApiVersion.BASE_PATH + "/reports/by-number/{reportNumber}";
    private final Jdbi jdbi;
    private final ReportStore store;
    private final Authenticator authenticator;

    public ReportByNumberRoutes(Jdbi jdbi, ReportStore store, Authenticator authenticator) {
        this.jdbi = jdbi;
        this.store = store;
        this.authenticator = authenticator;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(PATH, ctx -> {
            ReportRecord record = find(authenticator.require(ctx), ctx.pathParam("reportNumber"));
            Etags.set(ctx, record.version());
            ctx.json(record);
        });
    }

    /** The caller's organisation's report with this number, or a 404. */
    public ReportRecord find(Principal p, String reportNumber) {
        if (reportNumber == null || ReportNumber.check("reportNumber", reportNumber).isPresent()) {
            throw ApiException.notFound("Report");
        }
        // the same answer as GET /reports/{id}: the record with its version history
        return jdbi.withHandle(h -> store.findByIssuerAndNumber(h, p.organisationId(), reportNumber)
                        .map(r -> r.withHistory(store.history(h, r))))
                .orElseThrow(() -> ApiException.notFound("Report"));
    }
}

package cn.cqs.server.audit;

import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.server.auth.Authenticator;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.http.ApiException;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET /api/v1/audit?limit=&before=}: an organisation's administrator reads its own
 * organisation's entries; regulators (administrators or supervisors) also those about projects
 * in their jurisdiction. Newest first; page with {@code before} = the smallest id seen.
 */
public final class AuditRoutes {
    private final AuditLog audit;
    private final Jdbi jdbi;
    private final Authenticator authenticator;

    public AuditRoutes(AuditLog audit, Jdbi jdbi, Authenticator authenticator) {
        this.audit = audit;
        this.jdbi = jdbi;
        this.authenticator = authenticator;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(ApiVersion.BASE_PATH + "/audit", ctx -> {
            Principal p = authenticator.require(ctx);
            if (!p.isAdministrator() && !(p.isRegulator() && p.has(Permission.REPORTS_SUPERVISE))) {
                throw ApiException.forbidden("Only administrators and supervising regulators read the audit log");
            }
            int limit = intParam(ctx.queryParam("limit"), "limit", 100);
            if (limit < 1 || limit > 500) {
                throw ApiException.validation("limit", "range", "limit must be between 1 and 500");
            }
            String before = ctx.queryParam("before");
            Long beforeId = before == null ? null : (long) intParam(before, "before", 0);
            ctx.json(audit.visibleTo(jdbi, p, limit, beforeId));
        });
    }

    private static int intParam(String value, String name, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.validation(name, "not_a_number", name + " must be a whole number, was '" + value + "'");
        }
    }
}

package cn.cqs.server.reports;

import cn.cqs.server.http.Ids;
import cn.cqs.server.http.Validation;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * The filters of {@code GET /api/v1/reports}, read from the query string: {@code projectId},
 * {@code late} (true/false), {@code from}/{@code to} (receipt dates, inclusive, China time),
 * {@code q} (text in report number, project name, sample name or sample id), {@code limit}
 * (1-{@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}) and {@code offset}.
 */
public record ReportQuery(UUID projectId, Boolean late, Instant receivedFrom, Instant receivedBefore, String text,
                          int limit, int offset) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
    public static final int MAX_TEXT = 100;

    /** Reads the filters; every bad value is a 422 naming its parameter. */
    public static ReportQuery from(Context ctx) {
        Validation v = new Validation();
        UUID projectId = null;
        String project = ctx.queryParam("projectId");
        if (project != null) {
            projectId = Ids.parse(project.trim()).orElse(null);
            if (projectId == null) {
                v.add("projectId", "malformed", "projectId must be a project id (a UUID), was '" + project + "'");
            }
        }
        Boolean late = null;
        String lateText = ctx.queryParam("late");
        if (lateText != null) {
            switch (lateText.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> late = true;
                case "false" -> late = false;
                default -> v.add("late", "malformed", "late must be true or false, was '" + lateText + "'");
            }
        }
        cn.cqs.server.http.QueryParams params = new cn.cqs.server.http.QueryParams(ctx, v);
        LocalDate from = params.date("from");
        LocalDate to = params.date("to");
        if (from != null && to != null && to.isBefore(from)) {
            v.add("to", "before_from", "to (" + to + ") is before from (" + from + ")");
        }
        String q = Validation.trim(ctx.queryParam("q"));
        v.optionalText("q", q, MAX_TEXT);
        int limit = params.limit(DEFAULT_LIMIT, MAX_LIMIT);
        int offset = params.offset();
        v.throwIfInvalid();
        return new ReportQuery(projectId, late, cn.cqs.server.http.QueryParams.startOf(from),
                cn.cqs.server.http.QueryParams.endOf(to), q, limit, offset);
    }

    /** The text filter as an ILIKE pattern with its wildcards escaped, or null. */
    public String likePattern() {
        if (text == null) {
            return null;
        }
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}

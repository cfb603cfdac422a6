package cn.cqs.server.batches;

import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.NotificationState;
import cn.cqs.server.db.Sql;
import cn.cqs.server.http.Ids;
import cn.cqs.server.http.QueryParams;
import cn.cqs.server.http.Validation;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The filters of {@code GET /api/v1/batches}: {@code plantId}, {@code projectId}, {@code from} /
 * {@code to} (days of the planned start, China time, inclusive), {@code startNotification},
 * {@code endNotification}, {@code notification} (either of the two in that state, e.g. LATE or
 * MISSING), {@code dosingState}, {@code marking} (exact, canonical), {@code q} (text in the serial
 * number, the plant's batch id, the buyer or the pour location), {@code limit}
 * (1-{@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}), {@code offset} and {@code count}
 * ({@link CountMode}). Results come newest planned start first (then by id, a stable order); how
 * many match is in {@code X-Total-Count}, exact up to {@link #countBound()} and a lower bound beyond
 * ({@code X-Total-Count-Exact: false}) unless {@code count=exact}.
 */
public record BatchQuery(UUID plantId, UUID projectId, LocalDate from, LocalDate to, NotificationState startNotification,
                         NotificationState endNotification, NotificationState notification, DosingState dosingState,
                         String marking, String text, int limit, int offset, CountMode count) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
    /** Up to this many matches the bounded count is exact; one more and it says "more than this". */
    public static final int EXACT_COUNT_UP_TO = 10_000;

    /** How {@code X-Total-Count} is counted ({@code count=bounded|exact}). */
    public enum CountMode {
        /**
         * The default: counting stops at {@link BatchQuery#countBound()} matches, so a page costs about
         * the same whether thousands or millions match.
         */
        BOUNDED,
        /** Every match is counted: exact, but slow when millions match. */
        EXACT
    }

    /** Reads the filters; every bad value is a 422 naming its parameter. */
    public static BatchQuery from(Context ctx) {
        Validation v = new Validation();
        QueryParams q = new QueryParams(ctx, v);
        UUID plant = uuid(ctx, v, "plantId");
        UUID project = uuid(ctx, v, "projectId");
        LocalDate from = q.date("from");
        LocalDate to = q.date("to");
        q.range(from, to);
        NotificationState start = q.enumValue("startNotification", NotificationState.class);
        NotificationState end = q.enumValue("endNotification", NotificationState.class);
        NotificationState either = q.enumValue("notification", NotificationState.class);
        DosingState dosing = q.enumValue("dosingState", DosingState.class);
        CountMode count = q.enumValue("count", CountMode.class);
        String marking = Validation.trim(ctx.queryParam("marking"));
        if (marking != null) {
            cn.cqs.contract.batches.ConcreteMarking.Parsed parsed = cn.cqs.contract.batches.ConcreteMarking.parse(marking);
            if (parsed.valid()) {
                marking = parsed.marking().render();
            }
        }
        String text = Validation.trim(ctx.queryParam("q"));
        v.optionalText("marking", marking, 100).optionalText("q", text, 100);
        int limit = q.limit(DEFAULT_LIMIT, MAX_LIMIT);
        int offset = q.offset();
        v.throwIfInvalid();
        return new BatchQuery(plant, project, from, to, start, end, either, dosing, marking, text, limit, offset,
                count == null ? CountMode.BOUNDED : count);
    }

    private static UUID uuid(Context ctx, Validation v, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return Ids.parse(value.trim()).orElseGet(() -> {
            v.add(name, "malformed", name + " must be an id (UUID), was '" + value + "'");
            return null;
        });
    }

    /**
     * Where the bounded count stops: {@value #EXACT_COUNT_UP_TO} + 1, or further on a deep page (one
     * past the page's last row), so a count that reaches it always tells whether another page follows.
     */
    public long countBound() {
        return Math.max(EXACT_COUNT_UP_TO + 1L, (long) offset + limit + 1L);
    }

    /** The filters as SQL (over alias {@code b}) at {@code now}, and their binding. */
    Where where(Instant now) {
        return Where.of(this, now);
    }

    /**
     * SQL conditions after the visibility rule, each starting with {@code and}, only for the filters
     * given (so the planner sees plain conditions it can match to the indexes of V16), and the values
     * they bind.
     */
    record Where(String sql, Map<String, Object> bindings) {
        /**
         * The text all four searched columns make together: a row whose column contains the text also
         * contains it here, so {@code concat ilike} is a necessary condition the trigram index
         * {@code production_batch_text} (V16) answers; the exact per-column test follows it.
         */
        /**
         * The shortest text the trigram index helps with: a shorter one has no trigram, the index would
         * be read whole, so such a text is only tested row by row in the list's order.
         */
        static final int TRIGRAM = 3;
        static final String SEARCHED_TEXT =
                "(b.serial_number || ' ' || b.plant_batch_id || ' ' || b.buyer || ' ' || b.pour_location)";

        static Where of(BatchQuery q, Instant now) {
            StringBuilder sql = new StringBuilder();
            Map<String, Object> bind = new LinkedHashMap<>();
            if (q.plantId() != null) {
                sql.append(" and b.organisation_id = :plant");
                bind.put("plant", q.plantId());
            }
            if (q.projectId() != null) {
                sql.append(" and b.project_id = :project");
                bind.put("project", q.projectId());
            }
            if (q.from() != null) {
                sql.append(" and b.planned_start >= :from");
                bind.put("from", Sql.ts(QueryParams.startOf(q.from())));
            }
            if (q.to() != null) {
                sql.append(" and b.planned_start < :to");
                bind.put("to", Sql.ts(QueryParams.endOf(q.to())));
            }
            if (q.dosingState() != null) {
                sql.append(" and b.dosing_state = :dosing");
                bind.put("dosing", q.dosingState().name());
            }
            if (q.marking() != null) {
                sql.append(" and b.marking = :marking");
                bind.put("marking", q.marking());
            }
            if (q.text() != null) {
                if (q.text().codePointCount(0, q.text().length()) >= TRIGRAM) {
                    sql.append(" and ").append(SEARCHED_TEXT).append(" ilike :text");
                }
                sql.append(" and (b.serial_number ilike :text or b.plant_batch_id ilike :text")
                        .append(" or b.buyer ilike :text or b.pour_location ilike :text)");
                bind.put("text", "%" + like(q.text()) + "%");
            }
            // each state test after the branch of the rule it implies (BatchRules), which partial indexes answer
            if (q.startNotification() != null) {
                sql.append(" and ").append(BatchRules.startStateImplies(q.startNotification()))
                        .append(" and ").append(BatchRules.START_STATE_SQL).append(" = :start");
                bind.put("start", q.startNotification().name());
            }
            if (q.endNotification() != null) {
                sql.append(" and ").append(BatchRules.endStateImplies(q.endNotification()))
                        .append(" and ").append(BatchRules.END_STATE_SQL).append(" = :end");
                bind.put("end", q.endNotification().name());
            }
            if (q.notification() != null) {
                sql.append(" and ((").append(BatchRules.startStateImplies(q.notification())).append(" and ")
                        .append(BatchRules.START_STATE_SQL).append(" = :either) or (")
                        .append(BatchRules.endStateImplies(q.notification())).append(" and ")
                        .append(BatchRules.END_STATE_SQL).append(" = :either))");
                bind.put("either", q.notification().name());
            }
            if (q.startNotification() != null || q.endNotification() != null || q.notification() != null) {
                bind.put("now", Sql.ts(now));
                bind.put("windowSeconds", BatchRules.windowSeconds());
            }
            return new Where(sql.toString(), bind);
        }

        <S extends SqlStatement<S>> S bind(S statement) {
            bindings.forEach(statement::bind);
            return statement;
        }

        private static String like(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}

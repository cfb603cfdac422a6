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
import org.jdbi.v3.core.statement.Query;

/**
 * The filters of {@code GET /api/v1/batches}: {@code plantId}, {@code projectId}, {@code from} /
 * {@code to} (days of the planned start, China time, inclusive), {@code startNotification},
 * {@code endNotification}, {@code notification} (either of the two in that state, e.g. LATE or
 * MISSING), {@code dosingState}, {@code marking} (exact, canonical), {@code q} (text in the serial
 * number, the plant's batch id, the buyer or the pour location), {@code limit}
 * (1-{@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}) and {@code offset}. Results come newest
 * planned start first (then by id, a stable order); the total matching is in {@code X-Total-Count}.
 */
public record BatchQuery(UUID plantId, UUID projectId, LocalDate from, LocalDate to, NotificationState startNotification,
                         NotificationState endNotification, NotificationState notification, DosingState dosingState,
                         String marking, String text, int limit, int offset) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

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
        return new BatchQuery(plant, project, from, to, start, end, either, dosing, marking, text, limit, offset);
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

    /** The filters as SQL (over alias {@code b}) at {@code now}, and their binding. */
    Where where(Instant now) {
        return new Where(this, now);
    }

    /** SQL conditions after the visibility rule, starting with {@code and}. */
    record Where(BatchQuery q, Instant now) {
        String sql() {
            return """
                     and (cast(:plant as uuid) is null or b.organisation_id = cast(:plant as uuid))
                     and (cast(:project as uuid) is null or b.project_id = cast(:project as uuid))
                     and (cast(:from as timestamptz) is null or b.planned_start >= cast(:from as timestamptz))
                     and (cast(:to as timestamptz) is null or b.planned_start < cast(:to as timestamptz))
                     and (cast(:dosing as text) is null or b.dosing_state = cast(:dosing as text))
                     and (cast(:marking as text) is null or b.marking = cast(:marking as text))
                     and (cast(:text as text) is null or b.serial_number ilike cast(:text as text)
                          or b.plant_batch_id ilike cast(:text as text) or b.buyer ilike cast(:text as text)
                          or b.pour_location ilike cast(:text as text))
                     and (cast(:start as text) is null or\s""" + BatchRules.START_STATE_SQL + """
                     = cast(:start as text))
                     and (cast(:end as text) is null or\s""" + BatchRules.END_STATE_SQL + """
                     = cast(:end as text))
                     and (cast(:either as text) is null or\s""" + BatchRules.START_STATE_SQL + """
                     = cast(:either as text) or\s""" + BatchRules.END_STATE_SQL + " = cast(:either as text))";
        }

        Query bind(Query query) {
            return query.bind("plant", q.plantId()).bind("project", q.projectId())
                    .bind("from", Sql.ts(QueryParams.startOf(q.from()))).bind("to", Sql.ts(QueryParams.endOf(q.to())))
                    .bind("dosing", q.dosingState() == null ? null : q.dosingState().name())
                    .bind("marking", q.marking())
                    .bind("text", q.text() == null ? null : "%" + like(q.text()) + "%")
                    .bind("start", name(q.startNotification())).bind("end", name(q.endNotification()))
                    .bind("either", name(q.notification()))
                    .bind("now", Sql.ts(now)).bind("windowSeconds", BatchRules.windowSeconds());
        }

        private static String name(NotificationState s) {
            return s == null ? null : s.name();
        }

        private static String like(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}

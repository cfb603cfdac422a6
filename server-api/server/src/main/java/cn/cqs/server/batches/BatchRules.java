package cn.cqs.server.batches;

import cn.cqs.contract.batches.ConcreteMarking;
import cn.cqs.contract.batches.NotificationDeadline;
import cn.cqs.contract.batches.NotificationState;
import cn.cqs.contract.problem.Problem;
import cn.cqs.server.http.Validation;
import java.time.Instant;

/**
 * Where the server applies the contract's ready-mix rules: the concrete marking
 * ({@link ConcreteMarking}, GB/T 14902) and the 1-hour notification deadline
 * ({@link NotificationDeadline}, R7), mapped onto the states a batch shows
 * ({@link NotificationState}):
 *
 * <ul>
 *   <li>start notified: the deadline rule on the stated start (ON_TIME or LATE); not notified: the
 *       planned start's rule: OVERDUE is MISSING, PENDING is DUE once the planned start has come,
 *       NOT_DUE before it;</li>
 *   <li>end notified: the deadline rule on the stated end; not notified but the delivery tickets
 *       already cover the planned volume: production evidently ended when the truck completing it
 *       departed ({@code dispatched_at}, set by {@code BatchService} with the contract's
 *       {@link cn.cqs.contract.batches.DispatchRule}), so the end is DUE for an hour after that and MISSING then;
 *       otherwise NOT_DUE (nothing shows the end has happened).</li>
 * </ul>
 *
 * {@link #START_STATE_SQL} and {@link #END_STATE_SQL} are the same mapping in SQL for the list's
 * filters (binding :now and :windowSeconds from {@link NotificationDeadline#WINDOW}); BatchRulesSqlTest
 * checks that both agree. They are public for the regulators' plant figures
 * ({@code cn.cqs.server.batches.supervision}), which count the states in SQL with the same text.
 */
public final class BatchRules {
    /** The start state of batch {@code b} as SQL text. */
    public static final String START_STATE_SQL = """
            (case when b.started_at is not null then
                       case when b.start_notified_at > b.started_at + :windowSeconds * interval '1 second'
                            then 'LATE' else 'ON_TIME' end
                  when cast(:now as timestamptz) > b.planned_start + :windowSeconds * interval '1 second' then 'MISSING'
                  when cast(:now as timestamptz) >= b.planned_start then 'DUE'
                  else 'NOT_DUE' end)""";
    /** The end state of batch {@code b} as SQL text. */
    public static final String END_STATE_SQL = """
            (case when b.ended_at is not null then
                       case when b.end_notified_at > b.ended_at + :windowSeconds * interval '1 second'
                            then 'LATE' else 'ON_TIME' end
                  when b.dispatched_at is not null then
                       case when cast(:now as timestamptz) > b.dispatched_at + :windowSeconds * interval '1 second'
                            then 'MISSING' else 'DUE' end
                  else 'NOT_DUE' end)""";

    private BatchRules() {
    }

    /**
     * A condition over alias {@code b} that every batch whose start state is {@code state} meets: the
     * first branch {@link #START_STATE_SQL} takes (whether a start is known). The list adds it before
     * the state test so the partial index of not-started batches (V16) can answer DUE, NOT_DUE and
     * MISSING; BatchRulesSqlTest checks it holds at every boundary.
     */
    static String startStateImplies(NotificationState state) {
        return switch (state) {
            case ON_TIME, LATE -> "b.started_at is not null";
            case NOT_DUE, DUE, MISSING -> "b.started_at is null";
        };
    }

    /** The same for the end state and {@link #END_STATE_SQL}'s branches (end known; trucks done). */
    static String endStateImplies(NotificationState state) {
        return switch (state) {
            case ON_TIME, LATE -> "b.ended_at is not null";
            case DUE, MISSING -> "(b.ended_at is null and b.dispatched_at is not null)";
            case NOT_DUE -> "(b.ended_at is null and b.dispatched_at is null)";
        };
    }

    /** The seconds of the notification window, for {@code :windowSeconds}. */
    public static long windowSeconds() {
        return NotificationDeadline.WINDOW.toSeconds();
    }

    /** A marking read from a request: its canonical text and strength class. */
    record Marking(String canonical, String strengthClass) {
    }

    /** Reads {@code text} as a marking, adding every problem to {@code v}; null when it is not one. */
    static Marking marking(Validation v, String field, String text) {
        ConcreteMarking.Parsed parsed = ConcreteMarking.parse(field, text);
        if (!parsed.valid()) {
            for (Problem.FieldError e : parsed.errors()) {
                v.add(e.field(), e.code(), e.message());
            }
            return null;
        }
        return new Marking(parsed.marking().render(), parsed.marking().strength().code());
    }

    /** The start notification's state (开盘告知) at {@code now}: the contract's {@link NotificationDeadline#startState}. */
    static NotificationState start(Instant plannedStart, Instant startedAt, Instant notifiedAt, Instant now) {
        return NotificationDeadline.startState(plannedStart, startedAt, notifiedAt, now);
    }

    /**
     * The end notification's state (完成告知) at {@code now}; {@code dispatchedAt} as described above: the
     * contract's {@link NotificationDeadline#endState}, which the client applies offline with the same moment
     * ({@code ProductionBatch.dispatchedAt}).
     */
    static NotificationState end(Instant endedAt, Instant notifiedAt, Instant dispatchedAt, Instant now) {
        return NotificationDeadline.endState(endedAt, notifiedAt, dispatchedAt, now);
    }

    /**
     * Whether a notification received at {@code notifiedAt} for an event at {@code eventAt} is refused as
     * before the event (more than the allowed clock skew).
     */
    static boolean beforeEvent(Instant eventAt, Instant notifiedAt) {
        return NotificationDeadline.judge(NotificationDeadline.Event.START, eventAt, notifiedAt, notifiedAt).status()
                == NotificationDeadline.Status.BEFORE_EVENT;
    }
}

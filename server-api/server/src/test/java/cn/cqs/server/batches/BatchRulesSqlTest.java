package cn.cqs.server.batches;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.batches.NotificationState;
import cn.cqs.server.db.Sql;
import cn.cqs.server.testing.TestServers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The notification states in SQL (the list's filters) agree with the contract's deadline rule as
 * {@link BatchRules} applies it in Java, at and around every boundary: exactly 1 hour after the
 * event (on time), a second later (late), the planned start reached and 1 hour past it, the trucks'
 * completion and 1 hour past it; and the batch meets the branch condition its states imply
 * ({@link BatchRules#startStateImplies}, {@link BatchRules#endStateImplies}), which the list adds for
 * its partial indexes.
 */
class BatchRulesSqlTest {
    private static final Instant T = Instant.parse("2026-11-24T02:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration SECOND = Duration.ofSeconds(1);

    /** One batch's stored times and the moment it is judged at. */
    private record Times(Instant planned, Instant started, Instant startNotified, Instant ended, Instant endNotified,
                         Instant dispatched, Instant now) {
    }

    private static List<Times> cases() {
        List<Times> cases = new ArrayList<>();
        // not started: before the planned start, at it, 1 h after it, a second later
        for (Instant now : List.of(T.minus(SECOND), T, T.plus(HOUR), T.plus(HOUR).plus(SECOND), T.plus(Duration.ofDays(2)))) {
            cases.add(new Times(T, null, null, null, null, null, now));
        }
        // started, notified at once, exactly 1 h later, 1 h and a second later; ended likewise
        for (Duration lag : List.of(Duration.ZERO, HOUR, HOUR.plus(SECOND), Duration.ofHours(5))) {
            Instant end = T.plus(Duration.ofHours(2));
            cases.add(new Times(T, T, T.plus(lag), null, null, null, T.plus(Duration.ofHours(8))));
            cases.add(new Times(T, T, T, end, end.plus(lag), null, T.plus(Duration.ofHours(8))));
        }
        // started, not ended, the trucks completed the volume at D: due until D + 1 h, missing after
        Instant d = T.plus(Duration.ofHours(3));
        for (Instant now : List.of(d, d.plus(HOUR), d.plus(HOUR).plus(SECOND))) {
            cases.add(new Times(T, T, T, null, null, d, now));
        }
        // started, not ended, nothing dispatched: nothing shows the end has happened
        cases.add(new Times(T, T, T, null, null, null, T.plus(Duration.ofDays(3))));
        return cases;
    }

    @Test
    void sqlAndJavaAgreeAtEveryBoundary() {
        Jdbi jdbi = TestServers.shared().jdbi();
        List<String> seen = new ArrayList<>();
        for (Times t : cases()) {
            NotificationState start = BatchRules.start(t.planned(), t.started(), t.startNotified(), t.now());
            NotificationState end = BatchRules.end(t.ended(), t.endNotified(), t.dispatched(), t.now());
            List<String> sql = jdbi.withHandle(h -> h.createQuery("select " + BatchRules.START_STATE_SQL + " as s, "
                            + BatchRules.END_STATE_SQL + " as e, cast(" + BatchRules.startStateImplies(start)
                            + " as text) as si, cast(" + BatchRules.endStateImplies(end) + " as text) as ei " + """
                             from (select cast(:planned as timestamptz) as planned_start,
                                   cast(:started as timestamptz) as started_at, cast(:startNotified as timestamptz) as start_notified_at,
                                   cast(:ended as timestamptz) as ended_at, cast(:endNotified as timestamptz) as end_notified_at,
                                   cast(:dispatched as timestamptz) as dispatched_at) b""")
                    .bind("planned", Sql.ts(t.planned())).bind("started", Sql.ts(t.started()))
                    .bind("startNotified", Sql.ts(t.startNotified())).bind("ended", Sql.ts(t.ended()))
                    .bind("endNotified", Sql.ts(t.endNotified())).bind("dispatched", Sql.ts(t.dispatched()))
                    .bind("now", Sql.ts(t.now())).bind("windowSeconds", BatchRules.windowSeconds())
                    .map((rs, c) -> List.of(rs.getString("s"), rs.getString("e"), rs.getString("si"), rs.getString("ei")))
                    .one());
            // the states agree, and each state's branch condition (what the list's partial indexes answer) holds
            assertThat(sql).as("%s", t).containsExactly(start.name(), end.name(), "true", "true");
            seen.add(start.name());
            seen.add(end.name());
        }
        // the cases reach every state
        assertThat(seen).contains("NOT_DUE", "DUE", "ON_TIME", "LATE", "MISSING");
    }
}

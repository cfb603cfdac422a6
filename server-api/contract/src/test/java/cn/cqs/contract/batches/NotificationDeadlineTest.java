package cn.cqs.contract.batches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.contract.batches.NotificationDeadline.Event;
import cn.cqs.contract.batches.NotificationDeadline.Judgement;
import cn.cqs.contract.batches.NotificationDeadline.PlannedStart;
import cn.cqs.contract.batches.NotificationDeadline.Status;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NotificationDeadlineTest {
    private static final Instant STARTED = Instant.parse("2026-03-01T00:10:00Z");
    private static final Instant MUCH_LATER = STARTED.plus(Duration.ofDays(2));

    private static Judgement notifiedAfter(String duration) {
        return NotificationDeadline.judge(Event.START, STARTED, STARTED.plus(Duration.parse(duration)), MUCH_LATER);
    }

    @Test
    void fiftyNineMinutesFiftyNineSecondsIsOnTime() {
        Judgement j = notifiedAfter("PT59M59S");
        assertThat(j.status()).isEqualTo(Status.ON_TIME);
        assertThat(j.elapsed()).isEqualTo(Duration.parse("PT59M59S"));
        assertThat(j.violation()).isFalse();
        assertThat(j.overdueBy()).isNull();
        assertThat(j.remaining()).isNull();
    }

    @Test
    void exactlyOneHourIsOnTime() {
        assertThat(notifiedAfter("PT1H").status()).isEqualTo(Status.ON_TIME);
    }

    @Test
    void oneHourAndOneSecondIsLate() {
        Judgement j = notifiedAfter("PT1H0M1S");
        assertThat(j.status()).isEqualTo(Status.LATE);
        assertThat(j.overdueBy()).isEqualTo(Duration.ofSeconds(1));
        assertThat(j.violation()).isTrue();
        assertThat(notifiedAfter("PT1H0.000000001S").status()).isEqualTo(Status.LATE);
    }

    @Test
    void upToFiveMinutesBeforeTheEventIsClockSkewAndOnTime() {
        assertThat(notifiedAfter("PT0S").status()).isEqualTo(Status.ON_TIME);
        assertThat(notifiedAfter("-PT5M").status()).isEqualTo(Status.ON_TIME);
        assertThat(NotificationDeadline.CLOCK_SKEW).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void moreThanFiveMinutesBeforeTheEventIsRefused() {
        Judgement j = notifiedAfter("-PT5M1S");
        assertThat(j.status()).isEqualTo(Status.BEFORE_EVENT);
        assertThat(j.violation()).isTrue();
        assertThat(j.elapsed()).isEqualTo(Duration.parse("-PT5M1S"));
        assertThat(notifiedAfter("-PT3H").status()).isEqualTo(Status.BEFORE_EVENT);
    }

    @Test
    void withoutNotificationItIsDueWithTheTimeLeftUntilTheHourIsOver() {
        Judgement j = NotificationDeadline.judge(Event.END, STARTED, null, STARTED.plus(Duration.parse("PT59M59S")));
        assertThat(j.status()).isEqualTo(Status.DUE);
        assertThat(j.remaining()).isEqualTo(Duration.ofSeconds(1));
        assertThat(j.violation()).isFalse();
        Judgement atDeadline = NotificationDeadline.judge(Event.END, STARTED, null, STARTED.plus(Duration.ofHours(1)));
        assertThat(atDeadline.status()).isEqualTo(Status.DUE);
        assertThat(atDeadline.remaining()).isZero();
        assertThat(atDeadline.deadline()).isEqualTo(Instant.parse("2026-03-01T01:10:00Z"));
    }

    @Test
    void withoutNotificationAfterTheHourItIsMissing() {
        Judgement j = NotificationDeadline.judge(Event.END, STARTED, null, STARTED.plus(Duration.parse("PT1H0M1S")));
        assertThat(j.status()).isEqualTo(Status.MISSING);
        assertThat(j.overdueBy()).isEqualTo(Duration.ofSeconds(1));
        assertThat(j.elapsed()).isNull();
        assertThat(j.violation()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Event.class)
    void startAndEndFollowTheSameRule(Event event) {
        assertThat(NotificationDeadline.judge(event, STARTED, STARTED.plus(Duration.ofHours(1)), MUCH_LATER).status())
                .isEqualTo(Status.ON_TIME);
        assertThat(NotificationDeadline.judge(event, STARTED, STARTED.plus(Duration.ofMinutes(61)), MUCH_LATER)
                .status()).isEqualTo(Status.LATE);
        assertThat(event.chineseName()).endsWith("告知");
    }

    @Test
    void aReceivedNotificationIsJudgedOnItsReceiptNotOnNow() {
        // judged long after, an on-time notification stays on time
        assertThat(NotificationDeadline.judge(Event.START, STARTED, STARTED.plusSeconds(60), MUCH_LATER).status())
                .isEqualTo(Status.ON_TIME);
    }

    @Test
    void aPlannedStartWithoutNotificationIsOverdueOnlyAfterTheHour() {
        Instant planned = STARTED;
        assertThat(NotificationDeadline.judgePlannedStart(planned, null, planned.minusSeconds(3600)))
                .isEqualTo(PlannedStart.PENDING);
        assertThat(NotificationDeadline.judgePlannedStart(planned, null, planned.plus(Duration.ofHours(1))))
                .isEqualTo(PlannedStart.PENDING);
        assertThat(NotificationDeadline.judgePlannedStart(planned, null, planned.plus(Duration.parse("PT1H0M1S"))))
                .isEqualTo(PlannedStart.OVERDUE);
        assertThat(NotificationDeadline.judgePlannedStart(planned, planned.plus(Duration.ofHours(3)), MUCH_LATER))
                .isEqualTo(PlannedStart.NOTIFIED);
    }

    @Test
    void requiredTimesAreRequired() {
        assertThatThrownBy(() -> NotificationDeadline.judge(Event.START, null, null, MUCH_LATER))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("eventAt");
        assertThatThrownBy(() -> NotificationDeadline.judge(Event.START, STARTED, null, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("now");
    }

    @Test
    void theBatchStateFollowsTheVerdict() {
        assertThat(NotificationDeadline.state(Event.START, null, null, MUCH_LATER)).isEqualTo(NotificationState.NOT_DUE);
        assertThat(NotificationDeadline.state(Event.START, STARTED, null, STARTED.plusSeconds(10)))
                .isEqualTo(NotificationState.DUE);
        assertThat(NotificationDeadline.state(Event.START, STARTED, null, MUCH_LATER)).isEqualTo(NotificationState.MISSING);
        assertThat(NotificationDeadline.state(Event.END, STARTED, STARTED.plus(Duration.ofHours(1)), MUCH_LATER))
                .isEqualTo(NotificationState.ON_TIME);
        assertThat(NotificationDeadline.state(Event.END, STARTED, STARTED.plus(Duration.ofMinutes(61)), MUCH_LATER))
                .isEqualTo(NotificationState.LATE);
        assertThatThrownBy(() -> NotificationDeadline.state(Event.END, STARTED, STARTED.minus(Duration.ofMinutes(6)),
                MUCH_LATER)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refused");
    }

    @Test
    void aBatchsStartRunsFromThePlannedStartUntilNotified() {
        Instant planned = STARTED;
        assertThat(NotificationDeadline.startState(planned, null, null, planned.minusMillis(1)))
                .isEqualTo(NotificationState.NOT_DUE);
        assertThat(NotificationDeadline.judgeStart(planned, null, null, planned.minusMillis(1))).isEmpty();
        assertThat(NotificationDeadline.startState(planned, null, null, planned)).isEqualTo(NotificationState.DUE);
        assertThat(NotificationDeadline.startState(planned, null, null, planned.plus(Duration.ofHours(1))))
                .isEqualTo(NotificationState.DUE);
        assertThat(NotificationDeadline.startState(planned, null, null, planned.plus(Duration.ofHours(1)).plusMillis(1)))
                .isEqualTo(NotificationState.MISSING);
        // notified: judged on the stated start, whatever the plan said
        Instant started = planned.plus(Duration.ofHours(3));
        assertThat(NotificationDeadline.startState(planned, started, started.plus(Duration.ofHours(1)), MUCH_LATER))
                .isEqualTo(NotificationState.ON_TIME);
        assertThat(NotificationDeadline.judgeStart(planned, started, null, started.plus(Duration.ofMinutes(45)))
                .orElseThrow().remaining()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void anUnnotifiedEndRunsFromTheDispatchThatCoveredThePlannedVolume() {
        Instant dispatched = STARTED.plus(Duration.ofHours(2));
        // nothing shows the end has happened
        assertThat(NotificationDeadline.endState(null, null, null, MUCH_LATER)).isEqualTo(NotificationState.NOT_DUE);
        assertThat(NotificationDeadline.judgeEnd(null, null, null, MUCH_LATER)).isEmpty();
        // the tickets cover the planned volume: due for the hour after the last departure, missing after it
        assertThat(NotificationDeadline.endState(null, null, dispatched, dispatched)).isEqualTo(NotificationState.DUE);
        Judgement at45 = NotificationDeadline.judgeEnd(null, null, dispatched, dispatched.plus(Duration.ofMinutes(45)))
                .orElseThrow();
        assertThat(at45.event()).isEqualTo(Event.END);
        assertThat(at45.eventAt()).isEqualTo(dispatched);
        assertThat(at45.remaining()).isEqualTo(Duration.ofMinutes(15));
        assertThat(NotificationDeadline.endState(null, null, dispatched, dispatched.plus(Duration.ofHours(1))))
                .isEqualTo(NotificationState.DUE);
        assertThat(NotificationDeadline.endState(null, null, dispatched, dispatched.plus(Duration.ofHours(1)).plusMillis(1)))
                .isEqualTo(NotificationState.MISSING);
        // a notified end is judged on the stated end, not on the dispatch
        Instant ended = dispatched.minus(Duration.ofMinutes(20));
        assertThat(NotificationDeadline.endState(ended, ended.plus(Duration.ofMinutes(70)), dispatched, MUCH_LATER))
                .isEqualTo(NotificationState.LATE);
        assertThat(NotificationDeadline.endState(ended, ended.plus(Duration.ofMinutes(60)), dispatched, MUCH_LATER))
                .isEqualTo(NotificationState.ON_TIME);
        assertThatThrownBy(() -> NotificationDeadline.judgeEnd(null, null, dispatched, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("now");
    }
}

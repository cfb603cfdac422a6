package cn.cqs.contract.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClaimedTimeTest {
    private static final Instant RECEIVED = Instant.parse("2026-03-01T08:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void noClaimIsNotFlagged() {
        ClaimedTime t = ClaimedTime.judge(null, RECEIVED, HOUR);
        assertThat(t.verdict()).isEqualTo(ClaimedTime.Verdict.NOT_CLAIMED);
        assertThat(t.flagged()).isFalse();
        assertThat(t.lag()).isNull();
    }

    @Test
    void fiveMinutesAheadIsStillPlausibleButOneSecondMoreIsNot() {
        assertThat(ClaimedTime.judge(RECEIVED.plus(Duration.ofMinutes(5)), RECEIVED, HOUR).verdict())
                .isEqualTo(ClaimedTime.Verdict.PLAUSIBLE);
        ClaimedTime ahead = ClaimedTime.judge(RECEIVED.plusSeconds(301), RECEIVED, HOUR);
        assertThat(ahead.verdict()).isEqualTo(ClaimedTime.Verdict.IN_FUTURE);
        assertThat(ahead.flagged()).isTrue();
    }

    @Test
    void exactlyTheDeadlineWindowAgoIsPlausibleAndEarlierIsTooOld() {
        assertThat(ClaimedTime.judge(RECEIVED.minus(HOUR), RECEIVED, HOUR).verdict())
                .isEqualTo(ClaimedTime.Verdict.PLAUSIBLE);
        ClaimedTime old = ClaimedTime.judge(RECEIVED.minus(HOUR).minusSeconds(1), RECEIVED, HOUR);
        assertThat(old.verdict()).isEqualTo(ClaimedTime.Verdict.TOO_OLD);
        assertThat(old.lag()).isEqualTo(Duration.ofSeconds(3601));
    }

    @Test
    void twentyFourHourWindowAcceptsAClaimFromYesterdayMorning() {
        ClaimedTime t = ClaimedTime.judge(RECEIVED.minus(Duration.ofHours(23)), RECEIVED, Duration.ofHours(24));
        assertThat(t.verdict()).isEqualTo(ClaimedTime.Verdict.PLAUSIBLE);
        assertThat(t.flagged()).isFalse();
    }

    @Test
    void negativeWindowIsAProgrammingError() {
        assertThatThrownBy(() -> ClaimedTime.judge(RECEIVED, RECEIVED, Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package cn.cqs.contract.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class UploadDeadlineTest {
    private static final Instant ISSUED = Instant.parse("2026-03-01T08:00:00Z");
    private static final LocalDate TEST_DATE = LocalDate.of(2026, 3, 1);

    private static UploadDeadline.Judgement receivedAfter(Duration elapsed) {
        return UploadDeadline.judge(ISSUED, ISSUED.plus(elapsed), TEST_DATE);
    }

    @Test
    void twentyThreeHoursFiftyNineMinutesFiftyNineSecondsIsOnTime() {
        UploadDeadline.Judgement j = receivedAfter(Duration.parse("PT23H59M59S"));
        assertThat(j.late()).isFalse();
        assertThat(j.implausible()).isFalse();
        assertThat(j.elapsed()).isEqualTo(Duration.parse("PT23H59M59S"));
    }

    @Test
    void exactlyTwentyFourHoursIsOnTime() {
        assertThat(receivedAfter(Duration.ofHours(24)).late()).isFalse();
        assertThat(UploadDeadline.isLate(ISSUED, ISSUED.plus(UploadDeadline.WINDOW))).isFalse();
    }

    @Test
    void oneSecondPastTwentyFourHoursIsLate() {
        UploadDeadline.Judgement j = receivedAfter(Duration.parse("PT24H0M1S"));
        assertThat(j.late()).isTrue();
        // a late report is late, not implausible: the lateness is what the rule reports
        assertThat(j.flag()).isNull();
        assertThat(j.claim().verdict()).isEqualTo(ClaimedTime.Verdict.TOO_OLD);
    }

    @Test
    void oneNanosecondPastTheWindowIsLate() {
        assertThat(UploadDeadline.isLate(ISSUED, ISSUED.plus(UploadDeadline.WINDOW).plusNanos(1))).isTrue();
    }

    @Test
    void anIssueTimeAheadOfTheServerByMoreThanTheSkewIsFlaggedAndNotLate() {
        Instant received = ISSUED.minus(Duration.ofMinutes(10));
        UploadDeadline.Judgement j = UploadDeadline.judge(ISSUED, received, TEST_DATE);
        assertThat(j.flag()).isEqualTo(UploadDeadline.Flag.IN_FUTURE);
        assertThat(j.late()).isFalse();
        assertThat(j.elapsed()).isNegative();
    }

    @Test
    void fiveMinutesAheadIsWithinTheClockSkew() {
        UploadDeadline.Judgement j = UploadDeadline.judge(ISSUED, ISSUED.minus(ClaimedTime.MAX_FUTURE_SKEW), TEST_DATE);
        assertThat(j.implausible()).isFalse();
    }

    @Test
    void issuedBeforeTheTestDayInChinaTimeIsFlagged() {
        // 2026-02-28T15:59:59Z is 23:59:59 on 28 February in Beijing: before the test day
        Instant beforeTestDay = Instant.parse("2026-02-28T15:59:59Z");
        UploadDeadline.Judgement early = UploadDeadline.judge(beforeTestDay, beforeTestDay.plusSeconds(60), TEST_DATE);
        assertThat(early.flag()).isEqualTo(UploadDeadline.Flag.BEFORE_TEST_DATE);
        // one second later it is midnight in Beijing on the test day: plausible
        Instant midnight = Instant.parse("2026-02-28T16:00:00Z");
        assertThat(UploadDeadline.judge(midnight, midnight.plusSeconds(60), TEST_DATE).implausible()).isFalse();
    }

    @Test
    void withoutATestDateOnlyTheClockIsChecked() {
        assertThat(UploadDeadline.judge(ISSUED, ISSUED.plusSeconds(5), null).implausible()).isFalse();
    }
}

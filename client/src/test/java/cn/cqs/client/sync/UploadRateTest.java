package cn.cqs.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UploadRateTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void paceAndTimeLeftOverTheWindow() {
        UploadRate rate = new UploadRate(Duration.ofSeconds(10));
        rate.record(T0, 0);
        assertThat(rate.perSecond()).isEmpty();
        rate.record(T0.plusMillis(500), 1);
        assertThat(rate.perSecond()).as("less than a second measured").isEmpty();
        rate.record(T0.plusSeconds(4), 10);
        assertThat(rate.perSecond()).hasValueSatisfying(r -> assertThat(r).isEqualTo(2.5));
        assertThat(rate.timeLeft(990)).contains(Duration.ofSeconds(396));
        // old samples leave the window: the pace follows the recent speed
        rate.record(T0.plusSeconds(20), 20);
        rate.record(T0.plusSeconds(30), 70);
        assertThat(rate.perSecond()).hasValueSatisfying(r -> assertThat(r).isEqualTo(5.0));
        assertThat(rate.timeLeft(0)).contains(Duration.ZERO);
    }

    @Test
    void aSmallerCountStartsANewRunAndResetForgets() {
        UploadRate rate = new UploadRate(Duration.ofSeconds(10));
        rate.record(T0, 0);
        rate.record(T0.plusSeconds(2), 10);
        assertThat(rate.perSecond()).isPresent();
        rate.record(T0.plusSeconds(3), 0);
        assertThat(rate.perSecond()).isEmpty();
        rate.record(T0.plusSeconds(5), 4);
        assertThat(rate.perSecond()).hasValueSatisfying(r -> assertThat(r).isEqualTo(2.0));
        rate.reset();
        assertThat(rate.perSecond()).isEmpty();
        assertThat(rate.timeLeft(5)).isEmpty();
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new UploadRate(Duration.ofSeconds(1))).hasMessageContaining("window");
        UploadRate rate = new UploadRate(Duration.ofSeconds(5));
        assertThatThrownBy(() -> rate.record(T0, -1)).hasMessageContaining("done");
        assertThatThrownBy(() -> rate.timeLeft(-1)).hasMessageContaining("remaining");
    }
}

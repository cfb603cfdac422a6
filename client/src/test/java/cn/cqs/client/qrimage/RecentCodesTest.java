package cn.cqs.client.qrimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentCodesTest {

    static final long SECOND = 1_000_000_000L;

    @Test
    void aCodeIsReportedOnceWhileItStaysInViewAndAgainAfterAPauseOfTheWindow() {
        RecentCodes recent = new RecentCodes(Duration.ofSeconds(5));
        long t = 1_000 * SECOND;
        assertThat(recent.firstSighting("A", t)).isTrue();
        assertThat(recent.firstSighting("A", t + SECOND)).isFalse();
        // seen every second for 10 s: still quiet, each sighting restarts the window
        for (int s = 2; s <= 10; s++) {
            assertThat(recent.firstSighting("A", t + s * SECOND)).isFalse();
        }
        assertThat(recent.firstSighting("B", t + 10 * SECOND)).isTrue();
        assertThat(recent.firstSighting("B", t + 14 * SECOND + SECOND / 2)).isFalse();
        // A not seen for 5 s: read again
        assertThat(recent.firstSighting("A", t + 15 * SECOND)).isTrue();
    }

    @Test
    void newCodesKeepsTheFreshOnesOfAFrameInOrder() {
        RecentCodes recent = new RecentCodes(Duration.ofSeconds(2));
        DecodedQr a = new DecodedQr("A", DecodePass.HYBRID);
        DecodedQr b = new DecodedQr("B", DecodePass.BOOFCV);
        assertThat(recent.newCodes(List.of(a), 0)).containsExactly(a);
        assertThat(recent.newCodes(List.of(b, a), SECOND)).containsExactly(b);
        assertThat(recent.newCodes(List.of(b, a), 2 * SECOND)).isEmpty();
        recent.clear();
        assertThat(recent.newCodes(List.of(a, b), 2 * SECOND)).containsExactly(a, b);
    }

    @Test
    void theWindowMustBePositive() {
        assertThatThrownBy(() -> new RecentCodes(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window");
    }
}

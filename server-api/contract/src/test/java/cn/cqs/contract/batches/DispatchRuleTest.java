package cn.cqs.contract.batches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.contract.batches.DispatchRule.Departure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 发运完成时间 at its edges: exactly covering, over-covering, not covering, the order the tickets come
 * in, tickets departing together, and the volumes it refuses.
 */
class DispatchRuleTest {
    private static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");

    private static Departure at(int minutes, String volume) {
        return new Departure(T0.plus(Duration.ofMinutes(minutes)), new BigDecimal(volume));
    }

    private static Optional<Instant> rule(String planned, Departure... tickets) {
        return DispatchRule.dispatchedAt(new BigDecimal(planned), List.of(tickets));
    }

    @Test
    void noTicketsDispatchNothing() {
        assertThat(rule("36")).isEmpty();
    }

    @Test
    void ticketsShortOfThePlanDispatchNothing() {
        assertThat(rule("36", at(0, "12"), at(30, "12"), at(60, "11.999"))).isEmpty();
    }

    @Test
    void theTicketExactlyCoveringThePlanIsTheMoment() {
        assertThat(rule("36", at(0, "12"), at(30, "12"), at(60, "12"))).contains(T0.plus(Duration.ofMinutes(60)));
        // scale does not matter: 36.000 m³ planned, 36 carried
        assertThat(rule("36.000", at(0, "18"), at(25, "18.0"))).contains(T0.plus(Duration.ofMinutes(25)));
    }

    @Test
    void theTicketFirstOverCoveringIsTheMomentAndLaterTicketsDoNotMoveIt() {
        assertThat(rule("30", at(0, "12"), at(30, "12"), at(60, "12"), at(90, "12")))
                .contains(T0.plus(Duration.ofMinutes(60)));
        assertThat(rule("5", at(10, "12"))).contains(T0.plus(Duration.ofMinutes(10)));
    }

    @Test
    void theOrderTheTicketsComeInDoesNotMatter() {
        List<Departure> tickets = new ArrayList<>(List.of(at(0, "8"), at(20, "8"), at(40, "8"), at(60, "8"),
                at(80, "8")));
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(tickets, random);
            assertThat(DispatchRule.dispatchedAt(new BigDecimal("30"), tickets)).as("%s", tickets)
                    .contains(T0.plus(Duration.ofMinutes(60)));
        }
        // a late-recorded ticket that departed earlier counts at its departure, not when it was recorded
        assertThat(rule("20", at(50, "10"), at(70, "10"), at(10, "10"))).contains(T0.plus(Duration.ofMinutes(50)));
    }

    @Test
    void ticketsDepartingTogetherCountTogether() {
        // neither of the two at 30 covers alone; together they do, so the moment is 30 whichever is first
        assertThat(rule("20", at(0, "8"), at(30, "6"), at(30, "6"))).contains(T0.plus(Duration.ofMinutes(30)));
        assertThat(rule("20", at(30, "6"), at(0, "8"), at(30, "6"))).contains(T0.plus(Duration.ofMinutes(30)));
        // all at one moment, exactly covering
        assertThat(rule("18", at(5, "6"), at(5, "6"), at(5, "6"))).contains(T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void theGivenListIsNotChanged() {
        List<Departure> tickets = new ArrayList<>(List.of(at(40, "10"), at(0, "10")));
        DispatchRule.dispatchedAt(new BigDecimal("15"), tickets);
        assertThat(tickets).containsExactly(at(40, "10"), at(0, "10"));
    }

    @Test
    void aZeroOrNegativePlannedVolumeIsRefusedNamingTheField() {
        for (String v : List.of("0", "0.000", "-1")) {
            assertThatThrownBy(() -> rule(v, at(0, "12"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("plannedVolumeM3:").hasMessageContaining("more than 0");
        }
    }

    @Test
    void aZeroOrNegativeTicketVolumeIsRefusedNamingTheField() {
        for (String v : List.of("0", "-0.5")) {
            assertThatThrownBy(() -> at(0, v)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("volumeM3:").hasMessageContaining(v);
        }
    }

    @Test
    void missingValuesAreRefused() {
        assertThatThrownBy(() -> new Departure(null, BigDecimal.ONE)).isInstanceOf(NullPointerException.class)
                .hasMessage("departedAt");
        assertThatThrownBy(() -> DispatchRule.dispatchedAt(null, List.of())).isInstanceOf(NullPointerException.class)
                .hasMessage("plannedVolumeM3");
    }
}

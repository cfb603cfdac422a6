package cn.cqs.contract.numbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Gb8170Test {

    @ParameterizedTest(name = "{0} to {1} places is {2}")
    @CsvSource({
            // less than half: drop
            "12.1498, 1, 12.1",
            "1.2499999, 1, 1.2",
            // more than half: up
            "1.26, 1, 1.3",
            "1.2500001, 1, 1.3",
            "1.250001, 1, 1.3",
            // exactly half (5 then nothing or zeros): to the even digit
            "1.25, 1, 1.2",
            "1.35, 1, 1.4",
            "1.250000, 1, 1.2",
            "40.25, 1, 40.2",
            "40.35, 1, 40.4",
            "0.5, 0, 0",
            "1.5, 0, 2",
            "2.5, 0, 2",
            "100.5, 0, 100",
            "101.5, 0, 102",
            // negative: round the absolute value, keep the sign
            "-1.25, 1, -1.2",
            "-1.35, 1, -1.4",
            "-1.2501, 1, -1.3",
            "-0.05, 1, 0.0",
            // already short enough: padded to the scale asked for
            "30, 1, 30.0",
            "30.1, 2, 30.10",
            // GB/T 8170-2008 examples
            "10.5002, 0, 11",
            "2.0500, 1, 2.0",
            "0.0350, 2, 0.04"
    })
    void roundsToDecimals(String value, int decimals, String expected) {
        BigDecimal rounded = Gb8170.round(new BigDecimal(value), decimals);
        assertThat(rounded).isEqualTo(new BigDecimal(expected));
        assertThat(rounded.scale()).isEqualTo(decimals);
    }

    @ParameterizedTest(name = "{0} to {1} places is {2}")
    @CsvSource({"1250, -2, 1200", "1350, -2, 1400", "1251, -2, 1300", "2450, -1, 2450", "2455, -1, 2460",
            "2445, -1, 2440"})
    void roundsToTensAndHundreds(String value, int decimals, String expected) {
        BigDecimal rounded = Gb8170.round(new BigDecimal(value), decimals);
        assertThat(rounded).isEqualTo(new BigDecimal(expected));
        assertThat(rounded.scale()).isZero();
    }

    @ParameterizedTest(name = "{0} to interval {1} is {2}")
    @CsvSource({
            // 0.5 单位修约 examples of GB/T 8170-2008
            "60.25, 1.0, 60.0",
            "60.38, 0.5, 60.5",
            "60.28, 0.5, 60.5",
            "-60.75, 0.5, -61.0",
            "60.25, 0.5, 60.0",
            "60.75, 0.5, 61.0",
            // 0.2 单位修约 examples
            "830, 20, 840",
            "842, 20, 840",
            "832, 20, 840",
            "-930, 20, -920",
            "0.3, 0.2, 0.4",
            "0.1, 0.2, 0.0",
            "0.5, 0.2, 0.4",
            // whole intervals
            "1234.5, 5, 1235",
            "1232.5, 5, 1230",
            "1237.5, 5, 1240",
            "1237.49, 5, 1235"
    })
    void roundsToAnInterval(String value, String interval, String expected) {
        assertThat(Gb8170.roundToInterval(new BigDecimal(value), new BigDecimal(interval)))
                .isEqualByComparingTo(new BigDecimal(expected));
    }

    @Test
    void intervalResultKeepsTheIntervalsScale() {
        assertThat(Gb8170.roundToInterval(new BigDecimal("60.38"), new BigDecimal("0.5")).toPlainString())
                .isEqualTo("60.5");
        assertThat(Gb8170.roundToInterval(new BigDecimal("842"), new BigDecimal("1E+1")).toPlainString())
                .isEqualTo("840");
    }

    @Test
    void intervalMustBePositive() {
        assertThatThrownBy(() -> Gb8170.roundToInterval(BigDecimal.ONE, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> Gb8170.roundToInterval(BigDecimal.ONE, new BigDecimal("-0.5")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} / {1} to {2} places is {3}")
    @CsvSource({
            // exactly half after exact division: even digit
            "905.625, 22.5, 1, 40.2",
            "906.75, 22.5, 1, 40.3",
            "909, 22.5, 1, 40.4",
            // non-terminating quotients
            "100, 3, 1, 33.3",
            "200, 3, 1, 66.7",
            "124.0, 3, 1, 41.3",
            // just above half
            "905.626, 22.5, 1, 40.3",
            "-905.625, 22.5, 1, -40.2",
            "1050, 100, -1, 10"
    })
    void dividesAndRoundsTheExactQuotient(String dividend, String divisor, int decimals, String expected) {
        assertThat(Gb8170.divide(new BigDecimal(dividend), new BigDecimal(divisor), decimals))
                .isEqualTo(new BigDecimal(expected).setScale(Math.max(decimals, 0)));
    }

    @Test
    void divisionByZeroIsAnError() {
        assertThatThrownBy(() -> Gb8170.divide(BigDecimal.ONE, BigDecimal.ZERO, 1))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void nullIsRejectedByName() {
        assertThatThrownBy(() -> Gb8170.round(null, 1)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("value");
    }
}

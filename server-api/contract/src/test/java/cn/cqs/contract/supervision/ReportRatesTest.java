package cn.cqs.contract.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.contract.reports.ReportType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportRatesTest {

    @Test
    void ratesArePercentagesToOneDecimal() {
        assertThat(ReportRates.percent(1, 4)).isEqualByComparingTo("25.0").hasScaleOf(1);
        assertThat(ReportRates.percent(0, 7)).isEqualByComparingTo("0.0").hasScaleOf(1);
        assertThat(ReportRates.percent(7, 7)).isEqualByComparingTo("100.0");
        // 1/3 = 33.333.. %, 2/3 = 66.666.. %
        assertThat(ReportRates.percent(1, 3)).isEqualByComparingTo("33.3");
        assertThat(ReportRates.percent(2, 3)).isEqualByComparingTo("66.7");
    }

    @Test
    void anExactHalfGoesToTheEvenDigitAsGbT8170Says() {
        // 1/800 = 0.125 % -> 0.1 (2 is even), 3/800 = 0.375 % -> 0.4 (7 is odd, up to 8)
        assertThat(ReportRates.percent(1, 800)).isEqualByComparingTo("0.1");
        assertThat(ReportRates.percent(3, 800)).isEqualByComparingTo("0.4");
        // 5/800 = 0.625 % -> 0.6 (HALF_UP would give 0.7)
        assertThat(ReportRates.percent(5, 800)).isEqualByComparingTo("0.6");
        // just above half rounds up: 1251/10000 = 12.51 % -> 12.5; 12501/100000 = 12.501 % -> 12.5
        assertThat(ReportRates.percent(12_501, 100_000)).isEqualByComparingTo("12.5");
        assertThat(ReportRates.percent(12_551, 100_000)).isEqualByComparingTo("12.6");
    }

    @Test
    void noReportsMeansNoRate() {
        assertThat(ReportRates.percent(0, 0)).isNull();
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThatThrownBy(() -> ReportRates.percent(3, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot exceed");
        assertThatThrownBy(() -> ReportRates.percent(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void totalsRateTheSumsNotTheAverageOfRates() {
        ReportStatisticsRow a = ReportStatisticsRow.of(null, ReportType.CONCRETE_CUBE, 3, 1, 0);
        ReportStatisticsRow b = ReportStatisticsRow.of(null, ReportType.CONCRETE_CUBE, 1, 1, 1);
        ReportStatisticsRow total = ReportStatisticsRow.totalOf(List.of(a, b));
        assertThat(total.reports()).isEqualTo(4);
        assertThat(total.unqualified()).isEqualTo(2);
        assertThat(total.unqualifiedRatePercent()).isEqualByComparingTo("50.0"); // not (33.3 + 100) / 2
        assertThat(total.lateRatePercent()).isEqualByComparingTo("25.0");
        assertThat(total.lab()).isNull();
        assertThat(ReportStatisticsRow.totalOf(List.of()).unqualifiedRatePercent()).isNull();
    }

    @Test
    void belowGradeAndInvalidGroupsAreUnqualified() {
        assertThat(ReportConformity.isUnqualified("MEETS_GRADE")).isFalse();
        assertThat(ReportConformity.isUnqualified("BELOW_GRADE")).isTrue();
        assertThat(ReportConformity.isUnqualified("INVALID_GROUP")).isTrue();
        assertThat(ReportConformity.isUnqualified(null)).isTrue();
    }
}

package cn.cqs.contract.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.contract.json.Json;
import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.ReportType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StatisticsPeriodTest {

    @Test
    void aLeapYearIsTheLongestPeriod() {
        assertThat(StatisticsPeriod.check(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))).isEmpty();
        assertThat(new StatisticsPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)).days()).isEqualTo(366);
        List<FieldError> tooLong = StatisticsPeriod.check(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1));
        assertThat(tooLong).extracting(FieldError::field, FieldError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("to", "period_too_long"));
        assertThat(tooLong.get(0).message()).contains("367 days").contains("366");
    }

    @Test
    void oneDayIsAPeriodAndToBeforeFromIsNot() {
        LocalDate day = LocalDate.of(2026, 3, 1);
        assertThat(new StatisticsPeriod(day, day).days()).isEqualTo(1);
        assertThat(StatisticsPeriod.check(day, day.minusDays(1))).extracting(FieldError::code)
                .containsExactly("before_from");
        assertThatThrownBy(() -> new StatisticsPeriod(day, day.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before from");
        assertThat(StatisticsPeriod.check(null, null)).extracting(FieldError::field).containsExactly("from", "to");
    }

    @Test
    void daysAreChinaTime() {
        StatisticsPeriod march = new StatisticsPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        assertThat(march.start()).isEqualTo(Instant.parse("2026-02-28T16:00:00Z"));
        assertThat(march.endExclusive()).isEqualTo(Instant.parse("2026-03-31T16:00:00Z"));
        assertThat(StatisticsPeriod.endingOn(LocalDate.of(2026, 3, 31)).from()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(march.contains(LocalDate.of(2026, 3, 31))).isTrue();
        assertThat(march.contains(LocalDate.of(2026, 4, 1))).isFalse();
    }

    @Test
    void groupingParsesTheQueryValues() {
        assertThat(StatisticsGrouping.parse("lab")).contains(StatisticsGrouping.LAB);
        assertThat(StatisticsGrouping.parse("TYPE")).contains(StatisticsGrouping.TYPE);
        assertThat(StatisticsGrouping.parse("type, lab")).contains(StatisticsGrouping.LAB_AND_TYPE);
        assertThat(StatisticsGrouping.parse("project")).isEmpty();
        assertThat(StatisticsGrouping.parse(null)).isEmpty();
    }

    @Test
    void statisticsRoundTripAsJson() throws Exception {
        ObjectMapper mapper = Json.newMapper();
        ReportStatisticsRow row = ReportStatisticsRow.of(new StatisticsLab(UUID.randomUUID(), "厦门市建科工程检测有限公司",
                "91350200776049653A"), ReportType.CONCRETE_CUBE, 3, 1, 2);
        ReportStatistics stats = new ReportStatistics(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
                StatisticsGrouping.LAB_AND_TYPE, List.of(row), ReportStatisticsRow.totalOf(List.of(row)));
        String json = mapper.writeValueAsString(stats);
        assertThat(json).contains("\"groupBy\":\"lab,type\"").contains("\"from\":\"2026-03-01\"")
                .contains("\"unqualifiedRatePercent\":33.3").contains("\"lateRatePercent\":66.7");
        assertThat(mapper.readValue(json, ReportStatistics.class)).isEqualTo(stats);
    }
}

package cn.cqs.contract.reports.cube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.contract.json.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrengthGradeTest {

    @ParameterizedTest
    @CsvSource({"C7.5, 7.5, C7.5", "C10, 10, C10", "C30, 30, C30", "c30, 30, C30", "' C55 ', 55, C55",
            "C100, 100, C100", "C30.0, 30, C30"})
    void parsesGrades(String text, String fcuK, String code) {
        StrengthGrade grade = StrengthGrade.parse(text);
        assertThat(grade.characteristicStrengthMpa()).isEqualTo(new BigDecimal(fcuK));
        assertThat(grade.code()).isEqualTo(code);
        assertThat(StrengthGrade.check("designGrade", text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "C", "C30P8", "C 30", "CC30", "C-30", "B30", "C30MPa"})
    void rejectsOtherShapes(String text) {
        assertThat(StrengthGrade.check("designGrade", text).orElseThrow().code()).isEqualTo("format");
        assertThatThrownBy(() -> StrengthGrade.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("e.g. C30");
    }

    @ParameterizedTest
    @ValueSource(strings = {"C5", "C7", "C12.5", "C33", "C105", "C0", "C8.5"})
    void rejectsNumbersThatAreNotGrades(String text) {
        assertThat(StrengthGrade.check("designGrade", text).orElseThrow().code()).isEqualTo("not_allowed");
        assertThatThrownBy(() -> StrengthGrade.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("C7.5 and C10 to C100");
    }

    @Test
    void blankIsRequired() {
        assertThat(StrengthGrade.check("designGrade", " ").orElseThrow().code()).isEqualTo("required");
        assertThat(StrengthGrade.check("designGrade", null).orElseThrow().field()).isEqualTo("designGrade");
    }

    @ParameterizedTest
    @CsvSource({"C7.5, 0.3, 0.5", "C25, 0.3, 0.5", "C30, 0.5, 0.8", "C55, 0.5, 0.8", "C60, 0.8, 1.0",
            "C100, 0.8, 1.0"})
    void loadingRateByGrade(String grade, String min, String max) {
        LoadingRate rate = StrengthGrade.parse(grade).loadingRate();
        assertThat(rate.minMpaPerSecond()).isEqualTo(new BigDecimal(min));
        assertThat(rate.maxMpaPerSecond()).isEqualTo(new BigDecimal(max));
    }

    @Test
    void highStrengthStartsAtC60() {
        assertThat(StrengthGrade.parse("C55").isHighStrength()).isFalse();
        assertThat(StrengthGrade.parse("C60").isHighStrength()).isTrue();
    }

    @Test
    void equalGradesAreEqualWhateverTheScale() {
        assertThat(new StrengthGrade(new BigDecimal("30.00"))).isEqualTo(StrengthGrade.parse("C30"));
        assertThat(StrengthGrade.parse("C25").compareTo(StrengthGrade.parse("C30"))).isNegative();
        assertThatThrownBy(() -> new StrengthGrade(new BigDecimal("31")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonIsTheCode() throws Exception {
        ObjectMapper mapper = Json.newMapper();
        assertThat(mapper.writeValueAsString(StrengthGrade.parse("C7.5"))).isEqualTo("\"C7.5\"");
        assertThat(mapper.readValue("\"C40\"", StrengthGrade.class)).isEqualTo(StrengthGrade.parse("C40"));
        assertThat(mapper.writeValueAsString(SpecimenSize.MM_100)).isEqualTo("100");
        assertThat(mapper.readValue("200", SpecimenSize.class)).isEqualTo(SpecimenSize.MM_200);
    }

    @Test
    void resultRoundTripsThroughJson() throws Exception {
        ObjectMapper mapper = Json.newMapper();
        CubeStrengthResult valid = CubeStrengthRule.evaluate(SpecimenSize.MM_100, StrengthGrade.parse("C30"),
                java.util.List.of(new BigDecimal("331.0"), new BigDecimal("335.0"), new BigDecimal("340.0")), null);
        CubeStrengthResult invalid = CubeStrengthRule.evaluate(SpecimenSize.MM_150, StrengthGrade.parse("C30"),
                java.util.List.of(new BigDecimal("450.0"), new BigDecimal("697.5"), new BigDecimal("900.0")), null);
        for (CubeStrengthResult r : java.util.List.of(valid, invalid)) {
            String json = mapper.writeValueAsString(r);
            assertThat(mapper.readValue(json, CubeStrengthResult.class)).isEqualTo(r);
        }
        assertThat(mapper.writeValueAsString(valid)).contains("\"representativeStrengthMpa\":31.8",
                "\"designGrade\":\"C30\"", "\"specimenSize\":100", "\"method\":\"MEAN\"");
    }
}

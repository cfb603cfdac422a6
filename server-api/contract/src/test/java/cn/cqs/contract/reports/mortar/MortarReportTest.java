package cn.cqs.contract.reports.mortar;

import static cn.cqs.contract.reports.ReportFixtures.decimals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.cqs.contract.json.Json;
import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.Conclusion;
import cn.cqs.contract.reports.ReportFixtures;
import cn.cqs.contract.reports.cube.EvaluationMethod;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JGJ/T 70-2009, hand-computed; docs/rules/mortar.md shows the first example. */
class MortarReportTest {

    static MortarReport report(String grade, List<BigDecimal> loads) {
        return new MortarReport(ReportFixtures.header("JGJ/T 70-2009", LocalDate.of(2024, 5, 6)), grade, "水泥混合砂浆",
                new BigDecimal("250"), 28, loads);
    }

    @Test
    void workedExampleMeanOfThree() {
        // 1.35 x 40 000 / 4998.49 = 10.80 -> 10.8; 42 kN -> 11.3; 41 kN -> 11.1; mean 33.2 / 3 = 11.07 -> 11.1
        MortarReport report = report("M7.5", decimals("40.0", "42.0", "41.0"));
        assertThat(MortarReportValidator.validate(report)).isEmpty();
        MortarResult r = report.evaluate();
        assertThat(r.specimenStrengthsMpa()).containsExactlyElementsOf(decimals("10.8", "11.3", "11.1"));
        assertThat(r.method()).isEqualTo(EvaluationMethod.MEAN);
        assertThat(r.strengthMpa()).isEqualTo(new BigDecimal("11.1"));
        assertThat(r.percentOfGrade()).isEqualTo(148);
        assertThat(r.conclusion()).isEqualTo(Conclusion.QUALIFIED);
        assertThat(r.items().get(0).requirement()).isEqualTo("≥7.5 MPa");
    }

    @Test
    void oneOutlierTakesTheMiddleValue() {
        // 10.8, 11.3, 14.9: middle 11.3, 15 % = 1.695; 14.9 - 11.3 = 3.6 beyond, 0.5 not -> 11.3
        MortarResult r = report("M10", decimals("40.0", "42.0", "55.0")).evaluate();
        assertThat(r.method()).isEqualTo(EvaluationMethod.MIDDLE_VALUE);
        assertThat(r.strengthMpa()).isEqualTo(new BigDecimal("11.3"));
        assertThat(r.percentOfGrade()).isEqualTo(113);
        assertThat(r.conclusion()).isEqualTo(Conclusion.QUALIFIED);
    }

    @Test
    void twoOutliersMakeTheGroupInvalid() {
        // 8.1, 11.3, 14.9: both 3.2 and 3.6 exceed 1.695
        MortarResult r = report("M10", decimals("30.0", "42.0", "55.0")).evaluate();
        assertThat(r.method()).isEqualTo(EvaluationMethod.INVALID);
        assertThat(r.strengthMpa()).isNull();
        assertThat(r.percentOfGrade()).isNull();
        assertThat(r.conclusion()).isEqualTo(Conclusion.INVALID);
    }

    @Test
    void belowTheGradeIsUnqualified() {
        MortarResult r = report("M15", decimals("40.0", "42.0", "41.0")).evaluate();
        assertThat(r.percentOfGrade()).isEqualTo(74);
        assertThat(r.conclusion()).isEqualTo(Conclusion.UNQUALIFIED);
    }

    @Test
    void inputErrorsAreListedByField() {
        MortarReport bad = new MortarReport(ReportFixtures.header("JGJ/T 70-2009", LocalDate.of(2024, 5, 6)), "M12",
                null, new BigDecimal("0"), 0, decimals("40.0", "600"));
        assertThat(MortarReportValidator.validate(bad)).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("mortarKind", "required"), tuple("representativeQuantityM3", "out_of_range"),
                tuple("curingAgeDays", "out_of_range"), tuple("designGrade", "not_allowed"),
                tuple("failureLoadsKn", "wrong_count"), tuple("failureLoadsKn[1]", "out_of_range"));
        assertThat(MortarGrade.find("m7.5")).contains(MortarGrade.M7_5);
    }

    @Test
    void itRoundTripsThroughJson() throws Exception {
        ObjectMapper mapper = Json.newMapper();
        MortarReport report = report("M7.5", decimals("40.0", "42.0", "41.0"));
        assertThat(mapper.readValue(mapper.writeValueAsString(report), MortarReport.class)).isEqualTo(report);
    }
}

package cn.cqs.contract.reports.splice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.cqs.contract.json.Json;
import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.Conclusion;
import cn.cqs.contract.reports.ReportFixtures;
import cn.cqs.contract.reports.TestRound;
import cn.cqs.contract.reports.splice.SpliceReport.Specimen;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

public class SpliceReportTest {
    static final LocalDate TESTED = LocalDate.of(2024, 5, 6);

    public static SpliceReport mechanical() {
        return new SpliceReport(ReportFixtures.header("JGJ 107-2016", TESTED), SpliceKind.MECHANICAL, "HRB400", 25,
                SpliceGrade.I, "滚轧直螺纹套筒", null, 500, TestRound.INITIAL, List.of(
                        SpliceRuleTest.m("280.0", FailureLocation.BASE_METAL),
                        SpliceRuleTest.m("295.0", FailureLocation.JOINT),
                        SpliceRuleTest.m("290.0", FailureLocation.BASE_METAL)));
    }

    static SpliceReport welded(List<Specimen> specimens) {
        return new SpliceReport(ReportFixtures.header("JGJ 18-2012", TESTED), SpliceKind.WELDED, "HRB400E", 25,
                null, null, WeldingMethod.ELECTROSLAG_PRESSURE, 300, TestRound.INITIAL, specimens);
    }

    @Test
    void completeReportsAreValidAndEvaluate() {
        assertThat(SpliceReportValidator.validate(mechanical())).isEmpty();
        assertThat(mechanical().evaluate().conclusion()).isEqualTo(Conclusion.QUALIFIED);
        SpliceReport welded = welded(List.of(SpliceRuleTest.w("280.0", FailureLocation.BASE_METAL, FailureMode.DUCTILE),
                SpliceRuleTest.w("275.0", FailureLocation.BASE_METAL, FailureMode.DUCTILE),
                SpliceRuleTest.w("280.0", FailureLocation.JOINT, FailureMode.BRITTLE)));
        assertThat(SpliceReportValidator.validate(welded)).isEmpty();
        SpliceResult r = welded.evaluate();
        assertThat(r.weldingMethod()).isEqualTo(WeldingMethod.ELECTROSLAG_PRESSURE);
        assertThat(r.spliceGrade()).isNull();
        assertThat(r.conclusion()).isEqualTo(Conclusion.QUALIFIED);
    }

    @Test
    void kindSpecificFieldsAreRequiredOrRefused() {
        SpliceReport m = mechanical();
        SpliceReport mixed = new SpliceReport(m.header(), SpliceKind.WELDED, m.barGrade(), m.nominalDiameterMm(),
                SpliceGrade.I, "滚轧直螺纹套筒", null, 301, TestRound.RETEST, m.specimens());
        assertThat(SpliceReportValidator.validate(mixed)).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("header.standard", "not_allowed"), tuple("lotSize", "out_of_range"),
                tuple("spliceGrade", "not_applicable"), tuple("spliceType", "not_applicable"),
                tuple("weldingMethod", "required"), tuple("specimens", "wrong_count"),
                tuple("specimens[0].failureMode", "required"), tuple("specimens[1].failureMode", "required"),
                tuple("specimens[2].failureMode", "required"));
    }

    @Test
    void aMechanicalSpliceHasNoHeatAffectedZoneOrFailureMode() {
        SpliceReport m = mechanical();
        SpliceReport bad = new SpliceReport(m.header(), m.kind(), m.barGrade(), 24, null, " ", null, 500,
                TestRound.INITIAL, List.of(new Specimen(new BigDecimal("280"), FailureLocation.HEAT_AFFECTED_ZONE, null),
                new Specimen(null, FailureLocation.JOINT, FailureMode.DUCTILE),
                new Specimen(new BigDecimal("280"), null, null)));
        assertThat(SpliceReportValidator.validate(bad)).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("nominalDiameterMm", "not_allowed"), tuple("spliceGrade", "required"),
                tuple("spliceType", "required"), tuple("specimens[0].location", "not_allowed"),
                tuple("specimens[1].maxLoadKn", "required"), tuple("specimens[1].failureMode", "not_applicable"),
                tuple("specimens[2].location", "required"));
    }

    @Test
    void itRoundTripsThroughJson() throws Exception {
        ObjectMapper mapper = Json.newMapper();
        String json = mapper.writeValueAsString(mechanical());
        assertThat(json).contains("\"kind\":\"MECHANICAL\"").contains("\"spliceGrade\":\"I\"");
        assertThat(mapper.readValue(json, SpliceReport.class)).isEqualTo(mechanical());
    }
}

package cn.cqs.contract.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.contract.qr.KeyFields;
import cn.cqs.contract.reports.cement.CementReport;
import cn.cqs.contract.reports.mortar.MortarReport;
import cn.cqs.contract.reports.rebar.RebarReport;
import cn.cqs.contract.reports.splice.SpliceReport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTypesTest {

    static final Map<ReportType, Object> VALID = Map.of(
            ReportType.CONCRETE_CUBE, CubeStrengthReportTest.valid(),
            ReportType.REBAR, cn.cqs.contract.reports.rebar.RebarReportTest.valid(),
            ReportType.CEMENT, cn.cqs.contract.reports.cement.CementReportTest.valid(),
            ReportType.MORTAR, new MortarReport(ReportFixtures.header("JGJ/T 70-2009", LocalDate.of(2024, 5, 6)),
                    "M7.5", "水泥砂浆", new BigDecimal("250"), 28, ReportFixtures.decimals("40.0", "42.0", "41.0")),
            ReportType.REBAR_SPLICE, cn.cqs.contract.reports.splice.SpliceReportTest.mechanical());

    @Test
    void everyTypeHasExactlyOneDefinitionInEnumOrder() {
        assertThat(ReportTypes.ALL).extracting(ReportTypeDefinition::type).containsExactly(ReportType.values());
        assertThat(ReportTypes.ALL).extracting(ReportTypeDefinition::code)
                .containsExactly("concrete-cube", "rebar", "cement", "mortar", "rebar-splice");
        assertThat(ReportTypes.byCode("rebar")).contains(ReportTypes.of(ReportType.REBAR));
        assertThat(ReportTypes.of(ReportType.CEMENT).standards()).containsExactly("GB 175-2007", "GB 175-2023");
        assertThat(ReportTypes.of(ReportType.REBAR).contentClass()).isEqualTo(RebarReport.class);
        assertThat(ReportTypes.of(ReportType.CEMENT).contentClass()).isEqualTo(CementReport.class);
        assertThat(ReportTypes.of(ReportType.REBAR_SPLICE).contentClass()).isEqualTo(SpliceReport.class);
    }

    @Test
    void everyTypeValidatesEvaluatesAndHasKeyFieldsThroughTheRegistry() {
        for (ReportType type : ReportType.values()) {
            ReportTypeDefinition<?, ?> d = ReportTypes.of(type);
            Object content = VALID.get(type);
            assertThat(d.validate(content)).as(type.name()).isEmpty();
            assertThat(d.evaluate(content)).isInstanceOf(d.resultClass());
            KeyFields keys = ReportKeyFields.of(type, content);
            assertThat(keys.fields().get(0)).isEqualTo(new KeyFields.Field("type", type.name()));
            assertThat(keys.fields()).extracting(KeyFields.Field::name).contains("reportNumber", "conclusion");
        }
    }

    @Test
    void everyTypeHasAHeaderAndASummaryThroughTheRegistry() {
        for (ReportType type : ReportType.values()) {
            ReportTypeDefinition<?, ?> d = ReportTypes.of(type);
            Object content = VALID.get(type);
            ReportHeader header = d.headerOf(content);
            assertThat(header.reportNumber()).as(type.name()).isNotBlank();
            ReportSummary summary = d.summaryOf(content);
            assertThat(summary.header()).isEqualTo(header);
            assertThat(summary.grade()).as(type.name()).isNotBlank();
            assertThat(summary.conclusion()).isNotNull();
        }
        assertThat(ReportTypes.of(ReportType.REBAR).summaryOf(VALID.get(ReportType.REBAR)).grade()).isEqualTo(
                "HRB400E Φ20");
        assertThat(ReportTypes.of(ReportType.MORTAR).summaryOf(VALID.get(ReportType.MORTAR)))
                .extracting(ReportSummary::grade, ReportSummary::conclusion).containsExactly("M7.5", Conclusion.QUALIFIED);
        ReportSummary cube = ReportTypes.of(ReportType.CONCRETE_CUBE).summaryOf(VALID.get(ReportType.CONCRETE_CUBE));
        assertThat(cube.representativeStrengthMpa()).isNotNull();
        assertThat(cube.conclusion()).isIn(Conclusion.QUALIFIED, Conclusion.UNQUALIFIED);
    }

    @Test
    void theCubeKeyFieldsAreExactlyTheOnesAlreadySigned() {
        CubeStrengthReport cube = CubeStrengthReportTest.valid();
        assertThat(ReportKeyFields.of(ReportType.CONCRETE_CUBE, cube).canonicalEncoding())
                .isEqualTo(ReportKeyFields.of(cube).canonicalEncoding());
        assertThat(ReportKeyFields.of(cube).fields()).extracting(KeyFields.Field::name).containsExactly("type",
                "reportNumber", "commissionNumber", "projectName", "projectPart", "sampleName", "sampleId",
                "designGrade", "specimenSizeMm", "testDate", "representativeStrengthMpa", "conclusion");
    }

    @Test
    void theKeyFieldsFollowTheResult() {
        RebarReport passed = cn.cqs.contract.reports.rebar.RebarReportTest.valid();
        RebarReport cracked = cn.cqs.contract.reports.rebar.RebarReportTest.with(TestRound.INITIAL,
                passed.tensileSpecimens(), List.of(new RebarReport.BendSpecimen(true), new RebarReport.BendSpecimen(false)),
                passed.massSample());
        KeyFields a = ReportKeyFields.of(ReportType.REBAR, passed);
        KeyFields b = ReportKeyFields.of(ReportType.REBAR, cracked);
        assertThat(a.digest()).isNotEqualTo(b.digest());
        assertThat(b.fields()).contains(new KeyFields.Field("conclusion", "RETEST_REQUIRED"));
    }

    @Test
    void aContentOfAnotherTypeIsRefused() {
        assertThatThrownBy(() -> ReportKeyFields.of(ReportType.REBAR, CubeStrengthReportTest.valid()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A REBAR report's content is a RebarReport, got a CubeStrengthReport");
    }

    @Test
    void keyFieldsWithoutAHeaderAreAFieldError() {
        MortarReport m = (MortarReport) VALID.get(ReportType.MORTAR);
        MortarReport headless = new MortarReport(null, m.designGrade(), m.mortarKind(), m.representativeQuantityM3(),
                m.curingAgeDays(), m.failureLoadsKn());
        assertThatThrownBy(() -> ReportKeyFields.of(ReportType.MORTAR, headless))
                .isInstanceOfSatisfying(cn.cqs.contract.reports.validation.ReportInputException.class,
                        e -> assertThat(e.errors()).extracting(cn.cqs.contract.problem.Problem.FieldError::field)
                                .containsExactly("header"));
    }

    @Test
    void overallConclusionOrder() {
        assertThat(Conclusion.overall(List.of(Conclusion.QUALIFIED, Conclusion.NOT_TESTED))).isEqualTo(Conclusion.QUALIFIED);
        assertThat(Conclusion.overall(List.of(Conclusion.INVALID, Conclusion.RETEST_REQUIRED)))
                .isEqualTo(Conclusion.RETEST_REQUIRED);
        assertThat(Conclusion.overall(List.of(Conclusion.INVALID, Conclusion.UNQUALIFIED, Conclusion.RETEST_REQUIRED)))
                .isEqualTo(Conclusion.UNQUALIFIED);
        assertThat(Conclusion.overall(List.of(Conclusion.QUALIFIED, Conclusion.INVALID))).isEqualTo(Conclusion.INVALID);
        assertThatThrownBy(() -> Conclusion.overall(Arrays.asList(Conclusion.NOT_TESTED)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

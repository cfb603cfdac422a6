package cn.cqs.contract.reports.cement;

import static cn.cqs.contract.reports.ReportFixtures.decimals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import cn.cqs.contract.json.Json;
import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.Conclusion;
import cn.cqs.contract.reports.ItemConclusion;
import cn.cqs.contract.reports.ReportFixtures;
import cn.cqs.contract.reports.cement.CementReport.StrengthTest;
import cn.cqs.contract.reports.validation.ReportInputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

public class CementReportTest {
    static final LocalDate BEFORE_2023_EDITION = LocalDate.of(2024, 5, 31);
    static final LocalDate UNDER_2023_EDITION = LocalDate.of(2024, 6, 1);
    static final StrengthTest DAY3 = new StrengthTest(decimals("1.80", "1.85", "1.90"),
            decimals("35.0", "36.0", "34.5", "35.5", "36.5", "35.0"));
    static final StrengthTest DAY28 = new StrengthTest(decimals("3.00", "3.10", "2.60"),
            decimals("70.0", "71.0", "69.0", "70.5", "58.0", "70.0"));

    static CementReport report(LocalDate testDate, String standard, String type, String strengthClass,
                               Integer initial, Integer fin, Boolean sound, StrengthTest d3, StrengthTest d28) {
        return new CementReport(ReportFixtures.header(standard, testDate), type, strengthClass, "福建某水泥有限公司",
                "P.O42.5-2405-018", new BigDecimal("200"), initial, fin, sound, d3, d28);
    }

    public static CementReport valid() {
        return report(BEFORE_2023_EDITION, "GB 175-2007", "P·O", "42.5", 150, 210, true, DAY3, DAY28);
    }

    @Test
    void workedExampleUnderGb175Of2007() {
        assertThat(CementReportValidator.validate(valid())).isEmpty();
        CementResult r = valid().evaluate();
        assertThat(r.edition()).isEqualTo(Gb175Edition.GB_175_2007);
        assertThat(r.flexural3d().strengthMpa()).isEqualTo(new BigDecimal("4.3"));
        assertThat(r.compressive3d().strengthMpa()).isEqualTo(new BigDecimal("22.2"));
        assertThat(r.flexural28d().strengthMpa()).isEqualTo(new BigDecimal("7.2"));
        assertThat(r.compressive28d().strengthMpa()).isEqualTo(new BigDecimal("43.8"));
        assertThat(r.maxFinalSettingMin()).isEqualTo(600);
        assertThat(r.provisionalLimits()).isFalse();
        assertThat(r.items()).extracting(ItemConclusion::item, ItemConclusion::requirement).containsExactly(
                tuple("flexural3d", "≥3.5 MPa"), tuple("compressive3d", "≥17.0 MPa"),
                tuple("flexural28d", "≥6.5 MPa"), tuple("compressive28d", "≥42.5 MPa"),
                tuple("initialSetting", "≥45 min"), tuple("finalSetting", "≤600 min"), tuple("soundness", "合格"));
        assertThat(r.items()).allMatch(i -> i.conclusion() == Conclusion.QUALIFIED);
        assertThat(r.conclusion()).isEqualTo(Conclusion.QUALIFIED);
    }

    @Test
    void theEditionFollowsTheTestDateAndTheStandardMustNameIt() {
        assertThat(Gb175Edition.forTestDate(BEFORE_2023_EDITION)).isEqualTo(Gb175Edition.GB_175_2007);
        assertThat(Gb175Edition.forTestDate(UNDER_2023_EDITION)).isEqualTo(Gb175Edition.GB_175_2023);
        CementReport wrongStandard = report(UNDER_2023_EDITION, "GB 175-2007", "P·O", "42.5", 150, 210, true, DAY3, DAY28);
        assertThat(CementReportValidator.validate(wrongStandard)).extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("header.standard", "not_allowed"));
        CementResult r = report(UNDER_2023_EDITION, "GB 175-2023", "P.O", "42.5", 150, 210, true, DAY3, DAY28).evaluate();
        assertThat(r.edition()).isEqualTo(Gb175Edition.GB_175_2023);
        assertThat(r.provisionalLimits()).as("2023 three-day compressive minimums are not verified").isTrue();
        assertThat(r.conclusion()).isEqualTo(Conclusion.QUALIFIED);
    }

    @Test
    void gb175Of2023DropsCompositeCement32Point5() {
        assertThat(CementReportValidator.validate(report(BEFORE_2023_EDITION, "GB 175-2007", "P·C", "32.5R", 150, 210,
                true, DAY3, DAY28))).isEmpty();
        assertThat(CementReportValidator.validate(report(UNDER_2023_EDITION, "GB 175-2023", "P·C", "32.5R", 150, 210,
                true, DAY3, DAY28))).extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("strengthClass", "not_allowed"));
        assertThat(CementStrengthClasses.classesOf(Gb175Edition.GB_175_2023, CementType.P_C))
                .containsExactly("42.5", "42.5R", "52.5", "52.5R");
        assertThat(CementStrengthClasses.classesOf(Gb175Edition.GB_175_2023, CementType.P_F)).contains("32.5", "32.5R");
        assertThat(CementStrengthClasses.classesOf(Gb175Edition.GB_175_2007, CementType.P_O))
                .containsExactly("42.5", "42.5R", "52.5", "52.5R");
        assertThat(CementStrengthClasses.find(Gb175Edition.GB_175_2007, CementType.P_O, "42.5r").orElseThrow()
                .min3dCompressiveMpa()).isEqualByComparingTo("22.0");
    }

    @Test
    void settingTimesAndSoundnessAreJudged() {
        // P·I: final setting at most 390 min; P·O: 600 min
        CementResult portland = report(BEFORE_2023_EDITION, "GB 175-2007", "P·I", "42.5", 44, 400, false, DAY3, DAY28)
                .evaluate();
        assertThat(portland.item("initialSetting")).isEqualTo(Conclusion.UNQUALIFIED);
        assertThat(portland.item("finalSetting")).isEqualTo(Conclusion.UNQUALIFIED);
        assertThat(portland.item("soundness")).isEqualTo(Conclusion.UNQUALIFIED);
        assertThat(portland.conclusion()).isEqualTo(Conclusion.UNQUALIFIED);
        CementResult ordinary = report(BEFORE_2023_EDITION, "GB 175-2007", "P·O", "42.5", 45, 400, true, DAY3, DAY28)
                .evaluate();
        assertThat(ordinary.item("initialSetting")).isEqualTo(Conclusion.QUALIFIED);
        assertThat(ordinary.item("finalSetting")).isEqualTo(Conclusion.QUALIFIED);
    }

    @Test
    void aWeakOrInvalidStrengthDecidesTheConclusion() {
        // 42.5R needs 22.0 at 3 days: 22.2 passes; 52.5 needs 23.0 at 3 days and 52.5 at 28 days
        assertThat(report(BEFORE_2023_EDITION, "GB 175-2007", "P·O", "42.5R", 150, 210, true, DAY3, DAY28).evaluate()
                .conclusion()).isEqualTo(Conclusion.QUALIFIED);
        CementResult weak = report(BEFORE_2023_EDITION, "GB 175-2007", "P·O", "52.5", 150, 210, true, DAY3, DAY28)
                .evaluate();
        assertThat(weak.item("compressive3d")).isEqualTo(Conclusion.UNQUALIFIED);
        assertThat(weak.item("compressive28d")).isEqualTo(Conclusion.UNQUALIFIED);
        assertThat(weak.conclusion()).isEqualTo(Conclusion.UNQUALIFIED);

        StrengthTest invalid28 = new StrengthTest(DAY28.flexuralLoadsKn(),
                decimals("70.0", "70.0", "70.0", "70.0", "58.0", "82.0"));
        CementResult voided = report(BEFORE_2023_EDITION, "GB 175-2007", "P·O", "42.5", 150, 210, true, DAY3, invalid28)
                .evaluate();
        assertThat(voided.item("compressive28d")).isEqualTo(Conclusion.INVALID);
        assertThat(voided.conclusion()).isEqualTo(Conclusion.INVALID);
        // an unqualified item outweighs an invalid one
        CementResult both = report(BEFORE_2023_EDITION, "GB 175-2007", "P·O", "42.5", 30, 210, true, DAY3, invalid28)
                .evaluate();
        assertThat(both.conclusion()).isEqualTo(Conclusion.UNQUALIFIED);
    }

    @Test
    void inputErrorsAreListedByField() {
        StrengthTest short3 = new StrengthTest(decimals("1.80", "1.85"), decimals("35.0", null, "34.5", "35.5", "36.5",
                "-1"));
        CementReport bad = report(BEFORE_2023_EDITION, "GB 175-2007", "P·Z", "42.5", 200, 150, null, short3, null);
        assertThat(CementReportValidator.validate(bad)).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("cementType", "not_allowed"), tuple("finalSettingMin", "out_of_range"),
                tuple("soundnessQualified", "required"), tuple("strength3d.flexuralLoadsKn", "wrong_count"),
                tuple("strength3d.compressiveLoadsKn[1]", "required"),
                tuple("strength3d.compressiveLoadsKn[5]", "out_of_range"), tuple("strength28d", "required"));
        assertThatThrownBy(bad::evaluate).isInstanceOf(ReportInputException.class)
                .hasMessageContaining("cementType not_allowed");
    }

    @Test
    void cementTypeSpellings() {
        assertThat(CementType.find("P.O")).contains(CementType.P_O);
        assertThat(CementType.find("po")).contains(CementType.P_O);
        assertThat(CementType.find("P·S·A")).contains(CementType.P_S_A);
        assertThat(CementType.find("P·II")).contains(CementType.P_II);
        assertThat(CementType.find("P·X")).isEmpty();
    }

    @Test
    void itRoundTripsThroughJson() throws Exception {
        ObjectMapper mapper = Json.newMapper();
        assertThat(mapper.readValue(mapper.writeValueAsString(valid()), CementReport.class)).isEqualTo(valid());
    }
}

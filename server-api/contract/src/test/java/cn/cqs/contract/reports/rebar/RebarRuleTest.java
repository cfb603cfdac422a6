package cn.cqs.contract.reports.rebar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.Conclusion;
import cn.cqs.contract.reports.ItemConclusion;
import cn.cqs.contract.reports.TestRound;
import cn.cqs.contract.reports.rebar.RebarReport.BendSpecimen;
import cn.cqs.contract.reports.rebar.RebarReport.MassSample;
import cn.cqs.contract.reports.rebar.RebarReport.TensileSpecimen;
import cn.cqs.contract.reports.rebar.RebarResult.TensileResult;
import cn.cqs.contract.reports.validation.ReportInputException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed examples; docs/rules/rebar.md shows the first one. */
class RebarRuleTest {

    static TensileSpecimen tensile(String feL, String fm, String lu, String agt) {
        return new TensileSpecimen(new BigDecimal(feL), new BigDecimal(fm), new BigDecimal(lu), new BigDecimal(agt));
    }

    static final List<TensileSpecimen> GOOD = List.of(tensile("141.5", "190.0", "126.0", "12.3"),
            tensile("144.0", "192.5", "124.3", "11.0"));
    static final List<BendSpecimen> BENT = List.of(new BendSpecimen(true), new BendSpecimen(true));
    static final MassSample MASS = new MassSample(5, new BigDecimal("2500"), new BigDecimal("6.05"));

    @Test
    void workedExampleHrb400eD20() {
        RebarResult r = RebarRule.evaluate(RebarGrade.HRB400E, NominalDiameter.D20, TestRound.INITIAL, GOOD, BENT, MASS);
        assertThat(r.originalGaugeLengthMm()).isEqualByComparingTo("100");
        TensileResult t1 = r.tensile().get(0);
        // 141 500 / 314.2 = 450.35 -> 450; 190 000 / 314.2 = 604.71 -> 605; (126.0 - 100) / 100 = 26.0 %
        assertThat(t1.yieldStrengthMpa()).isEqualTo(new BigDecimal("450"));
        assertThat(t1.tensileStrengthMpa()).isEqualTo(new BigDecimal("605"));
        assertThat(t1.elongationPercent()).isEqualTo(new BigDecimal("26.0"));
        assertThat(t1.totalElongationPercent()).isEqualTo(new BigDecimal("12.5"));
        assertThat(t1.strengthYieldRatio()).isEqualTo(new BigDecimal("1.34"));
        // 450 / 400 = 1.125 -> 1.12 (GB/T 8170: exactly half goes to the even digit)
        assertThat(t1.overYieldRatio()).isEqualTo(new BigDecimal("1.12"));
        TensileResult t2 = r.tensile().get(1);
        assertThat(t2.yieldStrengthMpa()).isEqualTo(new BigDecimal("458"));
        assertThat(t2.tensileStrengthMpa()).isEqualTo(new BigDecimal("613"));
        assertThat(t2.elongationPercent()).isEqualTo(new BigDecimal("24.5"));
        assertThat(t2.totalElongationPercent()).isEqualTo(new BigDecimal("11.0"));
        assertThat(t2.strengthYieldRatio()).isEqualTo(new BigDecimal("1.34"));
        assertThat(t2.overYieldRatio()).isEqualTo(new BigDecimal("1.14"));
        assertThat(r.mandrelDiameterMm()).isEqualTo(80);
        // theoretical 2.47 kg/m x 2.5 m = 6.175 kg; (6.05 - 6.175) / 6.175 = -2.02 % -> -2.0 %
        assertThat(r.massDeviation().theoreticalMassKg()).isEqualByComparingTo("6.175");
        assertThat(r.massDeviation().deviationPercent()).isEqualTo(new BigDecimal("-2.0"));
        assertThat(r.items()).extracting(ItemConclusion::item).containsExactly("yieldStrength", "tensileStrength",
                "elongation", "totalElongation", "strengthYieldRatio", "overYieldRatio", "bend", "massDeviation");
        assertThat(r.items()).allMatch(i -> i.conclusion() == Conclusion.QUALIFIED);
        assertThat(r.conclusion()).isEqualTo(Conclusion.QUALIFIED);
    }

    @Test
    void nonSeismicGradesHaveNoRatioItems() {
        RebarResult r = RebarRule.evaluate(RebarGrade.HRB400, NominalDiameter.D20, TestRound.INITIAL, GOOD, BENT, MASS);
        assertThat(r.items()).extracting(ItemConclusion::item).doesNotContain("strengthYieldRatio", "overYieldRatio");
        assertThat(r.tensile().get(0).strengthYieldRatio()).isNull();
        assertThat(r.item("totalElongation")).isEqualTo(Conclusion.QUALIFIED);
    }

    @Test
    void aFailedRatioInTheFirstTestCallsForARetest() {
        // 165 000 / 314.2 = 525; 605 / 525 = 1.15 < 1.25; 525 / 400 = 1.3125 -> 1.31 > 1.30
        List<TensileSpecimen> high = List.of(tensile("165.0", "190.0", "126.0", "12.3"), GOOD.get(1));
        RebarResult r = RebarRule.evaluate(RebarGrade.HRB400E, NominalDiameter.D20, TestRound.INITIAL, high, BENT, MASS);
        assertThat(r.item("strengthYieldRatio")).isEqualTo(Conclusion.RETEST_REQUIRED);
        assertThat(r.item("overYieldRatio")).isEqualTo(Conclusion.RETEST_REQUIRED);
        assertThat(r.item("yieldStrength")).isEqualTo(Conclusion.QUALIFIED);
        assertThat(r.conclusion()).isEqualTo(Conclusion.RETEST_REQUIRED);
        // the same for HRB400 is qualified: the ratios only bind E grades
        assertThat(RebarRule.evaluate(RebarGrade.HRB400, NominalDiameter.D20, TestRound.INITIAL, high, BENT, MASS)
                .conclusion()).isEqualTo(Conclusion.QUALIFIED);
    }

    @Test
    void aFailureInTheRetestIsFinalAndUntestedItemsAreNotJudged() {
        List<TensileSpecimen> four = List.of(GOOD.get(0), GOOD.get(1), tensile("165.0", "190.0", "126.0", "12.3"),
                GOOD.get(0));
        RebarResult r = RebarRule.evaluate(RebarGrade.HRB400E, NominalDiameter.D20, TestRound.RETEST, four, List.of(),
                null);
        assertThat(r.item("strengthYieldRatio")).isEqualTo(Conclusion.UNQUALIFIED);
        assertThat(r.item("bend")).isEqualTo(Conclusion.NOT_TESTED);
        assertThat(r.item("massDeviation")).isEqualTo(Conclusion.NOT_TESTED);
        assertThat(r.massDeviation()).isNull();
        assertThat(r.conclusion()).isEqualTo(Conclusion.UNQUALIFIED);

        RebarResult passed = RebarRule.evaluate(RebarGrade.HRB400E, NominalDiameter.D20, TestRound.RETEST,
                List.of(GOOD.get(0), GOOD.get(1), GOOD.get(0), GOOD.get(1)), List.of(), null);
        assertThat(passed.conclusion()).isEqualTo(Conclusion.QUALIFIED);
    }

    @Test
    void aCrackedBendCallsForARetest() {
        RebarResult r = RebarRule.evaluate(RebarGrade.HRB500, NominalDiameter.D32, TestRound.INITIAL,
                List.of(tensile("450.0", "560.0", "190.0", "10.0"), tensile("450.0", "560.0", "190.0", "10.0")),
                List.of(new BendSpecimen(true), new BendSpecimen(false)),
                new MassSample(5, new BigDecimal("2500"), new BigDecimal("15.80")));
        // 32 mm HRB500: mandrel 7d = 224 mm; 450 000 / 804.2 = 559.56 -> 560 >= 500; 696 >= 630; A = 18.75 -> 19.0 >= 15
        assertThat(r.mandrelDiameterMm()).isEqualTo(224);
        assertThat(r.tensile().get(0).yieldStrengthMpa()).isEqualTo(new BigDecimal("560"));
        assertThat(r.tensile().get(0).elongationPercent()).isEqualTo(new BigDecimal("19.0"));
        assertThat(r.item("bend")).isEqualTo(Conclusion.RETEST_REQUIRED);
        // 6.31 x 2.5 = 15.775; (15.80 - 15.775) / 15.775 = +0.16 % -> 0.2 %
        assertThat(r.massDeviation().deviationPercent()).isEqualTo(new BigDecimal("0.2"));
        assertThat(r.conclusion()).isEqualTo(Conclusion.RETEST_REQUIRED);
    }

    @Test
    void massDeviationIsJudgedOnTheRoundedValueAndIsNotRetested() {
        // -4.518 % -> -4.5 %: within ±4.5 %; -4.567 % -> -4.6 %: outside, unqualified (no retest)
        assertThat(RebarRule.evaluate(RebarGrade.HRB400, NominalDiameter.D20, TestRound.INITIAL, GOOD, BENT,
                new MassSample(5, new BigDecimal("2500"), new BigDecimal("5.896"))).item("massDeviation"))
                .isEqualTo(Conclusion.QUALIFIED);
        RebarResult light = RebarRule.evaluate(RebarGrade.HRB400, NominalDiameter.D20, TestRound.INITIAL, GOOD, BENT,
                new MassSample(5, new BigDecimal("2500"), new BigDecimal("5.893")));
        assertThat(light.massDeviation().deviationPercent()).isEqualTo(new BigDecimal("-4.6"));
        assertThat(light.item("massDeviation")).isEqualTo(Conclusion.UNQUALIFIED);
        assertThat(light.conclusion()).isEqualTo(Conclusion.UNQUALIFIED);
    }

    @Test
    void elongationRoundsToHalfPercentOnTheExactQuotient() {
        // L0 = 100: 16.25 -> 16.0 (half to even multiple), 16.75 -> 17.0; L0 = 30: 4.9 / 30 = 16.33 -> 16.5
        assertThat(RebarRule.elongationPercent(new BigDecimal("116.25"), NominalDiameter.D20)).isEqualTo(new BigDecimal("16.0"));
        assertThat(RebarRule.elongationPercent(new BigDecimal("116.75"), NominalDiameter.D20)).isEqualTo(new BigDecimal("17.0"));
        assertThat(RebarRule.elongationPercent(new BigDecimal("34.9"), NominalDiameter.D6)).isEqualTo(new BigDecimal("16.5"));
    }

    @Test
    void agtOfE8Point75RoundsTo9AndPasses() {
        List<TensileSpecimen> t = List.of(tensile("141.5", "190.0", "126.0", "8.75"), tensile("141.5", "190.0", "126.0", "8.74"));
        RebarResult r = RebarRule.evaluate(RebarGrade.HRB400E, NominalDiameter.D20, TestRound.INITIAL, t, BENT, MASS);
        assertThat(r.tensile()).extracting(TensileResult::totalElongationPercent)
                .containsExactly(new BigDecimal("9.0"), new BigDecimal("8.5"));
        assertThat(r.item("totalElongation")).isEqualTo(Conclusion.RETEST_REQUIRED);
    }

    @Test
    void mandrelsFollowTheDiameterBands() {
        assertThat(RebarGrade.HRB400.mandrelDiameterFactor(NominalDiameter.D25)).isEqualTo(4);
        assertThat(RebarGrade.HRB400.mandrelDiameterFactor(NominalDiameter.D28)).isEqualTo(5);
        assertThat(RebarGrade.HRB400E.mandrelDiameterFactor(NominalDiameter.D50)).isEqualTo(6);
        assertThat(RebarGrade.HRB600.mandrelDiameterFactor(NominalDiameter.D6)).isEqualTo(6);
        assertThat(RebarGrade.HRB500E.mandrelDiameterFactor(NominalDiameter.D40)).isEqualTo(7);
        assertThat(RebarGrade.HRB500.mandrelDiameterFactor(NominalDiameter.D50)).isEqualTo(8);
    }

    @Test
    void theTableHasTheStandardsValues() {
        assertThat(NominalDiameter.D12.areaMm2()).isEqualByComparingTo("113.1");
        assertThat(NominalDiameter.D36.massKgPerM()).isEqualByComparingTo("7.99");
        assertThat(NominalDiameter.D12.massTolerancePercent()).isEqualByComparingTo("5.5");
        assertThat(NominalDiameter.D14.massTolerancePercent()).isEqualByComparingTo("4.5");
        assertThat(NominalDiameter.D22.massTolerancePercent()).isEqualByComparingTo("3.5");
        assertThat(NominalDiameter.ofMm(24)).isEmpty();
        assertThat(RebarGrade.find(" hrb500e ")).contains(RebarGrade.HRB500E);
        assertThat(RebarGrade.HRB600.minTensileStrengthMpa()).isEqualByComparingTo("730");
    }

    @Test
    void unusableInputIsRefusedByField() {
        List<TensileSpecimen> bad = List.of(tensile("200.0", "190.0", "99.0", "12.0"));
        assertThatThrownBy(() -> RebarRule.evaluate(RebarGrade.HRB400, NominalDiameter.D20, TestRound.INITIAL, bad,
                BENT, MASS))
                .isInstanceOfSatisfying(ReportInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::code).containsExactly(
                                org.assertj.core.groups.Tuple.tuple("tensileSpecimens", "wrong_count"),
                                org.assertj.core.groups.Tuple.tuple("tensileSpecimens[0].yieldLoadKn", "out_of_range"),
                                org.assertj.core.groups.Tuple.tuple("tensileSpecimens[0].gaugeLengthAfterFractureMm",
                                        "out_of_range")));
    }
}

package cn.cqs.contract.reports.splice;

import static cn.cqs.contract.reports.splice.FailureLocation.BASE_METAL;
import static cn.cqs.contract.reports.splice.FailureLocation.HEAT_AFFECTED_ZONE;
import static cn.cqs.contract.reports.splice.FailureLocation.JOINT;
import static cn.cqs.contract.reports.splice.FailureMode.BRITTLE;
import static cn.cqs.contract.reports.splice.FailureMode.DUCTILE;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.reports.Conclusion;
import cn.cqs.contract.reports.TestRound;
import cn.cqs.contract.reports.rebar.NominalDiameter;
import cn.cqs.contract.reports.rebar.RebarGrade;
import cn.cqs.contract.reports.splice.SpliceReport.Specimen;
import cn.cqs.contract.reports.splice.SpliceResult.SpecimenResult;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * HRB400 (fstk 540, fyk 400), 25 mm (S0 490.9 mm²). Loads → strengths: 280.0 → 570, 295.0 → 601,
 * 290.0 → 591, 291.59 → 594, 275.0 → 560, 255.0 → 519, 250.0 → 509, 240.0 → 489, 230.0 → 469 MPa.
 */
class SpliceRuleTest {

    static Specimen m(String kn, FailureLocation at) {
        return new Specimen(new BigDecimal(kn), at, null);
    }

    static Specimen w(String kn, FailureLocation at, FailureMode mode) {
        return new Specimen(new BigDecimal(kn), at, mode);
    }

    static SpliceResult mechanical(SpliceGrade grade, TestRound round, Specimen... specimens) {
        return SpliceRule.evaluate(SpliceKind.MECHANICAL, RebarGrade.HRB400, NominalDiameter.D25, grade, null, round,
                List.of(specimens));
    }

    static Conclusion welded(TestRound round, Specimen... specimens) {
        return SpliceRule.evaluate(SpliceKind.WELDED, RebarGrade.HRB400, NominalDiameter.D25, null,
                WeldingMethod.FLASH_BUTT, round, List.of(specimens)).conclusion();
    }

    @Test
    void gradeOneNeedsTenPercentMoreWhenTheSpliceFails() {
        SpliceResult r = mechanical(SpliceGrade.I, TestRound.INITIAL, m("280.0", BASE_METAL), m("295.0", JOINT),
                m("290.0", JOINT));
        assertThat(r.specimens()).extracting(SpecimenResult::tensileStrengthMpa)
                .containsExactly(new BigDecimal("570"), new BigDecimal("601"), new BigDecimal("591"));
        assertThat(r.specimens()).extracting(SpecimenResult::meetsStrength).containsExactly(true, true, false);
        assertThat(r.specimens().get(2).requiredMpa()).isEqualByComparingTo("594");
        assertThat(r.conclusion()).isEqualTo(Conclusion.RETEST_REQUIRED);
        assertThat(r.items().get(0).requirement()).isEqualTo("≥540 MPa (钢筋拉断) / ≥594 MPa (连接件破坏)");
        // the same strength with the bar broken only needs fstk
        assertThat(mechanical(SpliceGrade.I, TestRound.INITIAL, m("280.0", BASE_METAL), m("295.0", JOINT),
                m("290.0", BASE_METAL)).conclusion()).isEqualTo(Conclusion.QUALIFIED);
        // 291.59 kN -> 593.99 -> 594: the rounded value meets 1.10 fstk
        assertThat(mechanical(SpliceGrade.I, TestRound.INITIAL, m("280.0", BASE_METAL), m("295.0", JOINT),
                m("291.59", JOINT)).conclusion()).isEqualTo(Conclusion.QUALIFIED);
    }

    @Test
    void gradeTwoNeedsFstkWhereverItBreaks() {
        assertThat(mechanical(SpliceGrade.II, TestRound.INITIAL, m("280.0", BASE_METAL), m("295.0", JOINT),
                m("290.0", JOINT)).conclusion()).isEqualTo(Conclusion.QUALIFIED);
        assertThat(mechanical(SpliceGrade.II, TestRound.INITIAL, m("255.0", JOINT), m("295.0", JOINT),
                m("290.0", JOINT)).conclusion()).isEqualTo(Conclusion.RETEST_REQUIRED);
    }

    @Test
    void gradeThreeNeeds125PercentOfFyk() {
        // 1.25 x 400 = 500: 489 and 469 fail, 509 passes -> two failures -> unqualified without retest
        SpliceResult r = mechanical(SpliceGrade.III, TestRound.INITIAL, m("240.0", JOINT), m("250.0", JOINT),
                m("230.0", JOINT));
        assertThat(r.items().get(0).requirement()).isEqualTo("≥500 MPa");
        assertThat(r.conclusion()).isEqualTo(Conclusion.UNQUALIFIED);
    }

    @Test
    void aMechanicalRetestAllowsNoFailure() {
        assertThat(mechanical(SpliceGrade.II, TestRound.RETEST, m("280.0", BASE_METAL), m("280.0", BASE_METAL),
                m("280.0", BASE_METAL), m("280.0", BASE_METAL), m("280.0", BASE_METAL), m("280.0", JOINT))
                .conclusion()).isEqualTo(Conclusion.QUALIFIED);
        assertThat(mechanical(SpliceGrade.II, TestRound.RETEST, m("280.0", BASE_METAL), m("280.0", BASE_METAL),
                m("280.0", BASE_METAL), m("280.0", BASE_METAL), m("280.0", BASE_METAL), m("255.0", JOINT))
                .conclusion()).isEqualTo(Conclusion.UNQUALIFIED);
    }

    @Test
    void weldedFirstTest() {
        TestRound first = TestRound.INITIAL;
        assertThat(welded(first, w("280.0", BASE_METAL, DUCTILE), w("275.0", BASE_METAL, DUCTILE),
                w("280.0", BASE_METAL, DUCTILE))).isEqualTo(Conclusion.QUALIFIED);
        // two in the bar, one brittle at the weld: >= fstk qualified, below it retest
        assertThat(welded(first, w("280.0", BASE_METAL, DUCTILE), w("275.0", BASE_METAL, DUCTILE),
                w("280.0", JOINT, BRITTLE))).isEqualTo(Conclusion.QUALIFIED);
        assertThat(welded(first, w("280.0", BASE_METAL, DUCTILE), w("275.0", BASE_METAL, DUCTILE),
                w("255.0", JOINT, BRITTLE))).isEqualTo(Conclusion.RETEST_REQUIRED);
        // one in the bar, two at the weld: retest
        assertThat(welded(first, w("280.0", BASE_METAL, DUCTILE), w("275.0", JOINT, BRITTLE),
                w("280.0", JOINT, BRITTLE))).isEqualTo(Conclusion.RETEST_REQUIRED);
        // all three at the weld: retest when all reach fstk, unqualified when one does not
        assertThat(welded(first, w("280.0", JOINT, BRITTLE), w("275.0", JOINT, BRITTLE),
                w("280.0", JOINT, BRITTLE))).isEqualTo(Conclusion.RETEST_REQUIRED);
        assertThat(welded(first, w("280.0", JOINT, BRITTLE), w("255.0", JOINT, BRITTLE),
                w("280.0", JOINT, BRITTLE))).isEqualTo(Conclusion.UNQUALIFIED);
        // a bar break below fstk is unqualified
        assertThat(welded(first, w("255.0", BASE_METAL, DUCTILE), w("275.0", BASE_METAL, DUCTILE),
                w("280.0", BASE_METAL, DUCTILE))).isEqualTo(Conclusion.UNQUALIFIED);
    }

    @Test
    void theHeatAffectedZoneCountsByTheFailureMode() {
        // ductile in the HAZ = in the bar: below fstk it is unqualified; brittle in the HAZ = at the weld: retest
        assertThat(welded(TestRound.INITIAL, w("280.0", BASE_METAL, DUCTILE), w("275.0", BASE_METAL, DUCTILE),
                w("255.0", HEAT_AFFECTED_ZONE, DUCTILE))).isEqualTo(Conclusion.UNQUALIFIED);
        assertThat(welded(TestRound.INITIAL, w("280.0", BASE_METAL, DUCTILE), w("275.0", BASE_METAL, DUCTILE),
                w("255.0", HEAT_AFFECTED_ZONE, BRITTLE))).isEqualTo(Conclusion.RETEST_REQUIRED);
        assertThat(welded(TestRound.INITIAL, w("280.0", HEAT_AFFECTED_ZONE, DUCTILE), w("275.0", BASE_METAL, DUCTILE),
                w("280.0", HEAT_AFFECTED_ZONE, DUCTILE))).isEqualTo(Conclusion.QUALIFIED);
    }

    @Test
    void weldedRetestNeedsFourBarBreaksAndAllAtFstk() {
        Specimen bar = w("280.0", BASE_METAL, DUCTILE);
        Specimen weld = w("275.0", JOINT, BRITTLE);
        assertThat(welded(TestRound.RETEST, bar, bar, bar, bar, weld, weld)).isEqualTo(Conclusion.QUALIFIED);
        assertThat(welded(TestRound.RETEST, bar, bar, bar, weld, weld, weld)).isEqualTo(Conclusion.UNQUALIFIED);
        assertThat(welded(TestRound.RETEST, bar, bar, bar, bar, bar, w("255.0", JOINT, BRITTLE)))
                .isEqualTo(Conclusion.UNQUALIFIED);
    }
}

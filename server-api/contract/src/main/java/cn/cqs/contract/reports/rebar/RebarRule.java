package cn.cqs.contract.reports.rebar;

import static cn.cqs.contract.reports.validation.FieldChecks.requiredBetween;
import static cn.cqs.contract.reports.validation.FieldChecks.requiredInRange;
import static cn.cqs.contract.reports.validation.FieldChecks.requiredPositiveAtMost;

import cn.cqs.contract.numbers.Gb8170;
import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.Conclusion;
import cn.cqs.contract.reports.ItemConclusion;
import cn.cqs.contract.reports.TestRound;
import cn.cqs.contract.reports.rebar.RebarReport.BendSpecimen;
import cn.cqs.contract.reports.rebar.RebarReport.MassSample;
import cn.cqs.contract.reports.rebar.RebarReport.TensileSpecimen;
import cn.cqs.contract.reports.rebar.RebarResult.MassDeviation;
import cn.cqs.contract.reports.rebar.RebarResult.TensileResult;
import cn.cqs.contract.reports.validation.ErrorCodes;
import cn.cqs.contract.reports.validation.FieldChecks;
import cn.cqs.contract.reports.validation.ReportInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The hot-rolled ribbed bar rule (热轧带肋钢筋), GB/T 1499.2-2018 with GB/T 228.1 arithmetic, as
 * this project applies it (docs/rules/rebar.md):
 * <ol>
 *   <li>ReL° = FeL / S0 and Rm° = Fm / S0 with the tabulated nominal area S0, each rounded to
 *       1 MPa; A = (Lu − L0) / L0 × 100 with L0 = 5d, and the measured Agt, each rounded to
 *       0.5 %; for E grades Rm°/ReL° and ReL°/ReL (ReL the grade's minimum) from the rounded
 *       strengths, to 0.01. Rounding follows GB/T 8170 and the rounded value is compared with
 *       the limit (修约值比较法).</li>
 *   <li>An item passes when every specimen meets it. A failing tensile or bend item in a first
 *       test calls for a retest on double specimens ({@link Conclusion#RETEST_REQUIRED}); in a
 *       retest it is {@link Conclusion#UNQUALIFIED}.</li>
 *   <li>Mass deviation = (m − L × m') / (L × m') × 100 to 0.1 %, within ± 5.5 / 4.5 / 3.5 % by
 *       diameter band; a failure is {@link Conclusion#UNQUALIFIED} with no retest
 *       ({@link #MASS_DEVIATION_RETEST_ALLOWED}).</li>
 * </ol>
 */
public final class RebarRule {
    /** Tensile and bend specimens in a first test (each 2); a retest takes double. */
    public static final int SPECIMENS_FIRST_TEST = 2;
    /** Tensile and bend specimens of an item in a retest (双倍). */
    public static final int SPECIMENS_RETEST = 4;
    /**
     * Whether a failed mass deviation may be retested. {@code false}: GB/T 1499.2 is read as
     * allowing no retest of the mass deviation (重量偏差不允许复验) — see docs/rules/rebar.md,
     * "uncertain"; flip here if the official text says otherwise.
     */
    public static final boolean MASS_DEVIATION_RETEST_ALLOWED = false;
    /** The largest force accepted, in kN: above Rm of any grade on a 50 mm bar. */
    public static final BigDecimal MAX_LOAD_KN = new BigDecimal("3000");
    /** The largest Agt accepted, in %. */
    public static final BigDecimal MAX_TOTAL_ELONGATION_PERCENT = new BigDecimal("50");
    /** Mass sample: at least five pieces (不少于5支). */
    public static final int MIN_MASS_PIECES = 5;
    /** Mass sample: at most this many pieces (a plausibility bound). */
    public static final int MAX_MASS_PIECES = 50;
    /** Mass sample: each piece at least 500 mm (每支不小于500 mm). */
    public static final BigDecimal MIN_PIECE_LENGTH_MM = new BigDecimal("500");
    /** Mass sample: at most this total length in mm (a plausibility bound). */
    public static final BigDecimal MAX_TOTAL_LENGTH_MM = new BigDecimal("100000");
    /** Mass sample: at most this total mass in kg (a plausibility bound). */
    public static final BigDecimal MAX_TOTAL_MASS_KG = new BigDecimal("2000");

    static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal THOUSAND = new BigDecimal("1000");
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal FIVE = new BigDecimal("5");
    private static final BigDecimal TWO = new BigDecimal("2");

    private RebarRule() {
    }

    /**
     * Evaluates a rebar test.
     *
     * @throws ReportInputException listing every unusable input, by the paths of {@link RebarReport}
     */
    public static RebarResult evaluate(RebarGrade grade, NominalDiameter diameter, TestRound round,
                                       List<TensileSpecimen> tensileSpecimens, List<BendSpecimen> bendSpecimens,
                                       MassSample massSample) {
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(diameter, "diameter");
        Objects.requireNonNull(round, "round");
        List<FieldError> errors = checkTestData(diameter, round, tensileSpecimens, bendSpecimens, massSample);
        if (!errors.isEmpty()) {
            throw new ReportInputException("rebar", errors);
        }
        BigDecimal gaugeLength = originalGaugeLengthMm(diameter);
        List<TensileResult> tensile = tensileSpecimens.stream().map(s -> tensile(grade, diameter, s)).toList();
        List<Boolean> bends = bendSpecimens.stream().map(BendSpecimen::crackFree).toList();
        MassDeviation mass = massSample == null ? null : massDeviation(diameter, massSample);
        int mandrel = grade.mandrelDiameterFactor(diameter) * diameter.mm();

        List<ItemConclusion> items = new ArrayList<>();
        boolean tensileTested = !tensile.isEmpty();
        items.add(item("yieldStrength", "下屈服强度", "Lower yield strength",
                "≥" + grade.minYieldStrengthMpa() + " MPa", round, tensileTested, true,
                all(tensile, t -> t.yieldStrengthMpa().compareTo(grade.minYieldStrengthMpa()) >= 0)));
        items.add(item("tensileStrength", "抗拉强度", "Tensile strength",
                "≥" + grade.minTensileStrengthMpa() + " MPa", round, tensileTested, true,
                all(tensile, t -> t.tensileStrengthMpa().compareTo(grade.minTensileStrengthMpa()) >= 0)));
        items.add(item("elongation", "断后伸长率", "Elongation after fracture",
                "≥" + grade.minElongationPercent().toPlainString() + " %", round, tensileTested, true,
                all(tensile, t -> t.elongationPercent().compareTo(grade.minElongationPercent()) >= 0)));
        items.add(item("totalElongation", "最大力总延伸率", "Total elongation at maximum force",
                "≥" + grade.minTotalElongationPercent().toPlainString() + " %", round, tensileTested, true,
                all(tensile, t -> t.totalElongationPercent().compareTo(grade.minTotalElongationPercent()) >= 0)));
        if (grade.isSeismic()) {
            items.add(item("strengthYieldRatio", "强屈比", "Tensile-to-yield strength ratio",
                    "≥" + RebarGrade.MIN_STRENGTH_YIELD_RATIO.toPlainString(), round, tensileTested, true,
                    all(tensile, t -> t.strengthYieldRatio().compareTo(RebarGrade.MIN_STRENGTH_YIELD_RATIO) >= 0)));
            items.add(item("overYieldRatio", "超屈比", "Actual-to-minimum yield strength ratio",
                    "≤" + RebarGrade.MAX_OVER_YIELD_RATIO.toPlainString(), round, tensileTested, true,
                    all(tensile, t -> t.overYieldRatio().compareTo(RebarGrade.MAX_OVER_YIELD_RATIO) <= 0)));
        }
        items.add(item("bend", "弯曲性能", "Bend",
                "D=" + grade.mandrelDiameterFactor(diameter) + "d, 180°", round, !bends.isEmpty(), true,
                bends.stream().allMatch(Boolean::booleanValue)));
        items.add(item("massDeviation", "重量偏差", "Mass deviation",
                "±" + diameter.massTolerancePercent().toPlainString() + " %", round, mass != null,
                MASS_DEVIATION_RETEST_ALLOWED, mass != null && mass.withinTolerance()));

        Conclusion overall = Conclusion.overall(items.stream().map(ItemConclusion::conclusion).toList());
        return new RebarResult(grade, diameter, round, gaugeLength, tensile, mandrel, bends, mass, items, overall);
    }

    /** L0 = 5d, the proportional original gauge length in mm (原始标距). */
    public static BigDecimal originalGaugeLengthMm(NominalDiameter diameter) {
        return FIVE.multiply(BigDecimal.valueOf(diameter.mm()));
    }

    /** A strength F / S0 in MPa to 1 MPa: {@code loadKn × 1000 / S0}, the exact quotient rounded. */
    public static BigDecimal strengthMpa(BigDecimal loadKn, NominalDiameter diameter) {
        return Gb8170.divide(loadKn.multiply(THOUSAND), diameter.areaMm2(), 0);
    }

    /** A = (Lu − L0) / L0 × 100, the exact quotient rounded to 0.5 %. */
    public static BigDecimal elongationPercent(BigDecimal gaugeLengthAfterFractureMm, NominalDiameter diameter) {
        BigDecimal l0 = originalGaugeLengthMm(diameter);
        // twice the percentage rounded to a whole number, halved: rounding to 0.5 on the exact quotient
        BigDecimal doubled = Gb8170.divide(gaugeLengthAfterFractureMm.subtract(l0).multiply(HUNDRED).multiply(
                TWO), l0, 0);
        return doubled.divide(TWO).setScale(1);
    }

    /** The mass deviation of a sample against the diameter's theoretical mass. */
    public static MassDeviation massDeviation(NominalDiameter diameter, MassSample sample) {
        BigDecimal theoretical = diameter.massKgPerM().multiply(sample.totalLengthMm()).divide(THOUSAND);
        BigDecimal deviation = Gb8170.divide(sample.totalMassKg().subtract(theoretical).multiply(HUNDRED),
                theoretical, 1);
        return new MassDeviation(theoretical, deviation, diameter.massTolerancePercent());
    }

    private static TensileResult tensile(RebarGrade grade, NominalDiameter diameter, TensileSpecimen s) {
        BigDecimal reL = strengthMpa(s.yieldLoadKn(), diameter);
        BigDecimal rm = strengthMpa(s.maxLoadKn(), diameter);
        BigDecimal a = elongationPercent(s.gaugeLengthAfterFractureMm(), diameter);
        BigDecimal agt = Gb8170.roundToInterval(s.totalElongationAtMaxForcePercent(), HALF).setScale(1);
        BigDecimal strengthYield = grade.isSeismic() ? Gb8170.divide(rm, reL, 2) : null;
        BigDecimal overYield = grade.isSeismic() ? Gb8170.divide(reL, grade.minYieldStrengthMpa(), 2) : null;
        return new TensileResult(reL, rm, a, agt, strengthYield, overYield);
    }

    private static <T> boolean all(List<T> values, Predicate<T> test) {
        return values.stream().allMatch(test);
    }

    private static ItemConclusion item(String code, String zh, String en, String requirement, TestRound round,
                                       boolean tested, boolean retestAllowed, boolean passed) {
        Conclusion c;
        if (!tested) {
            c = Conclusion.NOT_TESTED;
        } else if (passed) {
            c = Conclusion.QUALIFIED;
        } else {
            c = round == TestRound.INITIAL && retestAllowed ? Conclusion.RETEST_REQUIRED : Conclusion.UNQUALIFIED;
        }
        return new ItemConclusion(code, zh, en, requirement, c);
    }

    /**
     * Checks the test data, reporting by the paths of {@link RebarReport}. {@code diameter} and
     * {@code round} may be {@code null} when they are themselves invalid; the checks that need them
     * are then skipped.
     */
    public static List<FieldError> checkTestData(NominalDiameter diameter, TestRound round,
                                                 List<TensileSpecimen> tensileSpecimens,
                                                 List<BendSpecimen> bendSpecimens, MassSample massSample) {
        List<FieldError> errors = new ArrayList<>();
        int[] counts = round == TestRound.RETEST ? new int[] {0, SPECIMENS_RETEST} : new int[] {SPECIMENS_FIRST_TEST};
        String countHint = round == TestRound.RETEST ? "(a retest repeats an item on double specimens)" : "";
        if (round == null ? FieldChecks.required(errors, "tensileSpecimens", tensileSpecimens)
                : FieldChecks.requiredCount(errors, "tensileSpecimens", tensileSpecimens,
                        ("tensile specimens " + countHint).strip(), counts)) {
            for (int i = 0; i < tensileSpecimens.size(); i++) {
                checkTensile("tensileSpecimens[" + i + "]", tensileSpecimens.get(i), diameter, errors);
            }
        }
        if (round == null ? FieldChecks.required(errors, "bendSpecimens", bendSpecimens)
                : FieldChecks.requiredCount(errors, "bendSpecimens", bendSpecimens,
                        ("bend specimens " + countHint).strip(), counts)) {
            for (int i = 0; i < bendSpecimens.size(); i++) {
                BendSpecimen bend = bendSpecimens.get(i);
                FieldChecks.required(errors, "bendSpecimens[" + i + "]" + (bend == null ? "" : ".crackFree"),
                        bend == null ? null : bend.crackFree());
            }
        }
        if (round == TestRound.RETEST && tensileSpecimens != null && bendSpecimens != null
                && tensileSpecimens.isEmpty() && bendSpecimens.isEmpty()) {
            errors.add(new FieldError("tensileSpecimens", ErrorCodes.WRONG_COUNT,
                    "A retest repeats the tensile test, the bend test or both; both lists are empty"));
        }
        if (round == TestRound.RETEST) {
            FieldChecks.absent(errors, "massSample", massSample, "the mass deviation is not retested");
        } else if (round == TestRound.INITIAL && FieldChecks.required(errors, "massSample", massSample)) {
            checkMassSample(massSample, errors);
        }
        return errors;
    }

    private static void checkTensile(String path, TensileSpecimen s, NominalDiameter diameter, List<FieldError> errors) {
        if (s == null) {
            errors.add(new FieldError(path, ErrorCodes.REQUIRED, "Required"));
            return;
        }
        boolean yieldOk = requiredPositiveAtMost(errors, path + ".yieldLoadKn", s.yieldLoadKn(), MAX_LOAD_KN);
        boolean maxOk = requiredPositiveAtMost(errors, path + ".maxLoadKn", s.maxLoadKn(), MAX_LOAD_KN);
        if (yieldOk && maxOk && s.yieldLoadKn().compareTo(s.maxLoadKn()) > 0) {
            errors.add(new FieldError(path + ".yieldLoadKn", ErrorCodes.OUT_OF_RANGE, "The yield force "
                    + s.yieldLoadKn().toPlainString() + " kN exceeds the maximum force "
                    + s.maxLoadKn().toPlainString() + " kN"));
        }
        if (diameter == null) {
            FieldChecks.required(errors, path + ".gaugeLengthAfterFractureMm", s.gaugeLengthAfterFractureMm());
        } else {
            BigDecimal l0 = originalGaugeLengthMm(diameter);
            requiredBetween(errors, path + ".gaugeLengthAfterFractureMm", s.gaugeLengthAfterFractureMm(), l0,
                    l0.multiply(TWO), "mm (L0 = 5d = " + l0 + " mm up to 2 L0)");
        }
        requiredPositiveAtMost(errors, path + ".totalElongationAtMaxForcePercent",
                s.totalElongationAtMaxForcePercent(), MAX_TOTAL_ELONGATION_PERCENT);
    }

    private static void checkMassSample(MassSample m, List<FieldError> errors) {
        boolean pieces = requiredInRange(errors, "massSample.pieces", m.pieces(), MIN_MASS_PIECES, MAX_MASS_PIECES);
        if (requiredPositiveAtMost(errors, "massSample.totalLengthMm", m.totalLengthMm(), MAX_TOTAL_LENGTH_MM)
                && pieces) {
            BigDecimal shortest = MIN_PIECE_LENGTH_MM.multiply(BigDecimal.valueOf(m.pieces()));
            if (m.totalLengthMm().compareTo(shortest) < 0) {
                errors.add(new FieldError("massSample.totalLengthMm", ErrorCodes.OUT_OF_RANGE, m.pieces()
                        + " pieces of at least 500 mm are at least " + shortest + " mm together, got "
                        + m.totalLengthMm().toPlainString() + " mm"));
            }
        }
        requiredPositiveAtMost(errors, "massSample.totalMassKg", m.totalMassKg(), MAX_TOTAL_MASS_KG);
    }
}

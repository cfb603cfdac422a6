package cn.cqs.contract.reports.mortar;

import static cn.cqs.contract.reports.validation.FieldChecks.requiredPositiveAtMost;

import cn.cqs.contract.numbers.Gb8170;
import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.Conclusion;
import cn.cqs.contract.reports.ItemConclusion;
import cn.cqs.contract.reports.cube.CubeStrengthRule;
import cn.cqs.contract.reports.cube.EvaluationMethod;
import cn.cqs.contract.reports.validation.FieldChecks;
import cn.cqs.contract.reports.validation.ReportInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Masonry mortar cube compressive strength (砂浆立方体抗压强度), JGJ/T 70-2009, as this project
 * applies it (docs/rules/mortar.md):
 * <ol>
 *   <li>each cube: f = K × N / A with K = 1.35 (换算系数), N the failure load in N and
 *       A = 70.7 mm × 70.7 mm = 4998.49 mm², the exact quotient rounded to 0.1 MPa (GB/T 8170);</li>
 *   <li>the group, on those values: the mean of three to 0.1 MPa; if one of the highest and lowest
 *       differs from the middle value by more than 15 % of it, the middle value; if both do, the
 *       group is invalid — the same rule and code as the concrete cube
 *       ({@link CubeStrengthRule#method});</li>
 *   <li>qualified when the group value reaches the design grade; this is a single-group
 *       conclusion (lot acceptance per GB 50203 uses several groups).</li>
 * </ol>
 */
public final class MortarStrengthRule {
    /** The conversion factor K (换算系数). */
    public static final BigDecimal K = new BigDecimal("1.35");
    /** The cube side in mm. */
    public static final BigDecimal SIDE_MM = new BigDecimal("70.7");
    /** The loaded area in mm², 70.7². */
    public static final BigDecimal AREA_MM2 = SIDE_MM.multiply(SIDE_MM);
    /** Cubes per group. */
    public static final int SPECIMENS_PER_GROUP = 3;
    /** The largest failure load accepted, in kN (≈ 135 MPa). */
    public static final BigDecimal MAX_FAILURE_LOAD_KN = new BigDecimal("500");

    private static final BigDecimal THOUSAND = new BigDecimal("1000");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private MortarStrengthRule() {
    }

    /**
     * Evaluates one group.
     *
     * @throws ReportInputException when the loads are unusable (paths {@code failureLoadsKn[i]})
     */
    public static MortarResult evaluate(MortarGrade grade, List<BigDecimal> failureLoadsKn) {
        Objects.requireNonNull(grade, "grade");
        List<FieldError> errors = checkFailureLoads("failureLoadsKn", failureLoadsKn);
        if (!errors.isEmpty()) {
            throw new ReportInputException("mortar", errors);
        }
        List<BigDecimal> strengths = failureLoadsKn.stream().map(MortarStrengthRule::specimenStrengthMpa).toList();
        EvaluationMethod method = CubeStrengthRule.method(strengths);
        String requirement = "≥" + grade.strengthMpa().toPlainString() + " MPa";
        if (method == EvaluationMethod.INVALID) {
            return new MortarResult(grade, strengths, method, null, null, List.of(new ItemConclusion(
                    "compressiveStrength", "抗压强度", "Compressive strength", requirement, Conclusion.INVALID)),
                    Conclusion.INVALID);
        }
        List<BigDecimal> sorted = strengths.stream().sorted().toList();
        BigDecimal value = method == EvaluationMethod.MIDDLE_VALUE ? sorted.get(1)
                : Gb8170.divide(sorted.stream().reduce(BigDecimal.ZERO, BigDecimal::add), new BigDecimal("3"), 1);
        int percent = Gb8170.divide(value.multiply(HUNDRED), grade.strengthMpa(), 0).intValueExact();
        Conclusion conclusion = value.compareTo(grade.strengthMpa()) >= 0 ? Conclusion.QUALIFIED : Conclusion.UNQUALIFIED;
        return new MortarResult(grade, strengths, method, value, percent, List.of(new ItemConclusion(
                "compressiveStrength", "抗压强度", "Compressive strength", requirement, conclusion)), conclusion);
    }

    /** One cube's strength: 1.35 × N × 1000 / 4998.49, the exact quotient to 0.1 MPa. */
    public static BigDecimal specimenStrengthMpa(BigDecimal failureLoadKn) {
        return Gb8170.divide(K.multiply(failureLoadKn).multiply(THOUSAND), AREA_MM2, 1);
    }

    /** Checks the loads: exactly three, each greater than 0 and at most {@link #MAX_FAILURE_LOAD_KN}. */
    public static List<FieldError> checkFailureLoads(String path, List<BigDecimal> failureLoadsKn) {
        List<FieldError> errors = new ArrayList<>();
        if (FieldChecks.requiredCount(errors, path, failureLoadsKn, "cubes", SPECIMENS_PER_GROUP)) {
            for (int i = 0; i < failureLoadsKn.size(); i++) {
                requiredPositiveAtMost(errors, path + "[" + i + "]", failureLoadsKn.get(i), MAX_FAILURE_LOAD_KN);
            }
        }
        return errors;
    }
}

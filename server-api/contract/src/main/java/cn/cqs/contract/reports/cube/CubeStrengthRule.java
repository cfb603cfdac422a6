package cn.cqs.contract.reports.cube;

import cn.cqs.contract.numbers.Gb8170;
import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.validation.ErrorCodes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The concrete cube compressive strength rule (混凝土立方体抗压强度), GB/T 50081-2019, with the
 * arithmetic this project applies:
 * <ol>
 *   <li>each cube's strength f = F / A (F in N, A in mm²) rounded to 0.1 MPa;</li>
 *   <li>on those rounded values: if exactly one of the highest and lowest differs from the middle
 *       value by more than 15 % of the middle value, the group value is the middle value; if both
 *       do, the group is invalid; otherwise it is the mean of the three, rounded to 0.1 MPa
 *       (exactly 15 % is not "more than");</li>
 *   <li>the group value times the size factor (100 mm 0.95, 150 mm 1.00, 200 mm 1.05; for C60 and
 *       above with a non-standard cube a factor determined by testing), rounded to 0.1 MPa, is the
 *       representative strength.</li>
 * </ol>
 * Every rounding follows GB/T 8170 ({@link Gb8170}); everything is {@link BigDecimal}.
 *
 * <p>The input limits live here, so the report validator and the rule agree on them.
 */
public final class CubeStrengthRule {
    /** A group is three cubes (一组三个试件). */
    public static final int SPECIMENS_PER_GROUP = 3;
    /** The highest failure load accepted, in kN: above any cube machine's range for these sizes. */
    public static final BigDecimal MAX_FAILURE_LOAD_KN = new BigDecimal("5000");
    /** The lowest size factor accepted when it was determined by testing. */
    public static final BigDecimal MIN_TESTED_SIZE_FACTOR = new BigDecimal("0.80");
    /** The highest size factor accepted when it was determined by testing. */
    public static final BigDecimal MAX_TESTED_SIZE_FACTOR = new BigDecimal("1.20");
    /** An extreme value deviating from the middle one by more than this share is an outlier. */
    public static final BigDecimal OUTLIER_SHARE = new BigDecimal("0.15");

    private static final int STRENGTH_DECIMALS = 1;
    private static final BigDecimal NEWTONS_PER_KILONEWTON = new BigDecimal("1000");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private CubeStrengthRule() {
    }

    /**
     * Evaluates one group of three cubes.
     *
     * @param size              the cube size
     * @param grade             the design strength grade
     * @param failureLoadsKn    the three failure loads (破坏荷载) in kN
     * @param testedSizeFactor  the size factor determined by testing: required for C60 and above
     *                          with a 100 or 200 mm cube, and must be {@code null} otherwise
     * @throws CubeInputException listing every unusable input, by the names of these parameters
     *                            ({@code failureLoadsKn[1]}, {@code testedSizeFactor}, ...)
     */
    public static CubeStrengthResult evaluate(SpecimenSize size, StrengthGrade grade,
                                              List<BigDecimal> failureLoadsKn, BigDecimal testedSizeFactor) {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(grade, "grade");
        List<FieldError> errors = new ArrayList<>();
        checkFailureLoads("failureLoadsKn", failureLoadsKn, i -> "failureLoadsKn[" + i + "]")
                .forEach(errors::add);
        checkTestedSizeFactor("testedSizeFactor", size, grade, testedSizeFactor).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw new CubeInputException(errors);
        }

        List<BigDecimal> strengths = failureLoadsKn.stream().map(f -> specimenStrengthMpa(size, f)).toList();
        BigDecimal factor = testedSizeFactor != null ? testedSizeFactor : size.prescribedSizeFactor();
        LoadingRate rate = grade.loadingRate();

        EvaluationMethod method = method(strengths);
        if (method == EvaluationMethod.INVALID) {
            return new CubeStrengthResult(size, grade, strengths, method, null, factor,
                    testedSizeFactor != null, null, null, CubeConclusion.INVALID_GROUP, rate);
        }
        BigDecimal group = groupStrengthMpa(strengths, method);
        BigDecimal representative = Gb8170.round(group.multiply(factor), STRENGTH_DECIMALS);
        int percent = Gb8170.divide(representative.multiply(HUNDRED), grade.characteristicStrengthMpa(), 0)
                .intValueExact();
        CubeConclusion conclusion = representative.compareTo(grade.characteristicStrengthMpa()) >= 0
                ? CubeConclusion.MEETS_GRADE : CubeConclusion.BELOW_GRADE;
        return new CubeStrengthResult(size, grade, strengths, method, group, factor,
                testedSizeFactor != null, representative, percent, conclusion, rate);
    }

    /**
     * One cube's strength f = F / A in MPa to 0.1 MPa: {@code loadKn × 1000 / side²}, the exact
     * quotient rounded by GB/T 8170.
     */
    public static BigDecimal specimenStrengthMpa(SpecimenSize size, BigDecimal failureLoadKn) {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(failureLoadKn, "failureLoadKn");
        return Gb8170.divide(failureLoadKn.multiply(NEWTONS_PER_KILONEWTON), size.areaMm2(), STRENGTH_DECIMALS);
    }

    /**
     * Which way the group value is taken from three strengths (already rounded to 0.1 MPa): an
     * extreme is an outlier when its distance from the middle value is more than 15 % of the
     * middle value.
     */
    public static EvaluationMethod method(List<BigDecimal> strengthsMpa) {
        List<BigDecimal> sorted = sortedThree(strengthsMpa);
        BigDecimal min = sorted.get(0);
        BigDecimal middle = sorted.get(1);
        BigDecimal max = sorted.get(2);
        BigDecimal limit = middle.multiply(OUTLIER_SHARE);
        boolean highOutlier = max.subtract(middle).compareTo(limit) > 0;
        boolean lowOutlier = middle.subtract(min).compareTo(limit) > 0;
        if (highOutlier && lowOutlier) {
            return EvaluationMethod.INVALID;
        }
        return highOutlier || lowOutlier ? EvaluationMethod.MIDDLE_VALUE : EvaluationMethod.MEAN;
    }

    /**
     * The size factor for a group: 1.00 for the 150 mm cube; for 100 and 200 mm the prescribed
     * 0.95 and 1.05 below C60, and the tested factor for C60 and above.
     *
     * @throws CubeInputException when the tested factor is missing, out of range, or given where
     *                            it does not apply
     */
    public static BigDecimal sizeFactor(SpecimenSize size, StrengthGrade grade, BigDecimal testedSizeFactor) {
        Optional<FieldError> error = checkTestedSizeFactor("testedSizeFactor", size, grade, testedSizeFactor);
        if (error.isPresent()) {
            throw new CubeInputException(List.of(error.get()));
        }
        return testedSizeFactor != null ? testedSizeFactor : size.prescribedSizeFactor();
    }

    /**
     * Whether a size factor must be determined by testing: C60 and above with a 100 or 200 mm cube
     * (≥C60 非标准试件的尺寸换算系数应由试验确定).
     */
    public static boolean needsTestedSizeFactor(SpecimenSize size, StrengthGrade grade) {
        return grade.isHighStrength() && !size.isStandard();
    }

    /**
     * Checks one failure load: required, greater than 0 and at most {@link #MAX_FAILURE_LOAD_KN}.
     */
    public static Optional<FieldError> checkFailureLoad(String field, BigDecimal failureLoadKn) {
        if (failureLoadKn == null) {
            return Optional.of(new FieldError(field, ErrorCodes.REQUIRED, "Required"));
        }
        if (failureLoadKn.signum() <= 0 || failureLoadKn.compareTo(MAX_FAILURE_LOAD_KN) > 0) {
            return Optional.of(new FieldError(field, ErrorCodes.OUT_OF_RANGE,
                    "A failure load must be greater than 0 and at most " + MAX_FAILURE_LOAD_KN.toPlainString()
                            + " kN, got " + failureLoadKn.toPlainString() + " kN"));
        }
        return Optional.empty();
    }

    /** Checks the number of cubes in a group: exactly {@link #SPECIMENS_PER_GROUP}. */
    public static Optional<FieldError> checkSpecimenCount(String field, int count) {
        if (count != SPECIMENS_PER_GROUP) {
            return Optional.of(new FieldError(field, ErrorCodes.WRONG_COUNT, "A group has exactly "
                    + SPECIMENS_PER_GROUP + " cubes, got " + count));
        }
        return Optional.empty();
    }

    /**
     * Checks a group's failure loads: exactly three (reported against {@code listField}), each one
     * checked by {@link #checkFailureLoad} (reported against {@code elementField.apply(index)}).
     */
    public static List<FieldError> checkFailureLoads(String listField, List<BigDecimal> failureLoadsKn,
                                                     IntFunction<String> elementField) {
        if (failureLoadsKn == null) {
            return List.of(new FieldError(listField, ErrorCodes.REQUIRED, "Required"));
        }
        List<FieldError> errors = new ArrayList<>();
        checkSpecimenCount(listField, failureLoadsKn.size()).ifPresent(errors::add);
        for (int i = 0; i < failureLoadsKn.size(); i++) {
            checkFailureLoad(elementField.apply(i), failureLoadsKn.get(i)).ifPresent(errors::add);
        }
        return errors;
    }

    /**
     * Checks the tested size factor against the size and grade: required for C60 and above with a
     * non-standard cube ({@code required}), then within {@link #MIN_TESTED_SIZE_FACTOR} ..
     * {@link #MAX_TESTED_SIZE_FACTOR} ({@code out_of_range}); otherwise it must be absent
     * ({@code not_applicable}), since the prescribed factor applies.
     */
    public static Optional<FieldError> checkTestedSizeFactor(String field, SpecimenSize size, StrengthGrade grade,
                                                             BigDecimal testedSizeFactor) {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(grade, "grade");
        if (!needsTestedSizeFactor(size, grade)) {
            if (testedSizeFactor != null) {
                return Optional.of(new FieldError(field, ErrorCodes.NOT_APPLICABLE,
                        "A tested size factor applies only to C60 and above with a 100 or 200 mm cube; "
                                + grade.code() + " with a " + size.sideMm() + " mm cube uses "
                                + size.prescribedSizeFactor().toPlainString()));
            }
            return Optional.empty();
        }
        if (testedSizeFactor == null) {
            return Optional.of(new FieldError(field, ErrorCodes.REQUIRED,
                    "For " + grade.code() + " with a " + size.sideMm() + " mm cube the size factor must be "
                            + "determined by testing (GB/T 50081-2019) and entered"));
        }
        if (testedSizeFactor.compareTo(MIN_TESTED_SIZE_FACTOR) < 0
                || testedSizeFactor.compareTo(MAX_TESTED_SIZE_FACTOR) > 0) {
            return Optional.of(new FieldError(field, ErrorCodes.OUT_OF_RANGE,
                    "A tested size factor must be from " + MIN_TESTED_SIZE_FACTOR.toPlainString() + " to "
                            + MAX_TESTED_SIZE_FACTOR.toPlainString() + ", got " + testedSizeFactor.toPlainString()));
        }
        return Optional.empty();
    }

    private static BigDecimal groupStrengthMpa(List<BigDecimal> strengths, EvaluationMethod method) {
        if (method == EvaluationMethod.MIDDLE_VALUE) {
            return sortedThree(strengths).get(1);
        }
        BigDecimal sum = strengths.get(0).add(strengths.get(1)).add(strengths.get(2));
        return Gb8170.divide(sum, BigDecimal.valueOf(SPECIMENS_PER_GROUP), STRENGTH_DECIMALS);
    }

    private static List<BigDecimal> sortedThree(List<BigDecimal> strengthsMpa) {
        Objects.requireNonNull(strengthsMpa, "strengthsMpa");
        if (strengthsMpa.size() != SPECIMENS_PER_GROUP || strengthsMpa.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("A group has exactly " + SPECIMENS_PER_GROUP
                    + " strengths, got " + strengthsMpa);
        }
        return strengthsMpa.stream().sorted().toList();
    }
}

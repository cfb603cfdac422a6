package cn.cqs.contract.batches.evaluation;

import cn.cqs.contract.numbers.Gb8170;
import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.validation.ErrorCodes;
import cn.cqs.contract.reports.validation.ReportInputException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Evaluation of an inspection lot's concrete strength (混凝土强度检验评定), GB/T 50107-2010, from the
 * representative strengths of its groups (each group's value per GB/T 50081, MPa):
 * <ul>
 *   <li>statistical, σ known (§5.1.2), 3 consecutive groups: mfcu ≥ fcu,k + 0.7σ0 and
 *       fcu,min ≥ fcu,k − 0.7σ0, and fcu,min ≥ 0.85 fcu,k (≤C20) or 0.90 fcu,k (&gt;C20);
 *       σ0 &lt; 2.5 is taken as 2.5;</li>
 *   <li>statistical, σ unknown (§5.1.3), n ≥ 10: mfcu − λ1·Sfcu ≥ fcu,k and fcu,min ≥ λ2·fcu,k,
 *       λ1 = 1.15 / 1.05 / 0.95 for n = 10–14 / 15–19 / ≥ 20, λ2 = 0.90 (10–14) / 0.85 (≥ 15);
 *       Sfcu &lt; 2.5 is taken as 2.5;</li>
 *   <li>non-statistical (§5.2), n &lt; 10: mfcu ≥ λ3·fcu,k and fcu,min ≥ λ4·fcu,k,
 *       λ3 = 1.15 (&lt;C60) or 1.10 (≥C60), λ4 = 0.95.</li>
 * </ul>
 * mfcu is rounded to 0.1 MPa and Sfcu (and σ0) to 0.01 MPa by GB/T 8170; the inequalities are
 * then compared exactly in decimal; equality passes. See {@code docs/rules/strength-evaluation.md}.
 */
public final class StrengthEvaluation {
    /** Below this the standard deviation is taken as 2.5 MPa. */
    public static final BigDecimal SIGMA_FLOOR = new BigDecimal("2.50");
    /** The known-σ method's lot: 3 consecutive groups. */
    public static final int KNOWN_SIGMA_GROUPS = 3;
    /** From this many groups the statistical (unknown σ) method applies; below it, non-statistical. */
    public static final int STATISTICAL_MIN_GROUPS = 10;
    /** The highest group strength accepted, MPa. */
    public static final BigDecimal MAX_STRENGTH = new BigDecimal("200");
    /** The most groups in one lot accepted. */
    public static final int MAX_GROUPS = 10_000;

    static final BigDecimal KNOWN_SIGMA_FACTOR = new BigDecimal("0.7");
    static final BigDecimal MIN_FACTOR_UP_TO_C20 = new BigDecimal("0.85");
    static final BigDecimal MIN_FACTOR_ABOVE_C20 = new BigDecimal("0.90");
    static final BigDecimal LAMBDA3_BELOW_C60 = new BigDecimal("1.15");
    static final BigDecimal LAMBDA3_FROM_C60 = new BigDecimal("1.10");
    static final BigDecimal LAMBDA4 = new BigDecimal("0.95");
    private static final BigDecimal C20 = new BigDecimal("20");
    private static final BigDecimal C60 = new BigDecimal("60");

    private StrengthEvaluation() {
    }

    /**
     * Evaluates a lot by the method the standard prescribes: known σ when {@code sigma0} is given
     * (the lot must then be 3 consecutive groups), otherwise unknown σ for n ≥ 10 and
     * non-statistical for n &lt; 10.
     *
     * @param fcuK           fcu,k in MPa, e.g. {@code ConcreteMarking.fcuK()}
     * @param groupStrengths each group's representative strength, MPa
     * @param sigma0         σ0 from the previous period (≥ 45 groups over 60–90 days) when production
     *                       is stable, else empty
     * @throws ReportInputException naming every unusable input
     */
    public static StrengthEvaluationResult evaluate(BigDecimal fcuK, List<BigDecimal> groupStrengths,
                                                    Optional<BigDecimal> sigma0) {
        Objects.requireNonNull(sigma0, "sigma0");
        LotEvaluationMethod method = sigma0.isPresent() ? LotEvaluationMethod.STATISTICAL_KNOWN_SIGMA
                : groupStrengths != null && groupStrengths.size() >= STATISTICAL_MIN_GROUPS
                ? LotEvaluationMethod.STATISTICAL_UNKNOWN_SIGMA : LotEvaluationMethod.NON_STATISTICAL;
        return evaluate(fcuK, groupStrengths, sigma0, method);
    }

    /**
     * Evaluates a lot by a chosen method, where the standard allows that method for the lot:
     * known σ needs σ0 and exactly 3 groups; unknown σ needs n ≥ 10; non-statistical needs
     * n &lt; 10. (So the only real choice is, for 3 groups with σ0 known, to judge production not
     * stable and evaluate non-statistically; {@code sigma0} is then ignored.)
     *
     * @throws ReportInputException naming every unusable input, including a method the standard
     *                              does not allow for this lot
     */
    public static StrengthEvaluationResult evaluate(BigDecimal fcuK, List<BigDecimal> groupStrengths,
                                                    Optional<BigDecimal> sigma0, LotEvaluationMethod method) {
        Objects.requireNonNull(sigma0, "sigma0");
        Objects.requireNonNull(method, "method");
        List<FieldError> errors = new ArrayList<>();
        checkInput(fcuK, groupStrengths, errors);
        if (groupStrengths != null && errors.stream().noneMatch(e -> e.field().equals("groupStrengths"))) {
            checkMethod(method, groupStrengths.size(), sigma0, errors);
        }
        if (!errors.isEmpty()) {
            throw new ReportInputException("strength evaluation", errors);
        }
        int n = groupStrengths.size();
        BigDecimal mean = mean(groupStrengths);
        BigDecimal min = Collections.min(groupStrengths);
        return switch (method) {
            case STATISTICAL_KNOWN_SIGMA -> knownSigma(fcuK, n, mean, min, Gb8170.round(sigma0.orElseThrow(), 2));
            case STATISTICAL_UNKNOWN_SIGMA -> unknownSigma(fcuK, n, mean, min, standardDeviation(groupStrengths));
            case NON_STATISTICAL -> nonStatistical(fcuK, n, mean, min);
        };
    }

    /** λ1 for n groups (n ≥ 10): 1.15 (10–14), 1.05 (15–19), 0.95 (≥ 20). */
    public static BigDecimal lambda1(int n) {
        requireStatistical(n);
        return n <= 14 ? new BigDecimal("1.15") : n <= 19 ? new BigDecimal("1.05") : new BigDecimal("0.95");
    }

    /** λ2 for n groups (n ≥ 10): 0.90 (10–14), 0.85 (≥ 15). */
    public static BigDecimal lambda2(int n) {
        requireStatistical(n);
        return n <= 14 ? new BigDecimal("0.90") : new BigDecimal("0.85");
    }

    /** λ3: 1.15 below C60, 1.10 from C60. */
    public static BigDecimal lambda3(BigDecimal fcuK) {
        return fcuK.compareTo(C60) >= 0 ? LAMBDA3_FROM_C60 : LAMBDA3_BELOW_C60;
    }

    /**
     * The sample standard deviation √((Σf² − n·m²)/(n − 1)) of the group strengths (m their exact
     * mean), rounded to 0.01 MPa; before the 2.5 MPa floor.
     */
    public static BigDecimal standardDeviation(List<BigDecimal> strengths) {
        int n = strengths.size();
        if (n < 2) {
            throw new IllegalArgumentException("A standard deviation needs at least 2 values, got " + n);
        }
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal sumOfSquares = BigDecimal.ZERO;
        for (BigDecimal f : strengths) {
            sum = sum.add(f);
            sumOfSquares = sumOfSquares.add(f.multiply(f));
        }
        // (n Σf² − (Σf)²) / (n (n − 1)) is exact up to the one division
        BigDecimal numerator = sumOfSquares.multiply(BigDecimal.valueOf(n)).subtract(sum.multiply(sum));
        BigDecimal variance = numerator.divide(BigDecimal.valueOf((long) n * (n - 1)), MathContext.DECIMAL128);
        return Gb8170.round(variance.sqrt(MathContext.DECIMAL128), 2);
    }

    private static StrengthEvaluationResult knownSigma(BigDecimal fcuK, int n, BigDecimal mean, BigDecimal min,
                                                       BigDecimal sigma0) {
        BigDecimal sigma = floor(sigma0);
        BigDecimal margin = KNOWN_SIGMA_FACTOR.multiply(sigma);
        BigDecimal minFactor = fcuK.compareTo(C20) <= 0 ? MIN_FACTOR_UP_TO_C20 : MIN_FACTOR_ABOVE_C20;
        List<StrengthCriterion> criteria = List.of(
                StrengthCriterion.atLeast("mfcu ≥ fcu,k + 0.7σ0", mean, fcuK.add(margin)),
                StrengthCriterion.atLeast("fcu,min ≥ fcu,k − 0.7σ0", min, fcuK.subtract(margin)),
                StrengthCriterion.atLeast("fcu,min ≥ " + minFactor.toPlainString() + "·fcu,k", min,
                        minFactor.multiply(fcuK)));
        return result(LotEvaluationMethod.STATISTICAL_KNOWN_SIGMA, fcuK, n, mean, min, sigma0, sigma,
                null, null, null, null, criteria);
    }

    private static StrengthEvaluationResult unknownSigma(BigDecimal fcuK, int n, BigDecimal mean, BigDecimal min,
                                                         BigDecimal s) {
        BigDecimal sigma = floor(s);
        BigDecimal lambda1 = lambda1(n);
        BigDecimal lambda2 = lambda2(n);
        List<StrengthCriterion> criteria = List.of(
                StrengthCriterion.atLeast("mfcu − λ1·Sfcu ≥ fcu,k", mean.subtract(lambda1.multiply(sigma)), fcuK),
                StrengthCriterion.atLeast("fcu,min ≥ λ2·fcu,k", min, lambda2.multiply(fcuK)));
        return result(LotEvaluationMethod.STATISTICAL_UNKNOWN_SIGMA, fcuK, n, mean, min, s, sigma,
                lambda1, lambda2, null, null, criteria);
    }

    private static StrengthEvaluationResult nonStatistical(BigDecimal fcuK, int n, BigDecimal mean, BigDecimal min) {
        BigDecimal lambda3 = lambda3(fcuK);
        List<StrengthCriterion> criteria = List.of(
                StrengthCriterion.atLeast("mfcu ≥ λ3·fcu,k", mean, lambda3.multiply(fcuK)),
                StrengthCriterion.atLeast("fcu,min ≥ λ4·fcu,k", min, LAMBDA4.multiply(fcuK)));
        return result(LotEvaluationMethod.NON_STATISTICAL, fcuK, n, mean, min, null, null,
                null, null, lambda3, LAMBDA4, criteria);
    }

    private static StrengthEvaluationResult result(LotEvaluationMethod method, BigDecimal fcuK, int n,
                                                   BigDecimal mean, BigDecimal min, BigDecimal s, BigDecimal sigma,
                                                   BigDecimal l1, BigDecimal l2, BigDecimal l3, BigDecimal l4,
                                                   List<StrengthCriterion> criteria) {
        LotConclusion conclusion = criteria.stream().allMatch(StrengthCriterion::passed)
                ? LotConclusion.QUALIFIED : LotConclusion.UNQUALIFIED;
        return new StrengthEvaluationResult(method, fcuK, n, mean, min, s, sigma, l1, l2, l3, l4, criteria,
                conclusion);
    }

    private static BigDecimal floor(BigDecimal sigma) {
        return sigma.compareTo(SIGMA_FLOOR) < 0 ? SIGMA_FLOOR : sigma;
    }

    private static BigDecimal mean(List<BigDecimal> strengths) {
        BigDecimal sum = strengths.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Gb8170.divide(sum, BigDecimal.valueOf(strengths.size()), 1);
    }

    private static void requireStatistical(int n) {
        if (n < STATISTICAL_MIN_GROUPS) {
            throw new IllegalArgumentException("λ1 and λ2 apply from " + STATISTICAL_MIN_GROUPS + " groups, got " + n);
        }
    }

    private static void checkInput(BigDecimal fcuK, List<BigDecimal> groups, List<FieldError> errors) {
        if (fcuK == null) {
            errors.add(new FieldError("fcuK", ErrorCodes.REQUIRED, "Required"));
        } else if (fcuK.signum() <= 0 || fcuK.compareTo(MAX_STRENGTH) > 0) {
            errors.add(new FieldError("fcuK", ErrorCodes.OUT_OF_RANGE, "fcu,k must be greater than 0 and at most "
                    + MAX_STRENGTH.toPlainString() + " MPa, got " + fcuK.toPlainString()));
        }
        if (groups == null || groups.isEmpty()) {
            errors.add(new FieldError("groupStrengths", ErrorCodes.REQUIRED, "At least one group strength is required"));
            return;
        }
        if (groups.size() > MAX_GROUPS) {
            errors.add(new FieldError("groupStrengths", ErrorCodes.WRONG_COUNT,
                    "At most " + MAX_GROUPS + " groups in one lot, got " + groups.size()));
            return;
        }
        for (int i = 0; i < groups.size(); i++) {
            BigDecimal f = groups.get(i);
            String field = "groupStrengths[" + i + "]";
            if (f == null) {
                errors.add(new FieldError(field, ErrorCodes.REQUIRED, "Required"));
            } else if (f.signum() <= 0 || f.compareTo(MAX_STRENGTH) > 0) {
                errors.add(new FieldError(field, ErrorCodes.OUT_OF_RANGE, "A group strength must be greater than 0 "
                        + "and at most " + MAX_STRENGTH.toPlainString() + " MPa, got " + f.toPlainString()));
            }
        }
    }

    private static void checkMethod(LotEvaluationMethod method, int n, Optional<BigDecimal> sigma0,
                                    List<FieldError> errors) {
        switch (method) {
            case STATISTICAL_KNOWN_SIGMA -> {
                if (sigma0.isEmpty()) {
                    errors.add(new FieldError("sigma0", ErrorCodes.REQUIRED,
                            "The known-σ method needs σ0 from the previous period (GB/T 50107-2010 §5.1.2)"));
                } else if (sigma0.get().signum() <= 0 || sigma0.get().compareTo(MAX_STRENGTH) > 0) {
                    errors.add(new FieldError("sigma0", ErrorCodes.OUT_OF_RANGE,
                            "σ0 must be greater than 0 and at most " + MAX_STRENGTH.toPlainString() + " MPa, got " + sigma0.get().toPlainString()));
                }
                if (n != KNOWN_SIGMA_GROUPS) {
                    errors.add(new FieldError("groupStrengths", ErrorCodes.WRONG_COUNT,
                            "The known-σ method evaluates a lot of " + KNOWN_SIGMA_GROUPS
                                    + " consecutive groups (GB/T 50107-2010 §5.1.2), got " + n));
                }
            }
            case STATISTICAL_UNKNOWN_SIGMA -> {
                if (n < STATISTICAL_MIN_GROUPS) {
                    errors.add(new FieldError("method", ErrorCodes.NOT_ALLOWED, "The unknown-σ statistical method "
                            + "needs at least " + STATISTICAL_MIN_GROUPS + " groups (GB/T 50107-2010 §5.1.3), got " + n
                            + "; fewer are evaluated non-statistically"));
                }
            }
            case NON_STATISTICAL -> {
                if (n >= STATISTICAL_MIN_GROUPS) {
                    errors.add(new FieldError("method", ErrorCodes.NOT_ALLOWED, "The non-statistical method applies "
                            + "to fewer than " + STATISTICAL_MIN_GROUPS + " groups (GB/T 50107-2010 §5.2), got " + n));
                }
            }
        }
    }
}

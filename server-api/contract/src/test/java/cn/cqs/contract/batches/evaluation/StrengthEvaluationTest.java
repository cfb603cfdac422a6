package cn.cqs.contract.batches.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.contract.batches.ConcreteMarking;
import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.validation.ReportInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrengthEvaluationTest {
    private static final BigDecimal C20 = new BigDecimal("20");
    private static final BigDecimal C25 = new BigDecimal("25");
    private static final BigDecimal C30 = new BigDecimal("30");

    private static List<BigDecimal> mpa(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    /** n groups alternating 34.0 / 36.0 (mean 35.0, S about 1.0: below the 2.5 floor). */
    private static List<BigDecimal> alternating(int n) {
        List<BigDecimal> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new BigDecimal(i % 2 == 0 ? "34.0" : "36.0"));
        }
        return list;
    }

    private static StrengthEvaluationResult evaluate(BigDecimal fcuK, List<BigDecimal> groups) {
        return StrengthEvaluation.evaluate(fcuK, groups, Optional.empty());
    }

    private static List<String> errorFields(Runnable r) {
        try {
            r.run();
        } catch (ReportInputException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
        throw new AssertionError("expected a ReportInputException");
    }

    @ParameterizedTest
    @CsvSource({"9, NON_STATISTICAL, , ", "10, STATISTICAL_UNKNOWN_SIGMA, 1.15, 0.90",
            "14, STATISTICAL_UNKNOWN_SIGMA, 1.15, 0.90", "15, STATISTICAL_UNKNOWN_SIGMA, 1.05, 0.85",
            "19, STATISTICAL_UNKNOWN_SIGMA, 1.05, 0.85", "20, STATISTICAL_UNKNOWN_SIGMA, 0.95, 0.85",
            "45, STATISTICAL_UNKNOWN_SIGMA, 0.95, 0.85"})
    void theMethodAndLambdasFollowTheNumberOfGroups(int n, LotEvaluationMethod method, BigDecimal l1, BigDecimal l2) {
        StrengthEvaluationResult r = evaluate(C30, alternating(n));
        assertThat(r.n()).isEqualTo(n);
        assertThat(r.method()).isEqualTo(method);
        assertThat(r.lambda1()).isEqualTo(l1);
        assertThat(r.lambda2()).isEqualTo(l2);
        if (method == LotEvaluationMethod.NON_STATISTICAL) {
            assertThat(r.lambda3()).isEqualByComparingTo("1.15");
            assertThat(r.lambda4()).isEqualByComparingTo("0.95");
            assertThat(r.s()).isNull();
        }
    }

    @Test
    void aStandardDeviationBelowTwoPointFiveIsTakenAsTwoPointFive() {
        StrengthEvaluationResult r = evaluate(C30, alternating(10));
        assertThat(r.s()).isEqualByComparingTo("1.05"); // √(10·1.0²/9) = 1.054
        assertThat(r.sigma()).isEqualByComparingTo("2.50");
        assertThat(r.sigmaRaisedToFloor()).isTrue();
        // 35.0 − 1.15 × 2.5 = 32.125
        assertThat(r.criteria().get(0).left()).isEqualByComparingTo("32.125");
        assertThat(r.conclusion()).isEqualTo(LotConclusion.QUALIFIED);
    }

    @Test
    void theFloorDecidesWhenTheLotWouldPassOnItsOwnSmallDeviation() {
        // mean 32.0, S ≈ 1.05: 32.0 − 1.15 × 1.05 = 30.79 would pass, with 2.5: 32.0 − 2.875 = 29.125 fails
        List<BigDecimal> groups = alternating(10).stream().map(f -> f.subtract(new BigDecimal("3.0"))).toList();
        StrengthEvaluationResult r = evaluate(C30, groups);
        assertThat(r.mean()).isEqualByComparingTo("32.0");
        assertThat(r.criteria().get(0).left()).isEqualByComparingTo("29.125");
        assertThat(r.criteria().get(0).passed()).isFalse();
        assertThat(r.conclusion()).isEqualTo(LotConclusion.UNQUALIFIED);
    }

    @Test
    void unknownSigmaExactEqualityPasses() {
        // mean 34.56 → 34.6; S = 3.9998 → 4.00; 34.6 − 1.15 × 4.00 = 30.000 = fcu,k
        List<BigDecimal> groups = mpa("35.0", "29.1", "39.1", "38.1", "38.2", "37.6", "31.0", "36.7", "28.6", "32.2");
        StrengthEvaluationResult r = evaluate(C30, groups);
        assertThat(r.method()).isEqualTo(LotEvaluationMethod.STATISTICAL_UNKNOWN_SIGMA);
        assertThat(r.mean()).isEqualByComparingTo("34.6");
        assertThat(r.s()).isEqualByComparingTo("4.00");
        assertThat(r.sigmaRaisedToFloor()).isFalse();
        StrengthCriterion mean = r.criteria().get(0);
        assertThat(mean.formula()).isEqualTo("mfcu − λ1·Sfcu ≥ fcu,k");
        assertThat(mean.left()).isEqualByComparingTo("30.0");
        assertThat(mean.right()).isEqualByComparingTo("30");
        assertThat(mean.passed()).isTrue();
        StrengthCriterion min = r.criteria().get(1);
        assertThat(min.left()).isEqualByComparingTo("28.6");
        assertThat(min.right()).isEqualByComparingTo("27.0");
        assertThat(r.conclusion()).isEqualTo(LotConclusion.QUALIFIED);

        // the same lot with one group 0.2 lower: mean 34.54 → 34.5, left < 30
        List<BigDecimal> lower = new ArrayList<>(groups);
        lower.set(0, new BigDecimal("34.8"));
        assertThat(evaluate(C30, lower).conclusion()).isEqualTo(LotConclusion.UNQUALIFIED);
    }

    @Test
    void unknownSigmaMinimumCriterionUsesLambda2() {
        // n = 10: λ2 = 0.90 → min ≥ 27.0; a lot whose mean passes but one group is 26.9
        List<BigDecimal> groups = new ArrayList<>(alternating(10).stream().map(f -> f.add(BigDecimal.TEN)).toList());
        groups.set(0, new BigDecimal("27.0"));
        assertThat(evaluate(C30, groups).conclusion()).isEqualTo(LotConclusion.QUALIFIED);
        groups.set(0, new BigDecimal("26.9"));
        StrengthEvaluationResult r = evaluate(C30, groups);
        assertThat(r.criteria().get(0).passed()).isTrue();
        assertThat(r.criteria().get(1).passed()).isFalse();
        assertThat(r.conclusion()).isEqualTo(LotConclusion.UNQUALIFIED);
        // n = 15: λ2 = 0.85 → 25.5 suffices
        List<BigDecimal> fifteen = new ArrayList<>(alternating(15).stream().map(f -> f.add(BigDecimal.TEN)).toList());
        fifteen.set(0, new BigDecimal("25.5"));
        assertThat(evaluate(C30, fifteen).conclusion()).isEqualTo(LotConclusion.QUALIFIED);
    }

    @Test
    void nonStatisticalExactEqualityPasses() {
        // C30: λ3·fcu,k = 34.5, λ4·fcu,k = 28.5
        StrengthEvaluationResult r = evaluate(C30, mpa("28.5", "34.5", "40.5"));
        assertThat(r.method()).isEqualTo(LotEvaluationMethod.NON_STATISTICAL);
        assertThat(r.mean()).isEqualByComparingTo("34.5");
        assertThat(r.criteria()).extracting(StrengthCriterion::right)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("34.5"), new BigDecimal("28.5"));
        assertThat(r.conclusion()).isEqualTo(LotConclusion.QUALIFIED);
        assertThat(evaluate(C30, mpa("28.4", "34.6", "40.5")).conclusion()).isEqualTo(LotConclusion.UNQUALIFIED);
    }

    @Test
    void theMeanIsRoundedToOneDecimalHalfEvenBeforeItIsCompared() {
        // exact mean 34.45 → 34.4 (GB/T 8170), below 34.5
        StrengthEvaluationResult r = evaluate(C30, mpa("34.4", "34.5"));
        assertThat(r.mean()).isEqualByComparingTo("34.4");
        assertThat(r.conclusion()).isEqualTo(LotConclusion.UNQUALIFIED);
        assertThat(evaluate(C30, mpa("34.5", "34.6")).mean()).isEqualByComparingTo("34.6");
    }

    @Test
    void lambda3IsOnePointOneZeroFromC60() {
        StrengthEvaluationResult c60 = evaluate(new BigDecimal("60"), mpa("66.0", "66.0", "66.0"));
        assertThat(c60.lambda3()).isEqualByComparingTo("1.10");
        assertThat(c60.conclusion()).isEqualTo(LotConclusion.QUALIFIED);
        StrengthEvaluationResult c55 = evaluate(new BigDecimal("55"), mpa("63.2", "63.2", "63.2"));
        assertThat(c55.lambda3()).isEqualByComparingTo("1.15");
        assertThat(c55.criteria().get(0).right()).isEqualByComparingTo("63.25");
        assertThat(c55.conclusion()).isEqualTo(LotConclusion.UNQUALIFIED);
        assertThat(evaluate(new BigDecimal("60"), mpa("65.9", "65.9")).conclusion()).isEqualTo(LotConclusion.UNQUALIFIED);
    }

    @Test
    void knownSigmaUpToC20UsesZeroPointEightFive() {
        // σ0 = 5.00: 0.7σ0 = 3.5; C20: min ≥ 16.5 and ≥ 0.85 × 20 = 17.0
        Optional<BigDecimal> sigma0 = Optional.of(new BigDecimal("5.00"));
        StrengthEvaluationResult r = StrengthEvaluation.evaluate(C20, mpa("17.0", "25.0", "29.0"), sigma0);
        assertThat(r.method()).isEqualTo(LotEvaluationMethod.STATISTICAL_KNOWN_SIGMA);
        assertThat(r.criteria()).extracting(StrengthCriterion::formula).containsExactly(
                "mfcu ≥ fcu,k + 0.7σ0", "fcu,min ≥ fcu,k − 0.7σ0", "fcu,min ≥ 0.85·fcu,k");
        assertThat(r.criteria().get(0).right()).isEqualByComparingTo("23.5");
        assertThat(r.criteria().get(2).right()).isEqualByComparingTo("17.0");
        assertThat(r.conclusion()).isEqualTo(LotConclusion.QUALIFIED);
        assertThat(StrengthEvaluation.evaluate(C20, mpa("16.9", "25.0", "29.0"), sigma0).conclusion())
                .isEqualTo(LotConclusion.UNQUALIFIED);
    }

    @Test
    void knownSigmaAboveC20UsesZeroPointNineZero() {
        // C25, σ0 = 5.00: fcu,k − 0.7σ0 = 21.5 holds for 22.0, but 0.90 × 25 = 22.5 does not
        Optional<BigDecimal> sigma0 = Optional.of(new BigDecimal("5.00"));
        StrengthEvaluationResult r = StrengthEvaluation.evaluate(C25, mpa("22.0", "32.0", "34.0"), sigma0);
        assertThat(r.criteria().get(1).passed()).isTrue();
        assertThat(r.criteria().get(2).formula()).isEqualTo("fcu,min ≥ 0.90·fcu,k");
        assertThat(r.criteria().get(2).passed()).isFalse();
        assertThat(r.conclusion()).isEqualTo(LotConclusion.UNQUALIFIED);
        assertThat(StrengthEvaluation.evaluate(C25, mpa("22.5", "32.0", "34.0"), sigma0).conclusion())
                .isEqualTo(LotConclusion.QUALIFIED);
    }

    @Test
    void aSmallSigma0IsTakenAsTwoPointFive() {
        StrengthEvaluationResult r = StrengthEvaluation.evaluate(C30, mpa("31.75", "31.75", "31.75"),
                Optional.of(new BigDecimal("1.8")));
        assertThat(r.s()).isEqualByComparingTo("1.80");
        assertThat(r.sigma()).isEqualByComparingTo("2.50");
        assertThat(r.sigmaRaisedToFloor()).isTrue();
        // 30 + 0.7 × 2.5 = 31.75; the mean 31.75 is rounded to 31.8 (half-even), which passes
        assertThat(r.criteria().get(0).right()).isEqualByComparingTo("31.75");
        assertThat(r.conclusion()).isEqualTo(LotConclusion.QUALIFIED);
    }

    @Test
    void knownSigmaNeedsExactlyThreeGroups() {
        Optional<BigDecimal> sigma0 = Optional.of(new BigDecimal("3.0"));
        assertThat(errorFields(() -> StrengthEvaluation.evaluate(C30, alternating(4), sigma0)))
                .containsExactly("groupStrengths");
        assertThat(errorFields(() -> StrengthEvaluation.evaluate(C30, alternating(3), Optional.empty(),
                LotEvaluationMethod.STATISTICAL_KNOWN_SIGMA))).containsExactly("sigma0");
        assertThat(errorFields(() -> StrengthEvaluation.evaluate(C30, alternating(3), Optional.of(BigDecimal.ZERO))))
                .containsExactly("sigma0");
    }

    @Test
    void aMethodMayBeChosenOnlyWhereTheStandardAllowsIt() {
        Optional<BigDecimal> sigma0 = Optional.of(new BigDecimal("3.0"));
        StrengthEvaluationResult r = StrengthEvaluation.evaluate(C30, mpa("28.5", "34.5", "40.5"), sigma0,
                LotEvaluationMethod.NON_STATISTICAL);
        assertThat(r.method()).isEqualTo(LotEvaluationMethod.NON_STATISTICAL);
        assertThat(r.sigma()).isNull();
        assertThat(errorFields(() -> StrengthEvaluation.evaluate(C30, alternating(9), Optional.empty(),
                LotEvaluationMethod.STATISTICAL_UNKNOWN_SIGMA))).containsExactly("method");
        assertThat(errorFields(() -> StrengthEvaluation.evaluate(C30, alternating(10), Optional.empty(),
                LotEvaluationMethod.NON_STATISTICAL))).containsExactly("method");
    }

    @Test
    void everyUnusableInputIsNamed() {
        List<BigDecimal> groups = new ArrayList<>(mpa("30.0", "-1", "30.0"));
        groups.add(null);
        assertThat(errorFields(() -> evaluate(null, groups)))
                .containsExactly("fcuK", "groupStrengths[1]", "groupStrengths[3]");
        assertThat(errorFields(() -> evaluate(C30, List.of()))).containsExactly("groupStrengths");
        assertThat(errorFields(() -> evaluate(C30, null))).containsExactly("groupStrengths");
    }

    @Test
    void standardDeviationIsTheSampleDeviationToTwoDecimals() {
        assertThat(StrengthEvaluation.standardDeviation(mpa("30", "32", "34"))).isEqualByComparingTo("2.00");
        assertThat(StrengthEvaluation.standardDeviation(mpa("30.0", "30.0"))).isEqualByComparingTo("0.00");
        assertThatThrownBy(() -> StrengthEvaluation.standardDeviation(mpa("30")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StrengthEvaluation.lambda1(9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fcuKComesFromTheMarking() {
        ConcreteMarking marking = ConcreteMarking.of("A-C30-180(S4)-P8-GB/T 14902");
        assertThat(evaluate(marking.fcuK(), mpa("28.5", "34.5", "40.5")).conclusion())
                .isEqualTo(LotConclusion.QUALIFIED);
    }
}

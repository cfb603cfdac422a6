package cn.cqs.contract.reports.cube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.cqs.contract.problem.Problem.FieldError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed groups. For 150 mm cubes f = F × 1000 / 22500 = F / 22.5 (F in kN), for 100 mm
 * f = F / 10, for 200 mm f = F / 40.
 */
class CubeStrengthRuleTest {

    private static final StrengthGrade C20 = StrengthGrade.parse("C20");
    private static final StrengthGrade C30 = StrengthGrade.parse("C30");
    private static final StrengthGrade C50 = StrengthGrade.parse("C50");
    private static final StrengthGrade C60 = StrengthGrade.parse("C60");

    private static List<BigDecimal> loads(String... kn) {
        return Arrays.stream(kn).map(BigDecimal::new).toList();
    }

    private static List<BigDecimal> mpa(String... values) {
        return loads(values);
    }

    private static CubeStrengthResult evaluate(SpecimenSize size, StrengthGrade grade, String... kn) {
        return CubeStrengthRule.evaluate(size, grade, loads(kn), null);
    }

    @Nested
    class Mean {
        @Test
        void meanOfThreeRoundedStrengths() {
            // 720.0/22.5 = 32.0, 747.0/22.5 = 33.2, 765.0/22.5 = 34.0; 15 % of 33.2 = 4.98
            // mean 99.2/3 = 33.066.. -> 33.1; x1.00 -> 33.1; 33.1/30 = 110.3 % -> 110
            CubeStrengthResult r = evaluate(SpecimenSize.MM_150, C30, "720.0", "747.0", "765.0");
            assertThat(r.specimenStrengthsMpa()).containsExactlyElementsOf(mpa("32.0", "33.2", "34.0"));
            assertThat(r.method()).isEqualTo(EvaluationMethod.MEAN);
            assertThat(r.groupStrengthMpa()).isEqualTo(new BigDecimal("33.1"));
            assertThat(r.sizeFactor()).isEqualTo(new BigDecimal("1.00"));
            assertThat(r.sizeFactorTested()).isFalse();
            assertThat(r.representativeStrengthMpa()).isEqualTo(new BigDecimal("33.1"));
            assertThat(r.percentOfGrade()).isEqualTo(110);
            assertThat(r.conclusion()).isEqualTo(CubeConclusion.MEETS_GRADE);
            assertThat(r.isValid()).isTrue();
        }

        @Test
        void loadsThatDoNotDivideEvenly() {
            // 731.2/22.5 = 32.4977.. -> 32.5; 748.9/22.5 = 33.2844.. -> 33.3; 766.1/22.5 = 34.0488.. -> 34.0
            // mean 99.8/3 = 33.266.. -> 33.3
            CubeStrengthResult r = evaluate(SpecimenSize.MM_150, C30, "731.2", "748.9", "766.1");
            assertThat(r.specimenStrengthsMpa()).containsExactlyElementsOf(mpa("32.5", "33.3", "34.0"));
            assertThat(r.representativeStrengthMpa()).isEqualTo(new BigDecimal("33.3"));
        }

        @Test
        void specimenStrengthsKeepInputOrder() {
            CubeStrengthResult r = evaluate(SpecimenSize.MM_150, C30, "765.0", "720.0", "747.0");
            assertThat(r.specimenStrengthsMpa()).containsExactlyElementsOf(mpa("34.0", "32.0", "33.2"));
            assertThat(r.representativeStrengthMpa()).isEqualTo(new BigDecimal("33.1"));
        }

        @Test
        void eachSpecimenIsRoundedBeforeTheMean() {
            // 675.9/22.5 = 30.04 -> 30.0 (twice); 676.8/22.5 = 30.08 -> 30.1; mean 90.1/3 = 30.033.. -> 30.0.
            // Rounding only at the end would give (30.04+30.04+30.08)/3 = 30.0533.. -> 30.1.
            CubeStrengthResult r = evaluate(SpecimenSize.MM_150, C30, "675.9", "675.9", "676.8");
            assertThat(r.specimenStrengthsMpa()).containsExactlyElementsOf(mpa("30.0", "30.0", "30.1"));
            assertThat(r.representativeStrengthMpa()).isEqualTo(new BigDecimal("30.0"));
            assertThat(r.conclusion()).isEqualTo(CubeConclusion.MEETS_GRADE);
        }

        @Test
        void specimenStrengthsRoundHalfToEven() {
            // 100 mm: 402.5/10 = 40.25 -> 40.2; 403.5/10 = 40.35 -> 40.4; 404.5/10 = 40.45 -> 40.4
            // mean 121.0/3 = 40.333.. -> 40.3; x0.95 = 38.285 -> 38.3.
            // Half-up would give 40.3, 40.4, 40.5 -> 40.4 -> 38.38 -> 38.4.
            CubeStrengthResult r = evaluate(SpecimenSize.MM_100, C30, "402.5", "403.5", "404.5");
            assertThat(r.specimenStrengthsMpa()).containsExactlyElementsOf(mpa("40.2", "40.4", "40.4"));
            assertThat(r.groupStrengthMpa()).isEqualTo(new BigDecimal("40.3"));
            assertThat(r.representativeStrengthMpa()).isEqualTo(new BigDecimal("38.3"));
        }

        @Test
        void aMeanOfThreeTenthsIsNeverExactlyHalfWay() {
            // The mean of three values in tenths is n/30: it ends in .x, .x33.. or .x66.., never in .x5,
            // so GB/T 8170's half-to-even case cannot arise in the mean itself (it does arise in each
            // specimen's F/A, after the size factor and in the percentage; see the other tests).
            for (int n = 0; n <= 300_000; n++) {
                BigDecimal sum = BigDecimal.valueOf(n, 1);
                BigDecimal up = sum.divide(BigDecimal.valueOf(3), 1, RoundingMode.HALF_UP);
                BigDecimal down = sum.divide(BigDecimal.valueOf(3), 1, RoundingMode.HALF_DOWN);
                assertThat(up).as("sum %s", sum).isEqualTo(down);
            }
        }
    }

    @Nested
    class FifteenPercent {
        @Test
        void oneHighOutlierGivesTheMiddleValue() {
            // 30.0, 31.0, 40.0: 15 % of 31.0 = 4.65; 40.0-31.0 = 9.0 > 4.65, 31.0-30.0 = 1.0
            CubeStrengthResult r = evaluate(SpecimenSize.MM_150, C30, "675.0", "697.5", "900.0");
            assertThat(r.specimenStrengthsMpa()).containsExactlyElementsOf(mpa("30.0", "31.0", "40.0"));
            assertThat(r.method()).isEqualTo(EvaluationMethod.MIDDLE_VALUE);
            assertThat(r.groupStrengthMpa()).isEqualTo(new BigDecimal("31.0"));
            assertThat(r.representativeStrengthMpa()).isEqualTo(new BigDecimal("31.0"));
            assertThat(r.percentOfGrade()).isEqualTo(103);
        }

        @Test
        void oneLowOutlierGivesTheMiddleValue() {
            // 20.0, 31.0, 32.0: 31.0-20.0 = 11.0 > 4.65, 32.0-31.0 = 1.0
            CubeStrengthResult r = evaluate(SpecimenSize.MM_150, C30, "720.0", "450.0", "697.5");
            assertThat(r.method()).isEqualTo(EvaluationMethod.MIDDLE_VALUE);
            assertThat(r.representativeStrengthMpa()).isEqualTo(new BigDecimal("31.0"));
        }

        @Test
        void twoOutliersMakeTheGroupInvalid() {
            // 20.0, 31.0, 40.0: both 11.0 and 9.0 exceed 4.65
            CubeStrengthResult r = evaluate(SpecimenSize.MM_150, C30, "450.0", "697.5", "900.0");
            assertThat(r.method()).isEqualTo(EvaluationMethod.INVALID);
            assertThat(r.conclusion()).isEqualTo(CubeConclusion.INVALID_GROUP);
            assertThat(r.isValid()).isFalse();
            assertThat(r.groupStrengthMpa()).isNull();
            assertThat(r.representativeStrengthMpa()).isNull();
            assertThat(r.percentOfGrade()).isNull();
            assertThat(r.specimenStrengthsMpa()).containsExactlyElementsOf(mpa("20.0", "31.0", "40.0"));
            assertThat(r.sizeFactor()).isEqualTo(new BigDecimal("1.00"));
        }

        @Test
        void exactlyFifteenPercentHighIsStillTheMean() {
            // 38.0, 40.0, 46.0: 46.0-40.0 = 6.0 = 15 % of 40.0, not more; mean 124.0/3 = 41.33.. -> 41.3
            CubeStrengthResult r = evaluate(SpecimenSize.MM_150, C30, "855.0", "900.0", "1035.0");
            assertThat(r.method()).isEqualTo(EvaluationMethod.MEAN);
            assertThat(r.representativeStrengthMpa()).isEqualTo(new BigDecimal("41.3"));
        }

        @Test
        void exactlyFifteenPercentLowIsStillTheMean() {
            // 34.0, 40.0, 42.0: 40.0-34.0 = 6.0 = 15 % of 40.0; mean 116.0/3 = 38.66.. -> 38.7
            CubeStrengthResult r = evaluate(SpecimenSize.MM_150, C30, "765.0", "900.0", "945.0");
            assertThat(r.method()).isEqualTo(EvaluationMethod.MEAN);
            assertThat(r.representativeStrengthMpa()).isEqualTo(new BigDecimal("38.7"));
        }

        @Test
        void theTestUsesTheRoundedStrengths() {
            // 1035.9/22.5 = 46.04 (15.1 % above 40.0) rounds to 46.0, exactly 15 %: still the mean;
            // 764.1/22.5 = 33.96 (15.1 % below) rounds to 34.0, exactly 15 %: still the mean.
            assertThat(evaluate(SpecimenSize.MM_150, C30, "855.0", "900.0", "1035.9").method())
                    .isEqualTo(EvaluationMethod.MEAN);
            assertThat(evaluate(SpecimenSize.MM_150, C30, "764.1", "900.0", "945.0").method())
                    .isEqualTo(EvaluationMethod.MEAN);
        }

        @Test
        void justOverFifteenPercentHighGivesTheMiddleValue() {
            // 60.0, 66.6, 76.6: 15 % of 66.6 = 9.99; 76.6-66.6 = 10.0 (15.02 %) > 9.99; 66.6-60.0 = 6.6
            CubeStrengthResult r = evaluate(SpecimenSize.MM_150, C50, "1350.0", "1498.5", "1723.5");
            assertThat(r.specimenStrengthsMpa()).containsExactlyElementsOf(mpa("60.0", "66.6", "76.6"));
            assertThat(r.method()).isEqualTo(EvaluationMethod.MIDDLE_VALUE);
            assertThat(r.representativeStrengthMpa()).isEqualTo(new BigDecimal("66.6"));
            assertThat(r.percentOfGrade()).isEqualTo(133);
        }

        @Test
        void justUnderFifteenPercentHighIsTheMean() {
            // 60.0, 66.6, 76.5: 76.5-66.6 = 9.9 (14.86 %) <= 9.99; mean 203.1/3 = 67.7; 67.7/50 = 135.4 % -> 135
            CubeStrengthResult r = evaluate(SpecimenSize.MM_150, C50, "1350.0", "1498.5", "1721.25");
            assertThat(r.specimenStrengthsMpa()).containsExactlyElementsOf(mpa("60.0", "66.6", "76.5"));
            assertThat(r.method()).isEqualTo(EvaluationMethod.MEAN);
            assertThat(r.representativeStrengthMpa()).isEqualTo(new BigDecimal("67.7"));
            assertThat(r.percentOfGrade()).isEqualTo(135);
        }

        @Test
        void justOverFifteenPercentLowGivesTheMiddleValue() {
            // 56.6, 66.6, 70.0: 66.6-56.6 = 10.0 > 9.99
            CubeStrengthResult r = evaluate(SpecimenSize.MM_150, C50, "1273.5", "1498.5", "1575.0");
            assertThat(r.method()).isEqualTo(EvaluationMethod.MIDDLE_VALUE);
            assertThat(r.representativeStrengthMpa()).isEqualTo(new BigDecimal("66.6"));
        }

        @Test
        void methodWorksOnGivenStrengths() {
            assertThat(CubeStrengthRule.method(mpa("40.0", "46.0", "34.0"))).isEqualTo(EvaluationMethod.MEAN);
            assertThat(CubeStrengthRule.method(mpa("40.0", "46.1", "34.0"))).isEqualTo(EvaluationMethod.MIDDLE_VALUE);
            assertThat(CubeStrengthRule.method(mpa("40.0", "46.1", "33.9"))).isEqualTo(EvaluationMethod.INVALID);
            assertThat(CubeStrengthRule.method(mpa("40.0", "40.0", "40.0"))).isEqualTo(EvaluationMethod.MEAN);
            assertThatThrownBy(() -> CubeStrengthRule.method(mpa("40.0", "40.0")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class SizeFactor {
        @Test
        void hundredMillimetreCubesTimesPointNinetyFive() {
            // 33.1, 33.5, 34.0 -> 100.6/3 = 33.533.. -> 33.5; x0.95 = 31.825 -> 31.8; 31.8/30 = 106 %
            CubeStrengthResult r = evaluate(SpecimenSize.MM_100, C30, "331.0", "335.0", "340.0");
            assertThat(r.groupStrengthMpa()).isEqualTo(new BigDecimal("33.5"));
            assertThat(r.sizeFactor()).isEqualTo(new BigDecimal("0.95"));
            assertThat(r.representativeStrengthMpa()).isEqualTo(new BigDecimal("31.8"));
            assertThat(r.percentOfGrade()).isEqualTo(106);
        }

        @Test
        void twoHundredMillimetreCubesTimesOnePointOFive() {
            // 1240/40 = 31.0, 1260/40 = 31.5, 1280/40 = 32.0 -> 31.5; x1.05 = 33.075 -> 33.1; 110.3 % -> 110
            CubeStrengthResult r = evaluate(SpecimenSize.MM_200, C30, "1240.0", "1260.0", "1280.0");
            assertThat(r.specimenStrengthsMpa()).containsExactlyElementsOf(mpa("31.0", "31.5", "32.0"));
            assertThat(r.sizeFactor()).isEqualTo(new BigDecimal("1.05"));
            assertThat(r.representativeStrengthMpa()).isEqualTo(new BigDecimal("33.1"));
            assertThat(r.percentOfGrade()).isEqualTo(110);
        }

        @Test
        void productIsRoundedHalfToEven() {
            // 100 mm: 31.0 x 0.95 = 29.45 -> 29.4 (4 is even); below C30, 29.4/30 = 98 %
            CubeStrengthResult low = evaluate(SpecimenSize.MM_100, C30, "305.0", "310.0", "315.0");
            assertThat(low.groupStrengthMpa()).isEqualTo(new BigDecimal("31.0"));
            assertThat(low.representativeStrengthMpa()).isEqualTo(new BigDecimal("29.4"));
            assertThat(low.conclusion()).isEqualTo(CubeConclusion.BELOW_GRADE);
            assertThat(low.percentOfGrade()).isEqualTo(98);
            // 100 mm: 33.0 x 0.95 = 31.35 -> 31.4 (3 is odd)
            assertThat(evaluate(SpecimenSize.MM_100, C30, "325.0", "330.0", "335.0").representativeStrengthMpa())
                    .isEqualTo(new BigDecimal("31.4"));
            // 200 mm: 31.0 x 1.05 = 32.55 -> 32.6; 33.0 x 1.05 = 34.65 -> 34.6
            assertThat(evaluate(SpecimenSize.MM_200, C30, "1220.0", "1240.0", "1260.0").representativeStrengthMpa())
                    .isEqualTo(new BigDecimal("32.6"));
            assertThat(evaluate(SpecimenSize.MM_200, C30, "1300.0", "1320.0", "1340.0").representativeStrengthMpa())
                    .isEqualTo(new BigDecimal("34.6"));
        }

        @Test
        void highStrengthWithSmallCubesNeedsATestedFactor() {
            assertThatThrownBy(() -> evaluate(SpecimenSize.MM_100, C60, "650.0", "660.0", "670.0"))
                    .isInstanceOf(CubeInputException.class)
                    .hasMessageContaining("testedSizeFactor")
                    .satisfies(e -> assertThat(((CubeInputException) e).errors())
                            .containsExactly(new FieldError("testedSizeFactor", "required",
                                    "For C60 with a 100 mm cube the size factor must be determined by testing"
                                            + " (GB/T 50081-2019) and entered")));
            assertThatThrownBy(() -> evaluate(SpecimenSize.MM_200, StrengthGrade.parse("C80"),
                    "2600.0", "2640.0", "2680.0")).isInstanceOf(CubeInputException.class);
        }

        @Test
        void testedFactorIsApplied() {
            // 65.0, 66.0, 67.0 -> 66.0; x0.92 = 60.72 -> 60.7; 60.7/60 = 101.2 % -> 101
            CubeStrengthResult r = CubeStrengthRule.evaluate(SpecimenSize.MM_100, C60,
                    loads("650.0", "660.0", "670.0"), new BigDecimal("0.92"));
            assertThat(r.sizeFactor()).isEqualTo(new BigDecimal("0.92"));
            assertThat(r.sizeFactorTested()).isTrue();
            assertThat(r.representativeStrengthMpa()).isEqualTo(new BigDecimal("60.7"));
            assertThat(r.percentOfGrade()).isEqualTo(101);
            assertThat(r.conclusion()).isEqualTo(CubeConclusion.MEETS_GRADE);
        }

        @Test
        void highStrengthWithStandardCubesNeedsNoFactor() {
            // 1462.5/22.5 = 65.0, 1485/22.5 = 66.0, 1507.5/22.5 = 67.0 -> 66.0
            CubeStrengthResult r = evaluate(SpecimenSize.MM_150, C60, "1462.5", "1485.0", "1507.5");
            assertThat(r.representativeStrengthMpa()).isEqualTo(new BigDecimal("66.0"));
            assertThat(r.sizeFactorTested()).isFalse();
        }

        @Test
        void testedFactorWhereTheRulePrescribesOneIsAnError() {
            assertThatThrownBy(() -> CubeStrengthRule.evaluate(SpecimenSize.MM_100, StrengthGrade.parse("C55"),
                    loads("550.0", "560.0", "570.0"), new BigDecimal("0.95")))
                    .isInstanceOf(CubeInputException.class).hasMessageContaining("not_applicable");
            assertThatThrownBy(() -> CubeStrengthRule.evaluate(SpecimenSize.MM_150, C60,
                    loads("1462.5", "1485.0", "1507.5"), BigDecimal.ONE))
                    .isInstanceOf(CubeInputException.class).hasMessageContaining("not_applicable");
        }

        @Test
        void testedFactorMustBePlausible() {
            assertThatThrownBy(() -> CubeStrengthRule.sizeFactor(SpecimenSize.MM_100, C60, new BigDecimal("0.79")))
                    .isInstanceOf(CubeInputException.class).hasMessageContaining("out_of_range");
            assertThatThrownBy(() -> CubeStrengthRule.sizeFactor(SpecimenSize.MM_200, C60, new BigDecimal("1.21")))
                    .isInstanceOf(CubeInputException.class).hasMessageContaining("out_of_range");
            assertThat(CubeStrengthRule.sizeFactor(SpecimenSize.MM_100, C60, new BigDecimal("0.80")))
                    .isEqualTo(new BigDecimal("0.80"));
            assertThat(CubeStrengthRule.sizeFactor(SpecimenSize.MM_200, C50, null)).isEqualTo(new BigDecimal("1.05"));
        }
    }

    @Nested
    class GradeComparison {
        @Test
        void percentageRoundsHalfToEven() {
            // 19.8, 20.1, 20.4 -> 20.1; 20.1/20 = 100.5 % -> 100
            CubeStrengthResult a = evaluate(SpecimenSize.MM_150, C20, "445.5", "452.25", "459.0");
            assertThat(a.representativeStrengthMpa()).isEqualTo(new BigDecimal("20.1"));
            assertThat(a.percentOfGrade()).isEqualTo(100);
            // 20.1, 20.3, 20.5 -> 20.3; 20.3/20 = 101.5 % -> 102
            CubeStrengthResult b = evaluate(SpecimenSize.MM_150, C20, "452.25", "456.75", "461.25");
            assertThat(b.representativeStrengthMpa()).isEqualTo(new BigDecimal("20.3"));
            assertThat(b.percentOfGrade()).isEqualTo(102);
        }

        @Test
        void exactlyTheGradeMeetsIt() {
            // 675.0/22.5 = 30.0 three times
            CubeStrengthResult r = evaluate(SpecimenSize.MM_150, C30, "675.0", "675.0", "675.0");
            assertThat(r.representativeStrengthMpa()).isEqualTo(new BigDecimal("30.0"));
            assertThat(r.conclusion()).isEqualTo(CubeConclusion.MEETS_GRADE);
            assertThat(r.percentOfGrade()).isEqualTo(100);
        }

        @Test
        void aTenthBelowTheGradeIsBelowIt() {
            // 672.75/22.5 = 29.9 three times; 29.9/30 = 99.67 % -> 100, but the conclusion compares MPa
            CubeStrengthResult r = evaluate(SpecimenSize.MM_150, C30, "672.75", "672.75", "672.75");
            assertThat(r.representativeStrengthMpa()).isEqualTo(new BigDecimal("29.9"));
            assertThat(r.conclusion()).isEqualTo(CubeConclusion.BELOW_GRADE);
            assertThat(r.percentOfGrade()).isEqualTo(100);
        }

        @Test
        void loadingRateComesFromTheGrade() {
            CubeStrengthResult r = evaluate(SpecimenSize.MM_150, C30, "675.0", "675.0", "675.0");
            assertThat(r.loadingRate()).isEqualTo(C30.loadingRate());
            assertThat(r.loadingRate().display()).isEqualTo("0.5~0.8");
        }
    }

    @Nested
    class InvalidInput {
        @Test
        void zeroNegativeMissingAndHugeLoadsAreNamed() {
            CubeInputException e = assertThrows(
                    CubeInputException.class, () -> CubeStrengthRule.evaluate(SpecimenSize.MM_150, C30,
                            Arrays.asList(BigDecimal.ZERO, new BigDecimal("-1.0"), null), null));
            assertThat(e.errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                    tuple("failureLoadsKn[0]", "out_of_range"),
                    tuple("failureLoadsKn[1]", "out_of_range"),
                    tuple("failureLoadsKn[2]", "required"));
            assertThat(e.getMessage()).contains("failureLoadsKn[0]", "greater than 0");

            assertThatThrownBy(() -> evaluate(SpecimenSize.MM_150, C30, "700.0", "5000.1", "700.0"))
                    .isInstanceOf(CubeInputException.class).hasMessageContaining("failureLoadsKn[1]")
                    .hasMessageContaining("at most 5000 kN");
            // the maximum itself is allowed
            assertThat(evaluate(SpecimenSize.MM_200, StrengthGrade.parse("C55"), "5000", "5000", "5000")
                    .specimenStrengthsMpa()).containsOnly(new BigDecimal("125.0"));
        }

        @Test
        void aGroupIsExactlyThreeCubes() {
            assertThatThrownBy(() -> evaluate(SpecimenSize.MM_150, C30, "700.0", "710.0"))
                    .isInstanceOf(CubeInputException.class)
                    .hasMessageContaining("failureLoadsKn wrong_count");
            assertThatThrownBy(() -> evaluate(SpecimenSize.MM_150, C30, "700.0", "710.0", "720.0", "730.0"))
                    .isInstanceOf(CubeInputException.class)
                    .hasMessageContaining("exactly 3 cubes, got 4");
            assertThatThrownBy(() -> CubeStrengthRule.evaluate(SpecimenSize.MM_150, C30, null, null))
                    .isInstanceOf(CubeInputException.class)
                    .hasMessageContaining("failureLoadsKn required");
        }

        @Test
        void otherCubeSizesAreRejected() {
            assertThatThrownBy(() -> SpecimenSize.requireSideMm(120))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("100, 150 or 200 mm");
            assertThat(SpecimenSize.check("specimenSizeMm", 70))
                    .contains(new FieldError("specimenSizeMm", "not_allowed",
                            "Cube side must be 100, 150 or 200 mm (GB/T 50081-2019), got 70 mm"));
            assertThat(SpecimenSize.check("specimenSizeMm", null).orElseThrow().code()).isEqualTo("required");
            assertThat(SpecimenSize.check("specimenSizeMm", 150)).isEmpty();
            assertThat(SpecimenSize.requireSideMm(200)).isEqualTo(SpecimenSize.MM_200);
        }
    }
}

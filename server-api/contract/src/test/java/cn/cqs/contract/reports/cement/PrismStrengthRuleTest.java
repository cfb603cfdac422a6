package cn.cqs.contract.reports.cement;

import static cn.cqs.contract.reports.ReportFixtures.decimals;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** GB/T 17671-2021 group evaluation, hand-computed; docs/rules/cement.md shows these numbers. */
class PrismStrengthRuleTest {

    @Test
    void specimenStrengthsAreRoundedTo01() {
        // 1.80 kN x 2.34375 = 4.21875 -> 4.2; 35.0 kN x 0.625 = 21.875 -> 21.9; 58.0 x 0.625 = 36.25 -> 36.2 (even)
        assertThat(PrismStrengthRule.flexuralStrengthMpa(new BigDecimal("1.80"))).isEqualTo(new BigDecimal("4.2"));
        assertThat(PrismStrengthRule.compressiveStrengthMpa(new BigDecimal("35.0"))).isEqualTo(new BigDecimal("21.9"));
        assertThat(PrismStrengthRule.compressiveStrengthMpa(new BigDecimal("58.0"))).isEqualTo(new BigDecimal("36.2"));
    }

    @Test
    void flexuralMeanOfThree() {
        // 4.2, 4.3, 4.5: mean 4.333, 10 % = 0.433, none beyond -> 4.3
        PrismGroupResult r = PrismStrengthRule.flexural(decimals("1.80", "1.85", "1.90"));
        assertThat(r.specimenStrengthsMpa()).containsExactlyElementsOf(decimals("4.2", "4.3", "4.5"));
        assertThat(r.method()).isEqualTo(GroupMethod.MEAN);
        assertThat(r.strengthMpa()).isEqualTo(new BigDecimal("4.3"));
    }

    @Test
    void flexuralDiscardsOneBeyondTenPercent() {
        // 7.0, 7.3, 6.1: mean 6.8, 10 % = 0.68; 6.1 is 0.70 away -> discarded; (7.0 + 7.3) / 2 = 7.15 -> 7.2
        PrismGroupResult r = PrismStrengthRule.flexural(decimals("3.00", "3.10", "2.60"));
        assertThat(r.method()).isEqualTo(GroupMethod.ONE_DISCARDED);
        assertThat(r.discardedIndex()).isEqualTo(2);
        assertThat(r.strengthMpa()).isEqualTo(new BigDecimal("7.2"));
    }

    @Test
    void flexuralWithTwoBeyondIsInvalid() {
        // 4.0, 5.0, 6.0: mean 5.0; both 4.0 and 6.0 are 1.0 > 0.5 away
        PrismGroupResult r = PrismStrengthRule.flexural(decimals("1.71", "2.13", "2.56"));
        assertThat(r.specimenStrengthsMpa()).containsExactlyElementsOf(decimals("4.0", "5.0", "6.0"));
        assertThat(r.method()).isEqualTo(GroupMethod.INVALID);
        assertThat(r.strengthMpa()).isNull();
    }

    @Test
    void exactlyTenPercentIsNotBeyond() {
        // 9.0, 10.0, 11.0: mean 10.0, 10 % = 1.0; 1.0 away is not more than 1.0 -> mean 10.0
        PrismGroupResult r = PrismStrengthRule.flexural(decimals("3.84", "4.2667", "4.6933"));
        assertThat(r.specimenStrengthsMpa()).containsExactlyElementsOf(decimals("9.0", "10.0", "11.0"));
        assertThat(r.method()).isEqualTo(GroupMethod.MEAN);
        assertThat(r.strengthMpa()).isEqualTo(new BigDecimal("10.0"));
    }

    @Test
    void compressiveMeanOfSixRoundsHalfToEven() {
        // 21.9, 22.5, 21.6, 22.2, 22.8, 21.9: sum 132.9, mean 22.15 -> 22.2 (1 is odd, rounds up)
        PrismGroupResult r = PrismStrengthRule.compressive(decimals("35.0", "36.0", "34.5", "35.5", "36.5", "35.0"));
        assertThat(r.method()).isEqualTo(GroupMethod.MEAN);
        assertThat(r.strengthMpa()).isEqualTo(new BigDecimal("22.2"));
    }

    @Test
    void compressiveDiscardsOneAndAveragesFive() {
        // 43.8, 44.4, 43.1, 44.1, 36.2, 43.8: mean 42.567, 10 % = 4.257; 36.2 is 6.37 away -> discarded;
        // the five: mean 43.84, all within 4.384 -> 43.8
        PrismGroupResult r = PrismStrengthRule.compressive(decimals("70.0", "71.0", "69.0", "70.5", "58.0", "70.0"));
        assertThat(r.method()).isEqualTo(GroupMethod.ONE_DISCARDED);
        assertThat(r.discardedIndex()).isEqualTo(4);
        assertThat(r.strengthMpa()).isEqualTo(new BigDecimal("43.8"));
    }

    @Test
    void compressiveIsInvalidWhenOneOfTheFiveIsStillBeyond() {
        // 40 x4, 35.0, 28.0: mean 37.167, only 28.0 beyond (9.17 > 3.72); the five: mean 39.0, 35.0 is 4.0 > 3.9 away
        PrismGroupResult r = PrismStrengthRule.compressive(decimals("64.0", "64.0", "64.0", "64.0", "56.0", "44.8"));
        assertThat(r.method()).isEqualTo(GroupMethod.INVALID);
    }

    @Test
    void compressiveIsInvalidWithTwoBeyond() {
        // 43.8 x4, 36.2, 51.2: mean 43.767, 10 % = 4.377; 36.2 and 51.2 both beyond
        PrismGroupResult r = PrismStrengthRule.compressive(decimals("70.0", "70.0", "70.0", "70.0", "58.0", "82.0"));
        assertThat(r.method()).isEqualTo(GroupMethod.INVALID);
        assertThat(r.discardedIndex()).isNull();
    }
}

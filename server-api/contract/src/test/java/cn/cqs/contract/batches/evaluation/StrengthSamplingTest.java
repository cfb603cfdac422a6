package cn.cqs.contract.batches.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.contract.reports.validation.ReportInputException;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StrengthSamplingTest {

    @ParameterizedTest
    @CsvSource({
            // plates, m³, shifts, floors, continuous, required
            "10, 20, 1, 0, false, 1",       // one small pour: once per shift
            "100, 100, 1, 0, false, 1",     // exactly 100 plates and 100 m³: once
            "101, 100, 1, 0, false, 2",     // 101 plates
            "80, 100.5, 1, 0, false, 2",    // 100.5 m³
            "50, 60, 3, 0, false, 3",       // three shifts
            "50, 60, 1, 4, false, 4",       // four floors
            "400, 1000, 1, 0, true, 10",    // exactly 1000 m³ continuous: the 100 m³ rule
            "500, 1000.5, 1, 0, true, 6",   // above 1000 m³: per 200 m³, ⌈1000.5/200⌉ = 6
            "900, 1200, 1, 0, true, 6",     // the plate rule does not apply to the large pour
            "900, 1200, 1, 0, false, 12",   // not continuous: 100 m³ rule
            "900, 1200, 8, 0, true, 8"})    // shifts still count
    void theLargestRuleGoverns(int plates, String m3, int shifts, int floors, boolean continuous, int required) {
        StrengthSampling.Requirement r = StrengthSampling.required(plates, new BigDecimal(m3), shifts, floors, continuous);
        assertThat(r.required()).isEqualTo(required);
        assertThat(r.metBy(required)).isTrue();
        assertThat(r.metBy(required - 1)).isFalse();
    }

    @Test
    void showsEachComponent() {
        StrengthSampling.Requirement r = StrengthSampling.required(250, new BigDecimal("180"), 2, 1, false);
        assertThat(r.byPlates()).isEqualTo(3);
        assertThat(r.byVolume()).isEqualTo(2);
        assertThat(r.byShifts()).isEqualTo(2);
        assertThat(r.byFloors()).isEqualTo(1);
        assertThat(r.largePour()).isFalse();
        assertThat(r.required()).isEqualTo(3);
    }

    @Test
    void refusesImpossibleInput() {
        assertThatThrownBy(() -> StrengthSampling.required(-1, BigDecimal.ZERO, 0, -1, false))
                .isInstanceOf(ReportInputException.class)
                .satisfies(e -> assertThat(((ReportInputException) e).errors()).hasSize(4));
        assertThatThrownBy(() -> StrengthSampling.required(1, null, 1, 0, false))
                .isInstanceOf(ReportInputException.class).hasMessageContaining("volumeM3");
    }
}

package cn.cqs.contract.batches.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.MaterialCategory;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.MixQuantity;
import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.validation.ReportInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DosingComparisonTest {
    private static final String SERIAL = "20261124-776049653-000017";
    private static final Instant T0 = Instant.parse("2026-11-24T00:15:00Z");

    /** C30-like design, kg/m³. */
    private static final Map<MaterialKind, BigDecimal> DESIGN = design(
            "CEMENT=300", "FLY_ASH=60", "SLAG_POWDER=40", "SAND=760", "STONE=1050", "ADMIXTURE=8.0", "WATER=170");

    private static Map<MaterialKind, BigDecimal> design(String... entries) {
        Map<MaterialKind, BigDecimal> map = new EnumMap<>(MaterialKind.class);
        for (String e : entries) {
            String[] kv = e.split("=");
            map.put(MaterialKind.valueOf(kv[0]), new BigDecimal(kv[1]));
        }
        return map;
    }

    /** A plate of {@code volume} m³ dosed exactly to DESIGN, with overrides. */
    private static DosingRecord plate(int no, String volume, String... overrides) {
        BigDecimal v = new BigDecimal(volume);
        Map<MaterialKind, BigDecimal> kg = new EnumMap<>(MaterialKind.class);
        DESIGN.forEach((k, q) -> kg.put(k, q.multiply(v)));
        for (String o : overrides) {
            String[] kv = o.split("=");
            if (kv[1].equals("-")) {
                kg.remove(MaterialKind.valueOf(kv[0]));
            } else {
                kg.put(MaterialKind.valueOf(kv[0]), new BigDecimal(kv[1]));
            }
        }
        return new DosingRecord(SERIAL, no, T0.plusSeconds(120L * no), v, kg);
    }

    private static MaterialCheck plateCheck(DosingReport r, int plateIndex, MaterialKind kind) {
        return r.plates().get(plateIndex).materials().stream().filter(m -> m.kind() == kind).findFirst().orElseThrow();
    }

    private static MaterialCheck cumulative(DosingReport r, MaterialKind kind) {
        return r.cumulative().stream().filter(m -> m.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void theToleranceTableIsTheStandards() {
        assertThat(DosingTolerance.of(MaterialCategory.BINDER).perPlatePercent()).isEqualByComparingTo("2");
        assertThat(DosingTolerance.of(MaterialCategory.BINDER).cumulativePercent()).isEqualByComparingTo("1");
        assertThat(DosingTolerance.of(MaterialKind.SAND).perPlatePercent()).isEqualByComparingTo("3");
        assertThat(DosingTolerance.of(MaterialKind.STONE).cumulativePercent()).isEqualByComparingTo("2");
        assertThat(DosingTolerance.of(MaterialKind.WATER).perPlatePercent()).isEqualByComparingTo("1");
        assertThat(DosingTolerance.of(MaterialKind.WATER).cumulativePercent()).isEqualByComparingTo("1");
        assertThat(DosingTolerance.of(MaterialKind.ADMIXTURE).perPlatePercent()).isEqualByComparingTo("1");
        assertThat(DosingTolerance.of(MaterialKind.FLY_ASH).category()).isEqualTo(MaterialCategory.BINDER);
        assertThat(DosingTolerance.TABLE).hasSize(MaterialCategory.values().length);
    }

    @Test
    void exactDosingIsWithinTolerance() {
        DosingReport r = DosingComparison.compare(DESIGN, List.of(plate(1, "2.0"), plate(2, "2.0")), true);
        assertThat(r.state()).isEqualTo(DosingState.WITHIN_TOLERANCE);
        assertThat(r.serialNumber()).isEqualTo(SERIAL);
        assertThat(r.plateCount()).isEqualTo(2);
        assertThat(r.totalVolumeM3()).isEqualByComparingTo("4.0");
        MaterialCheck cement = plateCheck(r, 0, MaterialKind.CEMENT);
        assertThat(cement.targetKg()).isEqualByComparingTo("600");
        assertThat(cement.deviationPercent()).isEqualByComparingTo("0.00");
        assertThat(cement.limitPercent()).isEqualByComparingTo("2");
        assertThat(cumulative(r, MaterialKind.CEMENT).targetKg()).isEqualByComparingTo("1200");
        assertThat(cumulative(r, MaterialKind.CEMENT).limitPercent()).isEqualByComparingTo("1");
        assertThat(r.platesOutOfTolerance()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            // cement target 600 kg (2 m³): ±2 % = 588..612
            "CEMENT, 612, WITHIN, 2.00", "CEMENT, 612.001, OUT, 2.00", "CEMENT, 588, WITHIN, -2.00",
            "CEMENT, 587.9, OUT, -2.02",
            // sand target 1520: ±3 % = 1474.4..1565.6
            "SAND, 1565.6, WITHIN, 3.00", "SAND, 1565.7, OUT, 3.01", "SAND, 1474.4, WITHIN, -3.00",
            // water target 340: ±1 % = 336.6..343.4
            "WATER, 343.4, WITHIN, 1.00", "WATER, 343.5, OUT, 1.03",
            // admixture target 16.0: ±1 % = 15.84..16.16
            "ADMIXTURE, 16.16, WITHIN, 1.00", "ADMIXTURE, 15.83, OUT, -1.06"})
    void aPlateAtTheLimitIsWithinAndBeyondItIsOut(MaterialKind kind, String actual, DosingVerdict verdict,
                                                  String deviation) {
        // cumulative not judged (manual plant) so the per-plate verdict alone decides
        DosingReport r = DosingComparison.compare(DESIGN, List.of(plate(1, "2.0", kind + "=" + actual)), false);
        MaterialCheck check = plateCheck(r, 0, kind);
        assertThat(check.verdict()).isEqualTo(verdict);
        assertThat(check.deviationPercent()).isEqualByComparingTo(deviation);
        assertThat(r.state()).isEqualTo(verdict == DosingVerdict.WITHIN ? DosingState.WITHIN_TOLERANCE
                : DosingState.OUT_OF_TOLERANCE);
        assertThat(cumulative(r, kind).verdict()).isEqualTo(DosingVerdict.NOT_JUDGED);
    }

    @Test
    void theVerdictIsOnTheExactDeviationNotTheRoundedOne() {
        // 612.001 / 600 = +2.000167 %: shown as 2.00, judged out
        DosingReport r = DosingComparison.compare(DESIGN, List.of(plate(1, "2.0", "CEMENT=612.001")), false);
        MaterialCheck c = plateCheck(r, 0, MaterialKind.CEMENT);
        assertThat(c.deviationPercent()).isEqualByComparingTo("2.00");
        assertThat(c.verdict()).isEqualTo(DosingVerdict.OUT);
    }

    @Test
    void cumulativeLimitsApplyToComputerControlledPlantsOnly() {
        // every plate +1.5 % cement: each plate within ±2 %, cumulative +1.5 % beyond ±1 %
        List<DosingRecord> plates = List.of(plate(1, "2.0", "CEMENT=609"), plate(2, "2.0", "CEMENT=609"));
        DosingReport computer = DosingComparison.compare(DESIGN, plates, true);
        assertThat(computer.platesOutOfTolerance()).isEmpty();
        MaterialCheck cement = cumulative(computer, MaterialKind.CEMENT);
        assertThat(cement.actualKg()).isEqualByComparingTo("1218");
        assertThat(cement.deviationPercent()).isEqualByComparingTo("1.50");
        assertThat(cement.verdict()).isEqualTo(DosingVerdict.OUT);
        assertThat(computer.cumulativeFindings()).containsExactly(cement);
        assertThat(computer.state()).isEqualTo(DosingState.OUT_OF_TOLERANCE);

        DosingReport manual = DosingComparison.compare(DESIGN, plates, false);
        assertThat(cumulative(manual, MaterialKind.CEMENT).verdict()).isEqualTo(DosingVerdict.NOT_JUDGED);
        assertThat(cumulative(manual, MaterialKind.CEMENT).limitPercent()).isNull();
        assertThat(cumulative(manual, MaterialKind.CEMENT).deviationPercent()).isEqualByComparingTo("1.50");
        assertThat(manual.state()).isEqualTo(DosingState.WITHIN_TOLERANCE);
    }

    @Test
    void plateDeviationsCanCancelInTheCumulativeCheck() {
        List<DosingRecord> plates = List.of(plate(1, "2.0", "SAND=1560"), plate(2, "2.0", "SAND=1480"));
        DosingReport r = DosingComparison.compare(DESIGN, plates, true);
        assertThat(cumulative(r, MaterialKind.SAND).deviationPercent()).isEqualByComparingTo("0.00");
        assertThat(r.state()).isEqualTo(DosingState.WITHIN_TOLERANCE);
    }

    @Test
    void targetsFollowEachPlatesVolume() {
        DosingReport r = DosingComparison.compare(DESIGN, List.of(plate(1, "2.25"), plate(2, "1.5")), true);
        assertThat(plateCheck(r, 0, MaterialKind.ADMIXTURE).targetKg()).isEqualByComparingTo("18.000");
        assertThat(plateCheck(r, 1, MaterialKind.SAND).targetKg()).isEqualByComparingTo("1140");
        assertThat(cumulative(r, MaterialKind.WATER).targetKg()).isEqualByComparingTo("637.5");
        assertThat(r.state()).isEqualTo(DosingState.WITHIN_TOLERANCE);
    }

    @Test
    void aDesignMaterialNotWeighedIsMissing() {
        List<DosingRecord> plates = List.of(plate(1, "2.0", "FLY_ASH=-"), plate(2, "2.0", "FLY_ASH=-"));
        DosingReport r = DosingComparison.compare(DESIGN, plates, false);
        assertThat(plateCheck(r, 0, MaterialKind.FLY_ASH).verdict()).isEqualTo(DosingVerdict.MISSING);
        assertThat(plateCheck(r, 0, MaterialKind.FLY_ASH).actualKg()).isNull();
        assertThat(cumulative(r, MaterialKind.FLY_ASH).verdict()).isEqualTo(DosingVerdict.MISSING);
        assertThat(r.state()).isEqualTo(DosingState.OUT_OF_TOLERANCE);
        // weighed as 0 is not missing, it is −100 %
        DosingReport zero = DosingComparison.compare(DESIGN, List.of(plate(1, "2.0", "FLY_ASH=0")), false);
        assertThat(plateCheck(zero, 0, MaterialKind.FLY_ASH).verdict()).isEqualTo(DosingVerdict.OUT);
        assertThat(plateCheck(zero, 0, MaterialKind.FLY_ASH).deviationPercent()).isEqualByComparingTo("-100.00");
    }

    @Test
    void aMaterialNotInTheDesignIsFlaggedWhenWeighed() {
        Map<MaterialKind, BigDecimal> noSlag = new EnumMap<>(DESIGN);
        noSlag.put(MaterialKind.SLAG_POWDER, BigDecimal.ZERO); // 0 = not in the design
        DosingReport r = DosingComparison.compare(noSlag, List.of(plate(1, "2.0")), true);
        MaterialCheck slag = plateCheck(r, 0, MaterialKind.SLAG_POWDER);
        assertThat(slag.verdict()).isEqualTo(DosingVerdict.NOT_IN_DESIGN);
        assertThat(slag.targetKg()).isEqualByComparingTo("0");
        assertThat(slag.deviationPercent()).isNull();
        assertThat(r.state()).isEqualTo(DosingState.OUT_OF_TOLERANCE);

        noSlag.remove(MaterialKind.SLAG_POWDER);
        DosingReport weighedZero = DosingComparison.compare(noSlag, List.of(plate(1, "2.0", "SLAG_POWDER=0")), true);
        assertThat(weighedZero.plates().get(0).materials()).extracting(MaterialCheck::kind)
                .doesNotContain(MaterialKind.SLAG_POWDER);
        assertThat(weighedZero.state()).isEqualTo(DosingState.WITHIN_TOLERANCE);
    }

    @Test
    void platesAreReportedInPlateOrderAndMaterialsInKindOrder() {
        DosingReport r = DosingComparison.compare(DESIGN, List.of(plate(3, "2.0"), plate(1, "2.0"), plate(2, "2.0")),
                true);
        assertThat(r.plates()).extracting(PlateCheck::plateNo).containsExactly(1, 2, 3);
        assertThat(r.plates().get(0).materials()).extracting(MaterialCheck::kind)
                .containsExactly(MaterialKind.values());
    }

    @Test
    void acceptsTheMixDesignRecordLines() {
        List<MixQuantity> lines = DESIGN.entrySet().stream().map(e -> new MixQuantity(e.getKey(), e.getValue())).toList();
        assertThat(DosingComparison.compare(lines, List.of(plate(1, "2.0")), true).state())
                .isEqualTo(DosingState.WITHIN_TOLERANCE);
        List<MixQuantity> twice = List.of(new MixQuantity(MaterialKind.CEMENT, BigDecimal.TEN),
                new MixQuantity(MaterialKind.CEMENT, BigDecimal.ONE));
        assertThatThrownBy(() -> DosingComparison.compare(twice, List.of(plate(1, "2.0")), true))
                .isInstanceOf(ReportInputException.class).hasMessageContaining("design[1].kind");
    }

    @Test
    void unusableInputIsRefusedNamingEveryProblem() {
        DosingRecord other = new DosingRecord("20261124-776049653-000018", 2, T0, BigDecimal.ONE,
                Map.of(MaterialKind.CEMENT, BigDecimal.TEN));
        Map<MaterialKind, BigDecimal> bad = new EnumMap<>(DESIGN);
        bad.put(MaterialKind.WATER, new BigDecimal("-1"));
        try {
            DosingComparison.compare(bad, List.of(plate(1, "2.0"), other, plate(1, "1.0")), true);
            throw new AssertionError("expected a refusal");
        } catch (ReportInputException e) {
            assertThat(e.errors()).extracting(FieldError::field)
                    .containsExactly("design.WATER", "plates[1].serialNumber", "plates[2].plateNo");
        }
        assertThatThrownBy(() -> DosingComparison.compare(DESIGN, List.of(), true))
                .isInstanceOf(ReportInputException.class).hasMessageContaining("plates");
        assertThatThrownBy(() -> DosingComparison.compare(Map.of(), List.of(plate(1, "2.0")), true))
                .isInstanceOf(ReportInputException.class).hasMessageContaining("no material");
    }

    @Test
    void aDosingRecordRefusesImpossibleValues() {
        Map<MaterialKind, BigDecimal> kg = Map.of(MaterialKind.CEMENT, BigDecimal.TEN);
        assertThatThrownBy(() -> new DosingRecord(SERIAL, 0, T0, BigDecimal.ONE, kg))
                .hasMessageContaining("plateNo");
        assertThatThrownBy(() -> new DosingRecord(SERIAL, 1, T0, BigDecimal.ZERO, kg))
                .hasMessageContaining("volumeM3");
        assertThatThrownBy(() -> new DosingRecord(SERIAL, 1, T0, BigDecimal.ONE, Map.of(MaterialKind.SAND,
                new BigDecimal("-0.1")))).hasMessageContaining("SAND");
        assertThatThrownBy(() -> new DosingRecord(" ", 1, T0, BigDecimal.ONE, kg)).hasMessageContaining("serialNumber");
    }
}

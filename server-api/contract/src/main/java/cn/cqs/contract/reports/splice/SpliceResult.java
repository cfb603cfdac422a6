package cn.cqs.contract.reports.splice;

import cn.cqs.contract.reports.Conclusion;
import cn.cqs.contract.reports.ItemConclusion;
import cn.cqs.contract.reports.TestRound;
import cn.cqs.contract.reports.rebar.NominalDiameter;
import cn.cqs.contract.reports.rebar.RebarGrade;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The evaluated splice or welded joint test, as the report shows it.
 *
 * @param kind          mechanical or welded
 * @param barGrade      the bar's grade (fstk, fyk)
 * @param diameter      the bar's nominal diameter and area
 * @param spliceGrade   the mechanical splice grade; {@code null} for welded joints
 * @param weldingMethod the welding method; {@code null} for mechanical splices
 * @param testRound     初检 or 复检
 * @param specimens     each specimen's result, in input order
 * @param items         the single item (抗拉强度)
 * @param conclusion    the conclusion for the lot
 */
public record SpliceResult(SpliceKind kind, RebarGrade barGrade, NominalDiameter diameter, SpliceGrade spliceGrade,
                           WeldingMethod weldingMethod, TestRound testRound, List<SpecimenResult> specimens,
                           List<ItemConclusion> items, Conclusion conclusion) {
    public SpliceResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(barGrade, "barGrade");
        Objects.requireNonNull(diameter, "diameter");
        Objects.requireNonNull(testRound, "testRound");
        specimens = List.copyOf(specimens);
        items = List.copyOf(items);
        Objects.requireNonNull(conclusion, "conclusion");
    }

    /**
     * One specimen.
     *
     * @param tensileStrengthMpa  F / S0 to 1 MPa (S0 the bar's nominal area)
     * @param requiredMpa         the strength this specimen had to reach, given where it broke
     * @param location            where it broke
     * @param failureMode         how it broke (welded joints), else {@code null}
     * @param brokeAsBar          whether the break counts as in the bar: base metal, or for a welded
     *                            joint a ductile break in the heat-affected zone
     * @param meetsStrength       tensile strength ≥ required
     */
    public record SpecimenResult(BigDecimal tensileStrengthMpa, BigDecimal requiredMpa, FailureLocation location,
                                 FailureMode failureMode, boolean brokeAsBar, boolean meetsStrength) {
    }
}

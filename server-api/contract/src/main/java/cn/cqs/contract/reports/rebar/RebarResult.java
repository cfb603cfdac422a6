package cn.cqs.contract.reports.rebar;

import cn.cqs.contract.reports.Conclusion;
import cn.cqs.contract.reports.ItemConclusion;
import cn.cqs.contract.reports.TestRound;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The evaluated rebar test, as the report shows it.
 *
 * @param grade                  the grade
 * @param diameter               the nominal diameter, with its area and theoretical mass
 * @param testRound              初检 or 复检
 * @param originalGaugeLengthMm  L0 = 5d in mm (原始标距)
 * @param tensile                each tensile specimen's values, in input order
 * @param mandrelDiameterMm      the bend mandrel diameter D in mm (弯心直径)
 * @param bendCrackFree          each bend specimen's outcome, in input order
 * @param massDeviation          the mass deviation, {@code null} in a retest
 * @param items                  the single-item conclusions, in report order
 * @param conclusion             the overall conclusion (检测结论)
 */
public record RebarResult(
        RebarGrade grade,
        NominalDiameter diameter,
        TestRound testRound,
        BigDecimal originalGaugeLengthMm,
        List<TensileResult> tensile,
        int mandrelDiameterMm,
        List<Boolean> bendCrackFree,
        MassDeviation massDeviation,
        List<ItemConclusion> items,
        Conclusion conclusion) {

    public RebarResult {
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(diameter, "diameter");
        Objects.requireNonNull(testRound, "testRound");
        tensile = List.copyOf(tensile);
        bendCrackFree = List.copyOf(bendCrackFree);
        items = List.copyOf(items);
        Objects.requireNonNull(conclusion, "conclusion");
    }

    /** The single-item conclusion of {@code item} (e.g. {@code yieldStrength}), if the report has that item. */
    public Conclusion item(String item) {
        return items.stream().filter(i -> i.item().equals(item)).map(ItemConclusion::conclusion).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No item '" + item + "' in this result"));
    }

    /**
     * One tensile specimen's results (GB/T 228.1 reporting: strengths to 1 MPa, elongations to
     * 0.5 %).
     *
     * @param yieldStrengthMpa        ReL° = FeL / S0 (下屈服强度)
     * @param tensileStrengthMpa      Rm° = Fm / S0 (抗拉强度)
     * @param elongationPercent       A = (Lu − L0) / L0 × 100 (断后伸长率)
     * @param totalElongationPercent  Agt as measured, rounded (最大力总延伸率)
     * @param strengthYieldRatio      Rm° / ReL° to 0.01 (强屈比); {@code null} for a non-E grade
     * @param overYieldRatio          ReL° / ReL to 0.01 (超屈比); {@code null} for a non-E grade
     */
    public record TensileResult(BigDecimal yieldStrengthMpa, BigDecimal tensileStrengthMpa,
                                BigDecimal elongationPercent, BigDecimal totalElongationPercent,
                                BigDecimal strengthYieldRatio, BigDecimal overYieldRatio) {
    }

    /**
     * The mass deviation (重量偏差).
     *
     * @param theoreticalMassKg     total length × theoretical mass per metre, unrounded
     * @param deviationPercent      (measured − theoretical) / theoretical × 100, to 0.1 %
     * @param tolerancePercent      the permitted ± deviation of the diameter's band
     */
    public record MassDeviation(BigDecimal theoreticalMassKg, BigDecimal deviationPercent,
                                BigDecimal tolerancePercent) {
        /** Whether the rounded deviation lies within ± the tolerance. */
        public boolean withinTolerance() {
            return deviationPercent.abs().compareTo(tolerancePercent) <= 0;
        }
    }
}

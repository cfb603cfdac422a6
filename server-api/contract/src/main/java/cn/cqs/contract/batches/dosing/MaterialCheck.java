package cn.cqs.contract.batches.dosing;

import cn.cqs.contract.batches.MaterialKind;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One material compared with its target, for one plate or cumulatively over a batch's plates.
 *
 * @param kind             the material
 * @param targetKg         quantity per m³ × plate volume (summed over plates when cumulative), exact;
 *                         0 when the material is not in the mix design
 * @param actualKg         the weighed mass, or null when not weighed ({@link DosingVerdict#MISSING})
 * @param deviationPercent (actual − target) / target × 100 to 2 decimals (GB/T 8170), or null when
 *                         there is no target or no actual
 * @param limitPercent     the permitted deviation (±), or null when not judged
 * @param verdict          the result; judged on the exact deviation, not the rounded one
 */
public record MaterialCheck(MaterialKind kind, BigDecimal targetKg, BigDecimal actualKg, BigDecimal deviationPercent,
                            BigDecimal limitPercent, DosingVerdict verdict) {
    public MaterialCheck {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(targetKg, "targetKg");
        Objects.requireNonNull(verdict, "verdict");
    }
}

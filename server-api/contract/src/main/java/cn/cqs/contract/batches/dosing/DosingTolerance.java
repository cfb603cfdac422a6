package cn.cqs.contract.batches.dosing;

import cn.cqs.contract.batches.MaterialCategory;
import cn.cqs.contract.batches.MaterialKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The permitted dosing deviation of one material class (原材料计量允许偏差), GB/T 14902-2012 (the same
 * table as GB 50164-2011), in percent of the target mass:
 *
 * <table>
 *   <caption>每盘计量 / 累计计量允许偏差</caption>
 *   <tr><th>material</th><th>per plate (每盘)</th><th>cumulative (累计)</th></tr>
 *   <tr><td>binders 胶凝材料</td><td>±2 %</td><td>±1 %</td></tr>
 *   <tr><td>aggregates 骨料</td><td>±3 %</td><td>±2 %</td></tr>
 *   <tr><td>water 水</td><td>±1 %</td><td>±1 %</td></tr>
 *   <tr><td>admixtures 外加剂</td><td>±1 %</td><td>±1 %</td></tr>
 * </table>
 *
 * The cumulative limits apply to computer-controlled plants only (累计计量允许偏差仅适用于计算机控制计量的搅拌站).
 *
 * @param category          the material class
 * @param perPlatePercent   the limit for one plate, e.g. {@code 2} for ±2 %
 * @param cumulativePercent the limit summed over the plates of one production record
 */
public record DosingTolerance(MaterialCategory category, BigDecimal perPlatePercent, BigDecimal cumulativePercent) {

    /** The table, one row per material class. */
    public static final List<DosingTolerance> TABLE = List.of(
            new DosingTolerance(MaterialCategory.BINDER, new BigDecimal("2"), new BigDecimal("1")),
            new DosingTolerance(MaterialCategory.AGGREGATE, new BigDecimal("3"), new BigDecimal("2")),
            new DosingTolerance(MaterialCategory.WATER, new BigDecimal("1"), new BigDecimal("1")),
            new DosingTolerance(MaterialCategory.ADMIXTURE, new BigDecimal("1"), new BigDecimal("1")));

    public DosingTolerance {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(perPlatePercent, "perPlatePercent");
        Objects.requireNonNull(cumulativePercent, "cumulativePercent");
        if (perPlatePercent.signum() <= 0 || cumulativePercent.signum() <= 0) {
            throw new IllegalArgumentException("Tolerances are positive percentages");
        }
    }

    /** The row for a material class. */
    public static DosingTolerance of(MaterialCategory category) {
        Objects.requireNonNull(category, "category");
        return TABLE.stream().filter(t -> t.category == category).findFirst()
                .orElseThrow(() -> new IllegalStateException("No dosing tolerance for " + category));
    }

    /** The row for a material. */
    public static DosingTolerance of(MaterialKind kind) {
        return of(Objects.requireNonNull(kind, "kind").category());
    }
}

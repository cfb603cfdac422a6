package cn.cqs.contract.batches.dosing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One plate (盘) of a batch compared with the mix design (每盘计量偏差).
 *
 * @param plateNo   the plate number
 * @param time      when it was dosed
 * @param volumeM3  its volume, m³
 * @param materials one check per material in the design or weighed, in {@code MaterialKind} order
 */
public record PlateCheck(int plateNo, Instant time, BigDecimal volumeM3, List<MaterialCheck> materials) {
    public PlateCheck {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(volumeM3, "volumeM3");
        materials = List.copyOf(materials);
    }

    /** Whether no material of this plate is a finding. */
    public boolean within() {
        return materials.stream().noneMatch(m -> m.verdict().isFinding());
    }
}

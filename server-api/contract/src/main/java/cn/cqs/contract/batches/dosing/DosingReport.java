package cn.cqs.contract.batches.dosing;

import cn.cqs.contract.batches.DosingState;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The comparison of one production batch's dosing data (投料数据) with its mix design (配合比), R20:
 * every plate, every material, and the cumulative deviation per material over all plates.
 *
 * @param serialNumber       the batch's production serial number
 * @param computerControlled whether the plant doses under computer control (then the cumulative
 *                           limits apply)
 * @param totalVolumeM3      the sum of the plate volumes
 * @param plates             one check per plate, by plate number
 * @param cumulative         one check per material over all plates (累计计量偏差)
 * @param state              {@link DosingState#WITHIN_TOLERANCE} when no check is a finding, else
 *                           {@link DosingState#OUT_OF_TOLERANCE}
 */
public record DosingReport(String serialNumber, boolean computerControlled, BigDecimal totalVolumeM3,
                           List<PlateCheck> plates, List<MaterialCheck> cumulative, DosingState state) {
    public DosingReport {
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(totalVolumeM3, "totalVolumeM3");
        Objects.requireNonNull(state, "state");
        plates = List.copyOf(plates);
        cumulative = List.copyOf(cumulative);
    }

    /** The number of plates. */
    public int plateCount() {
        return plates.size();
    }

    /** The plates with at least one finding. */
    public List<PlateCheck> platesOutOfTolerance() {
        return plates.stream().filter(p -> !p.within()).toList();
    }

    /** The cumulative checks that are findings. */
    public List<MaterialCheck> cumulativeFindings() {
        return cumulative.stream().filter(c -> c.verdict().isFinding()).toList();
    }
}

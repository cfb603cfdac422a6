package cn.cqs.contract.batches.dosing;

import cn.cqs.contract.batches.MaterialKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One plate's dosing data (投料数据, 一盘) from a plant's batching control system: how much of each
 * material was weighed into one mixer load (盘) of a production batch. Aggregates weighed from
 * several bins are summed per {@link MaterialKind}. A material absent from {@code weighedKg} was
 * not weighed in this plate; {@code 0} means it was weighed as zero.
 *
 * @param serialNumber the production serial number (生产流水号) of the batch
 * @param plateNo      the plate number within the batch (盘号), from 1
 * @param time         when the plate was dosed
 * @param volumeM3     the plate volume (每盘方量), m³, more than 0
 * @param weighedKg    the weighed mass per material, kg, none negative
 */
public record DosingRecord(String serialNumber, int plateNo, Instant time, BigDecimal volumeM3,
                           Map<MaterialKind, BigDecimal> weighedKg) {
    /** The largest plate accepted, m³ (stationary mixers are at most about 6 m³). */
    public static final BigDecimal MAX_VOLUME_M3 = new BigDecimal("10");
    /** The largest mass of one material in one plate accepted, kg. */
    public static final BigDecimal MAX_KG = new BigDecimal("50000");

    public DosingRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(volumeM3, "volumeM3");
        if (serialNumber == null || serialNumber.isBlank()) {
            throw new IllegalArgumentException("serialNumber is required");
        }
        if (plateNo < 1) {
            throw new IllegalArgumentException("plateNo must be 1 or more, got " + plateNo);
        }
        if (volumeM3.signum() <= 0 || volumeM3.compareTo(MAX_VOLUME_M3) > 0) {
            throw new IllegalArgumentException("volumeM3 must be more than 0 and at most " + MAX_VOLUME_M3
                    + " m³, got " + volumeM3.toPlainString());
        }
        Objects.requireNonNull(weighedKg, "weighedKg");
        EnumMap<MaterialKind, BigDecimal> copy = new EnumMap<>(MaterialKind.class);
        weighedKg.forEach((kind, kg) -> {
            Objects.requireNonNull(kind, "material kind");
            Objects.requireNonNull(kg, "kg of " + kind);
            if (kg.signum() < 0 || kg.compareTo(MAX_KG) > 0) {
                throw new IllegalArgumentException(kind + " must be from 0 to " + MAX_KG + " kg, got "
                        + kg.toPlainString());
            }
            copy.put(kind, kg);
        });
        serialNumber = serialNumber.strip();
        weighedKg = Collections.unmodifiableMap(copy);
    }

    /** The weighed mass of one material, or null when it was not weighed in this plate. */
    public BigDecimal kg(MaterialKind kind) {
        return weighedKg.get(kind);
    }
}

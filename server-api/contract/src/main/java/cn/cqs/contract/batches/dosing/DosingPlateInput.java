package cn.cqs.contract.batches.dosing;

import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.validation.ErrorCodes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One plate of a JSON dosing upload, as sent: the fields of {@link DosingRecord}, unchecked, so
 * that every bad plate can be reported at once ({@link #toRecord}) instead of the first one failing.
 *
 * @param serialNumber the batch's production serial number (生产流水号)
 * @param plateNo      盘号, from 1
 * @param time         when the plate was dosed
 * @param volumeM3     每盘方量, m³, more than 0, at most {@link DosingRecord#MAX_VOLUME_M3}
 * @param weighedKg    kg weighed per material, each from 0 to {@link DosingRecord#MAX_KG}
 */
public record DosingPlateInput(String serialNumber, Integer plateNo, Instant time, BigDecimal volumeM3,
                               Map<MaterialKind, BigDecimal> weighedKg) {

    /** The same plate as input. */
    public static DosingPlateInput of(DosingRecord r) {
        return new DosingPlateInput(r.serialNumber(), r.plateNo(), r.time(), r.volumeM3(), r.weighedKg());
    }

    /**
     * The plate as a record, or null after adding one error per bad field to {@code errors}, each
     * named under {@code field} (e.g. {@code plates[3].volumeM3}, {@code plates[3].weighedKg.CEMENT}).
     */
    public DosingRecord toRecord(String field, List<FieldError> errors) {
        int before = errors.size();
        if (serialNumber == null || serialNumber.isBlank()) {
            errors.add(new FieldError(field + ".serialNumber", ErrorCodes.REQUIRED, "serialNumber is required"));
        }
        if (plateNo == null) {
            errors.add(new FieldError(field + ".plateNo", ErrorCodes.REQUIRED, "plateNo is required"));
        } else if (plateNo < 1) {
            errors.add(new FieldError(field + ".plateNo", ErrorCodes.OUT_OF_RANGE, "plateNo must be 1 or more, got " + plateNo));
        }
        if (time == null) {
            errors.add(new FieldError(field + ".time", ErrorCodes.REQUIRED, "time is required"));
        }
        if (volumeM3 == null) {
            errors.add(new FieldError(field + ".volumeM3", ErrorCodes.REQUIRED, "volumeM3 is required"));
        } else if (volumeM3.signum() <= 0 || volumeM3.compareTo(DosingRecord.MAX_VOLUME_M3) > 0) {
            errors.add(new FieldError(field + ".volumeM3", ErrorCodes.OUT_OF_RANGE, "volumeM3 must be more than 0 and at most "
                    + DosingRecord.MAX_VOLUME_M3 + " m³, got " + volumeM3.toPlainString()));
        }
        if (weighedKg == null || weighedKg.isEmpty()) {
            errors.add(new FieldError(field + ".weighedKg", ErrorCodes.REQUIRED, "weighedKg must name at least one material"));
        } else {
            weighedKg.forEach((kind, kg) -> {
                String name = field + ".weighedKg." + kind;
                if (kind == null) {
                    errors.add(new FieldError(field + ".weighedKg", ErrorCodes.FORMAT, "weighedKg has an unknown material"));
                } else if (kg == null) {
                    errors.add(new FieldError(name, ErrorCodes.REQUIRED, kind + ": a mass in kg is required"));
                } else if (kg.signum() < 0 || kg.compareTo(DosingRecord.MAX_KG) > 0) {
                    errors.add(new FieldError(name, ErrorCodes.OUT_OF_RANGE, kind + " must be from 0 to "
                            + DosingRecord.MAX_KG + " kg, got " + kg.toPlainString()));
                }
            });
        }
        return errors.size() > before ? null : new DosingRecord(serialNumber, plateNo, time, volumeM3, weighedKg);
    }
}

package cn.cqs.contract.batches.dosing;

import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.MixQuantity;
import cn.cqs.contract.numbers.Gb8170;
import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.validation.ErrorCodes;
import cn.cqs.contract.reports.validation.ReportInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a production batch's dosing data with its mix design (投料数据与配合比比对, R20), per plate
 * (每盘) and cumulatively over the batch's plates (累计), against {@link DosingTolerance}.
 *
 * <ul>
 *   <li>target = design quantity per m³ × plate volume (exact); cumulative target = the sum of the
 *       plate targets, cumulative actual = the sum of the weighed masses;</li>
 *   <li>deviation = (actual − target) / target × 100 %, reported to 2 decimals (GB/T 8170); the
 *       verdict is on the exact value (GB/T 8170 全数值比较法): |actual − target| × 100 ≤ limit ×
 *       target is within, so exactly at the limit is within;</li>
 *   <li>a design material not weighed in a plate is {@link DosingVerdict#MISSING} there (and
 *       cumulatively when weighed in no plate); a material weighed (more than 0 kg) but not in the
 *       design (quantity absent or 0) is {@link DosingVerdict#NOT_IN_DESIGN}; weighed as 0 and not
 *       in the design is ignored;</li>
 *   <li>cumulative limits are applied only for computer-controlled plants; otherwise the cumulative
 *       deviation is shown as {@link DosingVerdict#NOT_JUDGED};</li>
 *   <li>the batch is {@link DosingState#OUT_OF_TOLERANCE} when any check is a finding.</li>
 * </ul>
 * See {@code docs/rules/dosing.md}.
 */
public final class DosingComparison {
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private DosingComparison() {
    }

    /** Compares with a registered mix design's lines. */
    public static DosingReport compare(List<MixQuantity> design, List<DosingRecord> plates, boolean computerControlled) {
        Objects.requireNonNull(design, "design");
        List<FieldError> errors = new ArrayList<>();
        Map<MaterialKind, BigDecimal> perM3 = new EnumMap<>(MaterialKind.class);
        for (int i = 0; i < design.size(); i++) {
            MixQuantity q = design.get(i);
            if (q == null || q.kind() == null) {
                errors.add(new FieldError("design[" + i + "].kind", ErrorCodes.REQUIRED, "Required"));
            } else if (perM3.containsKey(q.kind())) {
                errors.add(new FieldError("design[" + i + "].kind", ErrorCodes.NOT_ALLOWED,
                        q.kind() + " appears twice in the mix design"));
            } else {
                perM3.put(q.kind(), q.kgPerM3());
            }
        }
        if (!errors.isEmpty()) {
            throw new ReportInputException("dosing comparison", errors);
        }
        return compare(perM3, plates, computerControlled);
    }

    /**
     * Compares the plates of one production batch with the design quantities.
     *
     * @param designKgPerM3      the mix design: kg per m³ per material; a missing or 0 quantity
     *                           means the material is not in the design
     * @param plates             the plates of one batch (one serial number), each plate number once
     * @param computerControlled whether the plant doses under computer control
     * @throws ReportInputException naming every unusable input (no plates, mixed serial numbers,
     *                              repeated plate numbers, negative quantities, an empty design)
     */
    public static DosingReport compare(Map<MaterialKind, BigDecimal> designKgPerM3, List<DosingRecord> plates,
                                       boolean computerControlled) {
        Objects.requireNonNull(designKgPerM3, "designKgPerM3");
        List<FieldError> errors = new ArrayList<>();
        Map<MaterialKind, BigDecimal> design = new EnumMap<>(MaterialKind.class);
        designKgPerM3.forEach((kind, kg) -> {
            String field = "design." + kind;
            if (kg == null) {
                errors.add(new FieldError(field, ErrorCodes.REQUIRED, "Required"));
            } else if (kg.signum() < 0) {
                errors.add(new FieldError(field, ErrorCodes.OUT_OF_RANGE,
                        "A quantity per m³ cannot be negative, got " + kg.toPlainString()));
            } else if (kg.signum() > 0) {
                design.put(kind, kg);
            }
        });
        if (design.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("design", ErrorCodes.REQUIRED, "The mix design has no material"));
        }
        checkPlates(plates, errors);
        if (!errors.isEmpty()) {
            throw new ReportInputException("dosing comparison", errors);
        }

        List<DosingRecord> ordered = plates.stream().sorted(Comparator.comparingInt(DosingRecord::plateNo)).toList();
        Set<MaterialKind> kinds = new TreeSet<>(design.keySet());
        ordered.forEach(p -> p.weighedKg().forEach((kind, kg) -> {
            if (kg.signum() > 0) {
                kinds.add(kind);
            }
        }));

        Map<MaterialKind, BigDecimal> targetSum = new EnumMap<>(MaterialKind.class);
        Map<MaterialKind, BigDecimal> actualSum = new EnumMap<>(MaterialKind.class);
        List<PlateCheck> plateChecks = new ArrayList<>();
        BigDecimal totalVolume = BigDecimal.ZERO;
        for (DosingRecord plate : ordered) {
            totalVolume = totalVolume.add(plate.volumeM3());
            List<MaterialCheck> checks = new ArrayList<>();
            for (MaterialKind kind : kinds) {
                BigDecimal perM3 = design.get(kind);
                BigDecimal target = perM3 == null ? BigDecimal.ZERO : perM3.multiply(plate.volumeM3());
                BigDecimal actual = plate.kg(kind);
                targetSum.merge(kind, target, BigDecimal::add);
                if (actual != null) {
                    actualSum.merge(kind, actual, BigDecimal::add);
                }
                checks.add(check(kind, target, actual, DosingTolerance.of(kind).perPlatePercent()));
            }
            plateChecks.add(new PlateCheck(plate.plateNo(), plate.time(), plate.volumeM3(), checks));
        }

        List<MaterialCheck> cumulative = new ArrayList<>();
        for (MaterialKind kind : kinds) {
            BigDecimal limit = computerControlled ? DosingTolerance.of(kind).cumulativePercent() : null;
            cumulative.add(check(kind, targetSum.get(kind), actualSum.get(kind), limit));
        }

        boolean finding = plateChecks.stream().anyMatch(p -> !p.within())
                || cumulative.stream().anyMatch(c -> c.verdict().isFinding());
        return new DosingReport(ordered.get(0).serialNumber(), computerControlled, totalVolume, plateChecks,
                cumulative, finding ? DosingState.OUT_OF_TOLERANCE : DosingState.WITHIN_TOLERANCE);
    }

    /**
     * The deviation in percent, (actual − target) / target × 100, to 2 decimals (GB/T 8170).
     *
     * @throws ArithmeticException when the target is 0
     */
    public static BigDecimal deviationPercent(BigDecimal target, BigDecimal actual) {
        return Gb8170.divide(actual.subtract(target).multiply(HUNDRED), target, 2);
    }

    /** Whether |actual − target| is at most {@code limitPercent} % of target, exactly. */
    public static boolean within(BigDecimal target, BigDecimal actual, BigDecimal limitPercent) {
        return actual.subtract(target).abs().multiply(HUNDRED).compareTo(limitPercent.multiply(target)) <= 0;
    }

    /** One check; {@code limit} null means not judged (cumulative, not computer-controlled). */
    private static MaterialCheck check(MaterialKind kind, BigDecimal target, BigDecimal actual, BigDecimal limit) {
        if (target.signum() == 0) {
            // not in the design: only reached when some plate weighed it (> 0)
            DosingVerdict verdict = actual != null && actual.signum() > 0 ? DosingVerdict.NOT_IN_DESIGN
                    : limit == null ? DosingVerdict.NOT_JUDGED : DosingVerdict.WITHIN;
            return new MaterialCheck(kind, target, actual, null, null, verdict);
        }
        if (actual == null) {
            return new MaterialCheck(kind, target, null, null, limit, DosingVerdict.MISSING);
        }
        BigDecimal deviation = deviationPercent(target, actual);
        DosingVerdict verdict = limit == null ? DosingVerdict.NOT_JUDGED
                : within(target, actual, limit) ? DosingVerdict.WITHIN : DosingVerdict.OUT;
        return new MaterialCheck(kind, target, actual, deviation, limit, verdict);
    }

    private static void checkPlates(List<DosingRecord> plates, List<FieldError> errors) {
        if (plates == null || plates.isEmpty()) {
            errors.add(new FieldError("plates", ErrorCodes.REQUIRED, "No dosing records (plates) for the batch"));
            return;
        }
        String serial = null;
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < plates.size(); i++) {
            DosingRecord p = plates.get(i);
            if (p == null) {
                errors.add(new FieldError("plates[" + i + "]", ErrorCodes.REQUIRED, "Required"));
                continue;
            }
            if (serial == null) {
                serial = p.serialNumber();
            } else if (!serial.equals(p.serialNumber())) {
                errors.add(new FieldError("plates[" + i + "].serialNumber", ErrorCodes.NOT_ALLOWED,
                        "All plates of one comparison belong to one batch: " + serial + ", got " + p.serialNumber()));
            }
            if (!seen.add(p.plateNo())) {
                errors.add(new FieldError("plates[" + i + "].plateNo", ErrorCodes.NOT_ALLOWED,
                        "Plate " + p.plateNo() + " appears twice"));
            }
        }
    }
}

package cn.cqs.contract.batches.evaluation;

import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.validation.ErrorCodes;
import cn.cqs.contract.reports.validation.ReportInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * How many strength samples (取样次数; each at least one group of cubes, 每次取样至少留置一组试件) a
 * pour of one mix design needs, GB 50204-2015 §7.4.1 (the same as GB/T 50107-2010 §4.1.3):
 * <ul>
 *   <li>at least once per 100 plates (盘) and per 100 m³ of the same mix (每拌制100盘且不超过100m³);</li>
 *   <li>at least once per shift (每工作班), even below 100 plates;</li>
 *   <li>a continuous pour of more than 1000 m³ (连续浇筑超过1000m³): at least once per 200 m³, instead of
 *       the 100-plate / 100 m³ rule;</li>
 *   <li>at least once per floor (每一楼层).</li>
 * </ul>
 * The required number is the largest of these. See {@code docs/rules/strength-evaluation.md}.
 */
public final class StrengthSampling {
    /** Plates per sample (每100盘). */
    public static final int PLATES_PER_SAMPLE = 100;
    /** m³ per sample in an ordinary pour. */
    public static final BigDecimal M3_PER_SAMPLE = new BigDecimal("100");
    /** A continuous pour above this volume is sampled per {@link #M3_PER_SAMPLE_LARGE_POUR}. */
    public static final BigDecimal LARGE_POUR_M3 = new BigDecimal("1000");
    /** m³ per sample in a continuous pour above {@link #LARGE_POUR_M3}. */
    public static final BigDecimal M3_PER_SAMPLE_LARGE_POUR = new BigDecimal("200");

    private StrengthSampling() {
    }

    /**
     * The requirement for one pour and how it was reached.
     *
     * @param byPlates   ⌈plates / 100⌉, 0 when the large-pour rule applies
     * @param byVolume   ⌈volume / 100⌉, or ⌈volume / 200⌉ for a continuous pour above 1000 m³
     * @param byShifts   the number of shifts
     * @param byFloors   the number of floors
     * @param largePour  whether the 200 m³ rule applied
     * @param required   the largest of the four
     */
    public record Requirement(int byPlates, int byVolume, int byShifts, int byFloors, boolean largePour,
                              int required) {
        /** Whether {@code samplesTaken} samples meet the requirement. */
        public boolean metBy(int samplesTaken) {
            return samplesTaken >= required;
        }
    }

    /**
     * The samples a pour of one mix design needs.
     *
     * @param plates     the plates mixed (盘数), 0 or more
     * @param volumeM3   the volume poured, m³, more than 0
     * @param shifts     the shifts it spans (工作班), 1 or more
     * @param floors     the floors it covers (楼层), 0 when not a building floor pour
     * @param continuous whether it is one continuous pour (连续浇筑)
     * @throws ReportInputException naming every unusable input
     */
    public static Requirement required(int plates, BigDecimal volumeM3, int shifts, int floors, boolean continuous) {
        List<FieldError> errors = new ArrayList<>();
        if (plates < 0) {
            errors.add(new FieldError("plates", ErrorCodes.OUT_OF_RANGE, "Must be 0 or more, got " + plates));
        }
        if (volumeM3 == null) {
            errors.add(new FieldError("volumeM3", ErrorCodes.REQUIRED, "Required"));
        } else if (volumeM3.signum() <= 0) {
            errors.add(new FieldError("volumeM3", ErrorCodes.OUT_OF_RANGE,
                    "Must be more than 0 m³, got " + volumeM3.toPlainString()));
        }
        if (shifts < 1) {
            errors.add(new FieldError("shifts", ErrorCodes.OUT_OF_RANGE, "Must be 1 or more, got " + shifts));
        }
        if (floors < 0) {
            errors.add(new FieldError("floors", ErrorCodes.OUT_OF_RANGE, "Must be 0 or more, got " + floors));
        }
        if (!errors.isEmpty()) {
            throw new ReportInputException("strength sampling", errors);
        }
        boolean largePour = continuous && volumeM3.compareTo(LARGE_POUR_M3) > 0;
        int byPlates = largePour ? 0 : ceilDiv(BigDecimal.valueOf(plates), BigDecimal.valueOf(PLATES_PER_SAMPLE));
        int byVolume = ceilDiv(volumeM3, largePour ? M3_PER_SAMPLE_LARGE_POUR : M3_PER_SAMPLE);
        int required = Math.max(Math.max(byPlates, byVolume), Math.max(shifts, floors));
        return new Requirement(byPlates, byVolume, shifts, floors, largePour, required);
    }

    private static int ceilDiv(BigDecimal amount, BigDecimal per) {
        return amount.divide(per, 0, RoundingMode.CEILING).intValueExact();
    }
}

package cn.cqs.contract.reports.cube;

import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.validation.ErrorCodes;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The cube sizes GB/T 50081-2019 allows (试件尺寸), by side length, each with its prescribed size
 * conversion factor (尺寸换算系数) to the standard 150 mm cube. In JSON a size is its side length
 * in millimetres ({@code 150}).
 */
public enum SpecimenSize {
    /** 100 mm non-standard cube (非标准试件), factor 0.95. */
    MM_100(100, new BigDecimal("0.95")),
    /** 150 mm standard cube (标准试件), factor 1.00. */
    MM_150(150, new BigDecimal("1.00")),
    /** 200 mm non-standard cube (非标准试件), factor 1.05. */
    MM_200(200, new BigDecimal("1.05"));

    private final int sideMm;
    private final BigDecimal prescribedSizeFactor;

    SpecimenSize(int sideMm, BigDecimal prescribedSizeFactor) {
        this.sideMm = sideMm;
        this.prescribedSizeFactor = prescribedSizeFactor;
    }

    /** The side length in millimetres. */
    @JsonValue
    public int sideMm() {
        return sideMm;
    }

    /** The loaded area (承压面积) in mm², the side length squared. */
    public BigDecimal areaMm2() {
        return BigDecimal.valueOf((long) sideMm * sideMm);
    }

    /**
     * The size factor GB/T 50081 prescribes for concrete below C60. For C60 and above with a
     * non-standard cube the factor must be determined by testing instead; see
     * {@link CubeStrengthRule#sizeFactor}.
     */
    public BigDecimal prescribedSizeFactor() {
        return prescribedSizeFactor;
    }

    /** Whether this is the 150 mm standard cube. */
    public boolean isStandard() {
        return this == MM_150;
    }

    /** The size with this side length, if GB/T 50081 allows it. */
    public static Optional<SpecimenSize> ofSideMm(int sideMm) {
        return Arrays.stream(values()).filter(s -> s.sideMm == sideMm).findFirst();
    }

    /**
     * The size with this side length.
     *
     * @throws IllegalArgumentException naming the allowed sizes if this one is not allowed
     */
    @JsonCreator
    public static SpecimenSize requireSideMm(int sideMm) {
        return ofSideMm(sideMm).orElseThrow(() -> new IllegalArgumentException(notAllowedMessage(sideMm)));
    }

    /**
     * Checks a side length as entered, reporting against {@code field}.
     *
     * @return the error, or empty when the side length is one of 100, 150 or 200 mm
     */
    public static Optional<FieldError> check(String field, Integer sideMm) {
        if (sideMm == null) {
            return Optional.of(new FieldError(field, ErrorCodes.REQUIRED, "Required"));
        }
        if (ofSideMm(sideMm).isEmpty()) {
            return Optional.of(new FieldError(field, ErrorCodes.NOT_ALLOWED, notAllowedMessage(sideMm)));
        }
        return Optional.empty();
    }

    private static String notAllowedMessage(int sideMm) {
        return "Cube side must be 100, 150 or 200 mm (GB/T 50081-2019), got " + sideMm + " mm";
    }
}

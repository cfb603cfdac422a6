package cn.cqs.contract.reports.rebar;

import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.validation.ErrorCodes;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The hot-rolled ribbed bar grades (牌号) of GB/T 1499.2-2018 this system tests, with their
 * minimum mechanical properties (力学性能特征值, table 6 of the standard) and bend mandrel
 * diameters (弯曲压头直径, table 7). Grades ending in E are the seismic grades (抗震钢筋), which
 * must also meet {@link #MIN_STRENGTH_YIELD_RATIO}, {@link #MAX_OVER_YIELD_RATIO} and an Agt of at
 * least 9.0 %. The fine-grain HRBF grades are not offered.
 */
public enum RebarGrade {
    HRB400(400, 540, "16", "7.5", false, 4, 5, 6),
    HRB400E(400, 540, "16", "9.0", true, 4, 5, 6),
    HRB500(500, 630, "15", "7.5", false, 6, 7, 8),
    HRB500E(500, 630, "15", "9.0", true, 6, 7, 8),
    HRB600(600, 730, "14", "7.5", false, 6, 7, 8);

    /** E grades: actual tensile strength over actual yield strength (强屈比 Rm°/ReL°), at least this. */
    public static final BigDecimal MIN_STRENGTH_YIELD_RATIO = new BigDecimal("1.25");
    /** E grades: actual yield strength over the grade's minimum (超屈比 ReL°/ReL), at most this. */
    public static final BigDecimal MAX_OVER_YIELD_RATIO = new BigDecimal("1.30");

    private final BigDecimal minYieldStrengthMpa;
    private final BigDecimal minTensileStrengthMpa;
    private final BigDecimal minElongationPercent;
    private final BigDecimal minTotalElongationPercent;
    private final boolean seismic;
    private final int mandrelUpTo25;
    private final int mandrel28To40;
    private final int mandrelAbove40;

    RebarGrade(int reL, int rm, String a, String agt, boolean seismic, int mandrelUpTo25, int mandrel28To40,
               int mandrelAbove40) {
        this.minYieldStrengthMpa = BigDecimal.valueOf(reL);
        this.minTensileStrengthMpa = BigDecimal.valueOf(rm);
        this.minElongationPercent = new BigDecimal(a);
        this.minTotalElongationPercent = new BigDecimal(agt);
        this.seismic = seismic;
        this.mandrelUpTo25 = mandrelUpTo25;
        this.mandrel28To40 = mandrel28To40;
        this.mandrelAbove40 = mandrelAbove40;
    }

    /** ReL min, the lower yield strength (下屈服强度) in MPa; also the bar's fyk (屈服强度标准值). */
    public BigDecimal minYieldStrengthMpa() {
        return minYieldStrengthMpa;
    }

    /** Rm min, the tensile strength (抗拉强度) in MPa; also the bar's fstk (极限强度标准值). */
    public BigDecimal minTensileStrengthMpa() {
        return minTensileStrengthMpa;
    }

    /** A min, the elongation after fracture (断后伸长率) in %. */
    public BigDecimal minElongationPercent() {
        return minElongationPercent;
    }

    /** Agt min, the total elongation at maximum force (最大力总延伸率) in %: 7.5, or 9.0 for E grades. */
    public BigDecimal minTotalElongationPercent() {
        return minTotalElongationPercent;
    }

    /** Whether this is a seismic (E) grade with the two ratio requirements. */
    public boolean isSeismic() {
        return seismic;
    }

    /**
     * The bend mandrel diameter (弯曲压头直径) as a multiple of d for a bend of 180°: HRB400(E)
     * 4d / 5d / 6d, HRB500(E) and HRB600 6d / 7d / 8d, for d of 6-25, 28-40 and above 40 mm.
     */
    public int mandrelDiameterFactor(NominalDiameter diameter) {
        int d = diameter.mm();
        if (d <= 25) {
            return mandrelUpTo25;
        }
        return d <= 40 ? mandrel28To40 : mandrelAbove40;
    }

    /** The grade named by {@code text}, ignoring case and surrounding spaces, if there is one. */
    public static Optional<RebarGrade> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(g -> g.name().equals(key)).findFirst();
    }

    /**
     * The grade named by {@code text}.
     *
     * @throws IllegalArgumentException naming the grades when there is no such grade
     */
    public static RebarGrade parse(String text) {
        Optional<FieldError> error = check("grade", text);
        if (error.isPresent()) {
            throw new IllegalArgumentException(error.get().message());
        }
        return find(text).orElseThrow();
    }

    /** Checks a grade as entered: {@code required} when blank, {@code not_allowed} when unknown. */
    public static Optional<FieldError> check(String field, String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(new FieldError(field, ErrorCodes.REQUIRED, "Required"));
        }
        if (find(text).isEmpty()) {
            return Optional.of(new FieldError(field, ErrorCodes.NOT_ALLOWED, "No rebar grade '" + text.strip()
                    + "'; grades are " + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))));
        }
        return Optional.empty();
    }
}

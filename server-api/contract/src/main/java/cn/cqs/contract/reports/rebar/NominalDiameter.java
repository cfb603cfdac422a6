package cn.cqs.contract.reports.rebar;

import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.validation.ErrorCodes;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The nominal diameters (公称直径) of GB/T 1499.2-2018, each with its nominal cross-section area
 * (公称横截面面积) and theoretical mass per metre (理论重量) as the standard's table prints them,
 * and the permitted mass deviation (重量允许偏差) of its band. The one table of these numbers in
 * the system: the mechanical splice and welded joint rules use it too.
 */
public enum NominalDiameter {
    D6(6, "28.27", "0.222", "5.5"),
    D8(8, "50.27", "0.395", "5.5"),
    D10(10, "78.54", "0.617", "5.5"),
    D12(12, "113.1", "0.888", "5.5"),
    D14(14, "153.9", "1.21", "4.5"),
    D16(16, "201.1", "1.58", "4.5"),
    D18(18, "254.5", "2.00", "4.5"),
    D20(20, "314.2", "2.47", "4.5"),
    D22(22, "380.1", "2.98", "3.5"),
    D25(25, "490.9", "3.85", "3.5"),
    D28(28, "615.8", "4.83", "3.5"),
    D32(32, "804.2", "6.31", "3.5"),
    D36(36, "1018", "7.99", "3.5"),
    D40(40, "1257", "9.87", "3.5"),
    D50(50, "1964", "15.42", "3.5");

    private final int mm;
    private final BigDecimal areaMm2;
    private final BigDecimal massKgPerM;
    private final BigDecimal massTolerancePercent;

    NominalDiameter(int mm, String areaMm2, String massKgPerM, String massTolerancePercent) {
        this.mm = mm;
        this.areaMm2 = new BigDecimal(areaMm2);
        this.massKgPerM = new BigDecimal(massKgPerM);
        this.massTolerancePercent = new BigDecimal(massTolerancePercent);
    }

    /** The nominal diameter d in mm. */
    public int mm() {
        return mm;
    }

    /** The nominal cross-section area S0 in mm², as tabulated. */
    public BigDecimal areaMm2() {
        return areaMm2;
    }

    /** The theoretical mass in kg per metre, as tabulated. */
    public BigDecimal massKgPerM() {
        return massKgPerM;
    }

    /** The permitted mass deviation, ± this many percent: 5.5 (6-12 mm), 4.5 (14-20), 3.5 (22-50). */
    public BigDecimal massTolerancePercent() {
        return massTolerancePercent;
    }

    /** The diameter of {@code mm} millimetres, if the standard lists it. */
    public static Optional<NominalDiameter> ofMm(int mm) {
        return Arrays.stream(values()).filter(d -> d.mm == mm).findFirst();
    }

    /**
     * The diameter of {@code mm} millimetres.
     *
     * @throws IllegalArgumentException listing the diameters when it is not one of them
     */
    public static NominalDiameter requireMm(int mm) {
        return ofMm(mm).orElseThrow(() -> new IllegalArgumentException(notAllowed(mm)));
    }

    /** Checks a diameter as entered: {@code required} when missing, {@code not_allowed} when not listed. */
    public static Optional<FieldError> check(String field, Integer mm) {
        if (mm == null) {
            return Optional.of(new FieldError(field, ErrorCodes.REQUIRED, "Required"));
        }
        if (ofMm(mm).isEmpty()) {
            return Optional.of(new FieldError(field, ErrorCodes.NOT_ALLOWED, notAllowed(mm)));
        }
        return Optional.empty();
    }

    private static String notAllowed(int mm) {
        return "Nominal diameters (GB/T 1499.2-2018) are "
                + Arrays.stream(values()).map(d -> Integer.toString(d.mm)).collect(Collectors.joining(", "))
                + " mm, got " + mm + " mm";
    }
}

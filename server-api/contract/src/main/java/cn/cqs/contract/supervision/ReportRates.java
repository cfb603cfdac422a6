package cn.cqs.contract.supervision;

import cn.cqs.contract.numbers.Gb8170;
import java.math.BigDecimal;

/**
 * The rates of the report statistics (不合格率, 逾期上传率) as percentages: {@code part / whole x 100},
 * rounded once, from the exact quotient, to {@value #DECIMALS} decimal place by GB/T 8170
 * (a dropped part of exactly 5 goes to the even digit: 1 of 800 = 0.125 % is 0.1 %, 3 of 800 =
 * 0.375 % is 0.4 %).
 */
public final class ReportRates {
    /** Decimal places of every rate, in percent (0.1 %). */
    public static final int DECIMALS = 1;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ReportRates() {
    }

    /**
     * {@code part} of {@code whole} in percent, or null when {@code whole} is 0 (no reports: there is
     * no rate, which is not the same as a rate of 0 %).
     *
     * @throws IllegalArgumentException if a count is negative or {@code part > whole}
     */
    public static BigDecimal percent(long part, long whole) {
        if (part < 0 || whole < 0) {
            throw new IllegalArgumentException("Counts must not be negative, got " + part + " of " + whole);
        }
        if (part > whole) {
            throw new IllegalArgumentException("A part (" + part + ") cannot exceed its whole (" + whole + ")");
        }
        if (whole == 0) {
            return null;
        }
        return Gb8170.divide(BigDecimal.valueOf(part).multiply(HUNDRED), BigDecimal.valueOf(whole), DECIMALS);
    }
}

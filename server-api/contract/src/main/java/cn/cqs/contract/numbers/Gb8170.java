package cn.cqs.contract.numbers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Rounding of numbers as GB/T 8170-2008 (数值修约规则与极限数值的表示和判定) prescribes.
 *
 * <p>The rule (进舍规则), applied to the part to be dropped (拟舍弃部分):
 * <ul>
 *   <li>less than half a unit of the kept last place: drop it (舍去);</li>
 *   <li>more than half: round up (进一), so {@code 1.2501} to 0.1 is {@code 1.3};</li>
 *   <li>exactly half ({@code 5} followed by nothing or only zeros): make the kept last digit even
 *       (奇进偶舍), so {@code 1.25 -> 1.2}, {@code 1.35 -> 1.4};</li>
 *   <li>a negative number is rounded by its absolute value and the sign put back, so the rule
 *       is symmetric: {@code -1.25 -> -1.2}.</li>
 * </ul>
 * That is exactly {@link RoundingMode#HALF_EVEN} applied to the exact decimal value, which is why
 * every rule with a limit works on {@link BigDecimal} and never on {@code double}.
 *
 * <p>GB/T 8170 also says a value is rounded once, from the original, not in steps (不得连续修约).
 * Where a test standard itself prescribes intermediate rounding (e.g. each cube's strength to
 * 0.1 MPa before the group is evaluated), the caller applies this class at each prescribed step.
 */
public final class Gb8170 {
    private Gb8170() {
    }

    /**
     * Rounds {@code value} to {@code decimals} places after the decimal point (修约到小数点后
     * {@code decimals} 位). A negative {@code decimals} rounds to tens ({@code -1}), hundreds
     * ({@code -2}), ...; the result is then returned with scale 0 ({@code 1250 -> 1200} at
     * {@code -2}).
     *
     * @return the rounded value; its scale is exactly {@code max(decimals, 0)}
     */
    public static BigDecimal round(BigDecimal value, int decimals) {
        Objects.requireNonNull(value, "value");
        BigDecimal rounded = value.setScale(decimals, RoundingMode.HALF_EVEN);
        return decimals < 0 ? rounded.setScale(0, RoundingMode.UNNECESSARY) : rounded;
    }

    /**
     * Rounds {@code value} to a multiple of {@code interval} (修约间隔), e.g. {@code 0.5} or
     * {@code 0.2} units, or {@code 5} or {@code 10}. This is GB/T 8170's "0.5 单位修约" and
     * "0.2 单位修约" generalised: the quotient {@code value / interval} is rounded to a whole number
     * by the rule above and multiplied back; {@code 60.25} to {@code 0.5} is {@code 60.0}
     * ({@code 120.5 -> 120}), {@code 60.38} to {@code 0.5} is {@code 60.5}.
     *
     * @param interval a positive interval
     * @return a multiple of {@code interval} with the interval's scale
     * @throws IllegalArgumentException if {@code interval} is not positive
     */
    public static BigDecimal roundToInterval(BigDecimal value, BigDecimal interval) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(interval, "interval");
        if (interval.signum() <= 0) {
            throw new IllegalArgumentException("The rounding interval must be positive, got "
                    + interval.toPlainString());
        }
        BigDecimal multiples = value.divide(interval, 0, RoundingMode.HALF_EVEN);
        BigDecimal result = multiples.multiply(interval);
        return result.scale() < 0 ? result.setScale(0, RoundingMode.UNNECESSARY) : result;
    }

    /**
     * Divides and rounds the <em>exact</em> quotient to {@code decimals} places, so a quotient
     * that does not terminate (e.g. {@code 100 / 3}) is still rounded correctly, and one that is
     * exactly half-way (e.g. {@code 905.625 / 22.5 = 40.25}) goes to the even digit.
     *
     * @throws ArithmeticException if {@code divisor} is zero
     */
    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor, int decimals) {
        Objects.requireNonNull(dividend, "dividend");
        Objects.requireNonNull(divisor, "divisor");
        if (divisor.signum() == 0) {
            throw new ArithmeticException("Division by zero");
        }
        BigDecimal quotient = dividend.divide(divisor, decimals, RoundingMode.HALF_EVEN);
        return decimals < 0 ? quotient.setScale(0, RoundingMode.UNNECESSARY) : quotient;
    }
}

package cn.cqs.contract.reports.cube;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The loading rate range (加荷速度) GB/T 50081-2019 prescribes for a strength grade, in MPa per
 * second; the report form shows it.
 *
 * @param minMpaPerSecond the lowest rate, inclusive
 * @param maxMpaPerSecond the highest rate, inclusive
 */
public record LoadingRate(BigDecimal minMpaPerSecond, BigDecimal maxMpaPerSecond) {
    public LoadingRate {
        Objects.requireNonNull(minMpaPerSecond, "minMpaPerSecond");
        Objects.requireNonNull(maxMpaPerSecond, "maxMpaPerSecond");
        if (minMpaPerSecond.signum() <= 0 || minMpaPerSecond.compareTo(maxMpaPerSecond) > 0) {
            throw new IllegalArgumentException("A loading rate range needs 0 < min <= max, got "
                    + minMpaPerSecond.toPlainString() + " .. " + maxMpaPerSecond.toPlainString());
        }
    }

    /** The range as printed on the form, e.g. {@code 0.5~0.8}. */
    public String display() {
        return minMpaPerSecond.toPlainString() + "~" + maxMpaPerSecond.toPlainString();
    }
}
